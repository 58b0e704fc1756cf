// Speed of the policy lab: trace import and every policy on a generated 1M-reference trace.
//
// Targets (issue 4): FIFO/LRU/CLOCK/OPT >= 20 M references/s with 64-4096 frames including
// parsing; lackey import >= 100 MB/s. Absolute rates depend on the machine, so every benchmark
// also reports a ratio against a baseline measured in this process before the benchmarks run:
//   vs_scan   import bytes/s divided by a memchr newline count over the same buffer
//   vs_memcpy import bytes/s divided by memcpy of the same buffer
//   vs_fifo   references/s divided by FIFO's end-to-end rate (parse + remap + run, 64 frames)
// The inputs are generated here from a fixed seed: a mix of loops over working sets of 100 to
// 3000 pages, local jumps around a hot region, and a few uniform random pages.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <istream>
#include <streambuf>
#include <string>
#include <vector>

#include "pfviz/Rng.h"
#include "pfviz/policy/DenseReferences.h"
#include "pfviz/policy/FaultSweep.h"
#include "pfviz/policy/PolicyFactory.h"
#include "pfviz/policy/PolicyRunner.h"
#include "pfviz/trace/PageReferenceReader.h"
#include "pfviz/trace/TraceReader.h"

namespace {

using pfviz::Rng;
using pfviz::policy::DenseReferences;
using pfviz::policy::PolicyKind;
using pfviz::trace::TraceFormat;

// One million references; the ctest smoke run sets PFVIZ_BENCH_REFERENCES to something small.
const std::size_t kReferences = [] {
    const char* env = std::getenv("PFVIZ_BENCH_REFERENCES");
    const long long n = env != nullptr ? std::atoll(env) : 0;
    return n > 0 ? static_cast<std::size_t>(n) : std::size_t{1'000'000};
}();
constexpr std::uint64_t kBasePage = 0x7f3a2c000;  // page numbers look like a real mmap region

// An istream over a string in memory, without copying it (std::istringstream would).
class MemoryBuffer : public std::streambuf {
public:
    explicit MemoryBuffer(const std::string& text) {
        char* p = const_cast<char*>(text.data());
        setg(p, p, p + text.size());
    }
};

std::vector<std::uint64_t> generatePages() {
    Rng rng(0x5eed);
    std::vector<std::uint64_t> pages;
    pages.reserve(kReferences);
    while (pages.size() < kReferences) {
        const std::uint64_t phase = rng.below(3);
        const std::uint64_t base = kBasePage + rng.below(40000);
        const std::size_t length = 2000 + rng.below(30000);
        if (phase == 0) {  // a loop over a working set
            const std::uint64_t set = 100 + rng.below(2900);
            for (std::size_t i = 0; i < length; ++i)
                pages.push_back(base + i % set);
        } else if (phase == 1) {  // jumps with locality around a hot region
            std::uint64_t p = base;
            for (std::size_t i = 0; i < length; ++i) {
                p = base + (p - base + rng.below(64)) % 2048;
                pages.push_back(p);
            }
        } else {  // mostly hot pages, some uniform noise
            for (std::size_t i = 0; i < length; ++i) {
                pages.push_back(rng.below(8) == 0 ? kBasePage + rng.below(60000)
                                                  : base + rng.below(256));
            }
        }
    }
    pages.resize(kReferences);
    return pages;
}

const std::vector<std::uint64_t>& pages() {
    static const auto p = generatePages();
    return p;
}

// "p,p,p,...": the reference-string format, 20 per line.
const std::string& refsText() {
    static const std::string text = [] {
        std::string t;
        t.reserve(pages().size() * 12);
        char buf[32];
        for (std::size_t i = 0; i < pages().size(); ++i) {
            const int n = std::snprintf(buf, sizeof buf, "%llu%c",
                                        static_cast<unsigned long long>(pages()[i]),
                                        i % 20 == 19 ? '\n' : ',');
            t.append(buf, static_cast<std::size_t>(n));
        }
        return t;
    }();
    return text;
}

// The same references as lackey lines (several accesses per page, as a real trace has):
// about 40 MB.
const std::string& lackeyText() {
    static const std::string text = [] {
        Rng rng(7);
        std::string t = "==4242== Lackey, an example Valgrind tool\n";
        t.reserve(pages().size() * 3 * 16);
        char buf[64];
        for (std::uint64_t page : pages()) {
            for (int k = 0; k < 3; ++k) {
                const std::uint64_t addr = (page << 12) | rng.below(4088);
                const char* form = nullptr;
                switch (rng.below(4)) {
                    case 0:
                        form = "I  %09llx,%u\n";
                        break;
                    case 1:
                        form = " L %09llx,%u\n";
                        break;
                    case 2:
                        form = " S %09llx,%u\n";
                        break;
                    default:
                        form = " M %09llx,%u\n";
                        break;
                }
                const int n =
                    std::snprintf(buf, sizeof buf, form, static_cast<unsigned long long>(addr),
                                  1u << rng.below(4));
                t.append(buf, static_cast<std::size_t>(n));
            }
        }
        return t;
    }();
    return text;
}

std::vector<std::uint64_t> importPages(const std::string& text, TraceFormat format) {
    MemoryBuffer buffer(text);
    std::istream in(&buffer);
    auto reader = pfviz::trace::makeTraceReader(format, in, "bench");
    return pfviz::trace::readPageReferences(*reader, 12, pfviz::policy::kMaxReferences).pages;
}

std::uint64_t endToEnd(PolicyKind kind, std::uint64_t frames) {
    const DenseReferences refs(importPages(refsText(), TraceFormat::Refs));
    const auto policy = pfviz::policy::makePolicy(kind, 1);
    return pfviz::policy::runPolicy(*policy, refs, frames).misses;
}

// ---- Baselines, measured once before the benchmarks (best of several runs).

struct Baselines {
    double scanBytesPerSec{};
    double memcpyBytesPerSec{};
    double fifoRefsPerSec{};
};

template <class F>
double bestSeconds(int runs, F f) {
    double best = 1e30;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        f();
        const std::chrono::duration<double> d = std::chrono::steady_clock::now() - start;
        best = std::min(best, d.count());
    }
    return best;
}

