#pragma once
// One memory access read from a trace: what a scenario replays through the MMU and what the
// policy lab reduces to page numbers.
#include <cstdint>

#include "pfviz/Types.h"

namespace pfviz::trace {

struct TraceRecord {
    /// A byte address, or a page number when `isPageNumber` (reference-string traces).
    std::uint64_t address{};
    /// Bytes accessed from `address` (>= 1). An access that crosses a page boundary touches every
    /// page in [address, address + size - 1], in ascending order.
    std::uint32_t size{1};
    Access access{Access::Read};
    /// True for plain reference strings, whose entries are page numbers with no page size.
    bool isPageNumber{false};
    /// 1-based line of the trace file the record came from (for error messages downstream).
    std::uint64_t line{};
    bool operator==(const TraceRecord&) const = default;
};

/// Which records a reader passes on. Data = loads and stores (Read/Write), instructions =
/// fetches (Execute).
enum class AccessFilter : std::uint8_t { All, DataOnly, InstructionOnly };

inline bool passes(AccessFilter filter, Access access) {
    switch (filter) {
        case AccessFilter::All:
            return true;
        case AccessFilter::DataOnly:
            return access != Access::Execute;
        case AccessFilter::InstructionOnly:
            return access == Access::Execute;
    }
    return true;
}

}  // namespace pfviz::trace
