#pragma once
// The pfviz-cli subcommands. Each takes the arguments after its name and returns the exit code.
#include <string>
#include <vector>

namespace pfviz::cli {

int runCommand(const std::vector<std::string>& args);
int validateCommand(const std::vector<std::string>& args);
int listCommand(const std::vector<std::string>& args);
int benchCommand(const std::vector<std::string>& args);
/// Needs Qt: without it, prints that export is unavailable and returns 2.
int exportCommand(const std::vector<std::string>& args);

extern const char* const kRunHelp;
extern const char* const kValidateHelp;
extern const char* const kListHelp;
extern const char* const kBenchHelp;
extern const char* const kExportHelp;

}  // namespace pfviz::cli