std::size_t countNewlines(const std::string& text) {
    std::size_t lines = 0;
    const char* p = text.data();
    const char* end = p + text.size();
    while (
        (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))))) {
        ++lines;
        ++p;
    }
    return lines;
}

Baselines& baselines() {
    static Baselines b;
    return b;
}

void measureBaselines() {
    const std::string& lackey = lackeyText();
    const double bytes = static_cast<double>(lackey.size());
    Baselines& b = baselines();
    b.scanBytesPerSec =
        bytes / bestSeconds(5, [&] { benchmark::DoNotOptimize(countNewlines(lackey)); });
    std::string copy(lackey.size(), '\0');
    b.memcpyBytesPerSec = bytes / bestSeconds(5, [&] {
                              std::memcpy(copy.data(), lackey.data(), lackey.size());
                              benchmark::ClobberMemory();
                          });
    b.fifoRefsPerSec = static_cast<double>(kReferences) / bestSeconds(5, [] {
                           benchmark::DoNotOptimize(endToEnd(PolicyKind::Fifo, 64));
                       });
}

void reportImport(benchmark::State& state, std::size_t bytes, std::size_t refs) {
    const auto iterations = static_cast<double>(state.iterations());
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(bytes));
    state.counters["refs_per_s"] =
        benchmark::Counter(iterations * static_cast<double>(refs), benchmark::Counter::kIsRate);
    state.counters["vs_scan"] =
        benchmark::Counter(iterations * static_cast<double>(bytes) / baselines().scanBytesPerSec,
                           benchmark::Counter::kIsRate);
    state.counters["vs_memcpy"] =
        benchmark::Counter(iterations * static_cast<double>(bytes) / baselines().memcpyBytesPerSec,
                           benchmark::Counter::kIsRate);
}

void reportRefs(benchmark::State& state, std::size_t refs) {
    const double n = static_cast<double>(state.iterations()) * static_cast<double>(refs);
    state.counters["refs_per_s"] = benchmark::Counter(n, benchmark::Counter::kIsRate);
    state.counters["vs_fifo"] =
        benchmark::Counter(n / baselines().fifoRefsPerSec, benchmark::Counter::kIsRate);
}

// ---- Benchmarks

void BM_BaselineNewlineScan(benchmark::State& state) {
    const std::string& text = lackeyText();
    for (auto _ : state)
        benchmark::DoNotOptimize(countNewlines(text));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_BaselineNewlineScan)->Unit(benchmark::kMillisecond);

void BM_LackeyImport(benchmark::State& state) {
    const std::string& text = lackeyText();
    std::size_t refs = 0;
    for (auto _ : state) {
        const auto p = importPages(text, TraceFormat::Lackey);
        refs = p.size();
        benchmark::DoNotOptimize(p.data());
    }
    reportImport(state, text.size(), refs);
}
BENCHMARK(BM_LackeyImport)->Unit(benchmark::kMillisecond);

