// pfviz-cli: the headless front end of pfviz. Subcommands are a stable contract.
#include <exception>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "CliSupport.h"
#include "CommandLine.h"
#include "Commands.h"
#include "PolicyCommand.h"
#include "pfviz/json/JsonReader.h"

int main(int argc, char** argv) {
    using namespace pfviz::cli;
    std::ios::sync_with_stdio(false);

    CommandLine cli;
    RunOptions run;
    ValidateOptions validate;
    ListOptions list;
    BenchOptions bench;
    PolicyOptions policy;
    ExportOptions exportOptions;
    const std::vector<std::pair<const CLI::App*, std::function<int()>>> commands{
        {declareRun(cli, run), [&] { return runCommand(run); }},
        {declareValidate(cli, validate), [&] { return validateCommand(validate); }},
        {declareList(cli, list), [&] { return listCommand(list); }},
        {declareBench(cli, bench), [&] { return benchCommand(bench); }},
        {declarePolicy(cli, policy), [&] { return runPolicyCommand(policy); }},
        {declareExport(cli, exportOptions), [&] { return exportCommand(exportOptions); }},
    };

    if (const auto done = cli.parse(argc, argv)) return *done;
    const std::string name = cli.chosen()->get_name();
    for (const auto& [command, runIt] : commands) {
        if (command != cli.chosen()) continue;
        try {
            return runIt();
        } catch (const UsageError& e) {
            printUsageError(std::cerr, name, e.message);
            return kExitBadInput;
        } catch (const pfviz::json::InputError& e) {
            std::cerr << e.what() << '\n';
            return kExitBadInput;
        } catch (const std::exception& e) {
            std::cerr << "pfviz-cli " << name << ": " << e.what() << '\n';
            return kExitBadInput;
        }
    }
    return kExitBadInput;  // not reached: parse() accepts only the commands above
}
