// Hand-written digit loops against std::from_chars, on the numbers the trace readers and the
// scenario reader meet. Each pair of benchmarks reads the same tokens, so the figures compare as
// a ratio (numbers/s; "check" sums the values and must be equal within a pair):
//   BM_ParseHex_*      lackey addresses (8-9 digits, leading zeros), perf addresses (12 digits),
//                      JSON "0x..." addresses (whole strings)
//   BM_ParseDecimal_*  lackey sizes (1-2 digits), textbook reference strings (1-6 digits), page
//                      numbers of real traces (11 digits), decimal addresses (up to 20 digits),
//                      JSON sizes ("4096", "64 KiB") and JSON decimal addresses
// The trace parsers measured are the engine's own (engine/src/trace/NumberParsing.h, kept
// because from_chars is slower there); JsonReader's address loops, replaced by from_chars, and
// its size loop (kept, private to JsonReader.cpp) are copied here.
#include <benchmark/benchmark.h>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "NumberParsing.h"

namespace {

// --- JsonReader's hand-written loops ---
namespace hand {

using pfviz::trace::detail::parseDecimal;
using pfviz::trace::detail::parseHex;

/// JsonReader's hex address digits (after "0x", at most 16), before std::from_chars.
inline bool parseAddressHex(std::string_view digits, std::uint64_t& value) {
    if (digits.size() > 16) return false;
    value = 0;
    for (const char c : digits) {
        int digit = -1;
        if (c >= '0' && c <= '9') digit = c - '0';
        if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        if (digit < 0) return false;
        value = value << 4 | static_cast<std::uint64_t>(digit);
    }
    return true;
}

/// JsonReader's decimal address digits, before std::from_chars: refused beyond 64 bits.
inline bool parseAddressDecimal(std::string_view text, std::uint64_t& value) {
    value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return false;
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (value > (UINT64_MAX - digit) / 10) return false;
        value = value * 10 + digit;
    }
    return !text.empty();
}

/// JsonReader's size digits (parseSize): a plain loop with an overflow flag.
inline std::size_t parseSizeDigits(std::string_view text, std::uint64_t& number, bool& overflow) {
    std::size_t i = 0;
    number = 0;
    overflow = false;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        const auto digit = static_cast<std::uint64_t>(text[i] - '0');
        if (number > (UINT64_MAX - digit) / 10) overflow = true;
        number = number * 10 + digit;
        ++i;
    }
    return i;
}

}  // namespace hand

// --- Inputs: one buffer of tokens, each followed by the byte that ends it in real input ---
struct Tokens {
    std::string text;
    std::vector<std::uint32_t> starts;
};

std::uint64_t nextRandom(std::uint64_t& state) {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    return state;
}

template <typename Format>
Tokens makeTokens(Format&& format) {
    Tokens tokens;
    std::uint64_t state = 0x5eed;
    char token[64];
    for (int i = 0; i < 1 << 16; ++i) {
        tokens.starts.push_back(static_cast<std::uint32_t>(tokens.text.size()));
        tokens.text += format(token, sizeof token, nextRandom(state));
    }
    return tokens;
}

