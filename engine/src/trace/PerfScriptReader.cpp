#include "pfviz/trace/PerfScriptReader.h"

#include <array>

#include "NumberParsing.h"

namespace pfviz::trace {
namespace {

constexpr std::size_t kMaxTokens = 32;

struct Tokens {
    std::array<std::string_view, kMaxTokens> items;
    std::size_t count{};
};

Tokens tokenize(std::string_view line) {
    Tokens t;
    std::size_t i = 0;
    while (i < line.size() && t.count < kMaxTokens) {
        while (i < line.size() && detail::isBlank(line[i]))
            ++i;
        const std::size_t start = i;
        while (i < line.size() && !detail::isBlank(line[i]))
            ++i;
        if (i > start) t.items[t.count++] = line.substr(start, i - start);
    }
    return t;
}

bool isHexToken(std::string_view s, std::uint64_t* value = nullptr) {
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s.remove_prefix(2);
    const char* p = s.data();
    std::uint64_t v = 0;
    if (!detail::parseHex(p, s.data() + s.size(), v) || p != s.data() + s.size()) return false;
    if (value != nullptr) *value = v;
    return true;
}

// "8523.097544:" (seconds.fraction followed by a colon).
bool isTimestamp(std::string_view s) {
    if (s.size() < 3 || s.back() != ':') return false;
    bool dot = false;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        if (s[i] == '.' && !dot && i > 0)
            dot = true;
        else if (!detail::isDecimalDigit(s[i]))
            return false;
    }
    return dot;
}

// "page-faults:", "page-faults:u:", "faults:", "minor-faults:".
bool isEventName(std::string_view s) {
    if (s.size() < 2 || s.back() != ':') return false;
    for (char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    }
    return false;
}

}  // namespace

PerfScriptReader::Parsed PerfScriptReader::parseLine(std::string_view line) {
    Parsed r;
    std::size_t first = 0;
    while (first < line.size() && detail::isBlank(line[first]))
        ++first;
    if (first == line.size() || line[first] == '#') return r;
    const Tokens tok = tokenize(line);

    std::size_t searchFrom = 1;  // token 0 is the command name
    bool haveTime = false;
    for (std::size_t i = 0; i < tok.count; ++i) {
        if (isTimestamp(tok.items[i])) {
            searchFrom = i + 1;
            haveTime = true;
            break;
        }
    }
    if (!haveTime && first > 0 && isHexToken(tok.items[0])) return r;  // a call-chain frame

    std::size_t event = tok.count;
    for (std::size_t i = searchFrom; i < tok.count; ++i) {
        if (isEventName(tok.items[i])) {
            event = i;
            break;
        }
    }
    if (event == tok.count) {
        r.kind = LineKind::Bad;
        r.error = haveTime ? "no event name (like 'page-faults:') after the time stamp"
                           : "not a perf script sample line (no event name like 'page-faults:')";
        return r;
    }
    if (event + 1 >= tok.count || !isHexToken(tok.items[event + 1], &r.address)) {
        r.kind = LineKind::Bad;
        r.error =
            "no hexadecimal sample address after the event name (record with 'perf record -d')";
        return r;
    }
    r.kind = LineKind::Sample;
    return r;
}

PerfScriptReader::PerfScriptReader(std::istream& in, std::string source)
    : m_lines(in, std::move(source)) {}

bool PerfScriptReader::readNext(TraceRecord& record) {
    std::string_view line;
    while (m_lines.next(line)) {
        const Parsed parsed = parseLine(line);
        if (parsed.kind == LineKind::Skip) continue;
        if (parsed.kind == LineKind::Bad) m_lines.fail(parsed.error, line);
        record = {parsed.address, 1, Access::Read, false, m_lines.lineNumber()};
        return true;
    }
    return false;
}

}  // namespace pfviz::trace
