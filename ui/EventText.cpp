#include "ui/EventText.h"

namespace pfviz::ui {

QString EventText::hex(std::uint64_t v) {
    return QStringLiteral("0x%1").arg(v, 0, 16);
}

QString EventText::simTime(std::uint64_t ns) {
    if (ns < 10'000) return tr("%1 ns").arg(ns);
    if (ns < 10'000'000) return tr("%1 µs").arg(double(ns) / 1e3, 0, 'f', 1);
    if (ns < 10'000'000'000ull) return tr("%1 ms").arg(double(ns) / 1e6, 0, 'f', 2);
    return tr("%1 s").arg(double(ns) / 1e9, 0, 'f', 3);
}

QString EventText::swapKindName(pfviz::SwapKind kind) {
    return kind == pfviz::SwapKind::Zram  ? tr("zram")
           : kind == pfviz::SwapKind::Hdd ? tr("hard disk")
                                          : tr("SSD");
}

QString EventText::processName(const pfviz::Machine& m, pfviz::Pid pid) {
    if (const auto* p = m.process(pid))
        return tr("%1 (pid %2)").arg(QString::fromStdString(p->name)).arg(pid.value);
    return tr("pid %1").arg(pid.value);
}

QString EventText::label(pfviz::EventKind k) {
    using K = pfviz::EventKind;
    switch (k) {
        case K::AccessStart:
            return tr("access");
        case K::TlbHit:
            return tr("TLB hit");
        case K::TlbMiss:
            return tr("TLB miss");
        case K::WalkLevel:
            return tr("walk level");
        case K::TlbFill:
            return tr("TLB fill");
        case K::PageFault:
            return tr("page fault");
        case K::MinorFault:
            return tr("minor fault");
        case K::InvalidAccess:
            return tr("invalid access");
        case K::PageTableAlloc:
            return tr("page-table alloc");
        case K::FrameAlloc:
            return tr("frame alloc");
        case K::ZeroFill:
            return tr("zero fill");
        case K::ZeroPageMap:
            return tr("zero page map");
        case K::CowCopy:
            return tr("CoW copy");
        case K::CowReuse:
            return tr("CoW reuse");
        case K::PteSet:
            return tr("PTE set");
        case K::TlbFlush:
            return tr("TLB flush");
        case K::AccessRetry:
            return tr("retry");
        case K::AccessDone:
            return tr("access done");
        case K::ProcessKilled:
            return tr("process killed");
        case K::FrameFree:
            return tr("frame free");
        case K::ProcessStart:
            return tr("process start");
        case K::Malloc:
            return tr("malloc");
        case K::Free:
            return tr("free");
        case K::Brk:
            return tr("brk");
        case K::Mmap:
            return tr("mmap");
        case K::Munmap:
            return tr("munmap");
        case K::Mprotect:
            return tr("mprotect");
        case K::MadviseDontneed:
            return tr("madvise(DONTNEED)");
        case K::Populate:
            return tr("populate");
        case K::Fork:
            return tr("fork");
        case K::Exit:
            return tr("exit");
        case K::ContextSwitch:
            return tr("context switch");
        case K::Sleep:
            return tr("sleep");
        case K::Checkpoint:
            return tr("checkpoint");
        case K::OpSkipped:
            return tr("skipped");
        case K::SyscallFailed:
            return tr("syscall failed");
        case K::OutOfMemory:
            return tr("out of memory");
        case K::OomKill:
            return tr("OOM kill");
        case K::MajorFault:
            return tr("major fault");
        case K::SwapOut:
            return tr("swap-out");
        case K::SwapIn:
            return tr("swap-in");
        case K::LruActivate:
            return tr("LRU activate");
        case K::LruDeactivate:
            return tr("LRU deactivate");
        case K::KswapdWake:
            return tr("kswapd wakes");
        case K::KswapdSleep:
            return tr("kswapd sleeps");
        case K::Reclaim:
            return tr("reclaim");
        case K::ThpAlloc:
            return tr("huge page alloc");
        case K::HugeZeroPageMap:
            return tr("huge zero page");
        case K::ThpFallback:
            return tr("THP fallback");
        case K::ThpSplit:
            return tr("huge page split");
        case K::PmdSet:
            return tr("PMD set");
        case K::MadviseHuge:
            return tr("madvise huge");
        case K::PageCacheRead:
            return tr("page-cache read");
        case K::FaultAround:
            return tr("fault-around");
        case K::FileRead:
            return tr("read()");
        case K::Writeback:
            return tr("writeback");
        case K::PageCacheDrop:
            return tr("page-cache drop");
        case K::Msync:
            return tr("msync");
        case K::MadviseRandom:
            return tr("madvise(RANDOM)");
        case K::MemcgReclaim:
            return tr("memcg reclaim");
        case K::MemcgJoin:
            return tr("join cgroup");
        case K::Mlock:
            return tr("mlock");
        case K::LruUnevictable:
            return tr("unevictable");
        case K::MadviseFree:
            return tr("madvise(FREE)");
        case K::LazyFreeDrop:
            return tr("lazy-free drop");
    }
    return QString::fromLatin1(pfviz::eventKindId(k).data());
}

namespace {
QString cgroupWord(const pfviz::Machine& m, std::uint16_t id) {
    if (id == 0 || id > m.config.cgroups.size()) return EventText::tr("the root cgroup");
    return EventText::tr("cgroup '%1'").arg(QString::fromStdString(m.config.cgroups[id - 1u].name));
}

// With several swap devices (swapon -p), says which one a slot belongs to.
QString withSwapDevice(const QString& text, const pfviz::Machine& m, std::uint32_t slot) {
    if (m.swap.areas.size() < 2 || slot >= m.swap.slotTable.size()) return text;
    const pfviz::SwapArea& a = m.swap.areaOf(slot);
    return EventText::tr("%1 Swap device: %2, priority %3.")
        .arg(text, EventText::swapKindName(a.kind))
        .arg(a.priority);
}

QString accessWord(pfviz::Access a) {
    switch (a) {
        case pfviz::Access::Read:
            return EventText::tr("read");
        case pfviz::Access::Write:
            return EventText::tr("write");
        case pfviz::Access::Execute:
            return EventText::tr("execute");
    }
    return {};
}
}  // namespace

QString EventText::explain(const pfviz::Event& e, const pfviz::Machine& m) {
    using K = pfviz::EventKind;
    const QString who = processName(m, e.pid);
    const QString va = hex(e.va);
    const QString frame = e.frame.valid() ? QString::number(e.frame.value) : QStringLiteral("-");
    switch (e.kind) {
        case K::AccessStart:
            return tr("%1 issues a %2 of %3; the MMU must translate it.")
                .arg(who, accessWord(e.access), va);
        case K::TlbHit:
            return tr("The TLB already holds this page: frame %1, no page-table walk needed.")
                .arg(frame);
        case K::TlbMiss:
            return tr("The TLB has no entry for this page, so the MMU walks the page tables (T2).");
        case K::WalkLevel:
            if (e.present && e.full)
                return tr("Level %1: entry %2 of the table in frame %3 maps a 2 MiB huge page (PS "
                          "bit): the walk ends here (T1).")
                    .arg(e.level)
                    .arg(e.index)
                    .arg(e.tableFrame.value);
            if (e.present)
                return tr("Level %1: entry %2 of the table in frame %3 is present; go down.")
                    .arg(e.level)
                    .arg(e.index)
                    .arg(e.tableFrame.value);
            return tr("Level %1: entry %2 of the table in frame %3 is empty: the walk stops here.")
                .arg(e.level)
                .arg(e.index)
                .arg(e.tableFrame.value);
        case K::TlbFill:
            return e.writable ? tr("The translation to frame %1 is cached in the TLB, writable.")
                                    .arg(frame)
                              : tr("The translation to frame %1 is cached in the TLB, read-only.")
                                    .arg(frame);
        case K::PageFault:
            return e.present
                       ? tr("Page fault: the PTE is present but forbids this %1 (protection fault, "
                            "F5).")
                             .arg(accessWord(e.access))
                       : tr("Page fault: no present PTE for %1, the CPU traps to the kernel (F1).")
                             .arg(va);
        case K::MinorFault:
            switch (e.reason) {
                case pfviz::FaultReason::AnonZeroFill:
                    return tr(
                        "Minor fault: first write to anonymous memory; the kernel gives it a fresh "
                        "zeroed frame, no disk I/O (A3).");
                case pfviz::FaultReason::ZeroPageRead:
                    return tr(
                        "Minor fault: first read of anonymous memory; it maps the shared zero page "
                        "read-only, no new frame (A2).");
                case pfviz::FaultReason::ZeroPageWrite:
                    return tr(
                        "Minor fault: write to a page that maps the zero page; it gets its own "
                        "zeroed frame (A4).");
                case pfviz::FaultReason::CowCopy:
                    return tr(
                        "Minor fault: write to a copy-on-write page still shared with another "
                        "process; it must be copied (C2).");
                case pfviz::FaultReason::CowReuse:
                    return tr(
                        "Minor fault: write to a copy-on-write page nobody else maps any more; it "
                        "is made writable in place (C3).");
                case pfviz::FaultReason::Spurious:
                    return tr(
                        "Minor fault: the PTE already allowed this access (a stale TLB entry); "
                        "only A/D bits are updated (F1).");
                case pfviz::FaultReason::SwapCacheHit:
                    return tr(
                        "Minor fault: the page was swapped out but is still in the swap cache; no "
                        "I/O is needed (S2).");
                case pfviz::FaultReason::ThpAlloc:
                    return tr(
                        "Minor fault: first write to an empty 2 MiB range that may use huge pages; "
                        "one fault maps 512 pages at once (H2).");
                case pfviz::FaultReason::HugeZeroPageRead:
                    return tr(
                        "Minor fault: first read of an empty 2 MiB range that may use huge pages; "
                        "it maps the huge zero page, RSS does not grow (H2).");
                case pfviz::FaultReason::ThpReuse:
                    return tr(
                        "Minor fault: write to a read-only huge page that nobody else maps any "
                        "more; the PMD is made writable in place.");
                case pfviz::FaultReason::Shmem:
                    return tr(
                        "Minor fault in shared memory: the page every sharer maps is mapped here "
                        "(allocated on its first touch); it is never copied (C6).");
                case pfviz::FaultReason::FileCacheHit:
                    return tr(
                        "Minor fault: the file page is already in the page cache; it is mapped "
                        "without disk I/O (P1).");
                case pfviz::FaultReason::FileCow:
                    return tr(
                        "Minor fault: write to a private file mapping; the process gets its own "
                        "anonymous copy of the page-cache page (P5).");
                case pfviz::FaultReason::WriteNotify:
                    return tr(
                        "Minor fault: first write to a clean page of a shared file mapping; the "
                        "page is marked dirty and made writable (write-notify, P6).");
                case pfviz::FaultReason::FileRead:
                case pfviz::FaultReason::SwapIn:
                case pfviz::FaultReason::None:
                    break;
            }
            return tr("Minor fault: resolved without disk I/O (F2).");
        case K::InvalidAccess:
            if (e.code == pfviz::SigCode::Sigbus)
                return tr("Invalid access: %1 is inside the mapping but beyond the end of the "
                          "file, so the kernel sends SIGBUS; not a minor or major fault (P7, F3).")
                    .arg(va);
            if (e.code == pfviz::SigCode::SegvMaperr)
                return tr("Invalid access: no VMA contains %1, so the kernel sends SIGSEGV "
                          "(SEGV_MAPERR); not a minor or major fault (F3).")
                    .arg(va);
            return tr("Invalid access: the VMA at %1 does not allow a %2, so the kernel sends "
                      "SIGSEGV (SEGV_ACCERR) (F3).")
                .arg(va, accessWord(e.access));
        case K::PageTableAlloc:
            return tr("A page-table page for level %1 is allocated in frame %2 (T6).")
                .arg(e.level)
                .arg(frame);
        case K::FrameAlloc:
            return tr("The allocator hands out frame %1 from the free list.").arg(frame);
        case K::ZeroFill:
            return tr("Frame %1 is filled with zeros so no old data leaks between processes.")
                .arg(frame);
        case K::ZeroPageMap:
            return tr("The PTE points at the shared zero page (frame 0), read-only (A2).");
        case K::CowCopy:
            return tr("CoW copy: frame %1 still had %2 sharers, so its contents are copied to "
                      "frame %3 (C2).")
                .arg(e.oldFrame.value)
                .arg(e.count)
                .arg(frame);
        case K::CowReuse:
            return tr("CoW reuse: frame %1 had only %2 reference left, so it is reused in place "
                      "instead of copied (C3).")
                .arg(frame)
                .arg(e.count);
        case K::PteSet:
            return e.writable ? tr("The leaf PTE now maps frame %1, writable.").arg(frame)
                              : tr("The leaf PTE now maps frame %1, read-only.").arg(frame);
        case K::TlbFlush:
            return e.full
                       ? tr("The whole TLB of this address space is flushed (%1 entries) (T3/T4).")
                             .arg(e.count)
                       : tr("%1 stale TLB entries are invalidated (T3).").arg(e.count);
        case K::AccessRetry:
            return tr("The fault handler returns and the faulting instruction runs again.");
        case K::AccessDone:
            if (const auto* p = m.process(e.pid); p && !p->running())
                return tr("The %1 of %2 never completes: the process was killed.")
                    .arg(accessWord(e.access), va);
            return tr("The %1 of %2 completes.").arg(accessWord(e.access), va);
        case K::ProcessKilled:
            return tr("%1 is killed by a fatal signal.").arg(who);
        case K::FrameFree:
            return tr("Frame %1 goes back to the free list.").arg(frame);
        case K::ProcessStart:
            return tr("%1 starts with an empty address space.").arg(who);
        case K::Malloc:
            return tr("malloc(%1 bytes) returns %2; no frame is used until the memory is touched.")
                .arg(e.count)
                .arg(va);
        case K::Free:
            return tr("free(%1): %2 bytes go back to the allocator.").arg(va).arg(e.count);
        case K::Brk:
            return tr("The heap grows by %1 pages from %2 (brk).").arg(e.count).arg(va);
        case K::Mmap:
            return tr("mmap reserves %1 pages at %2; nothing is in memory yet (A1).")
                .arg(e.count)
                .arg(va);
        case K::Munmap:
            return tr("munmap removes %1 pages at %2 and frees %3 frames (A6).")
                .arg(e.count)
                .arg(va)
                .arg(e.index);
        case K::Mprotect:
            return tr("mprotect changes the protection of %1 pages at %2.").arg(e.count).arg(va);
        case K::MadviseDontneed:
            return tr("madvise(MADV_DONTNEED) drops %1 pages at %2 and frees %3 frames (A5).")
                .arg(e.count)
                .arg(va)
                .arg(e.index);
        case K::Populate:
            return tr("The kernel faults in %1 pages for the caller (F4).").arg(e.count);
        case K::Fork:
            return tr("fork: %1 creates pid %2; %3 PTEs are copied read-only and the frames are "
                      "shared copy-on-write (C1).")
                .arg(who)
                .arg(e.otherPid.value)
                .arg(e.count);
        case K::Exit:
            return tr("%1 exits; %2 frames are freed.").arg(who).arg(e.count);
        case K::ContextSwitch:
            return e.full
                       ? tr("Switch to %1; its TLB context starts cold (%2 entries dropped) (T5).")
                             .arg(who)
                             .arg(e.count)
                       : tr("Switch to %1; its TLB entries survive under ASID %2 (T5).")
                             .arg(who)
                             .arg(e.index);
        case K::Sleep:
            return tr("Time passes: %1.").arg(simTime(e.cost));
        case K::Checkpoint:
            return tr("Checkpoint: playback pauses here.");
        case K::OpSkipped:
            return tr("The operation is skipped: %1 is not running.").arg(who);
        case K::SyscallFailed:
            return tr("The system call failed with errno %1.").arg(e.count);
        case K::OutOfMemory:
            if (e.memcg != 0)
                return tr("%1 is at its memory.max (%2 pages) and reclaim freed nothing: a memcg "
                          "OOM, only its processes are candidates (W7, O1).")
                    .arg(cgroupWord(m, e.memcg))
                    .arg(e.count);
            return tr("No free frame is left: the OOM killer runs (O1).");
        case K::OomKill:
            if (e.memcg != 0)
                return tr("The memcg OOM killer kills %1 (badness %2) inside %3 (O5).")
                    .arg(who)
                    .arg(e.count)
                    .arg(cgroupWord(m, e.memcg));
            return tr("The OOM killer kills %1 (badness %2) (O2).").arg(who).arg(e.count);
        case K::MajorFault:
            if (e.reason == pfviz::FaultReason::FileRead)
                return tr("Major fault: the file page is not in the page cache and must be read "
                          "from disk; the process waits %1 (P1).")
                    .arg(simTime(e.cost));
            return tr("Major fault: the page is on the swap device and must be read back; the "
                      "process waits %1 (F2, S2).")
                .arg(simTime(e.cost));
        case K::SwapOut:
            return withSwapDevice(e.present ? tr("Swap-out: frame %1 is written to swap slot %2 "
                                                 "and %3 PTEs now hold the swap entry (S1).")
                                                  .arg(frame)
                                                  .arg(e.index)
                                                  .arg(e.count)
                                            : tr("Swap-out: frame %1 is clean in swap slot %2, so "
                                                 "it is dropped without a write (S1, S6).")
                                                  .arg(frame)
                                                  .arg(e.index),
                                  m, e.index);
        case K::SwapIn:
            return withSwapDevice(e.present ? tr("Swap-in: slot %1 was still in the swap cache as "
                                                 "frame %2; it is mapped again (S2).")
                                                  .arg(e.index)
                                                  .arg(frame)
                                            : tr("Swap-in: slot %1 is read into frame %2; %3 "
                                                 "neighbouring slots come along (S2, S3).")
                                                  .arg(e.index)
                                                  .arg(frame)
                                                  .arg(e.count),
                                  m, e.index);
        case K::LruActivate:
            return tr("Frame %1 was referenced again: it moves to the active list (L3).")
                .arg(frame);
        case K::LruDeactivate:
            return tr("Frame %1 moves from the active to the inactive list (L4).").arg(frame);
        case K::KswapdWake:
            return tr("Free memory (%1 frames) fell below the low watermark: kswapd wakes up (W3, "
                      "W5).")
                .arg(e.count);
        case K::KswapdSleep:
            return tr("Free memory (%1 frames) is above the high watermark again: kswapd sleeps "
                      "(W5).")
                .arg(e.count);
        case K::Reclaim:
            return e.present ? tr("Direct reclaim by %1: %2 of %3 scanned pages reclaimed; the "
                                  "process stalls %4 (W6).")
                                   .arg(who)
                                   .arg(e.count)
                                   .arg(e.index)
                                   .arg(simTime(e.cost))
                             : tr("kswapd reclaims %1 of %2 scanned pages in the background (W5).")
                                   .arg(e.count)
                                   .arg(e.index);
        case K::ThpAlloc:
            return tr("A huge page: %1 contiguous frames from frame %2 are allocated and zeroed "
                      "for %3 (H2).")
                .arg(e.count)
                .arg(frame, va);
        case K::HugeZeroPageMap:
            return tr("The PMD at %1 points at the huge zero page, read-only: 2 MiB of zeros, no "
                      "new frame (H2).")
                .arg(va);
        case K::ThpFallback:
            return tr("No aligned block of free frames for a huge page at %1 (or memory is low): "
                      "the fault falls back to 4 KiB pages (H2).")
                .arg(va);
        case K::ThpSplit:
            return tr("Huge page split: the PMD at %1 becomes a table of %2 PTEs for the same "
                      "frames; its 2 MiB TLB entry is flushed and that TLB reach is lost (C7, H3).")
                .arg(va)
                .arg(e.count);
        case K::PmdSet:
            return e.writable ? tr("The PMD entry now maps %1 pages from frame %2 as one huge "
                                   "page, writable: the walk ends at level %3 (T1).")
                                    .arg(e.count)
                                    .arg(frame)
                                    .arg(e.level)
                              : tr("The PMD entry now maps %1 pages from frame %2 as one huge "
                                   "page, read-only: the walk ends at level %3 (T1).")
                                    .arg(e.count)
                                    .arg(frame)
                                    .arg(e.level);
        case K::MadviseHuge:
            return e.index == 1 ? tr("madvise(MADV_HUGEPAGE) on %1 pages at %2: faults there may "
                                     "map huge pages (H2).")
                                      .arg(e.count)
                                      .arg(va)
                                : tr("madvise(MADV_NOHUGEPAGE) on %1 pages at %2: faults there use "
                                     "4 KiB pages (H2).")
                                      .arg(e.count)
                                      .arg(va);
        case K::PageCacheRead:
            return tr("Page %1 of the file is read into frame %2 of the page cache, with %3 more "
                      "pages of readahead (P1, P2).")
                .arg(e.index)
                .arg(frame)
                .arg(e.count > 0 ? e.count - 1 : 0);
        case K::FaultAround:
            return tr("Fault-around: %1 more pages already in the page cache are mapped read-only "
                      "around the fault (P3).")
                .arg(e.count);
        case K::FileRead:
            return tr("read() copies %1 pages through the page cache (%2 read from disk); the "
                      "process takes no page fault (P4).")
                .arg(e.count)
                .arg(e.index);
        case K::Writeback:
            return tr("Dirty page-cache frame %1 is written back to the file; %2 PTEs are "
                      "write-protected again (P6).")
                .arg(frame)
                .arg(e.count);
        case K::PageCacheDrop:
            return tr("Reclaim drops clean page-cache frame %1 (file page %2); the file still has "
                      "the data (L3).")
                .arg(frame)
                .arg(e.index);
        case K::Msync:
            return tr("msync writes back %1 dirty pages of the mapping (P6).").arg(e.count);
        case K::MadviseRandom:
            return tr("madvise(MADV_RANDOM) on %1 pages: faults there read no readahead (P2).")
                .arg(e.count);
        case K::MemcgReclaim:
            return tr("%1 hit the memory.max of %2: it reclaims inside the group only, %3 of %4 "
                      "scanned pages; the process stalls %5 (W7).")
                .arg(who, cgroupWord(m, e.memcg))
                .arg(e.count)
                .arg(e.index)
                .arg(simTime(e.cost));
        case K::MemcgJoin:
            return tr("%1 moves into %2; pages it already has stay charged where they are.")
                .arg(who, cgroupWord(m, e.memcg));
        case K::Mlock:
            return tr("mlock locks %1 pages at %2: they are faulted in and %3 frames go on the "
                      "unevictable list; reclaim never takes them (L1).")
                .arg(e.count)
                .arg(va)
                .arg(e.index);
        case K::LruUnevictable:
            return tr("Frame %1 is mapped by a locked VMA: reclaim moves it to the unevictable "
                      "list (L1).")
                .arg(frame);
        case K::MadviseFree:
            return tr("madvise(MADV_FREE) marks %1 pages at %2 as lazily freeable and frees %3 "
                      "swap entries; the pages stay mapped (A5).")
                .arg(e.count)
                .arg(va)
                .arg(e.index);
        case K::LazyFreeDrop:
            return tr("Frame %1 was freed with MADV_FREE and not written since: reclaim drops it "
                      "without swap; the next read sees zeros (A5).")
                .arg(frame);
    }
    return label(e.kind);
}

}  // namespace pfviz::ui
