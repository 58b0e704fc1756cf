#pragma once
// `pfviz-cli policy`: the replacement-policy lab on the command line (see --help for the
// contract: plain tables for students, one JSON value with --json for scripts and tests).
#include <iosfwd>
#include <string>
#include <vector>

namespace pfviz::cli {

/// Runs the `policy` subcommand with the arguments that follow the word "policy", printing to
/// stdout and stderr. Returns the exit code: 0 success, 2 bad usage or bad input (the message on
/// stderr names the problem; for a trace, the file, the line number and the line). Every error
/// is reported here; no exception escapes.
int runPolicyCommand(const std::vector<std::string>& args);

/// The same, printing to the given streams.
int runPolicyCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace pfviz::cli
