#pragma once
// The simulated kernel and MMU: applies one access or one system call to a Machine and appends
// the events that describe it, in animation order. Deterministic; no I/O, no clocks, no globals.
// Rule ids (T1, F1, A2, C3 ...) refer to shared/docs/linux-vm-semantics.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pfviz/Event.h"
#include "pfviz/Machine.h"

namespace pfviz {

inline constexpr std::uint64_t kMmapThreshold = 128 * 1024;  // glibc M_MMAP_THRESHOLD
inline constexpr std::uint64_t kTopPad = 128 * 1024;         // glibc M_TOP_PAD
inline constexpr std::uint64_t kMallocHeader = 16;           // chunk header before user memory
inline constexpr std::uint64_t kFlushCeiling = 33;           // tlb_single_page_flush_ceiling (T4)

class Kernel {
public:
    Kernel(Machine& machine, std::vector<Event>& out, std::uint64_t step)
        : m_m(machine), m_out(out), m_step(step) {}

    /// Starts a new process with an empty address space (and its top-level page table).
    /// `memcg`: the memory cgroup it starts in (0 = root).
    bool spawn(Pid pid, const std::string& name, std::uint32_t uid, std::int32_t oomScoreAdj,
               std::uint16_t memcg = 0);
    /// One memory access by `pid` at `va`: TLB, walk, fault, retry (T2, F1).
    void access(Pid pid, VirtAddr va, Access a);
    /// Reserves a VMA (A1). Returns the start address, or nothing if the call failed.
    /// `shared`: MAP_SHARED|MAP_ANONYMOUS, shared memory that fork never copies (C6).
    std::optional<VirtAddr> mmap(Pid pid, std::uint64_t length, std::optional<VirtAddr> hint,
                                 Prot prot, bool populate, const std::string& name,
                                 bool shared = false);
    /// glibc-like malloc: big blocks get their own mapping, small ones come from the brk heap.
    std::optional<VirtAddr> malloc(Pid pid, std::uint64_t length, const std::string& name);
    void free(Pid pid, const std::string& name);
    void munmap(Pid pid, VirtAddr start, std::uint64_t length);
    void mprotect(Pid pid, VirtAddr start, std::uint64_t length, Prot prot);
    void madviseDontneed(Pid pid, VirtAddr start, std::uint64_t length);
    /// MADV_HUGEPAGE / MADV_NOHUGEPAGE: marks the VMAs of the range (H2); mapped pages stay.
    void madviseHuge(Pid pid, VirtAddr start, std::uint64_t length, ThpAdvice advice);
    /// MAP_POPULATE / MADV_POPULATE_WRITE: the kernel faults the pages in for the caller (F4).
    void populate(Pid pid, VirtAddr start, std::uint64_t length);
    bool fork(Pid parent, Pid child, const std::string& childName);
    void exit(Pid pid);
    void contextSwitch(Pid pid);
    void sleep(std::uint64_t ns);
    void checkpoint();
    void skipped(Pid pid);

    /// Modern OOM badness in pages (O2): rss + swap + page tables + adj * totalpages / 1000.
    static std::int64_t badness(std::uint64_t rssPages, std::uint64_t swapPages,
                                std::uint64_t pageTablePages, std::int32_t oomScoreAdj,
                                std::uint64_t totalPages);
    /// /proc/PID/oom_score from a badness (O3): (1000 + badness * 1000 / totalpages) * 2 / 3.
    static std::int64_t oomScore(std::int64_t badness, std::int32_t oomScoreAdj,
                                 std::uint64_t totalPages);
    static std::int64_t badness(const Machine& m, const Process& p);
    /// /proc/PID/oom_score (O3).
    static std::int64_t oomScore(const Machine& m, const Process& p);

    // --- page cache (§5; engine/src/kernel/PageCache.cpp) ---
    /// mmap of `file` at byte `fileOffset` (page aligned), MAP_PRIVATE or MAP_SHARED (P1-P7).
    std::optional<VirtAddr> mmapFile(Pid pid, std::uint64_t length, std::optional<VirtAddr> hint,
                                     Prot prot, bool shared, const std::string& file,
                                     std::uint64_t fileOffset, bool populate,
                                     const std::string& name);
    /// read(): copies through the page cache, no faults in the process (P4, L2).
    void readFile(Pid pid, const std::string& file, std::uint64_t offset, std::uint64_t length);
    /// msync(MS_SYNC): writes back the dirty file pages of the range (P6).
    void msync(Pid pid, VirtAddr start, std::uint64_t length);
    /// madvise(MADV_RANDOM): faults in the range read no more than the faulting page (P2).
    void madviseRandom(Pid pid, VirtAddr start, std::uint64_t length);

