#include "pfviz/Kernel.h"

#include <algorithm>
#include <cassert>
#include <stdexcept>

namespace pfviz {

namespace {
constexpr std::uint64_t kEnomem = 12;
constexpr std::uint64_t kEexist = 17;
constexpr std::uint64_t kEinval = 22;

std::uint64_t alignUp(std::uint64_t v, std::uint64_t a) {
    return (v + a - 1) / a * a;
}
}  // namespace

Event& Kernel::post(EventKind kind, Pid pid, std::uint64_t cost) {
    Event* e = &m_scratch;
    if (m_quiet) {
        m_quietCost += cost;
        m_scratch = Event{};
    } else {
        m_out.push_back(Event{});
        e = &m_out.back();
    }
    e->step = m_step;
    e->time = m_m.now;
    e->cost = cost;
    e->kind = kind;
    e->pid = pid;
    // Inside a summarised operation (populate) the costs are charged once, by its summary event.
    if (!m_quiet) m_m.now += cost;
    if (!m_quiet && cost != 0 && pid.valid() && kind != EventKind::Sleep)
        if (Process* p = m_m.process(pid)) p->cpuNs += cost;  // CPU time for O6
    return *e;
}

void Kernel::countAll(Process& p, std::uint64_t Counters::*field, std::uint64_t n) {
    m_m.counters.*field += n;
    p.counters.c.*field += n;
}

void Kernel::countFault(Process& p, std::uint64_t FaultCounters::*field, std::uint64_t n) {
    m_m.counters.faults.*field += n;
    p.counters.c.faults.*field += n;
}

Event& Kernel::postMinorFault(Process& p, VirtAddr va, Access a, FaultReason why,
                              std::uint64_t cost) {
    Event& e = post(EventKind::MinorFault, p.pid, cost);
    e.va = va;
    e.access = a;
    e.reason = why;
    countFault(p, &FaultCounters::minor);
    return e;
}

Event& Kernel::postPteSet(Pid pid, VirtAddr va, Pfn frame, bool writable) {
    Event& e = post(EventKind::PteSet, pid);
    e.va = va;
    e.frame = frame;
    e.writable = writable;
    return e;
}

std::uint16_t Kernel::asidFor(const Process& p) const {
    const auto a = m_m.tlb.asidOf(p.pid);
    return a ? *a : 0xffff;
}

void Kernel::ensureCurrent(Pid pid) {
    if (m_m.current != pid) contextSwitch(pid);
}

// ---------------------------------------------------------------------------------------------
// Processes

bool Kernel::spawn(Pid pid, const std::string& name, std::uint32_t uid, std::int32_t oomScoreAdj,
                   std::uint16_t memcg) {
    Process p;
    p.memcg = memcg;
    p.pid = pid;
    p.name = name;
    p.uid = uid;
    p.oomScoreAdj = oomScoreAdj;
    p.startTime = m_m.now;
    m_m.processes.push_back(std::move(p));
    Process& np = m_m.processes.back();
    post(EventKind::ProcessStart, pid, m_m.config.costs.syscall);
    // Every address space has its top-level table from the start (the PGD).
    const Pfn f = allocFrame(np, FrameUse::PageTable, Vpn{}, 0);
    Process& proc = *m_m.process(pid);  // allocFrame may have run the OOM killer
    if (!f.valid()) return false;
    proc.root = m_m.tables.create(f, pid, 0, m_m.geometry().entriesAt(0));
    proc.counters.pageTablePages += 1;
    Event& e = post(EventKind::PageTableAlloc, pid, m_m.config.costs.pageTableAlloc);
    e.frame = f;
    e.level = 0;
    return true;
}

void Kernel::contextSwitch(Pid pid) {
    const Pid prev = m_m.current;
    const auto r = m_m.tlb.switchTo(pid);
    m_m.current = pid;
    // A switch that throws away live entries is a flush; taking a never-used slot is not.
    const bool flushed = r.dropped > 0;
    Event& e = post(EventKind::ContextSwitch, pid,
                    m_m.config.costs.contextSwitch + (flushed ? m_m.config.costs.tlbFlushFull : 0));
    e.otherPid = prev;
    e.full = r.flushed;
    e.count = r.dropped;
    e.index = r.asid;
    if (flushed) ++m_m.counters.tlbFlushes;
}

void Kernel::sleep(std::uint64_t ns) {
    post(EventKind::Sleep, m_m.current, ns);
}

void Kernel::checkpoint() {
    post(EventKind::Checkpoint, m_m.current, 0);
}

void Kernel::skipped(Pid pid) {
    post(EventKind::OpSkipped, pid, 0);
}

// ---------------------------------------------------------------------------------------------
// One access: T2 (TLB first), T1 (walk), F1 (fault decision order), then the retry.

void Kernel::access(Pid pid, VirtAddr va, Access a) {
    ensureCurrent(pid);
    Process* p = m_m.process(pid);
    const CostModel& cost = m_m.config.costs;
    const Geometry& g = m_m.geometry();
    const Vpn vpn = m_m.vpnOf(va);
    {
        Event& e = post(EventKind::AccessStart, pid);
        e.va = va;
        e.access = a;
    }
    countAll(*p, &Counters::accesses);

    // An address beyond what the page tables can map has no VMA by construction.
    const bool outOfRange = g.vaBits() < 64 && va >= g.vaEnd();

    for (int attempt = 0; attempt < 3; ++attempt) {
        const std::uint16_t asid = asidFor(*p);
        bool presentFault = false;
        if (const auto hit = outOfRange ? std::nullopt : m_m.tlb.lookup(asid, vpn)) {
            const TlbEntry& te = m_m.tlb.entries()[*hit];
            countAll(*p, &Counters::tlbHits);
            Event& e = post(EventKind::TlbHit, pid, cost.tlbHit);
            e.va = va;
            e.frame = m_m.tlb.translate(te, vpn);
            e.writable = te.writable;
            e.access = a;
            e.index = *hit;
            const bool allowed = (a == Access::Read) || (a == Access::Write && te.writable) ||
                                 (a == Access::Execute && te.executable);
            if (allowed) {
                // The hardware sets Dirty on the first write through a writable entry (T2).
                if (a == Access::Write)
                    if (Pte* leaf = m_m.leafPte(*p, va)) leaf->flags |= pte::Dirty;
                noteAccess(te.pfn);
                Event& d = post(EventKind::AccessDone, pid);
                d.va = va;
                d.frame = m_m.tlb.translate(te, vpn);
                d.access = a;
                return;
            }
            // A write through a read-only entry (or an execute through an NX one) faults without
            // a walk; the #PF drops the entry for this address.
            m_m.tlb.invalidate(asid, vpn);
            presentFault = true;
        } else {
            countAll(*p, &Counters::tlbMisses);
            countAll(*p, &Counters::walks);
            {
                Event& e = post(EventKind::TlbMiss, pid);
                e.va = va;
                e.access = a;
            }
            // Hardware walk: one read per level (T1).
            std::uint32_t node = p->root;
            bool ok = !outOfRange && node != kNoNode;
            for (unsigned level = 0; ok && level < g.levels(); ++level) {
                const PtNode& n = m_m.tables.node(node);
                const auto idx = static_cast<std::uint32_t>(g.indexAt(va, level));
                Pte& entry = m_m.tables.node(node).entries[idx];
                Event& w = post(EventKind::WalkLevel, pid, cost.walkLevel);
                w.va = va;
                w.level = static_cast<std::uint8_t>(level);
                w.index = idx;
                w.tableFrame = n.frame;
                w.present = entry.present();
                w.full = entry.huge();  // a PMD with the PS bit: the leaf of a huge page (T1)
                w.access = a;
                if (!entry.present()) {
                    ok = false;
                    break;
                }
                if (level + 1 < g.levels() && !entry.huge()) {
                    node = static_cast<std::uint32_t>(entry.target);
                    continue;
                }
                // Leaf: a PTE, or a PMD with the PS bit (T1: the walk ends one level early).
                // Leaf: check the rights the hardware checks.
                const bool denied = (a == Access::Write && !entry.writable()) ||
                                    (a == Access::Execute && !entry.has(pte::Exec));
                if (denied) {
                    presentFault = true;
                    ok = false;
                    break;
                }
                entry.flags |= pte::Accessed;
                if (a == Access::Write) entry.flags |= pte::Dirty;
                const std::uint64_t inHuge =
                    entry.huge() && !entry.has(pte::ZeroPage) ? vpn.value % m_m.hugePages() : 0;
                const Pfn frame{entry.target + inHuge};
                noteAccess(frame);
                m_m.tlb.fill(asid, vpn, frame, entry.writable(), entry.has(pte::Exec),
                             entry.huge());
                Event& f = post(EventKind::TlbFill, pid);
                f.va = va;
                f.frame = frame;
                f.writable = entry.writable();
                f.access = a;
                Event& d = post(EventKind::AccessDone, pid);
                d.va = va;
                d.frame = frame;
                d.access = a;
                return;
            }
        }
        // #PF
        {
            Event& e = post(EventKind::PageFault, pid);
            e.va = va;
            e.access = a;
            e.present = presentFault;
        }
        if (handleFault(*p, va, a) == FaultResult::Killed) {
            p = m_m.process(pid);
            Event& d = post(EventKind::AccessDone, pid);
            d.va = va;
            d.access = a;
            return;
        }
        p = m_m.process(pid);
        if (!p->running()) return;
        Event& r = post(EventKind::AccessRetry, pid);
        r.va = va;
        r.access = a;
    }
    throw std::logic_error("pfviz: an access did not complete after its fault was handled");
}

Kernel::FaultResult Kernel::handleFault(Process& p, VirtAddr va, Access a) {
    const CostModel& cost = m_m.config.costs;
    const Pid pid = p.pid;
    const Vma* vma = p.findVma(va);
    // F1 step 1: no VMA -> SEGV_MAPERR. Step 2: VMA rights -> SEGV_ACCERR. Both before any PTE
    // logic, and neither is a minor or major fault (F3).
    if (vma == nullptr || !vma->prot.allows(a)) {
        const SigCode code = vma == nullptr ? SigCode::SegvMaperr : SigCode::SegvAccerr;
        Event& e = post(EventKind::InvalidAccess, pid);
        e.va = va;
        e.access = a;
        e.code = code;
        countFault(p, &FaultCounters::invalid);
        countFault(p, code == SigCode::SegvMaperr ? &FaultCounters::segvMaperr
                                                  : &FaultCounters::segvAccerr);
        kill(p, code);
        return FaultResult::Killed;
    }
    if (vma->isShmem()) return shmemFault(p, *vma, va, a);          // C6
    if (const auto huge = hugeFault(p, *vma, va, a)) return *huge;  // H2, C7
    const Vpn vpn = m_m.vpnOf(va);
    const auto slot = ensureLeaf(p, va);
    if (!slot) return FaultResult::Killed;  // no memory for a page table, and p was the victim
    const Pte before = pteAt(*slot);
    const std::uint16_t execFlag = vma->prot.exec ? pte::Exec : 0;
    if (before.swapped()) return swapIn(p, va, a, *slot);
    if (vma->kind == VmaKind::File && !before.mapped()) return fileFault(p, va, a, *slot);

    if (!before.mapped()) {
        if (a != Access::Write) {
            // A2: a read of never-written private anonymous memory maps the shared zero page.
            postMinorFault(p, va, a, FaultReason::ZeroPageRead, cost.faultZeroPageMap);
            countFault(p, &FaultCounters::zeroPage);
            Event& z = post(EventKind::ZeroPageMap, pid);
            z.va = va;
            z.frame = PhysicalMemory::zeroPage();
            Pte& e = pteAt(*slot);
            e.target = PhysicalMemory::zeroPage().value;
            e.flags = pte::Present | pte::ZeroPage | pte::Accessed | execFlag;
            m_m.tables.node(slot->node).used += 1;
            postPteSet(pid, va, PhysicalMemory::zeroPage(), false);
            return FaultResult::Resolved;
        }
        // A3: the first write allocates a zeroed frame, mapped writable and dirty; no flush (T3).
        postMinorFault(p, va, a, FaultReason::AnonZeroFill, cost.faultAnonZeroFill);
        const Pfn f = allocFrame(p, FrameUse::Anon, vpn, 0);
        if (!f.valid()) return FaultResult::Killed;
        Process& q = *m_m.process(pid);
        Event& z = post(EventKind::ZeroFill, pid);
        z.va = va;
        z.frame = f;
        Pte& e = pteAt(*slot);
        e.target = f.value;
        e.flags = pte::Present | pte::Writable | pte::Dirty | pte::Accessed | execFlag;
        m_m.tables.node(slot->node).used += 1;
        m_m.memory.frame(f).mapcount = 1;
        q.counters.rssPages += 1;
        postPteSet(pid, va, f, true);
        return FaultResult::Resolved;
    }

    // The PTE holds a frame but the access was refused by the hardware: a write to a read-only
    // PTE in a writable VMA. This is the write-protect fault of F5: minor, never an error.
    const std::uint16_t asid = asidFor(p);
    if ((a == Access::Write && before.writable()) ||
        (a == Access::Execute && before.has(pte::Exec)) ||
        (a == Access::Read && before.present())) {
        // F1: a spurious fault (the PTE already allows the access): only the A/D bits change.
        postMinorFault(p, va, a, FaultReason::Spurious, cost.faultCowReuse);
        pteAt(*slot).flags |= pte::Accessed | (a == Access::Write ? pte::Dirty : 0);
        return FaultResult::Resolved;
    }
    countFault(p, &FaultCounters::protection);
    if (m_m.memory.frame(Pfn{before.target}).use == FrameUse::PageCache)
        return fileWriteProtect(p, va, a, *slot);  // P5 copy or P6 write-notify
    if (before.has(pte::ZeroPage)) {
        // A4/C5: writing a zero-page mapping allocates a zeroed frame (nothing is copied) and
        // replaces the present PTE, which needs a flush (T3).
        postMinorFault(p, va, a, FaultReason::ZeroPageWrite, cost.faultZeroPageWrite);
        const Pfn f = allocFrame(p, FrameUse::Anon, vpn, 0);
        if (!f.valid()) return FaultResult::Killed;
        Process& q = *m_m.process(pid);
        Event& z = post(EventKind::ZeroFill, pid);
        z.va = va;
        z.frame = f;
        flushPage(asid, pid, va);
        Pte& e = pteAt(*slot);
        e.target = f.value;
        e.flags = pte::Present | pte::Writable | pte::Dirty | pte::Accessed | execFlag;
        m_m.memory.frame(f).mapcount = 1;
        q.counters.rssPages += 1;
        postPteSet(pid, va, f, true).oldFrame = PhysicalMemory::zeroPage();
        return FaultResult::Resolved;
    }

    const Pfn old{before.target};
    // References: PTEs mapping the frame plus swap entries still waiting for its swap-cache copy.
    const std::uint32_t oldSlot = m_m.memory.frame(old).swapSlot;
    const std::uint32_t refs = m_m.memory.frame(old).mapcount +
                               (oldSlot != kNoSlot ? m_m.swap.slotTable[oldSlot].count : 0);
    if (refs <= 1) {
        // S6: a write fault that finds the page exclusive frees its swap slot early.
        if (oldSlot != kNoSlot) {
            m_m.swap.slotTable[oldSlot].cache = kNoFrame;
            m_m.memory.frame(old).swapSlot = kNoSlot;
            putSwapSlot(oldSlot);
        }
        // C2 reuse: the only reference left. Made writable in place: no copy, no flush (T3).
        postMinorFault(p, va, a, FaultReason::CowReuse, cost.faultCowReuse);
        countFault(p, &FaultCounters::cowReuse);
        Event& r = post(EventKind::CowReuse, pid);
        r.va = va;
        r.frame = old;
        r.count = refs;
        Pte& e = pteAt(*slot);
        e.flags |= pte::Writable | pte::Dirty | pte::Accessed;
        postPteSet(pid, va, old, true);
        return FaultResult::Resolved;
    }
    // C2 copy: another process still maps the frame. Allocate, copy, clear + flush, map (T3).
    Event& mf = postMinorFault(p, va, a, FaultReason::CowCopy, cost.faultCowCopy);
    mf.count = refs;
    countFault(p, &FaultCounters::cowCopy);
    m_pinned = old;  // locked while the copy is allocated: reclaim leaves it alone
    const Pfn f = allocFrame(p, FrameUse::Anon, vpn, 0);
    m_pinned = Pfn::none();
    if (!f.valid()) return FaultResult::Killed;
    Event& c = post(EventKind::CowCopy, pid);
    c.va = va;
    c.frame = f;
    c.oldFrame = old;
    c.count = refs;
    flushPage(asid, pid, va);
    // The OOM killer may have run inside allocFrame and changed the old frame's sharers; re-read.
    Pte& e = pteAt(*slot);
    Frame& oldFrame = m_m.memory.frame(Pfn{e.target});
    oldFrame.mapcount -= 1;
    if (oldFrame.mapcount == 0) {
        // The other sharers were killed meanwhile: the old copy has no user left.
        releaseFrame(Pfn{e.target});
        ++m_m.counters.framesFreed;
    }
    e.target = f.value;
    e.flags = pte::Present | pte::Writable | pte::Dirty | pte::Accessed | execFlag;
    m_m.memory.frame(f).mapcount = 1;  // RSS is unchanged: the old page was counted already (C4)
    postPteSet(pid, va, f, true).oldFrame = old;
    return FaultResult::Resolved;
}

// ---------------------------------------------------------------------------------------------
// Frames, page tables, the OOM killer

Pfn Kernel::allocFrame(Process& p, FrameUse use, Vpn vpn, std::uint8_t level) {
    const Pid pid = p.pid;
    const Watermarks& wm = m_m.watermarks;
    // W7: the memcg charge comes first; it may reclaim in the group or kill inside it.
    // Page-cache pages are charged to the task that brings them in (fault or read()).
    const bool charge =
        use == FrameUse::Anon || use == FrameUse::PageTable || use == FrameUse::PageCache;
    if (charge && !tryChargeMemcg(p, 1)) return Pfn::none();
    for (;;) {
        const std::uint64_t freeNow = m_m.memory.freeCount();
        // W3 step 1-2: the fast path needs free > low; otherwise kswapd is woken, and the
        // allocation still succeeds while free > min.
        if (freeNow <= wm.low && !m_m.kswapdAwake) {
            m_m.kswapdAwake = true;
            m_m.kswapdClock = m_m.now;
            ++m_m.counters.kswapdWakeups;
            Event& e = post(EventKind::KswapdWake, Pid{});
            e.count = freeNow;
        }
        if (freeNow > wm.min) {
            const Pfn f = m_m.memory.allocate(use, pid, vpn, level);
            ++m_m.counters.framesAllocated;
            ++m_m.process(pid)->counters.c.framesAllocated;
            if (charge) chargeFrame(*m_m.process(pid), f);
            if (use == FrameUse::Anon || use == FrameUse::PageCache) {
                // L1: new anon pages and newly read file pages start inactive.
                m_m.memory.lruAdd(f, use == FrameUse::Anon ? Lru::InactiveAnon : Lru::InactiveFile);
                Event& e = post(EventKind::FrameAlloc, pid);
                e.frame = f;
                e.va = vpn.value << m_m.geometry().pageBits;
            }
            return f;
        }
        // W3 step 3: direct reclaim in the allocating task (W6). The kernel's 16 rounds without
        // progress are collapsed: reclaim() itself escalates to the whole LRU, so 0 means that
        // nothing can be reclaimed.
        if (reclaim(32, pid, true) > 0) continue;
        // O1: reclaim could not help, so the OOM killer picks a victim, frees its memory and
        // the allocation is retried.
        if (!runOomKiller(*m_m.process(pid))) return Pfn::none();
        if (!m_m.process(pid)->running()) return Pfn::none();
    }
}

// ---------------------------------------------------------------------------------------------
// Reclaim and swap (§6-§8)

void Kernel::releaseFrame(Pfn f) {
    Frame& fr = m_m.memory.frame(f);
    const std::uint32_t slot = fr.swapSlot;
    m_m.memory.release(f);
    if (slot != kNoSlot) {
        SwapSlot& s = m_m.swap.slotTable[slot];
        s.cache = kNoFrame;
        if (s.count == 0) m_m.swap.freeSlot(slot);
    }
}

void Kernel::putSwapSlot(std::uint32_t slot) {
    SwapSlot& s = m_m.swap.slotTable[slot];
    if (s.count > 0) s.count -= 1;
    if (s.count == 0 && s.cache == kNoFrame) m_m.swap.freeSlot(slot);
}

void Kernel::zramResize() {
    // S7: zram holds the compressed bytes in ordinary RAM frames; the reclaimer may dip below
    // the watermarks for them (PF_MEMALLOC, W4).
    SwapDevice& sw = m_m.swap;
    const std::uint64_t ps = m_m.geometry().pageSize();
    const std::uint64_t need = (sw.zramBytes + ps - 1) / ps;
    while (sw.zramFrames.size() > need) {
        m_m.memory.release(Pfn{sw.zramFrames.back()});
        sw.zramFrames.pop_back();
        ++m_m.counters.framesFreed;
    }
    while (sw.zramFrames.size() < need) {
        const Pfn f = m_m.memory.allocate(FrameUse::Zram, Pid{});
        if (!f.valid()) return;
        ++m_m.counters.framesAllocated;
        sw.zramFrames.push_back(static_cast<std::uint32_t>(f.value));
    }
}

std::uint32_t Kernel::harvestReferences(Pfn f) {
    const Frame& fr = m_m.memory.frame(f);
    if (fr.mapcount == 0) return 0;
    if (fr.pmdMaps > 0) return harvestHuge(f);  // a PMD-mapped THP: its PMDs' A bits
    if (fr.use == FrameUse::PageCache) return harvestFileReferences(f);
    const VirtAddr va = fr.vpn.value << m_m.geometry().pageBits;
    std::uint32_t young = 0;
    for (Process& q : m_m.processes) {
        if (!q.running()) continue;
        const auto s = findLeaf(q, va);
        if (!s) continue;
        Pte& e = pteAt(*s);
        if (!e.mapped() || e.has(pte::ZeroPage) || e.target != f.value) continue;
        if (e.has(pte::Accessed)) {
            ++young;
            e.flags &= static_cast<std::uint16_t>(~pte::Accessed);
            // ptep_clear_flush_young. x86 skips this flush; the simulated TLB does not set the A
            // bit again on a hit, so the entry is dropped to let the next access set it (a
            // simplification, not counted as a flush).
            if (const auto asid = m_m.tlb.asidOf(q.pid)) m_m.tlb.invalidate(*asid, fr.vpn);
        }
    }
    return young;
}

Kernel::Aging Kernel::ageInactive(Pfn f, Pid charged, Lru active, Lru inactive) {
    const std::uint32_t young = harvestReferences(f);
    if (young == 0) return Aging::Old;
    PhysicalMemory& mem = m_m.memory;
    Frame& fr = mem.frame(f);
    mem.lruDel(f);
    if (fr.referenced || young > 1) {
        fr.referenced = false;
        mem.lruAdd(f, active);
        post(EventKind::LruActivate, charged).frame = f;
        return Aging::Activated;
    }
    fr.referenced = true;  // the second chance: stays inactive
    mem.lruAdd(f, inactive);
    return Aging::Rotated;
}

bool Kernel::swapOutFrame(Pfn f, std::uint64_t& writes) {
    SwapDevice& sw = m_m.swap;
    const std::uint64_t ps = m_m.geometry().pageSize();
    // A THP is split in every mapper first and then goes out 4 KiB at a time (§14).
    if (m_m.memory.frame(f).pmdMaps > 0 && !splitForReclaim(f)) return false;
    Frame& fr = m_m.memory.frame(f);
    // rmap: every mapper maps the page at the same address (fork keeps addresses).
    const VirtAddr va = fr.vpn.value << m_m.geometry().pageBits;
    struct Mapper {
        Pid pid;
        Slot slot;
    };
    std::vector<Mapper> mappers;
    bool dirty = false;
    if (fr.mapcount > 0) {
        for (Process& q : m_m.processes) {
            if (!q.running()) continue;
            const auto s = findLeaf(q, va);
            if (!s) continue;
            const Pte& e = pteAt(*s);
            if (!e.mapped() || e.has(pte::ZeroPage) || e.target != f.value) continue;
            mappers.push_back({q.pid, *s});
            dirty = dirty || e.has(pte::Dirty);
        }
        if (mappers.size() != fr.mapcount) return false;  // not found everywhere: keep it
    }
    std::uint32_t slot = fr.swapSlot;
    bool write = false;
    if (slot == kNoSlot) {
        // S1 step 1: add_to_swap takes a slot (the page is now in the swap cache).
        // The device is the highest-priority one with a free slot (get_swap_pages()).
        slot = sw.takeSlot();
        if (slot == kNoSlot) return false;
        write = true;
        const SwapArea& area = sw.areaOf(slot);
        if (area.kind == SwapKind::Zram) {
            sw.zramBytes += ps * 100 / area.compressionPercent;
            zramResize();
            if (sw.zramFrames.size() * ps < sw.zramBytes) {  // no room even for zram
                sw.zramBytes -= ps * 100 / area.compressionPercent;
                zramResize();
                sw.freeSlot(slot);
                return false;
            }
        }
    } else {
        // S6: the slot still holds the data; a clean page is dropped without a write.
        write = dirty;
    }
    // S1 step 2: try_to_unmap: swap entries replace the PTEs, with a TLB flush (T3).
    const bool exclusive = mappers.size() == 1;
    Pid shown{};
    for (const Mapper& mp : mappers) {
        Process& q = *m_m.process(mp.pid);
        Pte& e = pteAt(mp.slot);
        const bool wasPresent = e.present();
        e.target = slot;
        e.flags = pte::Swap | (exclusive ? pte::SwapExclusive : 0);
        q.counters.rssPages -= 1;
        q.counters.swapPages += 1;
        sw.slotTable[slot].count += 1;
        if (wasPresent) flushRange(q, {fr.vpn});
        if (!shown.valid()) shown = q.pid;
    }
    // S1 step 3-4: pageout, then the page leaves the swap cache and is freed (the write is
    // treated as complete at once). zram keeps no swap cache at all (S4).
    if (write) {
        ++m_m.counters.swapOuts;
        ++sw.areaOf(slot).outs;
        ++writes;
    }
    Event& e = post(EventKind::SwapOut, shown);
    e.frame = f;
    e.va = va;
    e.index = slot;
    e.count = mappers.size();
    e.present = write;
    fr.mapcount = 0;
    sw.slotTable[slot].cache = static_cast<std::uint32_t>(f.value);
    fr.swapSlot = slot;
    releaseFrame(f);
    ++m_m.counters.framesFreed;
    return true;
}

std::uint64_t Kernel::reclaim(std::uint64_t target, Pid charged, bool direct) {
    PhysicalMemory& mem = m_m.memory;
    // L5: swappiness weighs anon against file with constant, equal costs (§14), so the anon
    // share of the scan is swappiness / 200. Special cases kept: no swap -> file only; free +
    // file <= high watermark -> anon only ("file is tiny"); an empty side is not scanned.
    const bool haveSwap = !m_m.swap.areas.empty();
    const std::uint64_t zramOutsBefore = m_m.swap.zramOuts();
    const std::uint64_t fileLru = mem.lruSize(Lru::InactiveFile) + mem.lruSize(Lru::ActiveFile);
    const ScanWeights w = scanWeights(m_m.config.swappiness, 0, 0);
    const bool fileTiny = mem.freeCount() + fileLru <= m_m.watermarks.high;
    std::uint64_t scannedAnon = 0;
    std::uint64_t scannedFile = 0;
    std::uint64_t fileWrites = 0;
    // L4: inactive is "low" when inactive * int_sqrt(10 * GiB) < active (ratio 1 below 1 GiB).
    const std::uint64_t gib = (mem.total() << m_m.geometry().pageBits) >> 30;
    const std::uint64_t ratio = gib == 0 ? 1 : std::max<std::uint64_t>(1, intSqrt(10 * gib));
    // The priority loop is collapsed (§14): scan until `target` pages are reclaimed or every
    // page has been looked at twice (once for its second chance, L3).
    // Clean MADV_FREE pages can go without swap (A5).
    const std::uint64_t budget =
        (haveSwap || mem.lazyFreeCount() > 0
             ? 2 * (mem.lruSize(Lru::InactiveAnon) + mem.lruSize(Lru::ActiveAnon)) + 2
             : 0) +
        2 * fileLru;
    std::uint64_t scanned = 0;
    std::uint64_t reclaimed = 0;
    std::uint64_t writes = 0;
    while (reclaimed < target && scanned < budget) {
        // Without swap only MADV_FREE pages can leave the anon lists (A5).
        const bool anonLeft = (haveSwap || mem.lazyFreeCount() > 0) &&
                              mem.lruSize(Lru::InactiveAnon) + mem.lruSize(Lru::ActiveAnon) > 0;
        const bool fileLeft = mem.lruSize(Lru::InactiveFile) + mem.lruSize(Lru::ActiveFile) > 0;
        if (!anonLeft && !fileLeft) break;
        // Scan anon while its share so far is below ap / (ap + fp).
        const bool anonTurn = scannedAnon * (w.ap + w.fp) < (scannedAnon + scannedFile + 1) * w.ap;
        if (fileLeft && (!anonLeft || (!fileTiny && !anonTurn))) {
            const std::uint64_t before = scanned;
            if (scanFileTail(charged, ratio, scanned, fileWrites)) ++reclaimed;
            scannedFile += std::max<std::uint64_t>(1, scanned - before);
            continue;
        }
        ++scannedAnon;
        // can_age_anon_pages(): no aging of anonymous pages without swap.
        if (haveSwap && m_m.config.reclaimPolicy == ReclaimPolicy::TwoList &&
            (mem.lruSize(Lru::InactiveAnon) * ratio < mem.lruSize(Lru::ActiveAnon) ||
             mem.lruSize(Lru::InactiveAnon) == 0)) {
            // L4: age the tail of the active list; referenced anonymous pages are demoted too.
            const std::uint32_t a = mem.lruTail(Lru::ActiveAnon);
            if (a != kNoFrame) {
                harvestReferences(Pfn{a});
                mem.lruDel(Pfn{a});
                mem.frame(Pfn{a}).referenced = false;
                mem.lruAdd(Pfn{a}, Lru::InactiveAnon);
                Event& e = post(EventKind::LruDeactivate, charged);
                e.frame = Pfn{a};
            }
        }
        const std::uint32_t t = mem.lruTail(Lru::InactiveAnon);
        if (t == kNoFrame) break;
        const Pfn f{t};
        ++scanned;
        Frame& fr = mem.frame(f);
        if (f == m_pinned) {
            mem.lruDel(f);
            mem.lruAdd(f, Lru::InactiveAnon);
            continue;
        }
        if (!haveSwap && !fr.lazyFree) {  // no swap: only MADV_FREE pages can go (A5, L5)
            mem.lruDel(f);
            mem.lruAdd(f, Lru::ActiveAnon);
            continue;
        }
        if (cullUnevictable(f, charged)) continue;                    // mlocked (L1)
        if (const int r = classicStep(f, charged, writes); r >= 0) {  // FIFO, LRU, CLOCK
            reclaimed += static_cast<std::uint64_t>(r);
            continue;
        }
        // L3: harvest the A bits through the reverse map at the tail of the inactive list.
        if (ageInactive(f, charged, Lru::ActiveAnon, Lru::InactiveAnon) != Aging::Old) {
            continue;
        }
        if (evictAnon(f, charged, writes)) {
            ++reclaimed;
        } else {
            // add_to_swap failed (swap full), or a MADV_FREE page was written again: activate.
            mem.lruDel(f);
            mem.lruAdd(f, Lru::ActiveAnon);
        }
    }
    m_m.counters.pagesScanned += scanned;
    m_m.counters.pagesReclaimed += reclaimed;
    const CostModel& c = m_m.config.costs;
    // Each write costs what its device costs: compression for zram, submitting I/O for a disk.
    const std::uint64_t zramWrites = std::min(writes, m_m.swap.zramOuts() - zramOutsBefore);
    const std::uint64_t cost = scanned * c.reclaimScanPage + zramWrites * c.swapOutZram +
                               (writes - zramWrites) * c.swapOutDisk + fileWrites * c.writebackPage;
    m_m.pressure.reclaimed(scanned, reclaimed);  // M4 window
    if (direct) {
        m_m.pressure.stall(cost);  // M1: direct reclaim is a memory stall
        ++m_m.counters.directReclaims;
        m_m.counters.directReclaimNs += cost;
        if (Process* q = m_m.process(charged)) q->counters.c.directReclaims += 1;
    }
    if (scanned > 0 || direct) {
        // kswapd runs on another CPU: its pass takes no time from the running task.
        Event& e = post(EventKind::Reclaim, direct ? charged : Pid{}, direct ? cost : 0);
        e.count = reclaimed;
        e.index = static_cast<std::uint32_t>(scanned);
        e.present = direct;
    }
    return reclaimed;
}

void Kernel::kswapd() {
    if (!m_m.kswapdAwake) return;
    const Watermarks& wm = m_m.watermarks;
    // W5: reclaim until free is above high. kswapd runs on another CPU in simulated time:
    // since its last run it could reclaim (elapsed time / cost of reclaiming one page) pages,
    // done here in batches of SWAP_CLUSTER_MAX (32) at the step boundary. A task that
    // allocates faster than that goes below min and has to reclaim directly (W6).
    const CostModel& c = m_m.config.costs;
    const std::uint64_t perPage = std::max<std::uint64_t>(
        1, 2 * c.reclaimScanPage +
               (m_m.swap.nextKind() == SwapKind::Zram ? c.swapOutZram : c.swapOutDisk));
    bool stuck = false;
    while (m_m.memory.freeCount() < wm.high) {
        const std::uint64_t can = std::min<std::uint64_t>(
            {32, (m_m.now - m_m.kswapdClock) / perPage, wm.high - m_m.memory.freeCount()});
        if (can == 0) return;  // out of time for now: it goes on at the next step boundary
        m_m.kswapdClock += can * perPage;
        if (reclaim(can, Pid{}, false) == 0) {
            stuck = true;  // nothing reclaimable: kswapd gives up and sleeps
            break;
        }
    }
    if (m_m.memory.freeCount() >= wm.high || stuck) {
        m_m.kswapdAwake = false;
        Event& e = post(EventKind::KswapdSleep, Pid{});
        e.count = m_m.memory.freeCount();
    }
}

Kernel::FaultResult Kernel::swapIn(Process& p, VirtAddr va, Access a, const Slot& slot) {
    const CostModel& cost = m_m.config.costs;
    const Pid pid = p.pid;
    const Vpn vpn = m_m.vpnOf(va);
    const Pte before = pteAt(slot);
    const std::uint32_t sidx = static_cast<std::uint32_t>(before.target);
    SwapArea& area = m_m.swap.areaOf(sidx);  // the slot's device decides cost, cache, readahead
    const SwapKind kind = area.kind;
    const std::uint64_t ps = m_m.geometry().pageSize();
    const Vma* vma = p.findVma(va);
    const bool vmaWrite = vma != nullptr && vma->prot.write;
    const std::uint16_t execFlag = vma != nullptr && vma->prot.exec ? pte::Exec : 0;
    Pfn f{};
    std::uint64_t readahead = 0;
    const bool cacheHit = m_m.swap.slotTable[sidx].cache != kNoFrame;
    if (cacheHit) {
        // S2: still in the swap cache (readahead, or shared and brought in by another mm): minor.
        f = Pfn{m_m.swap.slotTable[sidx].cache};
        postMinorFault(p, va, a, FaultReason::SwapCacheHit, cost.swapCacheHit);
        countAll(p, &Counters::swapCacheHits);
    } else {
        // S2: read from the device: major, pswpin +1.
        const std::uint64_t io = kind == SwapKind::Zram  ? cost.swapInZram
                                 : kind == SwapKind::Hdd ? cost.swapInHdd
                                                         : cost.swapInSsd;
        // M1: waiting for a swapped-out page counts as a memory stall (a workingset refault;
        // every swapped page is treated as evicted while in use).
        m_m.pressure.stall(io);
        Event& mf = post(EventKind::MajorFault, pid, io);
        mf.va = va;
        mf.access = a;
        mf.reason = FaultReason::SwapIn;
        countFault(p, &FaultCounters::major);
        countAll(p, &Counters::swapIns);
        f = allocFrame(p, FrameUse::Anon, vpn, 0);
        if (!f.valid()) return FaultResult::Killed;
        ++m_m.swap.areaOf(sidx).ins;
        if (kind == SwapKind::Zram) {
            // S4: decompressed straight into the new page; no swap cache, no readahead.
            m_m.swap.zramBytes -= ps * 100 / area.compressionPercent;
            zramResize();
        } else {
            m_m.swap.slotTable[sidx].cache = static_cast<std::uint32_t>(f.value);
            m_m.memory.frame(f).swapSlot = sidx;
            // S3: the aligned cluster of 2^page-cluster slots is read into the swap cache too.
            // Readahead does not reclaim itself: it only uses memory above the min watermark.
            // The cluster is aligned within the device and never crosses into another one.
            const std::uint32_t cluster = 1u << area.pageCluster;
            const std::uint32_t base = area.first + ((sidx - area.first) & ~(cluster - 1));
            for (std::uint32_t s = base; s < base + cluster && area.owns(s); ++s) {
                SwapSlot& ss = m_m.swap.slotTable[s];
                if (s == sidx || !ss.used || ss.count == 0 || ss.cache != kNoFrame) continue;
                if (m_m.memory.freeCount() <= m_m.watermarks.min) break;
                // ... nor beyond the memcg's limit (W7): readahead is charged to the faulting task.
                const Process& rp = *m_m.process(pid);
                if (rp.memcg != 0 &&
                    m_m.memory.charged(rp.memcg) >= m_m.config.cgroups[rp.memcg - 1u].maxPages)
                    break;
                const Pfn r = m_m.memory.allocate(FrameUse::Anon, Pid{});
                chargeFrame(rp, r);
                ++m_m.counters.framesAllocated;
                m_m.memory.lruAdd(r, Lru::InactiveAnon);
                m_m.memory.frame(r).swapSlot = s;
                ss.cache = static_cast<std::uint32_t>(r.value);
                ++readahead;
                ++m_m.counters.swapIns;
                ++area.ins;
            }
        }
    }
    Process& q = *m_m.process(pid);
    Frame& fr = m_m.memory.frame(f);
    fr.mapcount += 1;
    fr.vpn = vpn;
    if (fr.owner == Pid{}) fr.owner = pid;
    if (kind == SwapKind::Zram && !cacheHit) {
        // S4: the slot is freed at swap-in.
        putSwapSlot(sidx);
    } else {
        SwapSlot& ss = m_m.swap.slotTable[sidx];
        if (ss.count > 0) ss.count -= 1;
    }
    q.counters.rssPages += 1;
    q.counters.swapPages -= 1;
    // S5: an exclusive page (or the only reference left) comes back writable.
    const std::uint32_t slotRefs =
        fr.swapSlot != kNoSlot ? m_m.swap.slotTable[fr.swapSlot].count : 0;
    const bool exclusive = before.has(pte::SwapExclusive) || (fr.mapcount == 1 && slotRefs == 0);
    const bool writable = vmaWrite && exclusive;
    // S6: the slot is kept after a read swap-in, unless the device is more than half full or a
    // write fault finds the page exclusive.
    if (fr.swapSlot != kNoSlot && slotRefs == 0 &&
        (m_m.swap.used() * 2 > m_m.swap.slotTable.size() || (a == Access::Write && writable))) {
        const std::uint32_t old = fr.swapSlot;
        m_m.swap.slotTable[old].cache = kNoFrame;
        fr.swapSlot = kNoSlot;
        putSwapSlot(old);
    }
    {
        Event& e = post(EventKind::SwapIn, pid);
        e.va = va;
        e.frame = f;
        e.index = sidx;
        e.present = cacheHit;
        e.count = readahead;
    }
    Pte& e = pteAt(slot);
    e.target = f.value;
    e.flags = pte::Present | pte::Accessed | execFlag | (writable ? pte::Writable : 0) |
              (a == Access::Write && writable ? pte::Dirty : 0);
    postPteSet(pid, va, f, writable);
    return FaultResult::Resolved;
}

std::int64_t Kernel::badness(std::uint64_t rssPages, std::uint64_t swapPages,
                             std::uint64_t pageTablePages, std::int32_t oomScoreAdj,
                             std::uint64_t totalPages) {
    const auto points = static_cast<std::int64_t>(rssPages + swapPages + pageTablePages);
    return points +
           static_cast<std::int64_t>(oomScoreAdj) * static_cast<std::int64_t>(totalPages / 1000);
}

std::int64_t Kernel::oomScore(std::int64_t badnessPages, std::int32_t oomScoreAdj,
                              std::uint64_t totalPages) {
    if (oomScoreAdj == -1000 || totalPages == 0) return 0;
    const std::int64_t score =
        (1000 + badnessPages * 1000 / static_cast<std::int64_t>(totalPages)) * 2 / 3;
    return std::clamp<std::int64_t>(score, 0, 2000);
}

std::int64_t Kernel::badness(const Machine& m, const Process& p) {
    // totalpages is RAM + swap for a global OOM (O2).
    return badness(p.counters.rssPages, p.counters.swapPages, p.counters.pageTablePages,
                   p.oomScoreAdj, m.totalPages());
}

std::int64_t Kernel::oomScore(const Machine& m, const Process& p) {
    return oomScore(badness(m, p), p.oomScoreAdj, m.totalPages());
}

bool Kernel::runOomKiller(Process& requester, std::uint16_t memcg) {
    const Pid requesterPid = requester.pid;
    // The OOM killer is always shown, even inside an operation summarised as one event.
    const bool quiet = m_quiet;
    m_quiet = false;
    {
        Event& e = post(EventKind::OutOfMemory, requesterPid);
        e.count = memcg != 0 ? m_m.memory.charged(memcg) : m_m.memory.freeCount();
        e.memcg = memcg;
    }
    const bool legacy = m_m.config.oomPolicy == OomPolicy::Legacy;
    Process* victim = nullptr;
    std::int64_t best = 0;
    OomReport report;
    report.requester = requesterPid;
    report.memcg = memcg;
    report.policy = m_m.config.oomPolicy;
    // O2: totalpages is RAM + swap, or for a memcg OOM its limit (+ swap if swappiness != 0).
    report.totalPages = memcg != 0 ? m_m.memcgTotalPages(memcg) : m_m.totalPages();
    for (Process& q : m_m.processes) {
        if (!q.running()) continue;
        if (memcg != 0 && q.memcg != memcg) continue;  // O1: only the constraint domain
        const std::int64_t b =
            legacy ? legacyBadness(m_m, q)
                   : badness(q.counters.rssPages, q.counters.swapPages, q.counters.pageTablePages,
                             q.oomScoreAdj, report.totalPages);
        // O3 (always global totalpages); O6: oom_score showed the points directly.
        const std::int64_t score = legacy ? b : oomScore(m_m, q);
        report.candidates.push_back(OomCandidate{q.pid, q.name, q.counters.rssPages,
                                                 q.counters.swapPages, q.counters.pageTablePages,
                                                 q.oomScoreAdj, b, score, q.oomScoreAdj != -1000});
        if (q.oomScoreAdj == -1000) continue;  // O1: never chosen (O6: oom_adj -17)
        if (victim == nullptr || b >= best) {  // ties go to the later task, as the kernel's scan
            victim = &q;
            best = b;
        }
    }
    if (victim == nullptr) {
        // Nothing may be killed: the allocation fails and the requester dies.
        victim = &requester;
        best = legacy ? legacyBadness(m_m, requester) : badness(m_m, requester);
    }
    report.victim = victim->pid;
    m_m.oomReports.push_back(std::move(report));
    Event& e = post(EventKind::OomKill, victim->pid);
    e.count = static_cast<std::uint64_t>(best < 0 ? 0 : best);
    e.otherPid = requesterPid;
    e.index = static_cast<std::uint32_t>(m_m.oomReports.size() - 1);
    e.memcg = memcg;
    countAll(*victim, &Counters::oomKills);
    if (memcg != 0) ++m_m.memcgs[memcg - 1u].oomKills;
    kill(*victim, SigCode::Sigkill);
    m_quiet = quiet;
    return true;
}

std::optional<Kernel::Slot> Kernel::findLeaf(const Process& p, VirtAddr va) const {
    const Geometry& g = m_m.geometry();
    if (p.root == kNoNode || (g.vaBits() < 64 && va >= g.vaEnd())) return std::nullopt;
    std::uint32_t node = p.root;
    for (unsigned level = 0; level + 1 < g.levels(); ++level) {
        const Pte& e = m_m.tables.node(node).entries[g.indexAt(va, level)];
        if (!e.present() || e.huge()) return std::nullopt;  // a huge leaf: findHuge
        node = static_cast<std::uint32_t>(e.target);
    }
    return Slot{node, static_cast<std::uint32_t>(g.indexAt(va, g.levels() - 1))};
}

bool Kernel::addTable(Pid pid, std::uint32_t node, std::size_t idx, unsigned level, VirtAddr va) {
    // T6: page tables are allocated at the first fault in their range, and use frames.
    const Geometry& g = m_m.geometry();
    const auto childLevel = static_cast<std::uint8_t>(level + 1);
    const Pfn f = allocFrame(*m_m.process(pid), FrameUse::PageTable, m_m.vpnOf(va), childLevel);
    if (!f.valid()) return false;
    const std::uint32_t child = m_m.tables.create(f, pid, childLevel, g.entriesAt(childLevel));
    PtNode& parent = m_m.tables.node(node);
    parent.entries[idx] = Pte{child, pte::Present | pte::Writable};
    parent.used += 1;
    m_m.process(pid)->counters.pageTablePages += 1;
    Event& e = post(EventKind::PageTableAlloc, pid, m_m.config.costs.pageTableAlloc);
    e.va = va;
    e.frame = f;
    e.level = childLevel;
    return true;
}

std::optional<Kernel::Slot> Kernel::ensureLeaf(Process& p, VirtAddr va) {
    const Geometry& g = m_m.geometry();
    const Pid pid = p.pid;
    std::uint32_t node = m_m.process(pid)->root;
    for (unsigned level = 0; level + 1 < g.levels(); ++level) {
        const auto idx = g.indexAt(va, level);
        if (m_m.tables.node(node).entries[idx].huge() && !splitHuge(*m_m.process(pid), va, true))
            return std::nullopt;
        if (!m_m.tables.node(node).entries[idx].present() && !addTable(pid, node, idx, level, va))
            return std::nullopt;
        node = static_cast<std::uint32_t>(m_m.tables.node(node).entries[idx].target);
    }
    return Slot{node, static_cast<std::uint32_t>(g.indexAt(va, g.levels() - 1))};
}

// ---------------------------------------------------------------------------------------------
// Unmapping and teardown

void Kernel::unmapPte(Process& p, Pte& e, std::uint64_t& freed) {
    if (e.swapped()) {
        p.counters.swapPages -= 1;
        putSwapSlot(static_cast<std::uint32_t>(e.target));
    } else if (e.mapped() && !e.has(pte::ZeroPage)) {
        const Pfn f{e.target};
        Frame& fr = m_m.memory.frame(f);
        fr.mapcount -= 1;
        p.counters.rssPages -= 1;
        if (fr.use == FrameUse::PageCache) {
            p.counters.rssFilePages -= 1;  // the page stays in the page cache
        } else if (fr.mapcount == 0 &&
                   fr.shmem == kNoShmem) {  // a shmem page stays with its object
            releaseFrame(f);
            ++m_m.counters.framesFreed;
            ++freed;
        }
    }
    e = Pte{};
}

std::pair<std::uint64_t, std::uint64_t> Kernel::zapRange(Process& p, VirtAddr start, VirtAddr end,
                                                         bool freeTables) {
    std::uint64_t pages = 0;
    std::uint64_t freed = 0;
    std::vector<Vpn> flush;
    const std::uint64_t ps = m_m.geometry().pageSize();
    zapHuge(p, start, end, flush, pages, freed);
    for (VirtAddr va = start; va < end; va += ps) {
        const auto s = findLeaf(p, va);
        if (!s) continue;
        Pte& e = pteAt(*s);
        if (e.empty()) continue;
        if (e.present()) flush.push_back(m_m.vpnOf(va));
        unmapPte(p, e, freed);
        m_m.tables.node(s->node).used -= 1;
        ++pages;
    }
    if (!flush.empty()) flushRange(p, flush);
    if (freeTables && p.root != kNoNode) freeEmptyTables(p, p.root, 0);
    return {pages, freed};
}

void Kernel::freeEmptyTables(Process& p, std::uint32_t node, unsigned level) {
    const Geometry& g = m_m.geometry();
    if (level + 1 >= g.levels()) return;
    auto& entries = m_m.tables.node(node).entries;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (!entries[i].present() || entries[i].huge()) continue;
        const auto child = static_cast<std::uint32_t>(entries[i].target);
        freeEmptyTables(p, child, level + 1);
        if (m_m.tables.node(child).used == 0) {
            const Pfn f = m_m.tables.node(child).frame;
            m_m.tables.destroy(child);
            m_m.memory.release(f);
            ++m_m.counters.framesFreed;
            p.counters.pageTablePages -= 1;
            PtNode& n = m_m.tables.node(node);
            n.entries[i] = Pte{};
            n.used -= 1;
        }
    }
}