// " L 04f6b868,8": the address, then ','.
const Tokens& lackeyAddresses() {
    static const Tokens t = makeTokens([](char* out, std::size_t n, std::uint64_t r) {
        const unsigned long long address =
            r % 4 == 0 ? 0x7ff000000ull + r % 0x100000 : 0x4000000ull + r % 0x1000000;
        std::snprintf(out, n, "%08llx,", address);
        return std::string(out);
    });
    return t;
}
// perf script: "7f3a2c1e5010 main+0x1c", then ' '.
const Tokens& perfAddresses() {
    static const Tokens t = makeTokens([](char* out, std::size_t n, std::uint64_t r) {
        std::snprintf(out, n, "%llx ", 0x7f0000000000ull + (r & 0xffffffffffull));
        return std::string(out);
    });
    return t;
}
// ",8\n": the size, then '\n'.
const Tokens& lackeySizes() {
    static const Tokens t = makeTokens([](char*, std::size_t, std::uint64_t r) {
        static const char* const kSizes[] = {"1", "2", "4", "8", "16", "3", "5", "32"};
        return std::string(kSizes[r % 8]) + "\n";
    });
    return t;
}
// Textbook reference strings "7,0,1,2,0,3": small page numbers, then ','.
const Tokens& textbookPageNumbers() {
    static const Tokens t = makeTokens([](char*, std::size_t, std::uint64_t r) {
        return std::to_string(r % (r % 3 == 0 ? 100 : 1000000)) + ",";
    });
    return t;
}
// Reference strings made from real traces: page numbers of user addresses (11 digits).
const Tokens& tracePageNumbers() {
    static const Tokens t = makeTokens([](char*, std::size_t, std::uint64_t r) {
        return std::to_string(0x7f3a2c000ull + r % 100000) + ",";
    });
    return t;
}
// Address lists in decimal: "140737488351232 W".
const Tokens& decimalAddresses() {
    static const Tokens t = makeTokens([](char*, std::size_t, std::uint64_t r) {
        return std::to_string(r % 8 == 0 ? r : 0x7f0000000000ull + (r & 0xffffffffffull)) + " ";
    });
    return t;
}
// JSON address strings (whole strings): "0x7f0000001000" and decimal "4096".
const Tokens& jsonHexAddresses() {
    static const Tokens t = makeTokens([](char* out, std::size_t n, std::uint64_t r) {
        std::snprintf(out, n, "%llx",
                      static_cast<unsigned long long>(0x7f0000000000ull + (r & 0xfffffff000ull)));
        return std::string(out);
    });
    return t;
}
const Tokens& jsonDecimalAddresses() {
    static const Tokens t = makeTokens([](char*, std::size_t, std::uint64_t r) {
        return std::to_string(r % 2 == 0 ? (r % 1024) * 4096 : 0x7f0000000000ull + r % 4096);
    });
    return t;
}
// JSON size strings: "4096", "64 KiB", "2MiB".
const Tokens& jsonSizes() {
    static const Tokens t = makeTokens([](char*, std::size_t, std::uint64_t r) {
        static const char* const kSizes[] = {"4096", "64 KiB", "2MiB", "16 GiB",
                                             "8192", "1 GiB",  "512",  "128 MiB"};
        return std::string(kSizes[r % 8]) + "\"";
    });
    return t;
}

template <typename Parse>
void run(benchmark::State& state, const Tokens& tokens, Parse&& parse) {
    const char* const base = tokens.text.data();
    const char* const end = base + tokens.text.size();
    std::uint64_t sum = 0;
    for (auto _ : state) {
        sum = 0;
        for (const std::uint32_t start : tokens.starts) {
            std::uint64_t value = 0;
            const char* p = base + start;
            if (!parse(p, end, value)) state.SkipWithError("parse failed");
            sum += value + static_cast<std::uint64_t>(p - base);
        }
        benchmark::DoNotOptimize(sum);
    }
    state.counters["numbers/s"] =
        benchmark::Counter(static_cast<double>(state.iterations() * tokens.starts.size()),
                           benchmark::Counter::kIsRate);
    state.counters["check"] = static_cast<double>(sum % 1000003);  // equal within a pair
}

/// The same for whole strings (JSON values), one token at a time.
template <typename Parse>
void runStrings(benchmark::State& state, const Tokens& tokens, Parse&& parse) {
    std::vector<std::string_view> strings;
    for (std::size_t i = 0; i < tokens.starts.size(); ++i) {
        const std::size_t end =
            i + 1 < tokens.starts.size() ? tokens.starts[i + 1] : tokens.text.size();
        strings.push_back(
            std::string_view(tokens.text).substr(tokens.starts[i], end - tokens.starts[i]));
    }
    std::uint64_t sum = 0;
    for (auto _ : state) {
        sum = 0;
        for (const std::string_view text : strings) {
            std::uint64_t value = 0;
            if (!parse(text, value)) state.SkipWithError("parse failed");
            sum += value;
        }
        benchmark::DoNotOptimize(sum);
    }
    state.counters["numbers/s"] = benchmark::Counter(
        static_cast<double>(state.iterations() * strings.size()), benchmark::Counter::kIsRate);
    state.counters["check"] = static_cast<double>(sum % 1000003);
}

template <int Base>
bool fromCharsWhole(std::string_view text, std::uint64_t& value) {
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value, Base);
    return ec == std::errc() && ptr == text.data() + text.size() &&
           (Base != 16 || text.size() <= 16);
}

bool fromCharsHex(const char*& p, const char* end, std::uint64_t& value) {
    const auto [ptr, ec] = std::from_chars(p, end, value, 16);
    p = ptr;
    return ec == std::errc();
}

bool fromCharsDecimal(const char*& p, const char* end, std::uint64_t& value) {
    const auto [ptr, ec] = std::from_chars(p, end, value);
    p = ptr;
    return ec == std::errc();
}