    /// kswapd's share of one step (W5): while awake, reclaims up to SWAP_CLUSTER_MAX pages and
    /// goes back to sleep once free memory is above the high watermark. The simulator calls it
    /// at every step boundary; kswapd runs on another CPU, so it adds no time to the step.
    void kswapd();
    /// Reclaims up to `target` pages from the LRU lists (L3/L4, S1). `direct`: charged to
    /// `charged` (W6). Returns pages reclaimed.
    std::uint64_t reclaim(std::uint64_t target, Pid charged, bool direct);

    // --- memory cgroups (kernel/Memcg.cpp) ---
    /// W7: makes room for `pages` new pages in the memcg of `p` before they are allocated. Above
    /// memory.max the task reclaims inside its own group; when that frees nothing, a memcg OOM
    /// kill chooses among the group's tasks (O1, O5). Returns false if `p` itself was killed.
    /// A caller that allocates a chargeable page (anon, page table, page cache, a THP) calls
    /// this first and then chargeFrame() on the new frame.
    bool tryChargeMemcg(Process& p, std::uint64_t pages = 1);
    /// Charges frame `f` to the memcg of `p` (nothing for the root). No limit check.
    void chargeFrame(const Process& p, Pfn f);
    /// Reclaim restricted to the pages charged to memcg `id` (W7), in the task `charged`.
    std::uint64_t reclaimMemcg(std::uint16_t id, std::uint64_t target, Pid charged);
    /// One step of reclaimMemcg() on the group's file LRU tail (W7, L3/L4): true if a page
    /// was reclaimed. `inactive`/`active`: the group's file list sizes, kept up to date.
    bool scanGroupFileTail(std::uint16_t id, Pid charged, std::uint64_t ratio,
                           std::uint64_t& inactive, std::uint64_t& active, std::uint64_t& scanned,
                           std::uint64_t& writes);
    /// Moves `pid` into memcg `id` (cgroup v2: pages already charged stay with the old group).
    void joinCgroup(Pid pid, std::uint16_t id);

    // --- mlock and MADV_FREE (kernel/LockedAndLazy.cpp) ---
    /// mlock(2): the range's VMAs become VM_LOCKED, the pages are faulted in (F4) and put on the
    /// unevictable list (L1); reclaim never takes them.
    void mlock(Pid pid, VirtAddr start, std::uint64_t length);
    /// MADV_FREE (A5): present exclusive pages become clean and lazily freeable; reclaim drops
    /// them without swap unless they were written again. Swap entries in the range are freed.
    void madviseFree(Pid pid, VirtAddr start, std::uint64_t length);

    /// O6: the 2.6 badness() of the legacy OOM heuristic (up to 2.6.35).
    struct LegacyOomInput {
        std::uint64_t totalVm{};                // virtual size in pages
        std::vector<std::uint64_t> childrenVm;  // total_vm of children with their own mm
        std::uint64_t cpuJiffies{};             // utime + stime at HZ = 1000
        std::uint64_t runSeconds{};             // uptime - start time
        std::int32_t nice{};
        bool root{false};   // CAP_SYS_ADMIN or uid/euid 0
        bool rawio{false};  // CAP_SYS_RAWIO
        bool cpusetOverlaps{true};
        std::int32_t oomAdj{};  // -17 (never) .. 15
    };
    static std::int64_t legacyBadness(const LegacyOomInput& in);
    /// oom_adj as 2.6.36+ reports it from oom_score_adj: adj * 17 / 1000, -1000 -> -17.
    static std::int32_t legacyOomAdj(std::int32_t oomScoreAdj);
    static std::int64_t legacyBadness(const Machine& m, const Process& p);

private:
    enum class FaultResult { Resolved, Killed };
    struct Slot {
        std::uint32_t node;
        std::uint32_t index;
    };

    Event& post(EventKind kind, Pid pid, std::uint64_t cost = 0);
    void countAll(Process& p, std::uint64_t Counters::*field, std::uint64_t n = 1);
    void countFault(Process& p, std::uint64_t FaultCounters::*field, std::uint64_t n = 1);
    /// Posts a minor fault of `p` at `va` and counts it for `p` and the machine: the head of
    /// every minor-fault path (A2, A3, C2, C3, S3, P2, P5, P6, H1, H2, C6).
    Event& postMinorFault(Process& p, VirtAddr va, Access a, FaultReason why, std::uint64_t cost);
    /// Posts the PTE that now maps `va` to `frame`.
    Event& postPteSet(Pid pid, VirtAddr va, Pfn frame, bool writable);
    void ensureCurrent(Pid pid);

