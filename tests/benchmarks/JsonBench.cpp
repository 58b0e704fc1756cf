// Speed and memory of the JSON input layer (json::JsonDocument: nlohmann's DOM plus the position
// index) against nlohmann::json::parse alone on the same text, in the same process, so the
// figures can be quoted as ratios:
//   BM_NlohmannParse_*  baseline: nlohmann::json::parse(first, last), no positions
//   BM_JsonDocument_*   what ScenarioIo does: DOM, positions, duplicate keys, limits
// Counters: MiB/s of text, peak_MiB = the largest heap in use during one parse (this program
// replaces the global operator new/delete to count it) and peak/text = peak_MiB over the text
// size. Inputs:
//   Redis       scenarios/examples/redis_bgsave_large.json (8 KiB of real scenario)
//   Steps/N     a generated scenario-like text of N MiB: one "steps" array of small objects
//   Numbers/N   a generated flat array of N MiB of small integers
// The ctest smoke run sets PFVIZ_BENCH_JSON_MIB=1 to keep the generated texts small.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "pfviz/json/JsonReader.h"

#ifndef PFVIZ_SCENARIO_DIR
#error "PFVIZ_SCENARIO_DIR must name the scenarios folder"
#endif

namespace {

std::atomic<std::size_t> g_heapInUse{0};
std::atomic<std::size_t> g_heapPeak{0};

void* countedAlloc(std::size_t size) {
    void* p = std::malloc(size == 0 ? 1 : size);
    if (p == nullptr) throw std::bad_alloc();
    const std::size_t now = g_heapInUse += malloc_usable_size(p);
    std::size_t peak = g_heapPeak.load(std::memory_order_relaxed);
    while (now > peak && !g_heapPeak.compare_exchange_weak(peak, now)) {
    }
    return p;
}

void countedFree(void* p) noexcept {
    if (p == nullptr) return;
    g_heapInUse -= malloc_usable_size(p);
    std::free(p);
}

}  // namespace

void* operator new(std::size_t size) {
    return countedAlloc(size);
}
void* operator new[](std::size_t size) {
    return countedAlloc(size);
}
void operator delete(void* p) noexcept {
    countedFree(p);
}
void operator delete[](void* p) noexcept {
    countedFree(p);
}
void operator delete(void* p, std::size_t) noexcept {
    countedFree(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    countedFree(p);
}

namespace {

// Size of the generated texts in MiB (the benchmark argument), unless the smoke run caps it.
std::size_t generatedMiB(benchmark::State& state) {
    const char* env = std::getenv("PFVIZ_BENCH_JSON_MIB");
    const long long cap = env != nullptr ? std::atoll(env) : 0;
    const auto wanted = static_cast<std::size_t>(state.range(0));
    return cap > 0 ? std::min(wanted, static_cast<std::size_t>(cap)) : wanted;
}

const std::string& redisText() {
    static const std::string text = [] {
        std::ifstream in(std::string(PFVIZ_SCENARIO_DIR) + "/examples/redis_bgsave_large.json",
                         std::ios::binary);
        std::ostringstream out;
        out << in.rdbuf();
        if (out.str().empty()) std::abort();
        return out.str();
    }();
    return text;
}

// {"steps": [ {"op": "touch", "pid": 3, "addr": "0x7f00001a2000", "size": 4096,
// "access": "write", "repeat": 17}, ... ]}, one step per line, about 100 bytes each.
std::string stepsText(std::size_t mib) {
    std::string text = "{\"format\": \"pfviz-scenario/1\", \"name\": \"bench\", \"steps\": [\n";
    static const char* const kOps[] = {"touch", "mmap", "fork", "munmap"};
    static const char* const kAccess[] = {"read", "write"};
    for (std::size_t i = 0; text.size() < (mib << 20); ++i) {
        char address[32];
        std::snprintf(address, sizeof address, "0x7f%010llx",
                      static_cast<unsigned long long>((i * 0x1000) & 0xffffffffffull));
        text += "  {\"op\": \"" + std::string(kOps[i % 4]) +
                "\", \"pid\": " + std::to_string(1 + i % 7) + ", \"addr\": \"" + address +
                "\", \"size\": " + std::to_string(4096 << (i % 3)) + ", \"access\": \"" +
                kAccess[i % 2] + "\", \"repeat\": " + std::to_string(i % 100) + "},\n";
    }
    text += "  {\"op\": \"exit\", \"pid\": 1}\n]}\n";
    return text;
}

// [0, 1, 2, ..., 999, 0, 1, ...] with a line break every 16 numbers.
std::string numbersText(std::size_t mib) {
    std::string text = "[";
    for (std::size_t i = 0; text.size() < (mib << 20); ++i) {
        text += std::to_string(i % 1000);
        text += i % 16 == 15 ? ",\n" : ", ";
    }
    text += "0]";
    return text;
}

template <typename Parse>
void measure(benchmark::State& state, const std::string& text, Parse&& parse) {
    std::size_t peak = 0;
    for (auto _ : state) {
        const std::size_t before = g_heapInUse.load();
        g_heapPeak = before;
        parse(text);
        peak = std::max(peak, g_heapPeak.load() - before);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
    state.counters["text_MiB"] = static_cast<double>(text.size()) / (1 << 20);
    state.counters["peak_MiB"] = static_cast<double>(peak) / (1 << 20);
    state.counters["peak/text"] = static_cast<double>(peak) / static_cast<double>(text.size());
}

void nlohmannParse(const std::string& text) {
    const auto root = nlohmann::json::parse(text.begin(), text.end());
    benchmark::DoNotOptimize(root.size());
}

void documentParse(const std::string& text) {
    const pfviz::json::JsonDocument doc(text, "bench.json");
    benchmark::DoNotOptimize(doc.root().size());
}

void BM_NlohmannParse_Redis(benchmark::State& state) {
    measure(state, redisText(), nlohmannParse);
}
void BM_JsonDocument_Redis(benchmark::State& state) {
    measure(state, redisText(), documentParse);
}
void BM_NlohmannParse_Steps(benchmark::State& state) {
    measure(state, stepsText(generatedMiB(state)), nlohmannParse);
}
void BM_JsonDocument_Steps(benchmark::State& state) {
    measure(state, stepsText(generatedMiB(state)), documentParse);
}
void BM_NlohmannParse_Numbers(benchmark::State& state) {
    measure(state, numbersText(generatedMiB(state)), nlohmannParse);
}
void BM_JsonDocument_Numbers(benchmark::State& state) {
    measure(state, numbersText(generatedMiB(state)), documentParse);
}

BENCHMARK(BM_NlohmannParse_Redis)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_JsonDocument_Redis)->Unit(benchmark::kMicrosecond);
// Two sizes of each generated text: time and memory per byte must not grow with the size.
BENCHMARK(BM_NlohmannParse_Steps)->Arg(8)->Arg(32)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JsonDocument_Steps)->Arg(8)->Arg(32)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NlohmannParse_Numbers)->Arg(8)->Arg(32)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JsonDocument_Numbers)->Arg(8)->Arg(32)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