void Kernel::teardown(Process& p, std::uint64_t& freed) {
    const Geometry& g = m_m.geometry();
    if (p.root != kNoNode) {
        // Depth-first: unmap leaves, then free every table including the root.
        std::vector<std::pair<std::uint32_t, unsigned>> stack{{p.root, 0}};
        std::vector<std::uint32_t> nodes;
        while (!stack.empty()) {
            auto [node, level] = stack.back();
            stack.pop_back();
            nodes.push_back(node);
            auto& entries = m_m.tables.node(node).entries;
            for (Pte& e : entries) {
                if (level + 1 < g.levels()) {
                    if (e.huge())
                        unmapHuge(p, e, freed);
                    else if (e.present())
                        stack.push_back({static_cast<std::uint32_t>(e.target), level + 1});
                } else if (!e.empty()) {
                    unmapPte(p, e, freed);
                }
            }
        }
        for (std::uint32_t node : nodes) {
            const Pfn f = m_m.tables.node(node).frame;
            m_m.tables.destroy(node);
            m_m.memory.release(f);
            ++m_m.counters.framesFreed;
            ++freed;
        }
        p.root = kNoNode;
        p.counters.pageTablePages = 0;
    }
    m_m.tlb.release(p.pid);
    p.vmas.clear();
    p.regions.clear();
    p.counters.rssPages = 0;
    p.counters.rssFilePages = 0;
    p.counters.swapPages = 0;
    if (m_m.current == p.pid) m_m.current = Pid{};
    releaseUnusedShmem();
}