    FaultResult handleFault(Process& p, VirtAddr va, Access a);
    /// Allocates a frame for `p`; runs the OOM killer when memory is exhausted (O1). Returns
    /// none if `p` itself was killed.
    Pfn allocFrame(Process& p, FrameUse use, Vpn vpn, std::uint8_t level);
    /// Finds or creates the leaf slot for `va`, allocating page-table pages (T6).
    std::optional<Slot> ensureLeaf(Process& p, VirtAddr va);
    /// T6: allocates the page table below entry `idx` of table `node` (at `level`) for `va`;
    /// false when no frame could be found and `pid` was the OOM victim.
    bool addTable(Pid pid, std::uint32_t node, std::size_t idx, unsigned level, VirtAddr va);
    std::optional<Slot> findLeaf(const Process& p, VirtAddr va) const;
    Pte& pteAt(const Slot& s) { return m_m.tables.node(s.node).entries[s.index]; }

    FaultResult swapIn(Process& p, VirtAddr va, Access a, const Slot& slot);
    /// A frame leaves memory: drops its swap-cache link (and the slot if no PTE needs it).
    void releaseFrame(Pfn f);
    /// One swap PTE less refers to `slot`; frees the slot when nothing needs it any more.
    void putSwapSlot(std::uint32_t slot);
    /// Clears the Accessed bits of every PTE mapping `f` (folio_referenced): young PTEs.
    std::uint32_t harvestReferences(Pfn f);
    enum class Aging { Old, Activated, Rotated };
    /// L3 at the tail of an inactive list: harvests `f`'s A bits; a page referenced twice (its
    /// PG_referenced, or several young PTEs) moves to `active`, once gets PG_referenced and
    /// another pass on `inactive`; an old page is left where it is, for the caller to reclaim.
    Aging ageInactive(Pfn f, Pid charged, Lru active, Lru inactive);
    /// S1: unmaps `f` everywhere to swap entries and frees it. False if it cannot go now.
    bool swapOutFrame(Pfn f, std::uint64_t& writes);
    void zramResize();

    // Page cache (PageCache.cpp).
    struct FileMapper {
        Pid pid;
        Slot slot;
        VirtAddr va;
    };
    /// A fault in a file VMA whose PTE holds no frame: P1-P3, P5 (empty PTE), P6, P7.
    FaultResult fileFault(Process& p, VirtAddr va, Access a, const Slot& slot);
    /// A write to a present read-only PTE of a page-cache page: P5 copy or P6 write-notify.
    FaultResult fileWriteProtect(Process& p, VirtAddr va, Access a, const Slot& slot);
    /// The cached frame of page `index` of `file`, reading it (and the readahead window) when
    /// it is not cached. `major` tells whether I/O was needed. none: `p` was killed.
    Pfn filePage(Process& p, std::uint32_t file, std::uint64_t index, std::uint64_t window,
                 bool& major, VirtAddr va, Access a);
    /// P3: maps the cached pages of the 16-page window around `va` that have empty PTEs.
    void faultAround(Process& p, const Vma& v, VirtAddr va, const Slot& slot);
    /// Every PTE that maps the page-cache frame `f` (the file rmap).
    std::vector<FileMapper> fileMappers(Pfn f);
    std::uint32_t harvestFileReferences(Pfn f);
    /// Writes back a dirty page-cache page and write-protects its shared PTEs (P6).
    void writebackPage(Pfn f);
    /// Reclaim of the unreferenced page-cache page `f`: unmap, write back if dirty, drop (L3).
    void dropCachePage(Pfn f);
    /// One scan of the file LRU tail inside reclaim(); returns true if a page was reclaimed.
    bool scanFileTail(Pid charged, std::uint64_t ratio, std::uint64_t& scanned,
                      std::uint64_t& writes);

