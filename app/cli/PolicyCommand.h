#pragma once
// `pfviz-cli policy`: the replacement-policy lab on the command line (see --help for the
// contract: plain tables for students, one JSON value with --json for scripts and tests).
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "CommandLine.h"
#include "pfviz/policy/PolicyKind.h"
#include "pfviz/trace/TraceFormat.h"

namespace pfviz::cli {

/// The options of `policy`, as parsed: each one is checked on its own while parsing (numbers,
/// policy and format names, ranges); how they combine is checked when the command runs.
struct PolicyOptions {
    std::optional<policy::PolicyKind> policy;
    std::vector<policy::PolicyKind> compare;
    std::optional<std::uint64_t> frames;
    std::optional<std::string> refs;
    std::optional<std::string> trace;
    std::optional<trace::TraceFormat> format;
    std::optional<std::uint64_t> pageSize;
    bool dataOnly{false};
    bool instrOnly{false};
    std::uint64_t seed{1};
    bool json{false};
    bool full{false};
    std::optional<std::pair<std::uint64_t, std::uint64_t>> sweep;
    std::optional<std::uint64_t> workingSet;
    std::optional<std::uint64_t> wsStep;
    std::optional<std::uint64_t> limit;
};

CLI::App* declarePolicy(CommandLine& cli, PolicyOptions& options);

/// Runs `policy` with the parsed options, printing to stdout and stderr. Returns the exit code:
/// 0 success, 2 bad usage or bad input (the message on stderr names the problem; for a trace,
/// the file, the line number and the line). Every error is reported here; no exception escapes.
int runPolicyCommand(const PolicyOptions& options);

/// The same, printing to the given streams.
int runPolicyCommand(const PolicyOptions& options, std::ostream& out, std::ostream& err);

}  // namespace pfviz::cli