void Kernel::kill(Process& p, SigCode code) {
    const Pid pid = p.pid;
    std::uint64_t freed = 0;
    teardown(p, freed);
    Process& q = *m_m.process(pid);
    q.state = ProcState::Killed;
    q.exitSignal = code;
    Event& e = post(EventKind::ProcessKilled, pid,
                    m_m.config.costs.signalKill + freed * m_m.config.costs.perPageUnmap);
    e.code = code;
    e.count = freed;
}

void Kernel::exit(Pid pid) {
    ensureCurrent(pid);
    Process& p = *m_m.process(pid);
    std::uint64_t freed = 0;
    teardown(p, freed);
    p.state = ProcState::Exited;
    Event& e = post(EventKind::Exit, pid,
                    m_m.config.costs.syscall + freed * m_m.config.costs.perPageUnmap);
    e.count = freed;
}

void Kernel::flushPage(std::uint16_t asid, Pid pid, VirtAddr va) {
    // T3: the present entry for `va` changes frame; its translation must go before the new one.
    m_m.tlb.invalidate(asid, m_m.vpnOf(va));
    Event& e = post(EventKind::TlbFlush, pid, m_m.config.costs.tlbFlushPage);
    e.va = va;
    e.count = 1;
    ++m_m.counters.tlbFlushes;
    ++m_m.counters.pagesFlushed;
}