    void kill(Process& p, SigCode code);
    /// Removes the mappings of [start, end); frees frames with no mapper left. Frees empty
    /// page-table pages when `freeTables`. Returns {pages unmapped, frames freed}.
    std::pair<std::uint64_t, std::uint64_t> zapRange(Process& p, VirtAddr start, VirtAddr end,
                                                     bool freeTables);
    void unmapPte(Process& p, Pte& e, std::uint64_t& freed);
    void freeEmptyTables(Process& p, std::uint32_t node, unsigned level);
    void teardown(Process& p, std::uint64_t& freed);
    /// Flushes a range of one process's translations: per page, or the whole mm past the
    /// ceiling (T4). Emits one TlbFlush event.
    void flushRange(Process& p, const std::vector<Vpn>& pages);
    void flushMm(Process& p);
    /// One single-page flush after a fault changed the frame of a present entry (T3).
    void flushPage(std::uint16_t asid, Pid pid, VirtAddr va);
    /// O1: picks and kills a victim; `memcg` != 0 restricts it to that group (O5).
    bool runOomKiller(Process& requester, std::uint16_t memcg = 0);
    /// L1: reclaim found `f` mapped by a VM_LOCKED VMA: moves it to the unevictable list.
    bool cullUnevictable(Pfn f, Pid charged);
    bool isMlocked(Pfn f) const;
    /// Evicts an unreferenced anonymous page: drops a clean MADV_FREE page (A5), else swaps it
    /// out (S1). False: it stays (the caller activates it).
    bool evictAnon(Pfn f, Pid charged, std::uint64_t& writes);
    bool dropLazyFree(Pfn f);
    /// A textbook reclaim policy's decision for the page at the tail (kernel/ClassicReclaim.cpp):
    /// -1 = the machine uses the two lists (not handled), 0 = kept, 1 = reclaimed.
    int classicStep(Pfn f, Pid charged, std::uint64_t& writes);
    /// LRU policy: an access moves the page to the head of the list.
    void noteAccess(Pfn f);
    std::optional<VirtAddr> findFreeArea(const Process& p, std::uint64_t length,
                                         std::uint64_t align) const;
    void insertVma(Process& p, Vma v);
    void splitAt(Process& p, VirtAddr addr);
    std::uint16_t asidFor(const Process& p) const;

    // --- Transparent huge pages (kernel/HugePages.cpp): H2, H3, C7 ---
    /// Bytes of one huge page (2 MiB on x86-64); 0 without a PMD level.
    std::uint64_t hugeBytes() const;
    /// H2: THP may be used for `v` (enabled=always, or madvise + MADV_HUGEPAGE; never shmem).
    bool thpAllowed(const Vma& v) const;
    /// The huge PMD entry covering `va`, if there is one.
    std::optional<Slot> findHuge(const Process& p, VirtAddr va) const;
    /// Finds or creates the tables down to the PMD table of `va` (T6); the PMD entry's slot.
    std::optional<Slot> ensurePmd(Process& p, VirtAddr va);
    /// The huge-page part of a fault (H2, C7). Nothing: the 4 KiB path handles the fault (no
    /// THP here, fallback, or the PMD was just split).
    std::optional<FaultResult> hugeFault(Process& p, const Vma& vma, VirtAddr va, Access a);
    /// Turns the huge PMD covering `va` into a PTE table of the same pages (C7). `mayReclaim`:
    /// the table page may be taken through allocFrame (else only from the free list). False
    /// when no page-table page could be had or `p` died.
    bool splitHuge(Process& p, VirtAddr va, bool mayReclaim);
    /// Splits every huge PMD that overlaps [start, end) (mprotect) or only those that cross
    /// its ends (`edgesOnly`: munmap, madvise, VMA splits).
    void splitHugeRange(Process& p, VirtAddr start, VirtAddr end, bool edgesOnly);
    /// zapRange's huge part: huge PMDs across the ends are split, those inside are unmapped.
    void zapHuge(Process& p, VirtAddr start, VirtAddr end, std::vector<Vpn>& flush,
                 std::uint64_t& pages, std::uint64_t& freed);
    /// Drops one huge mapping (munmap, exit): mapcounts, RSS, frames with no mapper left.
    void unmapHuge(Process& p, Pte& e, std::uint64_t& freed);
    /// The last PMD mapping of a THP went: its tail pages join the LRU one by one.
    void thpUnmappedFromPmds(Pfn head);
    /// fork of one huge PMD: write-protected in both, shared (C1 for a PMD).
    bool forkHuge(Pid parent, Pid child, VirtAddr va);
    /// Reclaim: referenced huge PMDs of the THP headed by `f` (A bits cleared).
    std::uint32_t harvestHuge(Pfn f);
    /// Reclaim: splits the THP headed by `f` in every mapper before it is swapped out (§14).
    bool splitForReclaim(Pfn f);

    // --- Shared anonymous memory (kernel/Shmem.cpp): C6 ---
    std::uint32_t createShmem(std::uint64_t pages);
    FaultResult shmemFault(Process& p, const Vma& vma, VirtAddr va, Access a);
    /// Frees the shmem objects that no VMA uses any more, with their pages.
    void releaseUnusedShmem();

    Machine& m_m;
    std::vector<Event>& m_out;
    std::uint64_t m_step;
    // Quiet mode (populate): events are not recorded, their costs add up in m_quietCost.
    bool m_quiet{false};
    std::uint64_t m_quietCost{};
    Event m_scratch{};
    Pfn m_pinned{};  // the page a fault is working on (locked): reclaim skips it
};

}  // namespace pfviz
