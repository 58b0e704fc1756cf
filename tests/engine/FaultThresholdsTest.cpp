// The seed's fault-rate thresholds (minor good <= 1000/s, bad >= 5000/s; major good <= 10/s,
// bad >= 100/s) as engine data, and the run summary's time spent above each; the scenario
// working-set stream (Denning W(t, tau)) read from a scenario run.
#include <gtest/gtest.h>

#include <algorithm>

#include "BuiltinScenarios.h"
#include "TestSupport.h"
#include "pfviz/FaultThresholds.h"
#include "pfviz/Simulator.h"
#include "pfviz/trace/ScenarioWorkingSet.h"

namespace pfviz {
namespace {

Scenario builtin(const std::string& name) {
    for (const auto& b : builtinScenarios())
        if (b.name == name) return parseScenario(b.json, std::string(b.name) + ".json");
    throw std::runtime_error("no built-in " + name);
}

Sample at(SimTime t, std::uint64_t minor, std::uint64_t major) {
    Sample s;
    s.time = t;
    s.counters.faults.minor = minor;
    s.counters.faults.major = major;
    return s;
}

TEST(FaultThresholds, TimeAboveEachThresholdFromBucketRates) {
    Series series(1'000'000);  // 1 ms buckets
    series.record(at(0, 0, 0));
    series.record(at(1'000'000, 1, 0));   // 1000/s: at the good threshold, not above it
    series.record(at(2'000'000, 4, 0));   // 3000/s: above 1000, below 5000
    series.record(at(3'000'000, 10, 1));  // 6000/s minor, 1000/s major: above all four
    series.record(at(4'000'000, 10, 1));  // nothing
    const auto ns = timeOverThresholds(series);
    EXPECT_EQ(ns[0], 2'000'000u);  // minor > 1000/s
    EXPECT_EQ(ns[1], 1'000'000u);  // minor > 5000/s
    EXPECT_EQ(ns[2], 1'000'000u);  // major > 10/s
    EXPECT_EQ(ns[3], 1'000'000u);  // major > 100/s
    const auto j = faultThresholdsJson(series);
    ASSERT_EQ(j.size(), 4u);
    EXPECT_EQ(j[1]["rate"], "minor");
    EXPECT_EQ(j[1]["per_second"], 5000);
    EXPECT_EQ(j[1]["good"], false);
    EXPECT_EQ(j[3]["per_second"], 100);
}

TEST(FaultThresholds, RunSummaryReportsThem) {
    Simulator sim(builtin("swap_storm"));
    sim.runToEnd();
    const auto j = sim.summary();
    ASSERT_TRUE(j.contains("fault_rate_thresholds"));
    EXPECT_EQ(j["fault_rate_thresholds"].size(), 4u);
    // swap_storm faults majorly: its major rate exceeds 10/s for a while.
    EXPECT_GT(j["fault_rate_thresholds"][2]["ns_above"].get<std::uint64_t>(), 0u);
}

TEST(ScenarioWorkingSet, OneReferencePerAccessAndWBoundedByTau) {
    const Scenario s = builtin("fork_cow");
    const auto refs = trace::scenarioReferences(s, s.seed);
    Simulator sim(s);
    std::size_t accesses = 0;
    while (!sim.atEnd())
        for (const Event& e : sim.step())
            accesses += e.kind == EventKind::AccessStart;
    std::size_t total = 0;
    for (const auto& p : refs.processes)
        total += p.pages.size();
    EXPECT_EQ(total, accesses);
    EXPECT_GE(refs.processes.size(), 2u);  // parent and child
    for (const auto& w : trace::workingSets(refs, 8)) {
        ASSERT_FALSE(w.points.empty());
        for (const auto& p : w.points)
            EXPECT_LE(p.size, 8u);
        EXPECT_TRUE(std::is_sorted(w.times.begin(), w.times.end()));
    }
}

}  // namespace
}  // namespace pfviz
