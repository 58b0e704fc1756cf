#pragma once
// The whole simulated machine: one CPU, physical memory, page tables, TLB and processes.
// Machine is a value: it copies and compares with ==, which is how step-back is verified.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "pfviz/Config.h"
#include "pfviz/Counters.h"
#include "pfviz/PageTables.h"
#include "pfviz/PhysicalMemory.h"
#include "pfviz/Pressure.h"
#include "pfviz/Process.h"
#include "pfviz/Rng.h"
#include "pfviz/Tlb.h"

namespace pfviz {

/// Zone watermarks in pages (W2). The machine is one zone (§14 "may").
struct Watermarks {
    std::uint64_t min{};
    std::uint64_t low{};
    std::uint64_t high{};
    bool operator==(const Watermarks&) const = default;
};

/// int_sqrt as in the kernel: the largest r with r * r <= x.
std::uint64_t intSqrt(std::uint64_t x);
/// W1: min_free_kbytes = int_sqrt(16 * lowmem_kB), clamped to 128 KiB .. 256 MiB.
std::uint64_t defaultMinFreeKbytes(std::uint64_t lowmemKb);
/// W2 for a single zone holding all managed pages.
Watermarks computeWatermarks(std::uint64_t managedPages, std::uint64_t minFreeKbytes,
                             std::uint32_t scaleFactor, unsigned pageBits);

/// L5: the anon and file weights of get_scan_count() (SCAN_FRACT); anon share = ap / (ap + fp).
struct ScanWeights {
    std::uint64_t ap{};
    std::uint64_t fp{};
};
ScanWeights scanWeights(std::uint32_t swappiness, std::uint64_t anonCost, std::uint64_t fileCost);

/// One swap slot: `count` swap PTEs refer to it; `cache` is its swap-cache frame (S1/S2/S6).
struct SwapSlot {
    std::uint32_t count{};
    std::uint32_t cache{kNoFrame};
    bool used{false};
    bool operator==(const SwapSlot&) const = default;
};

/// One swap device (swapon): it owns the slots [first, first + pages) of the slot table.
struct SwapArea {
    SwapKind kind{SwapKind::None};
    std::int32_t priority{};
    std::uint32_t compressionPercent{200};  // zram (S7)
    std::uint32_t pageCluster{3};           // block devices (S3)
    std::uint32_t first{};
    std::uint32_t pages{};
    std::vector<std::uint32_t> free;  // back() is taken next (lowest slot first at start)
    std::uint64_t lastPick{};         // round robin among equal priorities (older goes first)
    std::uint64_t ins{};              // pages read from this device (incl. readahead)
    std::uint64_t outs{};             // pages written to this device
    bool owns(std::uint32_t slot) const { return slot >= first && slot - first < pages; }
    std::uint64_t used() const { return pages - free.size(); }
    bool operator==(const SwapArea&) const = default;
};

/// All swap space: one slot table shared by the devices (a slot number names its device).
struct SwapDevice {
    std::vector<SwapSlot> slotTable;        // not "slots": Qt defines that as a macro
    std::vector<SwapArea> areas;            // the devices, in scenario order
    std::uint64_t picks{};                  // slots handed out so far (round-robin clock)
    std::uint64_t zramBytes{};              // zram: compressed bytes stored, all devices (S7)
    std::vector<std::uint32_t> zramFrames;  // zram: frames holding the compressed data
    std::uint64_t used() const {
        std::uint64_t n = 0;
        for (const SwapArea& a : areas)
            n += a.used();
        return n;
    }
    bool hasFree() const {
        for (const SwapArea& a : areas)
            if (!a.free.empty()) return true;
        return false;
    }
    /// Pages written to zram devices so far (their writes cost compression time, the others I/O).
    std::uint64_t zramOuts() const {
        std::uint64_t n = 0;
        for (const SwapArea& a : areas)
            n += a.kind == SwapKind::Zram ? a.outs : 0;
        return n;
    }
    /// The kind of device the next swap-out goes to (the first device's when all are full).
    SwapKind nextKind() const {
        const std::size_t i = nextArea();
        return i < areas.size() ? areas[i].kind : areas.empty() ? SwapKind::None : areas[0].kind;
    }
    /// The device a slot belongs to.
    const SwapArea& areaOf(std::uint32_t slot) const;
    SwapArea& areaOf(std::uint32_t slot);
    /// The device the next slot is taken from: highest priority with a free slot, equal
    /// priorities round robin; areas.size() when all are full.
    std::size_t nextArea() const;
    /// Takes a slot from nextArea(); kNoSlot when swap is full.
    std::uint32_t takeSlot();
    /// Puts a slot back on its device's free list.
    void freeSlot(std::uint32_t slot);
    bool operator==(const SwapDevice&) const = default;
};

/// One row of an OOM report: what /proc and dmesg show for a candidate (O2, O3).
struct OomCandidate {
    Pid pid{};
    std::string name;
    std::uint64_t rssPages{};
    std::uint64_t swapPages{};
    std::uint64_t pageTablePages{};
    std::int32_t oomScoreAdj{};
    std::int64_t badness{};
    std::int64_t oomScore{};
    bool eligible{true};  // false: oom_score_adj -1000 (O1), never chosen
    bool operator==(const OomCandidate&) const = default;
};

struct OomReport {
    Pid requester{};
    Pid victim{};
    std::uint64_t totalPages{};  // RAM + swap (global OOM); the memcg's limit (+ swap) (O2, O5)
    std::vector<OomCandidate> candidates;
    std::uint16_t
        memcg{};  // 0: a global OOM; else the memcg whose charge failed (CONSTRAINT_MEMCG)
    OomPolicy policy{OomPolicy::Modern};  // which badness scored the candidates (O2 or O6)
    bool operator==(const OomReport&) const = default;
};

/// Run-time state of a memory cgroup (its usage is PhysicalMemory::charged(id), W7).
struct MemcgState {
    std::uint64_t peakPages{};       // memory.peak
    std::uint64_t maxEvents{};       // memory.events "max": charges that hit memory.max
    std::uint64_t reclaims{};        // reclaim passes run for the group
    std::uint64_t pagesScanned{};    // memory.stat pgscan
    std::uint64_t pagesReclaimed{};  // memory.stat pgsteal
    std::uint64_t oomKills{};        // memory.events "oom_kill"
    bool operator==(const MemcgState&) const = default;
};

/// PSI memory (M1-M3) and vmpressure (M4) state. The simulator has one CPU and runs one task
/// at a time from a script, so whenever the running task is stalled no productive task exists:
/// FULL equals SOME here (M2 with one runnable task; psiState() has the general rule).
struct PressureSignals {
    PsiAverages some{};
    PsiAverages full{};
    SimTime periodStart{};
    std::uint64_t pendingStallNs{};  // stall not yet folded into a period
    std::uint64_t totalStallNs{};    // /proc/pressure/memory total= (in ns here)
    std::uint64_t someAvg10Max{};    // hundredths of a percent
    std::uint64_t fullAvg10Max{};
    std::uint64_t windowScanned{};  // vmpressure window (512 pages)
    std::uint64_t windowReclaimed{};
    std::array<std::uint64_t, 3> vmpressureEvents{};  // low, medium, critical
    std::uint8_t lastVmpressure{};                    // VmpressureLevel of the last window
    /// Adds stall time (direct reclaim, swap-in refault wait) and folds every elapsed 2 s period.
    void stall(std::uint64_t ns) {
        pendingStallNs += ns;
        totalStallNs += ns;
    }
    void advance(SimTime now);
    /// Adds a reclaim pass to the vmpressure window; returns true when a window completed.
    bool reclaimed(std::uint64_t scanned, std::uint64_t got);
    bool operator==(const PressureSignals&) const = default;
};

/// The seed's 5 levels.
enum class PressureLevel : std::uint8_t { Normal, Caution, Warning, Danger, Critical };
/// "normal", "caution", "warning", "danger", "critical".
const char* pressureLevelId(PressureLevel l);

/// A shared anonymous mapping's memory (MAP_SHARED|MAP_ANONYMOUS is shmem, C6): one frame per
/// page, allocated at the first touch by any sharer and kept until the last VMA using it goes.
struct ShmemObject {
    std::vector<std::uint32_t> frames;  // kNoFrame: not allocated yet
    bool live{false};
    bool operator==(const ShmemObject&) const = default;
};

struct Machine {
    explicit Machine(const MachineConfig& cfg = {}, std::uint64_t seed = 0);

