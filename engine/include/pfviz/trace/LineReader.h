#pragma once
// Reads a text stream line by line through one large buffer: the stream is read in 1 MiB chunks
// and each line is a string_view into the buffer (valid until the next call), so parsing never
// copies a line or touches iostream per line. Only the current chunk is in memory.
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace pfviz::trace {

class LineReader {
public:
    static constexpr std::size_t kChunk = std::size_t{1} << 20;
    static constexpr std::size_t kDefaultMaxLine = std::size_t{1} << 20;

    /// `source` names the input in error messages (usually the file name). Lines longer than
    /// `maxLine` bytes are an error.
    LineReader(std::istream& in, std::string source, std::size_t maxLine = kDefaultMaxLine);

    /// The next line, without its '\n' and without a '\r' before it. False at the end of input.
    /// Throws TraceError on a read error or an over-long line.
    bool next(std::string_view& line);

    /// 1-based number of the line last returned.
    std::uint64_t lineNumber() const { return m_lineNumber; }
    /// False only when the line last returned was the final one and had no '\n' after it.
    bool lineHadNewline() const { return m_hadNewline; }
    const std::string& source() const { return m_source; }

    /// Throws the TraceError for the line last returned. A final line without '\n' is reported as
    /// truncated, because that is the usual reason it does not parse.
    [[noreturn]] void fail(const std::string& reason, std::string_view line) const;

private:
    bool fill();  // reads more input after the unconsumed bytes; false at end of input

    std::istream& m_in;
    std::string m_source;
    std::size_t m_maxLine;
    std::vector<char> m_buffer;
    std::size_t m_begin{};  // first unconsumed byte
    std::size_t m_end{};    // one past the last byte read
    bool m_eof{false};
    std::uint64_t m_lineNumber{};
    bool m_hadNewline{true};
};

}  // namespace pfviz::trace
