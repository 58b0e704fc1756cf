#pragma once
// A textbook reference string: page numbers (decimal) separated by commas and/or whitespace, over
// any number of lines ("7,0,1,2,0,3" or one per line); '#' starts a comment. Records are page
// numbers (TraceRecord::isPageNumber), so the page size does not apply. Parsed as a stream of
// characters rather than lines, so a million references on one line need no big line buffer.
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "pfviz/trace/TraceReader.h"

namespace pfviz::trace {

class RefStringReader final : public TraceReader {
public:
    RefStringReader(std::istream& in, std::string source);
    TraceFormat format() const override { return TraceFormat::Refs; }

protected:
    bool readNext(TraceRecord& record) override;
    std::size_t readBatch(TraceRecord* out, std::size_t max) override {
        std::size_t n = 0;
        while (n < max && readNext(out[n]))
            ++n;
        return n;
    }

private:
    bool fill();  // replaces the buffer with the next chunk; false at end of input
    [[noreturn]] void fail(const std::string& reason);

    std::istream& m_in;
    std::string m_source;
    std::vector<char> m_buffer;
    std::size_t m_pos{};
    std::size_t m_end{};
    bool m_eof{false};
    std::uint64_t m_line{1};
    std::size_t m_lineStart{};         // where the current line starts in the buffer
    bool m_lineStartedEarlier{false};  // ... or it started in an earlier chunk
};

}  // namespace pfviz::trace
