// Stepping: exact step back (whole-machine ==), seek, determinism, and the invariants after every
// step of randomly generated scenarios.
#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <set>

#include "BuiltinScenarios.h"
#include "TestSupport.h"
#include "pfviz/Summary.h"

namespace pfviz {
namespace {

Scenario builtin(std::string_view name) {
    for (const auto& b : builtinScenarios())
        if (b.name == name) return parseScenario(b.json, std::string(name) + ".json");
    throw std::runtime_error("no built-in " + std::string(name));
}

TEST(StepBack, RestoresTheWholeMachineExactly) {
    Simulator sim(builtin("fork_cow"));
    std::vector<Machine> history{sim.machine()};
    std::vector<std::vector<Event>> events{{}};
    for (int i = 0; i < 1500; ++i) {
        events.push_back(sim.step());
        history.push_back(sim.machine());
    }
    for (int i = 1500; i > 0; --i) {
        ASSERT_EQ(sim.machine(), history[static_cast<std::size_t>(i)]) << "at step " << i;
        ASSERT_EQ(sim.lastEvents(), events[static_cast<std::size_t>(i)]) << "at step " << i;
        ASSERT_TRUE(sim.stepBack());
    }
    EXPECT_EQ(sim.machine(), history[0]);
    EXPECT_FALSE(sim.stepBack());
}

TEST(StepBack, HundredForwardHundredBackAcrossFork) {
    Simulator sim(builtin("fork_cow"));
    sim.seek(1000);  // just before the fork
    const Machine before = sim.machine();
    const auto seriesBefore = sim.series().samples();
    for (int i = 0; i < 100; ++i)
        sim.step();
    EXPECT_NE(sim.machine(), before);
    for (int i = 0; i < 100; ++i)
        ASSERT_TRUE(sim.stepBack());
    EXPECT_EQ(sim.machine(), before);
    EXPECT_EQ(sim.series().samples().back(), seriesBefore.back());
}

TEST(Seek, ArbitraryOrderMatchesAStraightRun) {
    Scenario s = builtin("demand_paging");
    Simulator straight(s);
    std::vector<Machine> at{straight.machine()};
    while (!straight.atEnd()) {
        straight.step();
        at.push_back(straight.machine());
    }
    Simulator sim(s);
    std::mt19937_64 rng(1);  // test-only randomness for the visiting order
    for (int i = 0; i < 60; ++i) {
        const std::uint64_t target = rng() % (at.size());
        sim.seek(target);
        ASSERT_EQ(sim.stepIndex(), target);
        ASSERT_EQ(sim.machine(), at[target]) << "seek to " << target;
    }
    sim.seek(sim.totalSteps());
    EXPECT_TRUE(sim.atEnd());
    EXPECT_TRUE(sim.checkExpectations().empty());
}

TEST(Seek, WorksWithoutHistoryByReplayingFromTheStart) {
    Scenario s = builtin("segfault");
    Simulator a(s, SimulatorOptions{.seed = {}, .history = false});
    Simulator b(s);
    a.seek(5);
    b.seek(5);
    a.seek(2);
    b.seek(2);
    EXPECT_EQ(a.machine(), b.machine());
}

std::uint64_t streamHash(const Scenario& s, std::optional<std::uint64_t> seed) {
    Simulator sim(s, SimulatorOptions{.seed = seed, .history = false});
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a over every field of every event
    auto mix = [&h](std::uint64_t v) {
        for (int i = 0; i < 8; ++i, v >>= 8)
            h = (h ^ (v & 0xff)) * 1099511628211ull;
    };
    while (!sim.atEnd())
        for (const Event& e : sim.step()) {
            mix(e.step), mix(e.time), mix(e.cost), mix(static_cast<std::uint64_t>(e.kind));
            mix(static_cast<std::uint64_t>(e.access)), mix(static_cast<std::uint64_t>(e.reason));
            mix(static_cast<std::uint64_t>(e.code)), mix(e.pid.value), mix(e.otherPid.value);
            mix(e.va), mix(e.frame.value), mix(e.oldFrame.value), mix(e.tableFrame.value);
            mix(e.count), mix(e.index), mix(e.level), mix(e.present), mix(e.writable), mix(e.full);
        }
    return h;
}

TEST(Determinism, SameScenarioAndSeedGiveTheSameEventStream) {
    const Scenario s =
        parseScenario(test::scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":"1 MiB"},
        {"op":"touch","pid":1,"region":"a","access":"write","pattern":"random","count":2000},
        {"op":"fork","pid":1,"child":2},
        {"op":"touch","pid":2,"region":"a","access":"write","pattern":"random","count":500}])"),
                      "t.json");
    EXPECT_EQ(streamHash(s, std::nullopt), streamHash(s, std::nullopt));
    EXPECT_EQ(streamHash(s, 99), streamHash(s, 99));
    EXPECT_NE(streamHash(s, 99), streamHash(s, 100));  // the seed drives the random pattern
    for (const auto& b : builtinScenarios()) {
        const Scenario bs = parseScenario(b.json, std::string(b.name));
        EXPECT_EQ(streamHash(bs, std::nullopt), streamHash(bs, std::nullopt)) << b.name;
    }
}

