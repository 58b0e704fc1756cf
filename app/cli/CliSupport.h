#pragma once
// Shared pieces of the pfviz-cli subcommands: argument scanning, finding scenarios.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pfviz/Scenario.h"

namespace pfviz::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitMismatch = 1;
inline constexpr int kExitBadInput = 2;

/// Thrown for usage errors; main prints the message and exits with 2.
struct UsageError {
    std::string message;
};

/// Simple option scanner: "--name value", "--name=value" and flags.
class Args {
public:
    explicit Args(std::vector<std::string> args) : m_args(std::move(args)) {}
    bool flag(const std::string& name);
    std::optional<std::string> value(const std::string& name);
    std::optional<std::uint64_t> unsignedValue(const std::string& name);
    /// The remaining positional arguments; unknown options are a UsageError.
    std::vector<std::string> positionals() const;

private:
    std::vector<std::string> m_args;
    std::vector<bool> m_used = std::vector<bool>(m_args.size(), false);
};

/// Loads a scenario given as a file path or the name of a built-in. Throws ScenarioError.
Scenario loadScenarioArg(const std::string& fileOrName);
std::vector<std::string> builtinNames();

}  // namespace pfviz::cli
