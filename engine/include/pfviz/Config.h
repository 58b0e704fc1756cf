#pragma once
// Machine configuration: geometry of the page tables, physical memory, TLB and the cost model.
// All values are plain data; Scenario files fill them, the Machine reads them.
#include <cstdint>
#include <string>
#include <vector>

#include "pfviz/Types.h"

namespace pfviz {

/// Limits that keep a bad scenario from allocating without bound.
inline constexpr std::uint64_t kMaxFrames = std::uint64_t{1} << 26;  // 64 Mi frames
inline constexpr std::uint64_t kMinFrames = 4;                       // zero page + a little
inline constexpr std::uint64_t kMaxTouchPages = std::uint64_t{1} << 32;
inline constexpr std::uint32_t kMaxTlbEntries = 1u << 16;
inline constexpr std::uint32_t kMaxProcesses = 4096;

/// Page-table geometry: page size 2^pageBits; levelBits from the top level (PGD) down to the
/// leaf level (PTE). x86-64 4-level is 12 + {9,9,9,9} (T1).
struct Geometry {
    unsigned pageBits{12};
    std::vector<unsigned> levelBits{9, 9, 9, 9};

    static Geometry x86_64() { return {}; }
    static Geometry x86_64_la57() { return {12, {9, 9, 9, 9, 9}}; }
    static Geometry i386() { return {12, {10, 10}}; }

