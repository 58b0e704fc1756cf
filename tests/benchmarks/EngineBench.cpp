// Engine throughput: accesses per second through the full MMU (TLB, walk, fault, events).
// The baseline is a TLB-hit-only loop over the same machine, run in the same process, so the
// figures can be quoted as ratios.
#include <benchmark/benchmark.h>

#include "pfviz/ScenarioIo.h"
#include "pfviz/Simulator.h"

namespace {

std::string scenario(const std::string& touch, const std::string& memory) {
    return R"({"format":"pfviz-scenario/1","name":"bench","seed":1,"machine":{"memory":")" +
           memory + R"(","tlb":{"entries":1536,"ways":12}},"processes":[{"pid":1}],"steps":[)" +
           touch + "]}";
}

void runScenario(benchmark::State& state, const std::string& json) {
    const pfviz::Scenario s = pfviz::parseScenario(json, "bench.json");
    std::uint64_t accesses = 0;
    for (auto _ : state) {
        pfviz::Simulator sim(s, pfviz::SimulatorOptions{.seed = {}, .history = false});
        sim.runToEnd();
        accesses += sim.machine().counters.accesses;
        benchmark::DoNotOptimize(sim.machine().now);
    }
    state.counters["accesses/s"] =
        benchmark::Counter(static_cast<double>(accesses), benchmark::Counter::kIsRate);
}

// Baseline: 1 M accesses that all hit the TLB (16 pages, repeated).
void BM_TlbHits1M(benchmark::State& state) {
    runScenario(state, scenario(R"({"op":"mmap","pid":1,"region":"a","size":"64 KiB"},
        {"op":"touch","pid":1,"region":"a","access":"write","repeat":65536})",
                                "64 MiB"));
}
BENCHMARK(BM_TlbHits1M)->Unit(benchmark::kMillisecond);

// 1 M accesses, every one a first-touch minor fault (4 GiB machine).
void BM_MinorFaults1M(benchmark::State& state) {
    runScenario(state, scenario(R"({"op":"mmap","pid":1,"region":"a","size":"4 GiB"},
        {"op":"touch","pid":1,"region":"a","access":"write"})",
                                "5 GiB"));
}
BENCHMARK(BM_MinorFaults1M)->Unit(benchmark::kMillisecond);

// 1 M random accesses over 64 MiB: TLB misses, walks and faults mixed.
void BM_RandomMixed1M(benchmark::State& state) {
    runScenario(state, scenario(R"({"op":"mmap","pid":1,"region":"a","size":"64 MiB"},
        {"op":"touch","pid":1,"region":"a","access":"write","pattern":"random","count":1048576})",
                                "128 MiB"));
}
BENCHMARK(BM_RandomMixed1M)->Unit(benchmark::kMillisecond);

// The swap storm at scale (issue #3): 1 M random reads over 22 MiB on a 16 MiB machine with
// swap on an SSD: kswapd, direct reclaim, swap-outs, swap-ins, readahead and swap-cache hits.
void BM_SwapStorm1M(benchmark::State& state) {
    const std::string json =
        R"({"format":"pfviz-scenario/1","name":"bench","seed":1,"machine":{"memory":"16 MiB",)"
        R"("swap":{"size":"32 MiB","kind":"ssd"}},"processes":[{"pid":1}],"steps":[)"
        R"({"op":"mmap","pid":1,"region":"a","size":"22 MiB"},)"
        R"({"op":"touch","pid":1,"region":"a","access":"write"},)"
        R"({"op":"touch","pid":1,"region":"a","access":"read","pattern":"random","count":1048576}]})";
    runScenario(state, json);
}
BENCHMARK(BM_SwapStorm1M)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