    MachineConfig config;
    PhysicalMemory memory;
    PageTables tables;
    Tlb tlb;
    std::vector<Process> processes;  // in creation order; a pid is never reused
    Pid current{};                   // process on the CPU
    SimTime now{};
    Counters counters{};
    Rng rng;
    Watermarks watermarks{};
    SwapDevice swap{};
    bool kswapdAwake{false};
    SimTime kswapdClock{};  // simulated time up to which kswapd has done its work
    PressureLevel maxPressure{PressureLevel::Normal};
    std::vector<OomReport> oomReports;  // OomKill events carry the index of their report
    PressureSignals pressure{};         // not "signals": Qt defines that as a macro
    std::vector<MemcgState> memcgs;     // memcgs[i] belongs to config.cgroups[i] (memcg id i + 1)
    /// The page cache: per file (config.files order), the frame of each page or kNoFrame.
    std::vector<std::vector<std::uint32_t>> pageCache;

    /// Index of the file named `name` in config.files, or kNoFile.
    std::uint32_t fileIndex(const std::string& name) const;
    /// Pages of file `file` (the last one may be partial).
    std::uint64_t filePages(std::uint32_t file) const;

    /// RAM + swap, in pages (totalpages of a global OOM, O2).
    std::uint64_t totalPages() const { return memory.total() + swap.slotTable.size(); }
    PressureLevel pressureLevel() const;
    /// totalpages of a memcg OOM (O2): memory.max, plus the swap space if swappiness is not 0.
    std::uint64_t memcgTotalPages(std::uint16_t id) const {
        const CgroupConfig& cg = config.cgroups[id - 1u];
        return cg.maxPages + (cg.swappiness != 0 ? swap.slotTable.size() : 0);
    }

