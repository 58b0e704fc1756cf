#pragma once
// Cumulative counters. They only ever grow (except the gauges at the end), so the difference of
// two snapshots is the activity over an interval; charts and rates are built from that.
#include <cstdint>

namespace pfviz {

struct FaultCounters {
    std::uint64_t minor{};       // successful faults without I/O (F2)
    std::uint64_t major{};       // faults that waited for I/O (F2)
    std::uint64_t invalid{};     // accesses that ended in SIGSEGV/SIGBUS; never minor/major (F3)
    std::uint64_t protection{};  // write-protect faults on a present PTE (F5), a subset of minor
    std::uint64_t cowCopy{};
    std::uint64_t cowReuse{};
    std::uint64_t zeroPage{};  // zero-page mappings made by read faults (A2)
    std::uint64_t segvMaperr{};
    std::uint64_t segvAccerr{};
    std::uint64_t sigbus{};  // access beyond the end of a mapped file (P7); part of `invalid`
    bool operator==(const FaultCounters&) const = default;
};

struct Counters {
    FaultCounters faults{};
    std::uint64_t accesses{};
    std::uint64_t tlbHits{};
    std::uint64_t tlbMisses{};
    std::uint64_t walks{};
    std::uint64_t tlbFlushes{};       // flush operations (a full flush counts once)
    std::uint64_t pagesFlushed{};     // single-page invalidations
    std::uint64_t framesAllocated{};  // cumulative allocations (data and page tables)
    std::uint64_t framesFreed{};
    std::uint64_t oomKills{};
    // Memory pressure (/proc/vmstat names in comments).
    std::uint64_t swapIns{};          // pswpin
    std::uint64_t swapOuts{};         // pswpout
    std::uint64_t swapCacheHits{};    // swap-in faults served from the swap cache (minor)
    std::uint64_t kswapdWakeups{};    // kswapd_low_wmark_hit_quickly-ish: sleeping -> awake
    std::uint64_t directReclaims{};   // allocstall
    std::uint64_t pagesScanned{};     // pgscan_kswapd + pgscan_direct
    std::uint64_t pagesReclaimed{};   // pgsteal_kswapd + pgsteal_direct
    std::uint64_t directReclaimNs{};  // time the allocating tasks spent in direct reclaim (W6)

    // Transparent huge pages (H2, C7).
    std::uint64_t thpFaultAlloc{};     // thp_fault_alloc
    std::uint64_t thpFaultFallback{};  // thp_fault_fallback: no aligned block or no memcg room
    std::uint64_t thpZeroPageMaps{};   // read faults that mapped the huge zero page
    std::uint64_t thpSplitPmd{};       // thp_split_pmd: PMD mappings turned into PTE tables
    // Page cache (§5).
    std::uint64_t pageCacheHits{};    // file pages found cached by a fault or read()
    std::uint64_t pageCacheMisses{};  // file pages that had to be read (a read I/O each)
    std::uint64_t readaheadPages{};   // extra pages read by readahead (P2)
    std::uint64_t writebacks{};       // dirty file pages written back (P6, reclaim)
    std::uint64_t pagesDropped{};     // clean file pages dropped by reclaim
    bool operator==(const Counters&) const = default;
};

/// Per-process counters and gauges.
struct ProcessCounters {
    Counters c{};
    std::uint64_t rssPages{};        // pages mapped by present PTEs, zero page excluded
    std::uint64_t pageTablePages{};  // page-table pages owned by the process (T6)
    std::uint64_t swapPages{};       // swap entries in its page tables (VmSwap)
    std::uint64_t rssFilePages{};    // RssFile: page-cache pages mapped (part of rssPages)
    bool operator==(const ProcessCounters&) const = default;
};

}  // namespace pfviz
