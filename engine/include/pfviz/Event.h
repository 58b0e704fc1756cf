#pragma once
// An Event is plain data describing one thing that just happened, in animation order.
// It carries no user-facing text: the UI turns `kind` and the detail fields into words.
#include <cstdint>
#include <string_view>

#include "pfviz/Types.h"

namespace pfviz {

enum class EventKind : std::uint8_t {
    // --- one memory access (a step) ---
    AccessStart,     // the CPU issues an access: pid, va, access
    TlbHit,          // frame = translation
    TlbMiss,         //
    WalkLevel,       // level, index, tableFrame = table read; present = entry present;
                     // full = the entry is a huge-page leaf (PS bit, T1)
    TlbFill,         // frame, writable
    PageFault,       // #PF raised: present = PTE was present (protection fault), access
    MinorFault,      // classification: reason (FaultReason)
    InvalidAccess,   // SIGSEGV/SIGBUS: code (SigCode); never counted as minor/major (F3)
    PageTableAlloc,  // a page-table page for `level` allocated in `frame` (T6)
    FrameAlloc,      // frame taken from the free list
    ZeroFill,        // frame zeroed
    ZeroPageMap,     // PTE points at the shared zero page (A2)
    CowCopy,         // copy oldFrame -> frame (C2)
    CowReuse,        // frame reused in place: count = references before (C2/C3)
    PteSet,          // leaf PTE written: frame, writable
    TlbFlush,        // count pages flushed; full = whole mm (T3/T4)
    AccessRetry,     // the faulting instruction restarts
    AccessDone,      // the access completed (or the process died)
    ProcessKilled,   // code = SigCode of the fatal signal
    FrameFree,       // frame returned to the free list
    // --- script operations ---
    ProcessStart,     // a process begins: pid, otherPid = parent
    Malloc,           // user-space allocator call: va = result, count = bytes
    Free,             // user-space free: va, count = bytes
    Brk,              // heap grows: va = old end, count = pages added
    Mmap,             // va = start, count = pages
    Munmap,           // va, count = pages in the range, index = frames freed
    Mprotect,         // va, count = pages whose PTE changed
    MadviseDontneed,  // va, count = pages dropped, index = frames freed (A5)
    Populate,         // count = pages faulted in by the kernel for the caller (F4)
    Fork,             // pid = parent, otherPid = child, count = PTEs copied, index = tables
    Exit,             // pid, count = frames freed
    ContextSwitch,  // pid = new, otherPid = previous, full = starts cold, count = dropped, index =
                    // ASID
    Sleep,          // cost = duration
    Checkpoint,     // a pause point of the scenario
    OpSkipped,      // the operation's process is not running (or its region is gone)
    SyscallFailed,  // count = errno (ENOMEM 12, EEXIST 17, EINVAL 22)
    OutOfMemory,    // no free frame: the OOM killer runs (O1)
    OomKill,        // pid = victim, count = badness (O2), index = Machine::oomReports index,
                    // otherPid = the process whose allocation failed
    // --- memory pressure (§6-§8) ---
    MajorFault,     // classification: reason (SwapIn), cost = the I/O wait (F2, S2)
    SwapOut,        // frame written to (or dropped against) swap slot `index`; pid = a mapper,
                    // va, count = PTEs turned into swap entries, present = a write was needed
    SwapIn,         // frame filled from swap slot `index` (major) or taken from the swap cache
                    // (present = cache hit, minor); count = readahead pages added (S3)
    LruActivate,    // frame moved to the active list (L3: referenced twice)
    LruDeactivate,  // frame moved from the active to the inactive list (L4)
    KswapdWake,     // free fell below the low watermark (W3/W5): count = free frames
    KswapdSleep,    // free is back above high (W5): count = free frames
    Reclaim,        // a reclaim pass: pid = 0 for kswapd, else the allocating task (direct,
                    // present = true); count = pages reclaimed, index = pages scanned,
                    // cost = the stall charged to the task (W6)

