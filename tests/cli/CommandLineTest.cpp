// pfviz-cli's command line as a user meets it: the real binary, one parser for every command.
// Every command answers --help and --version, and refuses the same mistakes the same way:
// exit 2, "pfviz-cli CMD: message" naming the option, and a pointer to CMD's --help.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "CliRunner.h"

namespace pfviz {
namespace {

using test::CliResult;
using test::runCli;

constexpr auto npos = std::string::npos;

struct Command {
    std::string name;
    std::string validArgs;  // arguments that make a correct command line (export needs Qt to run)
    std::vector<std::string> options;
};

const std::vector<Command>& commands() {
    static const std::vector<Command> all{
        {"run",
         "fork_cow",
         {"--seed", "--json", "--check", "--events", "--series", "--check-invariants"}},
        {"validate", "fork_cow", {}},
        {"list", "", {"--json"}},
        {"bench", "segfault --repeat 1", {"--repeat", "--json"}},
        {"policy",
         "--policy fifo --frames 3 --refs 1,2,3",
         {"--policy", "--frames", "--sweep", "--compare", "--working-set", "--ws-step", "--seed",
          "--json", "--full", "--refs", "--trace", "--format", "--page-size", "--data-only",
          "--instr-only", "--limit"}},
        {"export",
         "fork_cow --chart faults --format csv --out /dev/null",
         {"--chart", "--format", "--out", "--size", "--dpi", "--theme", "--until", "--title",
          "--caption", "--seed", "--linear", "--tau"}},
    };
    return all;
}

// Runs `pfviz-cli COMMAND ARGS` and expects a usage error of COMMAND that says `message`.
void expectUsageError(const std::string& command, const std::string& args,
                      const std::string& message) {
    const CliResult r = runCli(command + " " + args);
    const std::string prefix = command.empty() ? "pfviz-cli: " : "pfviz-cli " + command + ": ";
    const std::string help =
        command.empty() ? "(see pfviz-cli --help)" : "(see pfviz-cli " + command + " --help)";
    EXPECT_EQ(r.code, 2) << command << " " << args << "\n" << r.err;
    EXPECT_NE(r.err.find(prefix + message), npos)
        << command << " " << args << ": expected \"" << prefix << message << "\" in\n"
        << r.err;
    EXPECT_NE(r.err.find(help), npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << "nothing runs after a usage error, but it printed\n" << r.out;
}

TEST(CliCommandLine, EveryCommandsHelpShowsItsUsageAndOptions) {
    for (const auto& c : commands()) {
        const CliResult r = runCli(c.name + " --help");
        EXPECT_EQ(r.code, 0) << c.name << "\n" << r.err;
        EXPECT_TRUE(r.err.empty()) << r.err;
        EXPECT_EQ(r.out.rfind("Usage: pfviz-cli " + c.name + " ", 0), 0u) << r.out;
        for (const std::string& o : std::vector<std::string>{"-h, --help", "--version"})
            EXPECT_NE(r.out.find("\n  " + o + "  "), npos) << c.name << ": " << o << "\n" << r.out;
        for (const auto& o : c.options)
            EXPECT_NE(r.out.find("\n  " + o + " "), npos) << c.name << ": " << o << "\n" << r.out;
        // "-h" works too, and `help CMD` is the same text.
        EXPECT_EQ(runCli(c.name + " -h").out, r.out) << c.name;
        EXPECT_EQ(runCli("help " + c.name).out, r.out) << c.name;
    }
}

TEST(CliCommandLine, HelpKeepsWhatIsNotAnOption) {
    const CliResult policy = runCli("policy --help");
    for (const char* p : {"fifo", "lru", "opt", "clock", "lfu", "mru", "random", "linux"})
        EXPECT_NE(policy.out.find("\n  " + std::string(p) + " "), npos) << p;
    EXPECT_NE(policy.out.find("  or:  pfviz-cli policy --compare P1,P2,..."), npos);
    EXPECT_NE(policy.out.find("JSON output (--json):"), npos);
    EXPECT_NE(policy.out.find("Examples:"), npos);
    EXPECT_NE(runCli("run --help").out.find("Exit codes: 0 success, 1 --check found a mismatch"),
              npos);
    EXPECT_NE(runCli("validate --help").out.find("file:line:column"), npos);
    EXPECT_NE(runCli("export --help").out.find("Usage: pfviz-cli export FILE|NAME --chart C"),
              npos);
}

TEST(CliCommandLine, TopLevelHelpListsEveryCommandWithASummary) {
    const CliResult r = runCli("--help");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("Usage: pfviz-cli [OPTIONS] COMMAND\n", 0), 0u) << r.out;
    for (const auto& c : commands()) {
        const std::string line = "\n  " + c.name + std::string(22 - c.name.size(), ' ');
        const auto at = r.out.find(line);
        ASSERT_NE(at, npos) << c.name << "\n" << r.out;
        EXPECT_GT(r.out.find('\n', at + 1) - at, line.size() + 10) << "no summary: " << c.name;
    }
    EXPECT_NE(
        r.out.find("Exit codes: 0 success, 1 a check found a mismatch, 2 bad input or usage."),
        npos);
    EXPECT_EQ(runCli("help").out, r.out);
    EXPECT_EQ(runCli("-h").out, r.out);

    const CliResult none = runCli("");  // no command: the help, and a usage error's exit code
    EXPECT_EQ(none.code, 2);
    EXPECT_EQ(none.out, r.out);
}

TEST(CliCommandLine, VersionWorksAtTheTopAndInEveryCommand) {
    const std::string version = "pfviz-cli " PFVIZ_VERSION "\n";
    const CliResult top = runCli("--version");
    EXPECT_EQ(top.code, 0);
    EXPECT_EQ(top.out, version);
    for (const auto& c : commands()) {
        const CliResult r = runCli(c.name + " --version");
        EXPECT_EQ(r.code, 0) << c.name << "\n" << r.err;
        EXPECT_EQ(r.out, version) << c.name;
    }
    // With a complete command line, --version prints the version instead of running.
    const CliResult run = runCli("run fork_cow --json --version");
    EXPECT_EQ(run.code, 0);
    EXPECT_EQ(run.out, version);
}

TEST(CliCommandLine, UnknownCommandOrOptionIsAUsageError) {
    expectUsageError("", "frobnicate", "unknown command 'frobnicate'");
    expectUsageError("", "--bogus", "unknown option '--bogus'");
    for (const auto& c : commands()) {
        expectUsageError(c.name, c.validArgs + " --bogus", "unknown option '--bogus'");
        expectUsageError(c.name, "--bogus " + c.validArgs, "unknown option '--bogus'");
    }
}

TEST(CliCommandLine, MissingValueNamesTheOption) {
    expectUsageError("run", "fork_cow --seed", "--seed needs a value");
    expectUsageError("run", "fork_cow --events", "--events needs a value");
    expectUsageError("bench", "segfault --repeat", "--repeat needs a value");
    expectUsageError("policy", "--policy fifo --refs 1,2 --frames", "--frames needs a value");
    expectUsageError("export", "fork_cow --chart faults --format csv --out x --tau",
                     "--tau needs a value");
}

TEST(CliCommandLine, RepeatedOptionIsRefusedTheSameWayInEveryCommand) {
    expectUsageError("run", "fork_cow --seed 1 --seed 2", "--seed given twice");
    expectUsageError("run", "fork_cow --seed=1 --seed 1", "--seed given twice");
    expectUsageError("run", "fork_cow --json --json", "--json given twice");
    expectUsageError("policy", "--policy fifo --frames 3 --refs 1,2 --seed 1 --seed 2",
                     "--seed given twice");
    expectUsageError("policy", "--policy fifo --frames 3 --refs 1,2 --json --json",
                     "--json given twice");
    expectUsageError("list", "--json --json", "--json given twice");
    expectUsageError("bench", "segfault --repeat 1 --repeat 2", "--repeat given twice");
    expectUsageError("export", "fork_cow --chart faults --chart tlb --format csv --out x",
                     "--chart given twice");
}

TEST(CliCommandLine, NumbersAreWholeDecimalUnsignedIntegers) {
    for (const char* bad : {"abc", "-1", "1.5", "+3", "0x10", "''", "18446744073709551616"}) {
        const std::string got = std::string(bad) == "''" ? "" : bad;
        const std::string message = "--seed expects an unsigned integer, got '" + got + "'";
        expectUsageError("run", "fork_cow --seed " + std::string(bad), message);
        expectUsageError(
            "policy", "--policy random --frames 3 --refs 1,2 --seed " + std::string(bad), message);
        expectUsageError("export",
                         "fork_cow --chart faults --format csv --out x --seed " + std::string(bad),
                         message);
    }
    expectUsageError("bench", "segfault --repeat -1", "--repeat expects an unsigned integer");
    expectUsageError("policy", "--policy fifo --refs 1,2 --frames x",
                     "--frames expects an unsigned integer, got 'x'");
    // Leading zeros do not make an octal number; "--seed=N" is the same as "--seed N".
    const CliResult ten = runCli("run fork_cow --json --seed 010");
    ASSERT_EQ(ten.code, 0) << ten.err;
    EXPECT_EQ(nlohmann::json::parse(ten.out).at("seed"), 10);
    const CliResult seven = runCli("run fork_cow --json --seed=7");
    ASSERT_EQ(seven.code, 0) << seven.err;
    EXPECT_EQ(nlohmann::json::parse(seven.out).at("seed"), 7);
}

TEST(CliCommandLine, NumbersOutOfRangeNameTheOptionAndTheRange) {
    expectUsageError("policy", "--policy fifo --refs 1,2 --frames 0",
                     "--frames: must be from 1 to 2^26, got 0");
    expectUsageError("policy", "--policy fifo --refs 1,2 --sweep 0..3",
                     "--sweep: need 1 <= A <= B <= 2^26, got 0..3");
    expectUsageError("policy", "--policy fifo --frames 3 --refs 1,2 --limit 0",
                     "--limit: must be from 1 to 2^27");
    expectUsageError("policy", "--working-set 0 --refs 1,2",
                     "--working-set: TAU must be at least 1");
    expectUsageError("bench", "segfault --repeat 0", "--repeat takes 1 to 1000");
    expectUsageError("bench", "segfault --repeat 1001", "--repeat takes 1 to 1000");
    expectUsageError("export", "fork_cow --chart faults --format csv --out x --tau 0",
                     "--tau must be at least 1");
    expectUsageError("export", "fork_cow --chart faults --format png --out x --dpi 5",
                     "--dpi must be between 10 and 2400");
    expectUsageError("export", "fork_cow --chart faults --format png --out x --size 8x8",
                     "--size expects WIDTHxHEIGHT in pixels (16..16384), got '8x8'");
}

TEST(CliCommandLine, NamesOutsideTheirListAreRefusedWithTheList) {
    expectUsageError("policy", "--policy nru --frames 3 --refs 1,2",
                     "--policy: unknown policy 'nru' (fifo, lru, opt, clock, lfu, mru, random, "
                     "linux)");
    expectUsageError("policy", "--compare fifo,nru --frames 3 --refs 1,2",
                     "--compare: unknown policy 'nru'");
    expectUsageError("policy", "--policy fifo --frames 3 --trace x --format gz",
                     "--format: unknown format 'gz' (refs, lackey, perf, addr)");
    expectUsageError("export", "fork_cow --chart faults --format gif --out x",
                     "unknown --format 'gif' (png, svg, pdf, csv or json)");
}

TEST(CliCommandLine, MissingOrExtraArgumentsAreRefused) {
    expectUsageError("run", "", "run takes exactly one scenario (a file or a built-in name)");
    expectUsageError("run", "fork_cow segfault",
                     "run takes exactly one scenario (a file or a built-in name)");
    expectUsageError("validate", "", "validate needs at least one scenario file");
    expectUsageError("bench", "", "bench takes exactly one scenario");
    expectUsageError("export", "--chart faults --format csv --out x",
                     "export takes exactly one scenario (a file or a built-in name)");
    expectUsageError("list", "extra", "list takes no arguments");
    expectUsageError("policy", "--policy fifo --frames 3 --refs 1,2 extra",
                     "policy takes no positional arguments");
    expectUsageError("policy", "--policy fifo --frames 3",
                     "give exactly one input: --refs LIST or --trace FILE");
    expectUsageError("export", "fork_cow --format csv --out x",
                     "--chart is required (faults, memory, tlb, rss or workingset)");
    expectUsageError("export", "fork_cow --chart faults --out x",
                     "--format is required (png, svg, pdf, csv or json)");
    expectUsageError("export", "fork_cow --chart faults --format csv", "--out is required");
}

TEST(CliCommandLine, FlagsTakeNoValue) {
    expectUsageError("run", "fork_cow --json=false", "--json takes no value");
    expectUsageError("policy", "--policy fifo --frames 3 --refs 1,2 --full=no",
                     "--full takes no value");
}

TEST(CliCommandLine, PolicyOptionsThatExcludeEachOtherSaySo) {
    expectUsageError("policy", "--policy fifo --frames 3 --refs 1,2 --data-only --instr-only",
                     "--data-only and --instr-only exclude each other");
    expectUsageError("policy", "--policy fifo --frames 3 --sweep 1..3 --refs 1,2",
                     "--sweep replaces --frames: give one or the other");
}

}  // namespace
}  // namespace pfviz
