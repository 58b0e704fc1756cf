#pragma once
// Reduces a trace to page numbers, streaming: each record becomes the page(s) it touches, with a
// page size of 2^pageBits bytes. An access that crosses page boundaries touches every page it
// covers, in ascending order (so lackey's " L 0fff,8" with 4 KiB pages is pages 0 and 1, and
// " M 0fff,8" is 0, 1 for the load, then 0, 1 for the store). Page-number records (reference
// strings) pass through unchanged.
#include <cstdint>
#include <vector>

#include "pfviz/trace/TraceReader.h"

namespace pfviz::trace {

/// Largest page size accepted: 1 GiB (an x86 PUD page).
inline constexpr unsigned kMaxPageBits = 30;

class PageReferenceReader {
public:
    /// `reader` must outlive this object; 0 <= pageBits <= kMaxPageBits.
    PageReferenceReader(TraceReader& reader, unsigned pageBits);

    /// The next page reference; false at the end of the trace. Throws TraceError.
    bool next(std::uint64_t& page);

private:
    TraceReader& m_reader;
    unsigned m_pageBits;
    std::uint64_t m_nextPage{};  // pages still to emit from the current record ...
    std::uint64_t m_lastPage{};  // ... up to and including this one
    bool m_pending{false};
};

struct PageReferences {
    std::vector<std::uint64_t> pages;
    bool truncated{false};  // the trace had more than `limit` references
};

/// Reads up to `limit` page references from `reader`.
PageReferences readPageReferences(TraceReader& reader, unsigned pageBits, std::uint64_t limit);

}  // namespace pfviz::trace
