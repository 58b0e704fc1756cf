// pfviz-cli bench: how fast the engine runs a scenario, as a ratio against a baseline measured in
// the same command (the same number of steps that all hit the TLB).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "CliSupport.h"
#include "Commands.h"
#include "pfviz/ScenarioIo.h"
#include "pfviz/Simulator.h"

namespace pfviz::cli {

namespace {

struct Timing {
    double seconds{1e300};
    std::uint64_t steps{};
    std::uint64_t events{};
};

Timing timeRuns(const Scenario& s, std::uint64_t repeat) {
    Timing best;
    for (std::uint64_t i = 0; i < repeat; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        Simulator sim(s, SimulatorOptions{.seed = {}, .history = false});
        std::uint64_t events = 0;
        while (!sim.atEnd())
            events += sim.step().size();
        const double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (secs < best.seconds) best = {secs, sim.stepIndex(), events};
    }
    return best;
}

Scenario baselineFor(std::uint64_t steps) {
    const std::uint64_t repeat = std::max<std::uint64_t>(1, steps / 16);
    return parseScenario(
        R"({"format":"pfviz-scenario/1","name":"baseline","machine":{"memory":"16 MiB"},)"
        R"("processes":[{"pid":1}],"steps":[{"op":"mmap","pid":1,"region":"a","size":"64 KiB"},)"
        R"({"op":"touch","pid":1,"region":"a","access":"write","repeat":)" +
            std::to_string(repeat) + "}]}",
        "baseline");
}

}  // namespace

CLI::App* declareBench(CommandLine& cli, BenchOptions& o) {
    CLI::App* cmd = cli.addCommand(
        "bench", "time the engine on a scenario against an in-process baseline",
        {.intro = "Runs the scenario N times without history and reports the best time, steps "
                  "and events per second, and the ratio against a baseline run in the same "
                  "process: as many steps that all hit the TLB (16 pages touched over and "
                  "over).",
         .footer = "Exit codes: 0 success, 2 bad input or usage.",
         .usage = {},
         .arguments = "bench takes exactly one scenario"});
    addPositional(*cmd, "FILE|NAME", o.scenario,
                  "a scenario file, or the name of a built-in scenario");
    addUnsignedOption(*cmd, "--repeat", "N", "run it N times, 1 to 1000 (default 5)",
                      [&o](std::uint64_t n) {
                          if (n == 0 || n > 1000) throw UsageError{"--repeat takes 1 to 1000"};
                          o.repeat = n;
                      });
    addFlag(*cmd, "--json", o.json, "print one JSON object instead of the table");
    return cmd;
}

int benchCommand(const BenchOptions& o) {
    const std::uint64_t repeat = o.repeat;
    const Scenario s = loadScenarioArg(o.scenario);
    const Timing run = timeRuns(s, repeat);
    const Timing base = timeRuns(baselineFor(run.steps), repeat);
    const double perStep = run.seconds / static_cast<double>(std::max<std::uint64_t>(run.steps, 1));
    const double basePerStep =
        base.seconds / static_cast<double>(std::max<std::uint64_t>(base.steps, 1));
    const double ratio = basePerStep > 0 ? perStep / basePerStep : 0;
    if (o.json) {
        const nlohmann::json j = {
            {"scenario", s.name},
            {"repeat", repeat},
            {"steps", run.steps},
            {"events", run.events},
            {"seconds", run.seconds},
            {"steps_per_second", static_cast<double>(run.steps) / run.seconds},
            {"events_per_second", static_cast<double>(run.events) / run.seconds},
            {"baseline",
             {{"steps", base.steps},
              {"seconds", base.seconds},
              {"steps_per_second", static_cast<double>(base.steps) / base.seconds}}},
            {"ratio_to_baseline", ratio}};
        std::cout << j.dump() << '\n';
        return kExitOk;
    }
    std::printf("scenario %s: %llu steps, %llu events (best of %llu runs)\n", s.name.c_str(),
                static_cast<unsigned long long>(run.steps),
                static_cast<unsigned long long>(run.events),
                static_cast<unsigned long long>(repeat));
    std::printf("  run       %10.3f ms  %12.0f steps/s  %12.0f events/s\n", run.seconds * 1e3,
                static_cast<double>(run.steps) / run.seconds,
                static_cast<double>(run.events) / run.seconds);
    std::printf("  baseline  %10.3f ms  %12.0f steps/s  (%llu steps that all hit the TLB)\n",
                base.seconds * 1e3, static_cast<double>(base.steps) / base.seconds,
                static_cast<unsigned long long>(base.steps));
    std::printf("  a step of this scenario costs %.2f x a TLB-hit step\n", ratio);
    return kExitOk;
}

}  // namespace pfviz::cli