// Random scenarios: every operation kind, several processes, a small memory (so the OOM killer
// runs too). The invariant checker runs after every step, and step-back is verified at the end.
std::string randomScenario(std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
    std::string steps;
    int nextPid = 3;
    std::vector<int> pids{1, 2};
    auto add = [&](const std::string& s) { steps += (steps.empty() ? "" : ",") + s; };
    int regionId = 0;
    std::vector<std::pair<int, std::string>> regions;
    std::set<std::string> mallocked;  // region names made by malloc (released with free)
    for (int i = 0; i < 40; ++i) {
        const int pid = pids[static_cast<std::size_t>(pick(static_cast<int>(pids.size())))];
        const std::string p = std::to_string(pid);
        std::vector<std::string> mine;
        for (const auto& [rp, name] : regions)
            if (rp == pid) mine.push_back(name);
        const int what = mine.empty() ? 0 : pick(9);
        const std::string r =
            mine.empty() ? "" : mine[static_cast<std::size_t>(pick(static_cast<int>(mine.size())))];
        const char* access[] = {"read", "write", "read_then_write"};
        const char* pattern[] = {"sequential", "reverse", "random"};
        switch (what) {
            case 0: {
                const std::string name = "r" + std::to_string(regionId++);
                const bool useMalloc = pick(2) == 0;
                if (useMalloc) mallocked.insert(name);
                add(R"({"op":")" + std::string(useMalloc ? "malloc" : "mmap") + R"(","pid":)" + p +
                    R"(,"region":")" + name + R"(","size":)" + std::to_string(1 + pick(40000)) +
                    "}");
                regions.emplace_back(pid, name);
                break;
            }
            case 1:
            case 2:
            case 3:
                add(R"({"op":"touch","pid":)" + p + R"(,"region":")" + r + R"(","access":")" +
                    access[pick(3)] + R"(","pattern":")" + pattern[pick(3)] + R"("})");
                break;
            case 4:
                if (nextPid < 7) {
                    add(R"({"op":"fork","pid":)" + p + R"(,"child":)" + std::to_string(nextPid) +
                        "}");
                    for (const auto& name : mine)
                        regions.emplace_back(nextPid, name);
                    pids.push_back(nextPid++);
                }
                break;
            case 5:
                add(R"({"op":"madvise","pid":)" + p + R"(,"region":")" + r +
                    R"(","advice":"dontneed"})");
                break;
            case 6:
                add(R"({"op":"mprotect","pid":)" + p + R"(,"region":")" + r + R"(","prot":")" +
                    (pick(2) ? "r" : "rw") + R"("})");
                break;
            case 7:
                add(R"({"op":"populate","pid":)" + p + R"(,"region":")" + r + R"("})");
                break;
            case 8:
                if (pids.size() > 1 && pick(3) == 0) {
                    add(R"({"op":"exit","pid":)" + p + "}");
                    std::erase(pids, pid);
                    std::erase_if(regions, [&](const auto& x) { return x.first == pid; });
                } else {
                    add(R"({"op":")" + std::string(mallocked.count(r) ? "free" : "munmap") +
                        R"(","pid":)" + p + R"(,"region":")" + r + R"("})");
                    std::erase_if(regions,
                                  [&](const auto& x) { return x.first == pid && x.second == r; });
                }
                break;
        }
    }
    return test::scenarioJson("[" + steps + "]",
                              R"({"memory":"256 KiB","tlb":{"entries":8,"ways":2}})", 2);
}

