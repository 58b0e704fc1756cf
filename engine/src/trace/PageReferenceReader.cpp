#include "pfviz/trace/PageReferenceReader.h"

#include <stdexcept>

namespace pfviz::trace {

PageReferenceReader::PageReferenceReader(TraceReader& reader, unsigned pageBits)
    : m_reader(reader), m_pageBits(pageBits) {
    if (pageBits > kMaxPageBits) throw std::invalid_argument("page size above 1 GiB");
}

bool PageReferenceReader::next(std::uint64_t& page) {
    if (m_pending) {
        page = m_nextPage;
        m_pending = m_nextPage++ != m_lastPage;
        return true;
    }
    TraceRecord record;
    if (!m_reader.next(record)) return false;
    if (record.isPageNumber) {
        page = record.address;
        return true;
    }
    const std::uint64_t first = record.address >> m_pageBits;
    // The last byte, clamped at the top of the address space.
    const std::uint64_t lastByte = record.address + (record.size - 1) < record.address
                                       ? UINT64_MAX
                                       : record.address + (record.size - 1);
    page = first;
    m_lastPage = lastByte >> m_pageBits;
    if (m_lastPage != first) {
        m_nextPage = first + 1;
        m_pending = true;
    }
    return true;
}

PageReferences readPageReferences(TraceReader& reader, unsigned pageBits, std::uint64_t limit) {
    if (pageBits > kMaxPageBits) throw std::invalid_argument("page size above 1 GiB");
    PageReferences out;
    std::vector<TraceRecord> batch(4096);
    // The same reduction as PageReferenceReader::next(), over whole batches.
    const auto add = [&](std::uint64_t page) {
        if (out.pages.size() >= limit) {
            out.truncated = true;
            return false;
        }
        out.pages.push_back(page);
        return true;
    };
    while (const std::size_t got = reader.nextBatch(batch.data(), batch.size())) {
        for (std::size_t i = 0; i < got; ++i) {
            const TraceRecord& r = batch[i];
            if (r.isPageNumber) {
                if (!add(r.address)) return out;
                continue;
            }
            const std::uint64_t lastByte =
                r.address + (r.size - 1) < r.address ? UINT64_MAX : r.address + (r.size - 1);
            const std::uint64_t last = lastByte >> pageBits;
            for (std::uint64_t page = r.address >> pageBits;; ++page) {
                if (!add(page)) return out;
                if (page == last) break;
            }
        }
    }
    return out;
}

}  // namespace pfviz::trace
