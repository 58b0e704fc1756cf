#pragma once
// `perf script` output of `perf record -e page-faults -d`. A sample line looks like
//     prog  4242 [001]  8523.097544:          1 page-faults:u:      7f3a2c1e5010 main+0x1c
//     (/tmp/prog)
// (comm, pid/tid, optional [cpu], time, optional period, event, ADDRESS, ip, symbol, dso).
// Columns vary with perf's version and -F, so the reader does not count columns: it finds the
// event name (the first token ending in ':' that holds a letter, after the time stamp when there
// is one) and requires the sample address, in hex, right after it. Every sample is one Read of 1
// byte (perf does not say whether the fault was a load or a store).
// Skipped: blank lines, '#' header lines (perf script --header), and call-chain lines (perf record
// -g: indented, starting with a hex ip, no event name). Anything else is an error.
#include <cstdint>
#include <string_view>

#include "pfviz/trace/LineReader.h"
#include "pfviz/trace/TraceReader.h"

namespace pfviz::trace {

class PerfScriptReader final : public TraceReader {
public:
    enum class LineKind : std::uint8_t { Sample, Skip, Bad };
    struct Parsed {
        LineKind kind{LineKind::Skip};
        std::uint64_t address{};
        const char* error{};  // for Bad lines
    };
    static Parsed parseLine(std::string_view line);

    PerfScriptReader(std::istream& in, std::string source);
    TraceFormat format() const override { return TraceFormat::Perf; }

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
};

}  // namespace pfviz::trace
