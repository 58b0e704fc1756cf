#pragma once
// pfviz-cli's one command-line parser: a CLI::App with one subcommand per command, and the rules
// every command shares. A value option is given at most once ("--seed given twice"), numbers are
// parsed with std::from_chars (no sign, no wrap-around, no octal), flags take no value, every
// subcommand has --help and --version. Errors are printed as "pfviz-cli CMD: message" and
// "(see pfviz-cli CMD --help)" on stderr; parse() returns the exit code.
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace pfviz::cli {

/// The help of one subcommand beyond what its options say. The intro (what the command does)
/// is wrapped at 80 columns; the footer is printed as written (keep it within 80 columns).
/// `usage` replaces the generated "Usage:" line (one line per form, without "Usage:" and the
/// command; the generated one is used when empty).
struct CommandHelp {
    std::string intro;
    std::string footer;
    std::vector<std::string> usage;
    /// The message when the positionals are missing or too many, e.g. "run takes exactly one
    /// scenario (a file or a built-in name)".
    std::string arguments;
};

class CommandLine {
public:
    CommandLine();

    /// Adds a subcommand: `summary` is its line in `pfviz-cli --help`.
    CLI::App* addCommand(const std::string& name, const std::string& summary, CommandHelp help);

    /// Makes an option required; `message` is the error when it is missing.
    void require(CLI::Option* option, std::string message);

    /// Parses the command line. Returns an exit code when the program should stop now (help or
    /// version printed: 0; a usage error printed: 2), nothing when `chosen()` should run.
    std::optional<int> parse(int argc, char** argv);

    /// The subcommand on the command line (after parse() returned nothing).
    const CLI::App* chosen() const;

    CLI::App& app() { return m_app; }

private:
    std::string message(const CLI::ParseError& e) const;

    CLI::App m_app;
    std::map<const CLI::App*, std::string> m_argumentsMessage;
    std::map<const CLI::Option*, std::string> m_missingMessage;
};

/// Prints a usage error the way every command does: "pfviz-cli CMD: message" and a pointer to
/// the command's --help (the top-level one when `command` is empty).
void printUsageError(std::ostream& err, std::string_view command, std::string_view message);

/// Parses a whole decimal unsigned integer (no sign, no blanks); throws UsageError naming the
/// option otherwise.
std::uint64_t parseUnsigned(std::string_view text, std::string_view option);

/// "--name VALUE" or "--name=VALUE", given at most once. `set` receives the text; it throws
/// UsageError (naming the option) when the text is not valid.
CLI::Option* addValueOption(CLI::App& command, const std::string& name,
                            const std::string& valueName, const std::string& description,
                            std::function<void(const std::string&)> set);

/// A text option, given at most once.
CLI::Option* addStringOption(CLI::App& command, const std::string& name,
                             const std::string& valueName, std::optional<std::string>& target,
                             const std::string& description);

/// An unsigned integer option, given at most once; `set` may refuse the number (UsageError).
CLI::Option* addUnsignedOption(CLI::App& command, const std::string& name,
                               const std::string& valueName, const std::string& description,
                               std::function<void(std::uint64_t)> set);

/// An unsigned integer option without range, given at most once.
CLI::Option* addUnsignedOption(CLI::App& command, const std::string& name,
                               const std::string& valueName, std::optional<std::uint64_t>& target,
                               const std::string& description);

/// A flag: "--name" sets `target`; "--name=..." and a second "--name" are refused.
CLI::Option* addFlag(CLI::App& command, const std::string& name, bool& target,
                     const std::string& description);

/// A required positional taking one argument.
CLI::Option* addPositional(CLI::App& command, const std::string& name, std::string& target,
                           const std::string& description);

/// A required positional taking one or more arguments.
CLI::Option* addPositionals(CLI::App& command, const std::string& name,
                            std::vector<std::string>& target, const std::string& description);

}  // namespace pfviz::cli
