// pfviz-cli: the headless front end of pfviz. Subcommands are a stable contract.
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "CliSupport.h"
#include "Commands.h"
#include "PolicyCommand.h"
#include "pfviz/json/JsonReader.h"

namespace {

struct Subcommand {
    const char* name;
    const char* summary;
    int (*run)(const std::vector<std::string>&);
};

const Subcommand kCommands[] = {
    {"run", "run a scenario and print a summary (or JSON)", pfviz::cli::runCommand},
    {"validate", "check scenario files without running them", pfviz::cli::validateCommand},
    {"list", "list the built-in scenarios", pfviz::cli::listCommand},
    {"bench", "time the engine on a scenario against an in-process baseline",
     pfviz::cli::benchCommand},
    {"policy", "replacement-policy lab: FIFO, LRU, OPT, ... on reference strings and traces",
     pfviz::cli::runPolicyCommand},
    {"export", "write a chart (png/svg/pdf) or the series (csv/json)", pfviz::cli::exportCommand},
};

void printHelp() {
    std::cout << "pfviz-cli " PFVIZ_VERSION
                 " - the page-fault simulator, headless\n\n"
                 "usage: pfviz-cli COMMAND [options]   (pfviz-cli COMMAND --help for details)\n\n"
                 "commands:\n";
    for (const auto& c : kCommands)
        std::cout << "  " << c.name << std::string(10 - std::strlen(c.name), ' ') << c.summary
                  << '\n';
    std::cout << "\nExit codes: 0 success, 1 a check found a mismatch, 2 bad input or usage.\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    if (argc < 2) {
        printHelp();
        return pfviz::cli::kExitBadInput;
    }
    const std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        printHelp();
        return pfviz::cli::kExitOk;
    }
    if (cmd == "--version") {
        std::cout << "pfviz-cli " PFVIZ_VERSION "\n";
        return pfviz::cli::kExitOk;
    }
    const std::vector<std::string> rest(argv + 2, argv + argc);
    for (const auto& c : kCommands) {
        if (cmd != c.name) continue;
        try {
            return c.run(rest);
        } catch (const pfviz::cli::UsageError& e) {
            std::cerr << "pfviz-cli " << cmd << ": " << e.message << "\n(see pfviz-cli " << cmd
                      << " --help)\n";
            return pfviz::cli::kExitBadInput;
        } catch (const pfviz::json::InputError& e) {
            std::cerr << e.what() << '\n';
            return pfviz::cli::kExitBadInput;
        } catch (const std::exception& e) {
            std::cerr << "pfviz-cli " << cmd << ": " << e.what() << '\n';
            return pfviz::cli::kExitBadInput;
        }
    }
    std::cerr << "pfviz-cli: unknown command '" << cmd << "'\n";
    printHelp();
    return pfviz::cli::kExitBadInput;
}