void Kernel::flushRange(Process& p, const std::vector<Vpn>& pages) {
    const auto asid = m_m.tlb.asidOf(p.pid);
    if (pages.size() > kFlushCeiling) {
        flushMm(p);
        return;
    }
    for (const Vpn v : pages)
        if (asid) m_m.tlb.invalidate(*asid, v);
    Event& e = post(EventKind::TlbFlush, p.pid, m_m.config.costs.tlbFlushPage * pages.size());
    e.va = pages.front().value << m_m.geometry().pageBits;
    e.count = pages.size();
    ++m_m.counters.tlbFlushes;
    m_m.counters.pagesFlushed += pages.size();
}

void Kernel::flushMm(Process& p) {
    const auto asid = m_m.tlb.asidOf(p.pid);
    const std::uint32_t n = asid ? m_m.tlb.flushAsid(*asid) : 0;
    Event& e = post(EventKind::TlbFlush, p.pid, m_m.config.costs.tlbFlushFull);
    e.full = true;
    e.count = n;
    ++m_m.counters.tlbFlushes;
}

// ---------------------------------------------------------------------------------------------
// Address-space system calls

std::optional<VirtAddr> Kernel::findFreeArea(const Process& p, std::uint64_t length,
                                             std::uint64_t align) const {
    // Top-down from mmap_base, like the x86-64 default layout.
    const Geometry& g = m_m.geometry();
    const std::uint64_t ps = g.pageSize();
    const std::uint64_t top = (g.vaEnd() - g.vaEnd() / 128) / ps * ps;
    VirtAddr end = top;
    for (auto it = p.vmas.rbegin(); it != p.vmas.rend(); ++it) {
        if (it->start >= end) continue;
        if (it->end <= end && end - it->end >= length && (end - length) / align * align >= it->end)
            return (end - length) / align * align;
        end = std::min(end, it->start);
    }
    if (end >= length + ps && (end - length) / align * align >= ps)
        return (end - length) / align * align;  // never map page 0
    return std::nullopt;
}