bool handSize(const char*& p, const char* end, std::uint64_t& value) {
    bool overflow = false;
    p += hand::parseSizeDigits(std::string_view(p, static_cast<std::size_t>(end - p)), value,
                               overflow);
    return !overflow;
}

void BM_ParseHex_LackeyAddress_Hand(benchmark::State& state) {
    run(state, lackeyAddresses(), hand::parseHex);
}
void BM_ParseHex_LackeyAddress_FromChars(benchmark::State& state) {
    run(state, lackeyAddresses(), fromCharsHex);
}
void BM_ParseHex_PerfAddress_Hand(benchmark::State& state) {
    run(state, perfAddresses(), hand::parseHex);
}
void BM_ParseHex_PerfAddress_FromChars(benchmark::State& state) {
    run(state, perfAddresses(), fromCharsHex);
}
void BM_ParseDecimal_LackeySize_Hand(benchmark::State& state) {
    run(state, lackeySizes(), hand::parseDecimal);
}
void BM_ParseDecimal_LackeySize_FromChars(benchmark::State& state) {
    run(state, lackeySizes(), fromCharsDecimal);
}
void BM_ParseDecimal_TextbookPageNumber_Hand(benchmark::State& state) {
    run(state, textbookPageNumbers(), hand::parseDecimal);
}
void BM_ParseDecimal_TextbookPageNumber_FromChars(benchmark::State& state) {
    run(state, textbookPageNumbers(), fromCharsDecimal);
}
void BM_ParseDecimal_TracePageNumber_Hand(benchmark::State& state) {
    run(state, tracePageNumbers(), hand::parseDecimal);
}
void BM_ParseDecimal_TracePageNumber_FromChars(benchmark::State& state) {
    run(state, tracePageNumbers(), fromCharsDecimal);
}
void BM_ParseDecimal_DecimalAddress_Hand(benchmark::State& state) {
    run(state, decimalAddresses(), hand::parseDecimal);
}
void BM_ParseDecimal_DecimalAddress_FromChars(benchmark::State& state) {
    run(state, decimalAddresses(), fromCharsDecimal);
}
void BM_ParseDecimal_JsonSize_Hand(benchmark::State& state) {
    run(state, jsonSizes(), handSize);
}
void BM_ParseDecimal_JsonSize_FromChars(benchmark::State& state) {
    run(state, jsonSizes(), fromCharsDecimal);
}

void BM_ParseHex_JsonAddress_Hand(benchmark::State& state) {
    runStrings(state, jsonHexAddresses(), hand::parseAddressHex);
}
void BM_ParseHex_JsonAddress_FromChars(benchmark::State& state) {
    runStrings(state, jsonHexAddresses(), fromCharsWhole<16>);
}
void BM_ParseDecimal_JsonAddress_Hand(benchmark::State& state) {
    runStrings(state, jsonDecimalAddresses(), hand::parseAddressDecimal);
}
void BM_ParseDecimal_JsonAddress_FromChars(benchmark::State& state) {
    runStrings(state, jsonDecimalAddresses(), fromCharsWhole<10>);
}

BENCHMARK(BM_ParseHex_LackeyAddress_Hand);
BENCHMARK(BM_ParseHex_LackeyAddress_FromChars);
BENCHMARK(BM_ParseHex_PerfAddress_Hand);
BENCHMARK(BM_ParseHex_PerfAddress_FromChars);
BENCHMARK(BM_ParseDecimal_LackeySize_Hand);
BENCHMARK(BM_ParseDecimal_LackeySize_FromChars);
BENCHMARK(BM_ParseDecimal_TextbookPageNumber_Hand);
BENCHMARK(BM_ParseDecimal_TextbookPageNumber_FromChars);
BENCHMARK(BM_ParseDecimal_TracePageNumber_Hand);
BENCHMARK(BM_ParseDecimal_TracePageNumber_FromChars);
BENCHMARK(BM_ParseDecimal_DecimalAddress_Hand);
BENCHMARK(BM_ParseDecimal_DecimalAddress_FromChars);
BENCHMARK(BM_ParseDecimal_JsonSize_Hand);
BENCHMARK(BM_ParseDecimal_JsonSize_FromChars);
BENCHMARK(BM_ParseHex_JsonAddress_Hand);
BENCHMARK(BM_ParseHex_JsonAddress_FromChars);
BENCHMARK(BM_ParseDecimal_JsonAddress_Hand);
BENCHMARK(BM_ParseDecimal_JsonAddress_FromChars);

}  // namespace

BENCHMARK_MAIN();
