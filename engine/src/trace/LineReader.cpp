#include "pfviz/trace/LineReader.h"

#include <cstring>

#include "pfviz/trace/TraceError.h"

namespace pfviz::trace {

LineReader::LineReader(std::istream& in, std::string source, std::size_t maxLine)
    : m_in(in), m_source(std::move(source)), m_maxLine(maxLine), m_buffer(kChunk) {}

bool LineReader::fill() {
    if (m_eof) return false;
    // Keep the unconsumed tail (a partial line) at the front, then read after it.
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    if (m_end == m_buffer.size()) {
        if (m_buffer.size() >= m_maxLine + 1) {
            throw TraceError(m_source, m_lineNumber + 1,
                             "line longer than " + std::to_string(m_maxLine) + " bytes",
                             std::string_view(m_buffer.data(), 80));
        }
        m_buffer.resize(m_buffer.size() * 2);
    }
    m_in.read(m_buffer.data() + m_end, static_cast<std::streamsize>(m_buffer.size() - m_end));
    const auto got = static_cast<std::size_t>(m_in.gcount());
    if (m_in.bad()) throw TraceError(m_source, 0, "read error");
    m_end += got;
    if (got == 0) m_eof = true;
    return got > 0;
}

bool LineReader::next(std::string_view& line) {
    std::size_t searchFrom = m_begin;
    while (true) {
        const char* start = m_buffer.data() + searchFrom;
        const auto* nl = static_cast<const char*>(std::memchr(start, '\n', m_end - searchFrom));
        if (nl != nullptr) {
            const std::size_t stop = static_cast<std::size_t>(nl - m_buffer.data());
            std::size_t len = stop - m_begin;
            if (len > 0 && m_buffer[m_begin + len - 1] == '\r') --len;
            line = std::string_view(m_buffer.data() + m_begin, len);
            m_begin = stop + 1;
            ++m_lineNumber;
            m_hadNewline = true;
            if (len > m_maxLine) {
                throw TraceError(m_source, m_lineNumber,
                                 "line longer than " + std::to_string(m_maxLine) + " bytes",
                                 line.substr(0, 80));
            }
            return true;
        }
        const std::size_t scanned = m_end - m_begin;  // bytes known to hold no '\n'
        if (!fill()) {
            if (m_begin == m_end) return false;
            std::size_t len = m_end - m_begin;
            if (m_buffer[m_begin + len - 1] == '\r') --len;
            line = std::string_view(m_buffer.data() + m_begin, len);
            m_begin = m_end;
            ++m_lineNumber;
            m_hadNewline = false;
            return true;
        }
        searchFrom = m_begin + scanned;
    }
}

void LineReader::fail(const std::string& reason, std::string_view line) const {
    if (!m_hadNewline) {
        throw TraceError(m_source, m_lineNumber,
                         "truncated last line (no newline at end of file): " + reason, line);
    }
    throw TraceError(m_source, m_lineNumber, reason, line);
}

}  // namespace pfviz::trace