void Kernel::insertVma(Process& p, Vma v) {
    auto it = std::lower_bound(p.vmas.begin(), p.vmas.end(), v.start,
                               [](const Vma& a, VirtAddr s) { return a.start < s; });
    p.vmas.insert(it, std::move(v));
}

void Kernel::splitAt(Process& p, VirtAddr addr) {
    Vma* v = p.findVma(addr);
    if (v == nullptr || v->start == addr) return;
    Vma tail = *v;
    tail.start = addr;
    if (tail.kind == VmaKind::File) tail.fileOffset += addr - v->start;
    if (tail.isShmem()) tail.shmemPage += (addr - v->start) / m_m.geometry().pageSize();
    v->end = addr;
    insertVma(p, std::move(tail));
}

std::optional<VirtAddr> Kernel::mmap(Pid pid, std::uint64_t length, std::optional<VirtAddr> hint,
                                     Prot prot, bool populateNow, const std::string& name,
                                     bool shared) {
    ensureCurrent(pid);
    Process& p = *m_m.process(pid);
    const std::uint64_t ps = m_m.geometry().pageSize();
    const std::uint64_t len = alignUp(length, ps);
    auto fail = [&](std::uint64_t err) -> std::optional<VirtAddr> {
        Event& e = post(EventKind::SyscallFailed, pid, m_m.config.costs.syscall);
        e.count = err;
        e.va = hint.value_or(0);
        return std::nullopt;
    };
    // A1: overcommit heuristic (mode 0) refuses a single request larger than RAM + swap.
    if (len == 0 || len / ps > m_m.totalPages()) return fail(kEnomem);
    VirtAddr start{};
    if (hint) {
        if (*hint % ps != 0) return fail(kEinval);
        const Geometry& g = m_m.geometry();
        if (*hint == 0 || *hint + len > g.vaEnd() || *hint + len < *hint) return fail(kEinval);
        for (const Vma& v : p.vmas)
            if (v.start < *hint + len && *hint < v.end) return fail(kEexist);
        start = *hint;
    } else {
        // A private anonymous mapping of whole huge pages gets a huge-page-aligned address when
        // THP is enabled (thp_get_unmapped_area), so its PMDs can be huge (H2).
        const bool thpAlign = m_m.config.thp != ThpMode::Never && !shared && hugeBytes() != 0 &&
                              len % hugeBytes() == 0;
        const auto area = findFreeArea(p, len, thpAlign ? hugeBytes() : ps);
        if (!area) return fail(kEnomem);
        start = *area;
    }
    Vma vma{start, start + len, prot, shared, VmaKind::Anonymous, "", 0, name};
    if (shared) vma.shmem = createShmem(len / ps);  // MAP_SHARED|MAP_ANONYMOUS (C6)
    insertVma(p, std::move(vma));
    Event& e = post(EventKind::Mmap, pid, m_m.config.costs.syscall);
    e.va = start;
    e.count = len / ps;
    if (populateNow) populate(pid, start, len);
    return start;
}

