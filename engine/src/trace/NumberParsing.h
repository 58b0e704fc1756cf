#pragma once
// Hand-written number parsers for the trace readers (private to engine/src/trace). They advance
// `p` past the digits they consume and never read at or beyond `end`.
#include <cstdint>

namespace pfviz::trace::detail {

inline int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
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
    while (p < end) {
        const int d = hexDigit(*p);
        if (d < 0) break;
        if ((v >> 60) != 0) return false;
        v = (v << 4) | static_cast<std::uint64_t>(d);
        ++p;
    }
    value = v;
    return p != start;
}

/// Decimal digits. False if there is no digit or the value exceeds 64 bits.
inline bool parseDecimal(const char*& p, const char* end, std::uint64_t& value) {
    const char* start = p;
    std::uint64_t v = 0;
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
