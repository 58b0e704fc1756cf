#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "BuiltinScenarios.h"
#include "CliSupport.h"
#include "Commands.h"
#include "pfviz/Invariants.h"
#include "pfviz/ScenarioIo.h"
#include "pfviz/Simulator.h"
#include "pfviz/Summary.h"
#include "pfviz/io/AtomicFile.h"

namespace pfviz::cli {

namespace {

std::string formatNs(std::uint64_t ns) {
    char buf[48];
    if (ns < 10'000)
        std::snprintf(buf, sizeof buf, "%llu ns", static_cast<unsigned long long>(ns));
    else if (ns < 10'000'000)
        std::snprintf(buf, sizeof buf, "%.1f us", static_cast<double>(ns) / 1e3);
    else if (ns < 10'000'000'000ull)
        std::snprintf(buf, sizeof buf, "%.1f ms", static_cast<double>(ns) / 1e6);
    else
        std::snprintf(buf, sizeof buf, "%.2f s", static_cast<double>(ns) / 1e9);
    return buf;
}

void printPlainSummary(const nlohmann::json& s) {
    const auto& f = s.at("faults");
    std::cout << "scenario " << s.at("scenario").get<std::string>() << " (seed " << s.at("seed")
              << "): " << s.at("steps") << " steps, simulated time "
              << formatNs(s.at("sim_time_ns").get<std::uint64_t>()) << "\n";
    std::cout << "faults: minor " << f.at("minor") << ", major " << f.at("major") << ", invalid "
              << f.at("invalid") << " (protection " << f.at("protection") << ", CoW copies "
              << f.at("cow_copy") << ", CoW reuses " << f.at("cow_reuse") << ", zero-page maps "
              << f.at("zero_page") << ")\n";
    const auto& t = s.at("tlb");
    const double hits = t.at("hits").get<double>();
    const double total = hits + t.at("misses").get<double>();
    char rate[32];
    std::snprintf(rate, sizeof rate, "%.1f", total > 0 ? 100.0 * hits / total : 0.0);
    std::cout << "TLB: " << t.at("hits") << " hits, " << t.at("misses") << " misses (hit rate "
              << rate << "%), " << t.at("flushes") << " flushes\n";
    const auto& m = s.at("memory");
    std::cout << "memory: " << m.at("frames_total") << " frames of " << m.at("page_size")
              << " bytes, " << m.at("frames_free") << " free, " << m.at("frames_anon")
              << " anonymous, " << m.at("page_table_frames") << " page tables\n";
    const auto& pc = s.at("page_cache");
    if (pc.at("hits").get<std::uint64_t>() + pc.at("misses").get<std::uint64_t>() > 0)
        std::cout << "page cache: " << pc.at("pages") << " pages, " << pc.at("hits") << " hits, "
                  << pc.at("misses") << " misses, " << pc.at("readahead_pages") << " read ahead, "
                  << pc.at("writebacks") << " written back, " << pc.at("dropped") << " dropped\n";
    std::cout << "processes:\n";
    for (const auto& p : s.at("processes")) {
        std::cout << "  " << p.at("pid") << " " << p.at("name").get<std::string>() << ": "
                  << p.at("state").get<std::string>();
        if (!p.at("exit_signal").is_null())
            std::cout << " (" << p.at("exit_signal").get<std::string>() << ")";
        std::cout << ", RSS " << p.at("rss_pages") << " pages";
        if (p.at("rss_file_pages").get<std::uint64_t>() > 0)
            std::cout << " (" << p.at("rss_file_pages") << " file)";
        std::cout << ", " << p.at("minor_faults") << " minor / " << p.at("major_faults")
                  << " major faults\n";
    }
}

class Progress {
public:
    explicit Progress(std::uint64_t total)
        : m_total(total), m_start(clock::now()), m_last(m_start) {}
    void update(std::uint64_t step) {
        if ((step & 0xffff) != 0) return;
        const auto now = clock::now();
        if (now - m_start < std::chrono::seconds(1) ||
            now - m_last < std::chrono::milliseconds(500))
            return;
        m_last = now;
        m_shown = true;
        std::fprintf(stderr, "%spfviz-cli: step %llu of %llu (%.0f%%)%s", m_tty ? "\r" : "",
                     static_cast<unsigned long long>(step),
                     static_cast<unsigned long long>(m_total),
                     100.0 * static_cast<double>(step) / static_cast<double>(m_total ? m_total : 1),
                     m_tty ? "" : "\n");
    }
    ~Progress() {
        if (m_shown && m_tty) std::fputc('\n', stderr);
    }

private:
    using clock = std::chrono::steady_clock;
    std::uint64_t m_total;
    clock::time_point m_start, m_last;
    bool m_shown{false};
    bool m_tty{::isatty(2) != 0};
};

}  // namespace

CLI::App* declareRun(CommandLine& cli, RunOptions& o) {
    CLI::App* cmd = cli.addCommand(
        "run", "run a scenario and print a summary (or JSON)",
        {.intro = "Runs a scenario (a file, or the name of a built-in; see `pfviz-cli list`) to "
                  "the end and prints a summary of its faults, TLB, memory and processes.",
         .footer = "Exit codes: 0 success, 1 --check found a mismatch (or --check-invariants a\n"
                   "broken invariant), 2 bad input or usage.",
         .usage = {},
         .arguments = "run takes exactly one scenario (a file or a built-in name)"});
    addPositional(*cmd, "FILE|NAME", o.scenario,
                  "a scenario file, or the name of a built-in scenario");
    addUnsignedOption(*cmd, "--seed", "N", o.seed, "use seed N instead of the scenario's");
    addFlag(*cmd, "--json", o.json, "print exactly one JSON object (the run summary) on stdout");
    addFlag(*cmd, "--check", o.check,
            "compare with the scenario's expect blocks; exit 1 on a mismatch");
    addStringOption(*cmd, "--events", "FILE", o.events,
                    "write every event as one JSON object per line");
    addStringOption(*cmd, "--series", "FILE", o.series,
                    "write the time series (one row per simulated-time bucket) as CSV");
    addFlag(*cmd, "--check-invariants", o.checkInvariants,
            "verify the machine's accounting after every step (slow); exit 1 when one breaks");
    return cmd;
}

int runCommand(const RunOptions& o) {
    Scenario scenario = loadScenarioArg(o.scenario);
    SimulatorOptions options;
    options.seed = o.seed;
    options.history = false;  // a headless run never steps back
    Simulator sim(std::move(scenario), options);

    std::unique_ptr<io::AtomicFile> events;
    if (o.events) {
        events = std::make_unique<io::AtomicFile>(*o.events);
        sim.setEventSink([&](const std::vector<Event>& evs) {
            for (const Event& e : evs)
                events->stream() << eventJson(e).dump() << '\n';
        });
    }
    {
        Progress progress(sim.totalSteps());
        while (!sim.atEnd()) {
            sim.step();
            progress.update(sim.stepIndex());
            if (o.checkInvariants) {
                const auto bad = checkInvariants(sim.machine());
                if (!bad.empty()) {
                    std::cerr << "pfviz-cli: invariant broken after step " << sim.stepIndex()
                              << ":\n";
                    for (const auto& b : bad)
                        std::cerr << "  " << b << '\n';
                    return kExitMismatch;
                }
            }
        }
    }
    if (events) events->commit();
    if (o.series) io::AtomicFile::write(*o.series, sim.series().toCsv());

    nlohmann::json summary = sim.summary();
    std::vector<ExpectMismatch> mismatches;
    if (o.check) {
        mismatches = sim.checkExpectations();
        nlohmann::json list = nlohmann::json::array();
        for (const auto& m : mismatches)
            list.push_back({{"where", m.where},
                            {"path", m.path},
                            {"expected", m.expected},
                            {"actual", m.actual}});
        summary["check"] = {{"passed", mismatches.empty()}, {"mismatches", list}};
    }
    if (o.json)
        std::cout << summary.dump() << '\n';
    else
        printPlainSummary(summary);
    if (o.check) {
        for (const auto& m : mismatches)
            std::cerr << "pfviz-cli: check failed at " << m.where << ": " << m.path << " expected "
                      << m.expected << ", got " << m.actual << '\n';
        if (!o.json)
            std::cout << (mismatches.empty()
                              ? "check: every expectation holds\n"
                              : "check: FAILED (" + std::to_string(mismatches.size()) +
                                    " mismatches)\n");
        if (!mismatches.empty()) return kExitMismatch;
    }
    return kExitOk;
}

CLI::App* declareValidate(CommandLine& cli, ValidateOptions& o) {
    CLI::App* cmd = cli.addCommand(
        "validate", "check scenario files without running them",
        {.intro = "Checks scenario files without running them. Errors name file:line:column, the "
                  "JSON path and what was expected.",
         .footer = "Exit codes: 0 all valid, 2 a file is invalid (or bad usage).",
         .usage = {},
         .arguments = "validate needs at least one scenario file"});
    addPositionals(*cmd, "FILE|NAME", o.scenarios,
                   "scenario files (or names of built-in scenarios) to check");
    return cmd;
}

int validateCommand(const ValidateOptions& o) {
    int rc = kExitOk;
    for (const auto& f : o.scenarios) {
        try {
            const Scenario s = loadScenarioArg(f);
            std::cout << f << ": valid (" << s.ops.size() << " operations, " << totalSteps(s)
                      << " steps)\n";
        } catch (const ScenarioError& e) {
            std::cerr << e.what() << '\n';
            rc = kExitBadInput;
        }
    }
    return rc;
}

CLI::App* declareList(CommandLine& cli, ListOptions& o) {
    CLI::App* cmd = cli.addCommand(
        "list", "list the built-in scenarios",
        {.intro = "Lists the built-in scenarios, one a line: name, title and number of steps.",
         .footer = "Exit codes: 0 success, 2 bad usage.",
         .usage = {},
         .arguments = "list takes no arguments"});
    addFlag(*cmd, "--json", o.json,
            "print one JSON array instead: name, title, title_ko, description and steps of "
            "each");
    return cmd;
}

int listCommand(const ListOptions& o) {
    nlohmann::json out = nlohmann::json::array();
    int width = 0;
    for (const auto& b : builtinScenarios())
        width = std::max(width, static_cast<int>(b.name.size()));
    for (const auto& b : builtinScenarios()) {
        const Scenario s = parseScenario(b.json, std::string(b.name) + ".json");
        if (o.json) {
            out.push_back({{"name", b.name},
                           {"title", s.title.en},
                           {"title_ko", s.title.ko},
                           {"description", s.description.en},
                           {"steps", totalSteps(s)}});
        } else {
            std::printf("%-*s  %s (%llu steps)\n", width, std::string(b.name).c_str(),
                        s.title.en.c_str(), static_cast<unsigned long long>(totalSteps(s)));
        }
    }
    if (o.json) std::cout << out.dump() << '\n';
    return kExitOk;
}

}  // namespace pfviz::cli
