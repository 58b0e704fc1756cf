#pragma once
// Hand-written number parsers for the trace readers (private to engine/src/trace). They advance
// `p` past the digits they consume and never read at or beyond `end`. They stay hand-written
// because std::from_chars (GCC 12) measured slower on the numbers traces hold: hex addresses
// 0.6-0.75x, page numbers and addresses of 11-20 digits 0.6-0.7x, and at best equal on 1-2
// digit sizes and textbook reference strings (0.93-1.0x; tests/benchmarks/ParseBench.cpp).
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace pfviz::trace::detail {

// Value of each byte as a hex digit, or -1: one load instead of three range tests per digit.
inline constexpr auto kHexValue = [] {
    std::array<std::int8_t, 256> table{};
    for (int c = 0; c < 256; ++c) {
        table[static_cast<std::size_t>(c)] =
            static_cast<std::int8_t>(c >= '0' && c <= '9'   ? c - '0'
                                     : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                     : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                            : -1);
    }
    return table;
}();

inline int hexDigit(char c) {
    return kHexValue[static_cast<unsigned char>(c)];
}

inline std::uint64_t byteSwap(std::uint64_t x) {
    std::uint64_t r = 0;
    for (int i = 0; i < 8; ++i)
        r = (r << 8) | ((x >> (8 * i)) & 0xff);
    return r;
}

inline bool isDecimalDigit(char c) {
    return c >= '0' && c <= '9';
}
inline bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

/// Hex digits without a prefix. False if there is no digit or the value exceeds 64 bits.
inline bool parseHex(const char*& p, const char* end, std::uint64_t& value) {
    const char* start = p;
    std::uint64_t v = 0;
    // Sixteen digits always fit; a seventeenth needs a check.
    const char* unchecked = end - p > 16 ? p + 16 : end;
    int d = 0;
    while (p < unchecked && (d = hexDigit(*p)) >= 0) {
        v = (v << 4) | static_cast<std::uint64_t>(d);
        ++p;
    }
    while (p < end && (d = hexDigit(*p)) >= 0) {
        if ((v >> 60) != 0) return false;
        v = (v << 4) | static_cast<std::uint64_t>(d);
        ++p;
    }
    value = v;
    return p != start;
}

/// If the 8 bytes at p are all decimal digits, stores their value and returns true. SWAR: the
/// digits are combined pairwise in three multiply steps instead of eight dependent ones.
inline bool parseEightDigits(const char* p, std::uint64_t& value) {
    std::uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    // Every byte in '0'..'9': high nibble 3, and adding 6 does not carry out of the low nibble.
    if ((chunk & 0xf0f0f0f0f0f0f0f0ull) != 0x3030303030303030ull ||
        ((chunk + 0x0606060606060606ull) & 0xf0f0f0f0f0f0f0f0ull) != 0x3030303030303030ull) {
        return false;
    }
    if constexpr (std::endian::native != std::endian::little) chunk = byteSwap(chunk);
    chunk -= 0x3030303030303030ull;
    chunk = (chunk * 10 + (chunk >> 8)) & 0x00ff00ff00ff00ffull;
    chunk = (chunk * 100 + (chunk >> 16)) & 0x0000ffff0000ffffull;
    value = (chunk * 10000 + (chunk >> 32)) & 0xffffffffull;
    return true;
}

/// Decimal digits. False if there is no digit or the value exceeds 64 bits.
inline bool parseDecimal(const char*& p, const char* end, std::uint64_t& value) {
    const char* start = p;
    std::uint64_t v = 0;
    // Sixteen digits always fit in 64 bits: take them eight at a time while possible.
    std::uint64_t eight = 0;
    if (end - p >= 8 && parseEightDigits(p, eight)) {
        v = eight;
        p += 8;
        if (end - p >= 8 && parseEightDigits(p, eight)) {
            v = v * 100000000 + eight;
            p += 8;
        }
    }
    // Up to nineteen digits in all need no overflow check; later ones do.
    const char* unchecked = end - start > 19 ? start + 19 : end;
    while (p < unchecked && isDecimalDigit(*p)) {
        v = v * 10 + static_cast<std::uint64_t>(*p - '0');
        ++p;
    }
    while (p < end && isDecimalDigit(*p)) {
        const auto d = static_cast<std::uint64_t>(*p - '0');
        if (v > (UINT64_MAX - d) / 10) return false;
        v = v * 10 + d;
        ++p;
    }
    value = v;
    return p != start;
}

inline void skipBlanks(const char*& p, const char* end) {
    while (p < end && isBlank(*p))
        ++p;
}

}  // namespace pfviz::trace::detail
