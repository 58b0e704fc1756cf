#pragma once
// valgrind --tool=lackey --trace-mem=yes output:
//     I  0400d7d4,8        instruction fetch  -> Execute
//      L 04f6b868,8        load               -> Read
//      S 7ff000398,8       store              -> Write
//      M 0421c7f0,4        modify             -> a Read then a Write of the same bytes
// Lines of valgrind's own messages ("==1234== ...", also "--1234--" and "**1234**") and blank
// lines are skipped; anything else is an error. Blanks around the fields are tolerated. A size
// of 0 (an empty instruction mark) is read as 1 byte.
#include <cstdint>
#include <string_view>

#include "pfviz/trace/LineReader.h"
#include "pfviz/trace/TraceReader.h"

namespace pfviz::trace {

class LackeyReader final : public TraceReader {
public:
    /// Largest access size accepted; lackey's largest real accesses are a few hundred bytes.
    static constexpr std::uint64_t kMaxSize = std::uint64_t{1} << 20;

    enum class LineKind : std::uint8_t { Access, Modify, Skip, Bad };
    struct Parsed {
        LineKind kind{LineKind::Skip};
        std::uint64_t address{};
        std::uint32_t size{};
        Access access{Access::Read};  // for Access lines
        const char* error{};          // for Bad lines
    };
    /// Classifies and parses one line (without its newline).
    static Parsed parseLine(std::string_view line);

    LackeyReader(std::istream& in, std::string source);
    TraceFormat format() const override { return TraceFormat::Lackey; }

protected:
    bool readNext(TraceRecord& record) override;
    std::size_t readBatch(TraceRecord* out, std::size_t max) override {
        std::size_t n = 0;
        while (n < max && readNext(out[n]))
            ++n;
        return n;
    }

private:
    LineReader m_lines;
    bool m_storePending{false};  // the Write half of an M line is still to come
    TraceRecord m_pendingStore;
};

}  // namespace pfviz::trace
