#include "pfviz/trace/RefStringReader.h"

#include <algorithm>

#include "NumberParsing.h"
#include "pfviz/trace/TraceError.h"

namespace pfviz::trace {
namespace {

constexpr std::size_t kChunk = std::size_t{1} << 20;
constexpr std::size_t kContext = 60;  // characters shown on each side of an error

bool isSeparator(char c) {
    return c == ',' || c == ' ' || c == '\t' || c == '\r';
}

}  // namespace

RefStringReader::RefStringReader(std::istream& in, std::string source)
    : m_in(in), m_source(std::move(source)), m_buffer(kChunk) {}

bool RefStringReader::fill() {
    if (m_eof) return false;
    // Whether the current line had text in the chunk being replaced (for error messages).
    const bool lineHadText = m_lineStartedEarlier || m_lineStart < m_end;
    m_in.read(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    const auto got = static_cast<std::size_t>(m_in.gcount());
    if (m_in.bad()) throw TraceError(m_source, 0, "read error");
    m_pos = 0;
    m_end = got;
    m_lineStart = 0;
    m_lineStartedEarlier = lineHadText;
    if (got == 0) m_eof = true;
    return got > 0;
}

void RefStringReader::fail(const std::string& reason) {
    // Show the current line around the error, then look ahead for its newline: a final line
    // without one is reported as truncated.
    const std::size_t pos = std::min(m_pos, m_end);
    const std::size_t from = std::max(m_lineStart, pos > kContext ? pos - kContext : 0);
    const char* stopAt = std::find(m_buffer.data() + pos, m_buffer.data() + m_end, '\n');
    const auto stop = std::min(static_cast<std::size_t>(stopAt - m_buffer.data()), pos + kContext);
    std::string text = (from > m_lineStart || m_lineStartedEarlier) ? "..." : "";
    text.append(m_buffer.data() + from, stop - from);
    bool newlineFollows = stopAt != m_buffer.data() + m_end;
    while (!newlineFollows && fill()) {
        newlineFollows =
            std::find(m_buffer.data(), m_buffer.data() + m_end, '\n') != m_buffer.data() + m_end;
    }
    if (!newlineFollows) {
        throw TraceError(m_source, m_line,
                         "truncated last line (no newline at end of file): " + reason, text);
    }
    throw TraceError(m_source, m_line, reason, text);
}

bool RefStringReader::readNext(TraceRecord& record) {
    constexpr const char* kExpected =
        "expected a page number (decimal digits, separated by commas or blanks)";
    while (true) {
        if (m_pos == m_end && !fill()) return false;
        const char* const buffer = m_buffer.data();
        const char* p = buffer + m_pos;
        const char* const end = buffer + m_end;
        while (p < end && isSeparator(*p))
            ++p;
        m_pos = static_cast<std::size_t>(p - buffer);
        if (p == end) continue;
        const char c = *p;
        if (c == '\n') {
            ++m_line;
            m_lineStart = ++m_pos;
            m_lineStartedEarlier = false;
            continue;
        }
        if (c == '#') {
            while (true) {
                if (m_pos == m_end && !fill()) return false;
                if (m_buffer[m_pos] == '\n') break;
                ++m_pos;
            }
            continue;
        }
        if (!detail::isDecimalDigit(c)) fail(kExpected);

        // Fast path: the number ends inside this chunk.
        std::uint64_t value = 0;
        const char* q = p;
        if (detail::parseDecimal(q, end, value) && q < end) {
            m_pos = static_cast<std::size_t>(q - buffer);
            if (!isSeparator(*q) && *q != '\n' && *q != '#') fail(kExpected);
            record = {value, 1, Access::Read, true, m_line};
            return true;
        }
        if (q < end) {  // stopped inside the chunk: too many digits
            m_pos = static_cast<std::size_t>(q - buffer);
            fail("page number larger than 2^64-1");
        }
        // Slow path: the digits may continue into the next chunk; the value carries over.
        const std::uint64_t line = m_line;
        value = 0;
        while (true) {
            if (m_pos == m_end && !fill()) break;
            const char d = m_buffer[m_pos];
            if (!detail::isDecimalDigit(d)) {
                if (!isSeparator(d) && d != '\n' && d != '#') fail(kExpected);
                break;
            }
            const auto digit = static_cast<std::uint64_t>(d - '0');
            if (value > (UINT64_MAX - digit) / 10) fail("page number larger than 2^64-1");
            value = value * 10 + digit;
            ++m_pos;
        }
        record = {value, 1, Access::Read, true, line};
        return true;
    }
}

}  // namespace pfviz::trace