std::optional<VirtAddr> Kernel::malloc(Pid pid, std::uint64_t length, const std::string& name) {
    ensureCurrent(pid);
    const std::uint64_t ps = m_m.geometry().pageSize();
    std::optional<VirtAddr> result;
    if (length >= kMmapThreshold) {
        // Big blocks get a private mapping of their own; the chunk header comes first.
        const auto start =
            mmap(pid, length + kMallocHeader, std::nullopt, Prot{true, true, false}, false, name);
        if (start) result = *start + kMallocHeader;
    } else {
        Process& p = *m_m.process(pid);
        if (p.brkEnd == 0) {
            const Geometry& g = m_m.geometry();
            p.brkStart = p.brkEnd = alignUp(g.vaEnd() / 64, ps);
            p.heapTop = p.brkStart;
        }
        const VirtAddr addr = p.heapTop + kMallocHeader;
        const VirtAddr newTop = addr + alignUp(std::max<std::uint64_t>(length, 1), 16);
        if (newTop > p.brkEnd) {
            // brk grows by what is needed plus M_TOP_PAD, in whole pages.
            const VirtAddr newEnd = alignUp(newTop + kTopPad, ps);
            for (const Vma& v : p.vmas)
                if (v.start < newEnd && v.end > p.brkEnd) {
                    Event& e = post(EventKind::SyscallFailed, pid, m_m.config.costs.syscall);
                    e.count = kEnomem;
                    return std::nullopt;
                }
            // Extend the heap's top VMA, or start a new piece if the top was unmapped.
            Vma* top = p.brkEnd > p.brkStart ? p.findVma(p.brkEnd - 1) : nullptr;
            if (top != nullptr && top->end == p.brkEnd && top->name == "[heap]")
                top->end = newEnd;
            else
                insertVma(p, Vma{p.brkEnd, newEnd, Prot{true, true, false}, false,
                                 VmaKind::Anonymous, "", 0, "[heap]"});
            Event& e = post(EventKind::Brk, pid, m_m.config.costs.syscall);
            e.va = p.brkEnd;
            e.count = (newEnd - p.brkEnd) / ps;
            p.brkEnd = newEnd;
        }
        p.heapTop = newTop;
        result = addr;
    }
    Event& e = post(EventKind::Malloc, pid, 50);
    e.va = result.value_or(0);
    e.count = length;
    if (result) m_m.process(pid)->regions.push_back(Region{name, *result, length});
    return result;
}