TEST(Invariants, HoldAfterEveryStepOfRandomScenarios) {
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        SCOPED_TRACE("random scenario " + std::to_string(seed));
        const std::string json = randomScenario(seed);
        Scenario s;
        try {
            s = parseScenario(json, "random.json");
        } catch (const ScenarioError& e) {
            FAIL() << e.what() << "\n" << json;
        }
        Simulator sim(s);
        std::vector<Machine> at{sim.machine()};
        while (!sim.atEnd()) {
            sim.step();
            const auto bad = checkInvariants(sim.machine());
            ASSERT_TRUE(bad.empty()) << bad.front() << "\nafter step " << sim.stepIndex() << "\n"
                                     << json;
            if (at.size() < 400) at.push_back(sim.machine());
        }
        const std::uint64_t back = std::min<std::uint64_t>(at.size() - 1, sim.stepIndex());
        sim.seek(back);
        ASSERT_EQ(sim.machine(), at[back]);
    }
}

TEST(Invariants, DetectABrokenMapcount) {
    Simulator sim(builtin("fork_cow"));
    sim.seek(1100);
    Machine broken = sim.machine();
    for (std::uint64_t f = 0; f < broken.memory.total(); ++f)
        if (broken.memory.frame(Pfn{f}).use == FrameUse::Anon) {
            broken.memory.frame(Pfn{f}).mapcount += 1;
            break;
        }
    EXPECT_FALSE(checkInvariants(broken).empty());
    EXPECT_TRUE(checkInvariants(sim.machine()).empty());
}

TEST(RunUntil, StopsAtTheNextEventOfAKind) {
    Simulator sim(builtin("fork_cow"));
    const auto n = sim.runUntil([](const std::vector<Event>& ev) {
        return std::any_of(ev.begin(), ev.end(),
                           [](const Event& e) { return e.kind == EventKind::CowCopy; });
    });
    EXPECT_GT(n, 1024u);
    EXPECT_EQ(sim.machine().counters.faults.cowCopy, 1u);
}

TEST(Series, OneSamplePerBucketAndCsvRows) {
    Simulator sim(builtin("demand_paging"));
    sim.runToEnd();
    const auto& samples = sim.series().samples();
    ASSERT_GT(samples.size(), 10u);
    for (std::size_t i = 2; i < samples.size(); ++i)
        EXPECT_LT(samples[i - 1].time / sim.series().bucketNs(),
                  samples[i].time / sim.series().bucketNs());
    EXPECT_EQ(samples.back().counters, sim.machine().counters);
    const std::string csv = sim.series().toCsv();
    EXPECT_EQ(static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')),
              samples.size() + 1);
    EXPECT_EQ(csv.substr(0, csv.find('\n')), Series::csvHeader());
}

TEST(Series, MergesBucketsWhenTooManySamples) {
    Series s(10, 100);
    for (std::uint64_t i = 0; i < 1000; ++i) {
        Sample x;
        x.time = i * 10;
        x.step = i;
        x.counters.accesses = i;
        s.record(x);
    }
    EXPECT_LE(s.samples().size(), 101u);
    EXPECT_GT(s.bucketNs(), 10u);
    EXPECT_EQ(s.samples().back().counters.accesses, 999u);  // the last state survives
}

}  // namespace
}  // namespace pfviz