    // --- transparent huge pages (H2, C7) ---
    ThpAlloc,         // a huge page allocated and zeroed: frame = first frame, va = huge page
                      // start, count = pages (512)
    HugeZeroPageMap,  // a PMD maps the huge zero page (H2 read): va = huge page start
    ThpFallback,      // no aligned free block (or memory is low): the fault uses 4 KiB pages
    ThpSplit,         // a huge PMD became a PTE table (C7): va, frame = first frame, count = PTEs,
                      // level = the PMD level; the huge TLB entry is flushed with it
    PmdSet,           // huge PMD entry written: frame = first frame, writable, level, count
    MadviseHuge,      // MADV_HUGEPAGE (index 1) / MADV_NOHUGEPAGE (index 2): va, count = pages
    // --- page cache (§5) ---
    PageCacheRead,  // file pages read into the cache: frame = the requested page, index = its
                    // page index in the file, count = pages read incl. readahead (P1/P2)
    FaultAround,    // count = extra cached pages mapped read-only around the fault (P3)
    FileRead,       // read() system call: va = file offset, count = pages copied, index = pages
                    // that were not cached (P4)
    Writeback,      // dirty file page in `frame` written back; count = PTEs write-protected (P6)
    PageCacheDrop,  // reclaim dropped the clean file page in `frame` (L3)
    Msync,          // msync: va, count = pages written back (P6)
    MadviseRandom,  // MADV_RANDOM: va, count = pages; readahead off for the range (P2)
    // --- memory cgroups, mlock, MADV_FREE ---
    MemcgReclaim,    // a charge hit memory.max: reclaim inside the group (W7); pid = the charging
                     // task, memcg, count = pages reclaimed, index = pages scanned, cost = stall
    MemcgJoin,       // pid moved into `memcg` (its pages already charged stay where they are)
    Mlock,           // va, count = pages faulted in, index = pages now unevictable (L1, F4)
    LruUnevictable,  // reclaim found `frame` mlocked: moved to the unevictable list (L1)
    MadviseFree,     // va, count = pages marked lazily freeable, index = swap entries freed (A5)
    LazyFreeDrop,    // reclaim dropped the clean MADV_FREE page `frame` without swap (A5);
                     // pid = its mapper, va
};
inline constexpr int kEventKindCount = static_cast<int>(EventKind::LazyFreeDrop) + 1;

/// Why a minor fault happened (F2).
enum class FaultReason : std::uint8_t {
    None,
    AnonZeroFill,   // first write to anonymous memory (A3)
    ZeroPageRead,   // first read of anonymous memory (A2)
    ZeroPageWrite,  // write to a zero-page mapping (A4)
    CowCopy,        // write to a shared CoW page: copy (C2)
    CowReuse,       // write to a CoW page with one reference left: reuse (C2/C3)
    Spurious,       // the PTE already allowed the access (stale TLB entry): A/D bits only (F1)
    SwapIn,         // read from the swap device: major (S2; zram: S4)
    SwapCacheHit,   // the page was still in the swap cache: minor (S2/S3)

    // --- huge pages and shared memory ---
    ThpAlloc,          // first write to an empty PMD: a whole huge page (H2)
    HugeZeroPageRead,  // first read of an empty PMD: the huge zero page (H2)
    ThpReuse,          // write to a read-only huge PMD whose pages are exclusive: made writable
    Shmem,             // shared anonymous memory: the shmem page is mapped (allocated at its
                       // first touch by any sharer), never copied (C6)
    FileRead,          // the file page was not cached: read from disk, major (P1)
    FileCacheHit,      // the file page was cached: minor (P1/P3)
    FileCow,           // write to a MAP_PRIVATE file page: private anonymous copy (P5)
    WriteNotify,       // first write to a clean MAP_SHARED page: marked dirty, minor (P6)
};

enum class SigCode : std::uint8_t {
    None,
    SegvMaperr,  // no VMA (F1 step 1)
    SegvAccerr,  // VMA forbids the access (F1 step 2)
    Sigkill,     // OOM killer
    Sigbus,      // access beyond the end of a mapped file (P7, F1 step 4)
};

struct Event {
    std::uint64_t step{};  // index of the step this event belongs to (0-based)
    SimTime time{};        // simulated time at which the event starts
    std::uint64_t cost{};  // simulated ns charged to this event
    EventKind kind{};
    Access access{Access::Read};
    FaultReason reason{FaultReason::None};
    SigCode code{SigCode::None};
    Pid pid{};
    Pid otherPid{};
    VirtAddr va{};
    Pfn frame{};            // the frame involved, when there is one
    Pfn oldFrame{};         // CoW source, or the frame a PTE pointed to before
    Pfn tableFrame{};       // WalkLevel: the frame of the table being read
    std::uint64_t count{};  // pages, PTEs, references, badness (see EventKind)
    std::uint32_t index{};  // WalkLevel: index within the table
    std::uint8_t level{};   // WalkLevel / PageTableAlloc: 0 = top level
    bool present{false};    // WalkLevel: entry present; PageFault: PTE present
    bool writable{false};   // TlbFill / PteSet / TlbHit: writable translation
    bool full{false};       // TlbFlush / ContextSwitch: whole TLB (of the mm) flushed
    std::uint16_t memcg{};  // OutOfMemory / OomKill / MemcgReclaim / MemcgJoin: the memory
                            // cgroup (0 = none: a global OOM)
    bool operator==(const Event&) const = default;
};

/// Stable identifier of an event kind, for JSON/CSV export (not for display).
std::string_view eventKindId(EventKind k);
std::string_view faultReasonId(FaultReason r);
std::string_view sigCodeId(SigCode c);
std::string_view accessId(Access a);

}  // namespace pfviz