void BM_RefsImport(benchmark::State& state) {
    const std::string& text = refsText();
    std::size_t refs = 0;
    for (auto _ : state) {
        const auto p = importPages(text, TraceFormat::Refs);
        refs = p.size();
        benchmark::DoNotOptimize(p.data());
    }
    reportImport(state, text.size(), refs);
}
BENCHMARK(BM_RefsImport)->Unit(benchmark::kMillisecond);

void BM_DenseRemap(benchmark::State& state) {
    for (auto _ : state) {
        const DenseReferences refs(pages());
        benchmark::DoNotOptimize(refs.distinct());
    }
    reportRefs(state, kReferences);
}
BENCHMARK(BM_DenseRemap)->Unit(benchmark::kMillisecond);

// Parse the reference string, remap, run: what `pfviz-cli policy --trace` does.
void BM_PolicyEndToEnd(benchmark::State& state) {
    const auto kind = static_cast<PolicyKind>(state.range(0));
    const auto frames = static_cast<std::uint64_t>(state.range(1));
    state.SetLabel(std::string(pfviz::policy::policyName(kind)));
    for (auto _ : state)
        benchmark::DoNotOptimize(endToEnd(kind, frames));
    reportRefs(state, kReferences);
}

// The policy alone, on references already remapped.
void BM_PolicyRunOnly(benchmark::State& state) {
    const auto kind = static_cast<PolicyKind>(state.range(0));
    const auto frames = static_cast<std::uint64_t>(state.range(1));
    state.SetLabel(std::string(pfviz::policy::policyName(kind)));
    const DenseReferences refs(pages());
    const auto policy = pfviz::policy::makePolicy(kind, 1);
    for (auto _ : state) {
        benchmark::DoNotOptimize(pfviz::policy::runPolicy(*policy, refs, frames).misses);
    }
    reportRefs(state, kReferences);
}

void policyArgs(benchmark::internal::Benchmark* b) {
    for (PolicyKind kind : pfviz::policy::kAllPolicies) {
        for (std::int64_t frames : {64, 512, 4096}) {
            b->Args({static_cast<std::int64_t>(kind), frames});
        }
    }
}
BENCHMARK(BM_PolicyEndToEnd)->Apply(policyArgs)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PolicyRunOnly)->Apply(policyArgs)->Unit(benchmark::kMillisecond);

// The lackey trace all the way to FIFO and OPT results, as --trace prog.lackey does.
void BM_LackeyToPolicy(benchmark::State& state) {
    const auto kind = static_cast<PolicyKind>(state.range(0));
    state.SetLabel(std::string(pfviz::policy::policyName(kind)));
    std::size_t refs = 0;
    for (auto _ : state) {
        const DenseReferences dense(importPages(lackeyText(), TraceFormat::Lackey));
        refs = dense.size();
        const auto policy = pfviz::policy::makePolicy(kind, 1);
        benchmark::DoNotOptimize(pfviz::policy::runPolicy(*policy, dense, 1024).misses);
    }
    reportRefs(state, refs);
}
BENCHMARK(BM_LackeyToPolicy)
    ->Arg(static_cast<std::int64_t>(PolicyKind::Fifo))
    ->Arg(static_cast<std::int64_t>(PolicyKind::Opt))
    ->Unit(benchmark::kMillisecond);

// The whole LRU fault curve for 1..4096 frames from one stack-distance pass.
void BM_LruSweep4096(benchmark::State& state) {
    const DenseReferences refs(pages());
    for (auto _ : state) {
        benchmark::DoNotOptimize(
            pfviz::policy::sweepFrames(PolicyKind::Lru, refs, 1, 4096).back().misses);
    }
    reportRefs(state, kReferences);
}
BENCHMARK(BM_LruSweep4096)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    measureBaselines();
    std::printf(
        "baselines: memchr scan %.0f MB/s, memcpy %.0f MB/s, FIFO end-to-end %.1f M refs/s "
        "(%zu references, 64 frames); lackey text %.1f MB, refs text %.1f MB, %u distinct "
        "pages\n",
        baselines().scanBytesPerSec / 1e6, baselines().memcpyBytesPerSec / 1e6,
        baselines().fifoRefsPerSec / 1e6, kReferences,
        static_cast<double>(lackeyText().size()) / 1e6,
        static_cast<double>(refsText().size()) / 1e6, DenseReferences(pages()).distinct());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