void Kernel::free(Pid pid, const std::string& name) {
    ensureCurrent(pid);
    Process& p = *m_m.process(pid);
    const Region* r = p.findRegion(name);
    if (r == nullptr) {
        skipped(pid);
        return;
    }
    const Region region = *r;
    p.regions.erase(p.regions.begin() + (r - p.regions.data()));
    Event& e = post(EventKind::Free, pid, 50);
    e.va = region.start;
    e.count = region.length;
    // Blocks from mmap go back to the kernel at once; heap chunks stay mapped (and resident).
    if (region.length >= kMmapThreshold) {
        const std::uint64_t ps = m_m.geometry().pageSize();
        const VirtAddr start = region.start - kMallocHeader;
        munmap(pid, start, alignUp(region.length + kMallocHeader, ps));
    }
}

void Kernel::munmap(Pid pid, VirtAddr start, std::uint64_t length) {
    ensureCurrent(pid);
    Process& p = *m_m.process(pid);
    const std::uint64_t ps = m_m.geometry().pageSize();
    const VirtAddr end = start + alignUp(length, ps);
    if (start % ps != 0 || length == 0) {
        Event& e = post(EventKind::SyscallFailed, pid, m_m.config.costs.syscall);
        e.count = kEinval;
        return;
    }
    splitAt(p, start);
    splitAt(p, end);
    // A6: frames, PTEs and empty page tables go, with one batched flush.
    const auto [pages, freed] = zapRange(p, start, end, true);
    Process& q = *m_m.process(pid);
    std::erase_if(q.vmas, [&](const Vma& v) { return v.start >= start && v.end <= end; });
    std::erase_if(q.regions,
                  [&](const Region& r) { return r.start >= start && r.start + r.length <= end; });
    if (q.brkEnd > q.brkStart && start <= q.brkStart && end >= q.brkEnd) q.brkEnd = q.brkStart;
    releaseUnusedShmem();
    Event& e = post(EventKind::Munmap, pid,
                    m_m.config.costs.syscall + pages * m_m.config.costs.perPageUnmap);
    e.va = start;
    e.count = (end - start) / ps;
    e.index = static_cast<std::uint32_t>(freed);
}

