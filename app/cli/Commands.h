#pragma once
// The pfviz-cli subcommands. Each one declares its options on the command line (declare...,
// which binds them to its options struct) and runs with what was parsed, returning the exit
// code. Usage errors found after parsing are thrown as UsageError.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "CommandLine.h"

namespace pfviz::cli {

struct RunOptions {
    std::string scenario;
    std::optional<std::uint64_t> seed;
    bool json{false};
    bool check{false};
    bool checkInvariants{false};
    std::optional<std::string> events;
    std::optional<std::string> series;
};
CLI::App* declareRun(CommandLine& cli, RunOptions& options);
int runCommand(const RunOptions& options);

struct ValidateOptions {
    std::vector<std::string> scenarios;
};
CLI::App* declareValidate(CommandLine& cli, ValidateOptions& options);
int validateCommand(const ValidateOptions& options);

struct ListOptions {
    bool json{false};
};
CLI::App* declareList(CommandLine& cli, ListOptions& options);
int listCommand(const ListOptions& options);

struct BenchOptions {
    std::string scenario;
    std::uint64_t repeat{5};
    bool json{false};
};
CLI::App* declareBench(CommandLine& cli, BenchOptions& options);
int benchCommand(const BenchOptions& options);

struct ExportOptions {
    std::string scenario;
    std::string chart;   // checked against the charts when the command runs
    std::string format;  // png, svg, pdf, csv or json
    std::string out;
    std::optional<std::pair<int, int>> size;  // width, height in pixels
    std::optional<int> dpi;
    std::optional<std::string> theme;    // checked against the themes when the command runs
    std::optional<std::uint64_t> until;  // none: to the end
    std::optional<std::string> title;
    std::optional<std::string> caption;
    std::optional<std::uint64_t> seed;
    bool linear{false};
    std::uint64_t tau{100};
};
/// Declared in every build, so `export --help` documents it; without Qt, running it prints
/// that export is unavailable and returns 2.
CLI::App* declareExport(CommandLine& cli, ExportOptions& options);
int exportCommand(const ExportOptions& options);

}  // namespace pfviz::cli
