#pragma once
// A plain list of byte addresses, one per line: hex with a 0x prefix or decimal, optionally
// followed by the access kind R, W or X (default R). '#' starts a comment; blank lines are
// skipped. Each address is an access of 1 byte.
//     0x7ffd1000
//     4096 W        # a store to page 1
#include <cstdint>
#include <string_view>

#include "pfviz/trace/LineReader.h"
#include "pfviz/trace/TraceReader.h"

namespace pfviz::trace {

class AddressListReader final : public TraceReader {
public:
    enum class LineKind : std::uint8_t { Address, Skip, Bad };
    struct Parsed {
        LineKind kind{LineKind::Skip};
        std::uint64_t address{};
        Access access{Access::Read};
        bool hex{false};      // written with 0x
        const char* error{};  // for Bad lines
    };
    static Parsed parseLine(std::string_view line);

    AddressListReader(std::istream& in, std::string source);
    TraceFormat format() const override { return TraceFormat::Addr; }

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