void Kernel::mprotect(Pid pid, VirtAddr start, std::uint64_t length, Prot prot) {
    ensureCurrent(pid);
    Process& p = *m_m.process(pid);
    const std::uint64_t ps = m_m.geometry().pageSize();
    const VirtAddr end = start + alignUp(length, ps);
    splitHugeRange(p, start, end, false);  // huge mappings change rights as 4 KiB PTEs
    if (!p.running()) return;
    splitAt(p, start);
    splitAt(p, end);
    std::vector<Vpn> flush;
    std::uint64_t changed = 0;
    for (Vma& v : p.vmas) {
        if (v.end <= start || v.start >= end) continue;
        v.prot = prot;
    }
    for (VirtAddr va = start; va < end; va += ps) {
        const auto s = findLeaf(p, va);
        if (!s) continue;
        Pte& e = pteAt(*s);
        if (!e.mapped()) continue;
        const std::uint16_t before = e.flags;
        const bool zero = e.has(pte::ZeroPage);
        std::uint16_t f = e.flags & (pte::Accessed | pte::Dirty | pte::ZeroPage);
        if (prot.none()) {
            f |= pte::ProtNone;
        } else {
            f |= pte::Present;
            if (prot.exec) f |= pte::Exec;
            // Write is granted at once only to an exclusive, dirty private page (measured:
            // RO -> RW on a dirty private page, then write: 0 faults). Otherwise the next
            // write takes the CoW path.
            const bool exclusive = !zero && m_m.memory.frame(Pfn{e.target}).mapcount == 1;
            const bool wasWritable = (before & pte::Writable) != 0;
            if (prot.write && (wasWritable || (exclusive && e.has(pte::Dirty)))) f |= pte::Writable;
        }
        if (f == before) continue;
        e.flags = f;
        ++changed;
        // T3 requires a flush when a present entry loses rights; Linux's change_protection()
        // flushes every present entry it modified, so a later write never faults spuriously.
        if (before & pte::Present) flush.push_back(m_m.vpnOf(va));
    }
    Event& e = post(EventKind::Mprotect, pid, m_m.config.costs.syscall);
    e.va = start;
    e.count = changed;
    if (!flush.empty()) flushRange(p, flush);
}

void Kernel::madviseDontneed(Pid pid, VirtAddr start, std::uint64_t length) {
    ensureCurrent(pid);
    Process& p = *m_m.process(pid);
    const std::uint64_t ps = m_m.geometry().pageSize();
    const VirtAddr end = start + alignUp(length, ps);
    // A5: frames freed and PTEs cleared at once; the VMA (and page tables) stay.
    const auto [pages, freed] = zapRange(p, start, end, false);
    Event& e = post(EventKind::MadviseDontneed, pid,
                    m_m.config.costs.syscall + pages * m_m.config.costs.perPageUnmap);
    e.va = start;
    e.count = pages;
    e.index = static_cast<std::uint32_t>(freed);
}

void Kernel::populate(Pid pid, VirtAddr start, std::uint64_t length) {
    ensureCurrent(pid);
    const std::uint64_t ps = m_m.geometry().pageSize();
    const VirtAddr end = start + alignUp(length, ps);
    const std::uint64_t minorBefore = m_m.process(pid)->counters.c.faults.minor;
    // F4: the kernel faults every page in through the normal handler, charged to the caller;
    // writable mappings are populated for write. Shown as one event.
    m_quiet = true;
    m_quietCost = 0;
    for (VirtAddr va = start; va < end; va += ps) {
        Process* p = m_m.process(pid);
        if (!p->running()) break;
        const Vma* v = p->findVma(va);
        if (v == nullptr || v->prot.none()) continue;
        // Writable private mappings are populated for write (breaking CoW); shared ones for read.
        const Access a = v->prot.write && !v->shared ? Access::Write : Access::Read;
        if (const Pte* e = m_m.leafPte(*p, va))  // a PTE, or a huge PMD covering va
            if (e->mapped() && (a == Access::Read || e->writable())) continue;
        handleFault(*p, va, a);
    }
    m_quiet = false;
    const std::uint64_t spent = m_quietCost;
    Process& p = *m_m.process(pid);
    Event& e = post(EventKind::Populate, pid, spent);
    e.va = start;
    e.count = p.counters.c.faults.minor - minorBefore;
    if (!p.running()) {
        Event& k = post(EventKind::ProcessKilled, pid);
        k.code = p.exitSignal;
    }
}

bool Kernel::fork(Pid parentPid, Pid childPid, const std::string& childName) {
    ensureCurrent(parentPid);
    const Geometry& g = m_m.geometry();
    {
        const Process& parent = *m_m.process(parentPid);
        Process child;
        child.pid = childPid;
        child.name = childName.empty() ? parent.name : childName;
        child.parent = parentPid;
        child.uid = parent.uid;
        child.oomScoreAdj = parent.oomScoreAdj;
        child.memcg = parent.memcg;  // a child starts in its parent's cgroup
        child.startTime = m_m.now;
        child.vmas = parent.vmas;
        for (Vma& v : child.vmas)
            v.locked = false;  // mlock is not inherited across fork
        child.regions = parent.regions;
        child.brkStart = parent.brkStart;
        child.brkEnd = parent.brkEnd;
        child.heapTop = parent.heapTop;
        m_m.processes.push_back(std::move(child));
    }
    const std::uint64_t ptBefore = m_m.counters.framesAllocated;
    const Pfn rootFrame = allocFrame(*m_m.process(childPid), FrameUse::PageTable, Vpn{}, 0);
    if (!rootFrame.valid()) return false;
    m_m.process(childPid)->root = m_m.tables.create(rootFrame, childPid, 0, g.entriesAt(0));
    m_m.process(childPid)->counters.pageTablePages = 1;

    // C1: copy the PTEs of private VMAs; write-protect writable ones in both; share frames.
    std::vector<std::pair<VirtAddr, Pte>> leaves;
    m_m.forEachLeaf(*m_m.process(parentPid), [&](VirtAddr va, const Pte& e) {
        if (e.mapped() || e.swapped()) leaves.emplace_back(va, e);
    });
    std::uint64_t copied = 0;
    for (const auto& [va, e] : leaves) {
        Process& parent = *m_m.process(parentPid);
        const Vma* v = parent.findVma(va);
        if (v == nullptr || v->shared) continue;
        if (e.huge()) {  // one PMD entry shares the whole huge page
            if (!forkHuge(parentPid, childPid, va)) break;
            ++copied;
            continue;
        }
        const auto ps = findLeaf(parent, va);
        Pte& pe = pteAt(*ps);
        pe.flags &= static_cast<std::uint16_t>(~(pte::Writable | pte::SwapExclusive));
        const auto cs = ensureLeaf(*m_m.process(childPid), va);
        if (!cs) break;
        Pte& ce = pteAt(*cs);
        // The child's page-table allocation may have reclaimed memory, or OOM-killed the parent.
        const auto again = findLeaf(*m_m.process(parentPid), va);
        if (!m_m.process(parentPid)->running() || !again || pteAt(*again).empty()) break;
        Pte& cur = pteAt(*again);
        // Reclaim (for the child's page tables) may have swapped the page out meanwhile.
        cur.flags &= static_cast<std::uint16_t>(~pte::SwapExclusive);
        ce = cur;
        m_m.tables.node(cs->node).used += 1;
        if (ce.swapped()) {
            // A swap entry is copied and the slot gains a reference (copy_nonpresent_pte).
            m_m.swap.slotTable[ce.target].count += 1;
            m_m.process(childPid)->counters.swapPages += 1;
        } else if (!ce.has(pte::ZeroPage)) {
            m_m.memory.frame(Pfn{ce.target}).mapcount += 1;
            m_m.process(childPid)->counters.rssPages += 1;
            if (m_m.memory.frame(Pfn{ce.target}).use == FrameUse::PageCache)
                m_m.process(childPid)->counters.rssFilePages += 1;
        }
        ++copied;
    }
    const std::uint64_t tables = m_m.counters.framesAllocated - ptBefore;
    Event& e = post(EventKind::Fork, parentPid,
                    m_m.config.costs.forkBase + copied * m_m.config.costs.forkPerPte);
    e.otherPid = childPid;
    e.count = copied;
    e.index = static_cast<std::uint32_t>(tables);
    {
        Event& s = post(EventKind::ProcessStart, childPid);
        s.otherPid = parentPid;
    }
    // T4: the parent's TLB is flushed once, after its PTEs were write-protected.
    if (copied > 0) flushMm(*m_m.process(parentPid));
    return true;
}

}  // namespace pfviz
