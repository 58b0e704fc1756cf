#pragma once
// Shared pieces of the pfviz-cli subcommands: exit codes, usage errors, finding scenarios.
// The command line itself is parsed in CommandLine.h.
#include <string>
#include <vector>

#include "pfviz/Scenario.h"

namespace pfviz::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitMismatch = 1;
inline constexpr int kExitBadInput = 2;

/// Thrown for usage errors; the message is printed as "pfviz-cli CMD: message" and the
/// program exits with 2.
struct UsageError {
    std::string message;
};

/// Loads a scenario given as a file path or the name of a built-in. Throws ScenarioError.
Scenario loadScenarioArg(const std::string& fileOrName);
std::vector<std::string> builtinNames();

}  // namespace pfviz::cli