    unsigned levels() const { return static_cast<unsigned>(levelBits.size()); }
    unsigned vaBits() const {
        unsigned s = pageBits;
        for (unsigned b : levelBits)
            s += b;
        return s;
    }
    std::uint64_t pageSize() const { return std::uint64_t{1} << pageBits; }
    /// One past the highest user virtual address.
    std::uint64_t vaEnd() const { return std::uint64_t{1} << vaBits(); }
    /// Index into the table of `level` (0 = top) for virtual address `va`.
    std::uint64_t indexAt(VirtAddr va, unsigned level) const {
        unsigned shift = pageBits;
        for (unsigned l = levels(); l-- > level + 1;)
            shift += levelBits[l];
        return (va >> shift) & ((std::uint64_t{1} << levelBits[level]) - 1);
    }
    /// First bit (from 0) of the index field of `level` in a virtual address.
    unsigned shiftOf(unsigned level) const {
        unsigned shift = pageBits;
        for (unsigned l = levels(); l-- > level + 1;)
            shift += levelBits[l];
        return shift;
    }
    std::uint64_t entriesAt(unsigned level) const { return std::uint64_t{1} << levelBits[level]; }
    bool operator==(const Geometry&) const = default;
};

enum class TlbTagging : std::uint8_t {
    Asid,   // PCID-style tags: a few dynamic ASIDs per CPU (T5), entries survive a switch
    Flush,  // no tags: every context switch flushes the whole TLB
};

struct TlbConfig {
    std::uint32_t entries{64};
    std::uint32_t ways{4};  // entries = fully associative; 1 = direct-mapped
    TlbTagging tagging{TlbTagging::Asid};
    std::uint32_t asidSlots{6};  // TLB_NR_DYN_ASIDS on x86 Linux (T5)
    std::uint32_t sets() const { return ways == 0 ? 1 : entries / ways; }
    bool operator==(const TlbConfig&) const = default;
};

/// Simulated costs in nanoseconds. Defaults follow §12 of the semantics doc (bare-metal column)
/// and are illustrative orders of magnitude, not constants of nature.
struct CostModel {
    std::uint64_t tlbHit{1};
    std::uint64_t walkLevel{10};             // one paging-structure read during a walk
    std::uint64_t faultAnonZeroFill{1000};   // minor fault, new zeroed anonymous page (A3)
    std::uint64_t faultZeroPageMap{500};     // minor fault, read maps the zero page (A2)
    std::uint64_t faultZeroPageWrite{1000};  // write to a zero-page mapping (A4)
    std::uint64_t faultCowCopy{1500};        // CoW copy fault (C2)
    std::uint64_t faultCowReuse{500};        // CoW reuse fault (C2)
    std::uint64_t pageTableAlloc{250};       // allocating and zeroing one page-table page (T6)
    std::uint64_t tlbFlushPage{100};         // invlpg
    std::uint64_t tlbFlushFull{500};         // CR3 reload / full flush of an mm
    std::uint64_t signalKill{5000};          // delivering a fatal signal
    std::uint64_t syscall{500};              // mmap, munmap, mprotect, madvise entry + exit
    std::uint64_t perPageUnmap{250};         // freeing one page (munmap, DONTNEED, exit) (A5)
    std::uint64_t forkBase{30000};           // fork of an empty mm
    std::uint64_t forkPerPte{100};           // copying one PTE at fork (C1: 16 MiB took ~0.47 ms)
    std::uint64_t contextSwitch{2000};
    // Memory pressure (§12; illustrative).
    std::uint64_t swapInSsd{80000};     // major fault, read one page from an SSD swap device
    std::uint64_t swapInHdd{8000000};   // major fault, HDD (seek + rotation)
    std::uint64_t swapInZram{10000};    // major fault, decompress one page from zram
    std::uint64_t swapCacheHit{1000};   // minor fault, page found in the swap cache (S2)
    std::uint64_t reclaimScanPage{50};  // reclaim: one page looked at on an LRU list
    std::uint64_t swapOutDisk{2000};    // reclaim: submitting one page write (I/O is async)
    std::uint64_t swapOutZram{8000};    // reclaim: compressing one page into zram (synchronous)
    // Transparent huge pages (H2; §12: 50-200 us to zero 2 MiB).
    std::uint64_t faultThpAlloc{100000};  // minor fault that allocates and zeroes a THP
    std::uint64_t thpSplit{2000};         // splitting a PMD mapping into a PTE table (C7)
    // Page cache (§5, §12; illustrative).
    std::uint64_t fileRead{80000};      // major fault / read(): one read I/O from an SSD (P1)
    std::uint64_t fileCacheHit{3000};   // minor fault that finds the page cached (P1/P3)
    std::uint64_t fileCopyPage{250};    // read(): copying one page to the user buffer (P4)
    std::uint64_t writebackPage{2000};  // submitting the write of one dirty file page (P6)
    bool operator==(const CostModel&) const = default;
};

/// A file of the scenario: a name and a size in bytes (§5). Its pages live in the page cache.
struct FileSpec {
    std::string name;
    std::uint64_t size{};
    bool operator==(const FileSpec&) const = default;
};

enum class SwapKind : std::uint8_t { None, Ssd, Hdd, Zram };

/// A swap device (§6). zram stores pages compressed in RAM (S7) and bypasses the swap cache (S4).
/// Slots are taken from the highest-priority device with a free slot, equal priorities in turn
/// (`swapon -p`; mm/swapfile.c: get_swap_pages()).
struct SwapConfig {
    SwapKind kind{SwapKind::None};
    std::uint64_t pages{};                  // slots
    std::uint32_t compressionPercent{200};  // zram: compression ratio x100 (2.0:1 measured, S7)
    std::uint32_t pageCluster{3};           // readahead of 2^page-cluster slots (S3), block devices
    std::int32_t priority{-2};              // swapon -p; the kernel's default for the first is -2
    bool operator==(const SwapConfig&) const = default;
};

/// A memory cgroup (v2 names): its processes' anonymous and page-table pages are charged to it
/// and `memory.max` is enforced by reclaim inside the group (W7) and a memcg OOM kill (O5).
struct CgroupConfig {
    std::string name;
    std::uint64_t maxPages{};      // memory.max, in pages
    std::uint32_t swappiness{60};  // memory.swappiness (v1): 0 = never swap this group (L5)
    bool operator==(const CgroupConfig&) const = default;
};

/// How the machine picks pages to reclaim: Linux's two lists (L1-L4), or a textbook policy for
/// comparisons (FIFO by load time, LRU by last access, CLOCK = FIFO with a second chance from the
/// Accessed bit). The textbook policies evict one page per charge or allocation that needs it.
enum class ReclaimPolicy : std::uint8_t { TwoList, Fifo, Lru, Clock };

/// Which badness the OOM killer scores with: the kernel's since 5.9 (O2), or 2.6's (O6).
enum class OomPolicy : std::uint8_t { Modern, Legacy };

/// The seed's 5 pressure levels, in percent (used RAM; swap used for "critical").
struct PressureThresholds {
    std::uint32_t caution{75};
    std::uint32_t warning{85};
    std::uint32_t danger{95};
    std::uint32_t criticalSwap{50};
    bool operator==(const PressureThresholds&) const = default;
};

/// /sys/kernel/mm/transparent_hugepage/enabled (H2): never, madvise (VMAs with MADV_HUGEPAGE),
/// always (every anonymous VMA without MADV_NOHUGEPAGE).
enum class ThpMode : std::uint8_t { Never, Madvise, Always };
/// madvise(MADV_HUGEPAGE / MADV_NOHUGEPAGE) on a VMA.
enum class ThpAdvice : std::uint8_t { None, Huge, NoHuge };

struct MachineConfig {
    std::uint64_t frames{256};  // physical memory size in frames (frame 0 is the zero page)
    Geometry geometry{};
    TlbConfig tlb{};
    CostModel costs{};
    /// Width of a sample bucket of the time series, in simulated ns.
    std::uint64_t seriesBucketNs{1000};
    std::vector<SwapConfig> swap;            // the swap devices, in scenario order (S1-S7)
    std::uint32_t swappiness{60};            // 0..200 (L5)
    std::uint64_t minFreeKbytes{0};          // 0 = the kernel default from memory size (W1)
    std::uint32_t watermarkScaleFactor{10};  // W2, 1..3000
    PressureThresholds pressure{};
    ThpMode thp{ThpMode::Never};
    std::vector<FileSpec> files;        // the scenario's files (P1-P7)
    std::uint32_t readAheadKb{128};     // fixed readahead window (P2); 0 = no readahead
    std::vector<CgroupConfig> cgroups;  // memcg id i + 1 is cgroups[i]; 0 is the root
    OomPolicy oomPolicy{OomPolicy::Modern};
    ReclaimPolicy reclaimPolicy{ReclaimPolicy::TwoList};
    bool operator==(const MachineConfig&) const = default;
};

}  // namespace pfviz