    Process* process(Pid pid);
    const Process* process(Pid pid) const;
    const Geometry& geometry() const { return config.geometry; }
    Vpn vpnOf(VirtAddr va) const { return Vpn{va >> config.geometry.pageBits}; }

    /// Leaf PTE for `va` in `p`, or nullptr when a table on the way is missing. A huge PMD entry
    /// covering `va` is returned as the leaf (check `huge()`).
    const Pte* leafPte(const Process& p, VirtAddr va) const;
    Pte* leafPte(const Process& p, VirtAddr va);
    /// Visits every present-or-not leaf PTE slot that is non-empty: f(va, pte). A huge PMD entry
    /// (`pte.huge()`) is visited once, at the start of its range.
    template <typename F>
    void forEachLeaf(const Process& p, F&& f) const {
        if (p.root != kNoNode) visitLeaves(p.root, 0, 0, f);
    }

    /// PSS of `p` in pages, as /proc/PID/smaps_rollup's Pss: every page it maps, divided by the
    /// number of mappers (a huge page counts its 512 pages once). The zero pages are not counted,
    /// as in RSS. Walks the process's page tables: O(mapped pages).
    double pssPages(const Process& p) const;

    /// Shared anonymous memory objects (C6); a VMA refers to one by index.
    std::vector<ShmemObject> shmem;

    /// Pages per huge page (512 on x86-64), 0 when the geometry has a single level.
    std::uint64_t hugePages() const {
        return config.geometry.levels() >= 2 ? std::uint64_t{1} << config.geometry.levelBits.back()
                                             : 0;
    }

    bool operator==(const Machine&) const = default;

private:
    template <typename F>
    void visitLeaves(std::uint32_t nodeIndex, unsigned level, VirtAddr base, F& f) const {
        const PtNode& n = tables.node(nodeIndex);
        const unsigned shift = config.geometry.shiftOf(level);
        const bool leaf = level + 1 == config.geometry.levels();
        for (std::size_t i = 0; i < n.entries.size(); ++i) {
            const Pte& e = n.entries[i];
            if (e.flags == 0 && e.target == 0) continue;
            const VirtAddr va = base | (static_cast<VirtAddr>(i) << shift);
            if (leaf || e.huge())
                f(va, e);  // a huge entry is one leaf covering 2^hugeOrder pages (H2)
            else if (e.present())
                visitLeaves(static_cast<std::uint32_t>(e.target), level + 1, va, f);
        }
    }
};

}  // namespace pfviz
