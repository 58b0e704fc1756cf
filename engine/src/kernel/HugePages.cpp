// Transparent huge pages: the PMD-level leaf of T1, the fault granularity of H2, the split of a
// THP shared by fork on write (C7) and the split before reclaim (§14). Kernel member functions.
#include "pfviz/Kernel.h"

namespace pfviz {

std::uint64_t Kernel::hugeBytes() const {
    return m_m.hugePages() * m_m.geometry().pageSize();
}

bool Kernel::thpAllowed(const Vma& v) const {
    if (m_m.hugePages() == 0 || v.isShmem() || v.shared || v.kind != VmaKind::Anonymous)
        return false;
    switch (m_m.config.thp) {
        case ThpMode::Never:
            return false;
        case ThpMode::Madvise:
            return v.thpAdvice == ThpAdvice::Huge;
        case ThpMode::Always:
            return v.thpAdvice != ThpAdvice::NoHuge;
    }
    return false;
}

std::optional<Kernel::Slot> Kernel::findHuge(const Process& p, VirtAddr va) const {
    const Geometry& g = m_m.geometry();
    if (m_m.hugePages() == 0 || p.root == kNoNode || (g.vaBits() < 64 && va >= g.vaEnd()))
        return std::nullopt;
    std::uint32_t node = p.root;
    for (unsigned level = 0; level + 1 < g.levels(); ++level) {
        const auto idx = static_cast<std::uint32_t>(g.indexAt(va, level));
        const Pte& e = m_m.tables.node(node).entries[idx];
        if (e.huge()) return Slot{node, idx};
        if (!e.present()) return std::nullopt;
        node = static_cast<std::uint32_t>(e.target);
    }
    return std::nullopt;
}

std::optional<Kernel::Slot> Kernel::ensurePmd(Process& p, VirtAddr va) {
    const Geometry& g = m_m.geometry();
    const Pid pid = p.pid;
    const unsigned pmdLevel = g.levels() - 2;
    std::uint32_t node = m_m.process(pid)->root;
    for (unsigned level = 0; level < pmdLevel; ++level) {
        const auto idx = g.indexAt(va, level);
        if (!m_m.tables.node(node).entries[idx].present() && !addTable(pid, node, idx, level, va))
            return std::nullopt;
        node = static_cast<std::uint32_t>(m_m.tables.node(node).entries[idx].target);
    }
    return Slot{node, static_cast<std::uint32_t>(g.indexAt(va, pmdLevel))};
}

std::optional<Kernel::FaultResult> Kernel::hugeFault(Process& p, const Vma& vma, VirtAddr va,
                                                     Access a) {
    if (m_m.hugePages() == 0) return std::nullopt;
    const CostModel& cost = m_m.config.costs;
    const Geometry& g = m_m.geometry();
    const Pid pid = p.pid;
    const std::uint64_t n = m_m.hugePages();
    const VirtAddr hva = va / hugeBytes() * hugeBytes();
    const auto pmdLevel = static_cast<std::uint8_t>(g.levels() - 2);
    const std::uint16_t execFlag = vma.prot.exec ? pte::Exec : 0;

    // Maps a freshly allocated THP at the (empty or huge-zero) PMD `slot`.
    auto mapNewThp = [&](Slot slot, bool replacesZero) -> std::optional<FaultResult> {
        // H2 fallback: no aligned block of free frames, or taking one would go below the low
        // watermark (THP allocations do not reclaim here, §14): 4 KiB pages instead.
        // W7: the THP is charged to the memcg as n pages at once; when that would exceed
        // memory.max the fault falls back to 4 KiB pages (thp_fault_fallback_charge) without
        // reclaiming or OOM-killing for the huge charge.
        const std::uint16_t cg = m_m.process(pid)->memcg;
        const bool chargeFits =
            cg == 0 || m_m.memory.charged(cg) + n <= m_m.config.cgroups[cg - 1u].maxPages;
        Pfn head{};
        if (chargeFits && m_m.memory.freeCount() > n + m_m.watermarks.low)
            head = m_m.memory.allocateBlock(n, FrameUse::Anon, pid, Vpn{hva >> g.pageBits});
        if (!head.valid()) {
            countAll(p, &Counters::thpFaultFallback);
            Event& fb = post(EventKind::ThpFallback, pid);
            fb.va = hva;
            if (replacesZero && !splitHuge(p, va, true)) return FaultResult::Killed;
            return std::nullopt;
        }
        postMinorFault(p, va, a, FaultReason::ThpAlloc, cost.faultThpAlloc);
        if (replacesZero) countFault(p, &FaultCounters::protection);
        countAll(p, &Counters::thpFaultAlloc);
        m_m.counters.framesAllocated += n;
        p.counters.c.framesAllocated += n;
        for (std::uint64_t i = 0; i < n; ++i) {
            Frame& fr = m_m.memory.frame(Pfn{head.value + i});
            fr.mapcount = 1;
            fr.pmdMaps = 1;
            chargeFrame(p, Pfn{head.value + i});  // uncharged page by page when freed
        }
        // One LRU entry for the whole folio: the head stands for it (L1).
        m_m.memory.lruAdd(head, Lru::InactiveAnon);
        Event& al = post(EventKind::ThpAlloc, pid);
        al.va = hva;
        al.frame = head;
        al.count = n;
        if (replacesZero) flushPage(asidFor(p), pid, va);  // present PMD changes frame (T3)
        Pte& e = m_m.tables.node(slot.node).entries[slot.index];
        if (!replacesZero) m_m.tables.node(slot.node).used += 1;
        e.target = head.value;
        e.flags = pte::Present | pte::Huge | pte::Writable | pte::Dirty | pte::Accessed | execFlag;
        p.counters.rssPages += n;
        Event& s = post(EventKind::PmdSet, pid);
        s.va = hva;
        s.frame = head;
        s.oldFrame = replacesZero ? PhysicalMemory::zeroPage() : Pfn{};
        s.writable = true;
        s.level = pmdLevel;
        s.count = n;
        return FaultResult::Resolved;
    };

    if (const auto hs = findHuge(p, va)) {
        const Pte before = pteAt(*hs);
        const bool allowed = (a == Access::Read && before.present()) ||
                             (a == Access::Write && before.writable()) ||
                             (a == Access::Execute && before.has(pte::Exec));
        if (allowed) {
            // F1: spurious (a stale TLB entry); only the A/D bits change.
            postMinorFault(p, va, a, FaultReason::Spurious, cost.faultCowReuse);
            pteAt(*hs).flags |= pte::Accessed | (a == Access::Write ? pte::Dirty : 0);
            return FaultResult::Resolved;
        }
        if (a != Access::Write) {  // not expected (the VMA allowed it): let the 4 KiB path see
            if (!splitHuge(p, va, true)) return FaultResult::Killed;
            return std::nullopt;
        }
        if (before.has(pte::ZeroPage)) {
            // H2, as measured on 6.18: a write to the huge zero page allocates a THP in one
            // fault (6.12 would split the PMD and fault per 4 KiB page).
            return mapNewThp(*hs, true);
        }
        // A write to a read-only THP. Exclusive (every page mapped once, by this PMD): made
        // writable in place. Shared after fork: C7, the PMD is split and the 4 KiB CoW path
        // copies the one page written (the same fault).
        const Pfn head{before.target};
        bool exclusive = true;
        for (std::uint64_t i = 0; i < n && exclusive; ++i) {
            const Frame& fr = m_m.memory.frame(Pfn{head.value + i});
            exclusive = fr.mapcount == 1 && fr.swapSlot == kNoSlot;
        }
        if (exclusive) {
            countFault(p, &FaultCounters::protection);
            postMinorFault(p, va, a, FaultReason::ThpReuse, cost.faultCowReuse);
            pteAt(*hs).flags |= pte::Writable | pte::Dirty | pte::Accessed;
            Event& s = post(EventKind::PmdSet, pid);
            s.va = hva;
            s.frame = head;
            s.writable = true;
            s.level = pmdLevel;
            s.count = n;
            return FaultResult::Resolved;
        }
        if (!splitHuge(p, va, true)) return FaultResult::Killed;
        return std::nullopt;
    }

    // H2: an empty PMD whose whole aligned range lies inside a VMA that allows THP.
    if (!thpAllowed(vma) || hva < vma.start || hva + hugeBytes() > vma.end) return std::nullopt;
    {
        // The PMD entry must be empty: a PTE table already there keeps 4 KiB pages (no
        // khugepaged collapse is modelled).
        const auto probe = findLeaf(p, va);
        if (probe) return std::nullopt;
    }
    const auto slot = ensurePmd(p, va);
    if (!slot) return FaultResult::Killed;
    if (!pteAt(*slot).empty()) return std::nullopt;  // a PTE table appeared meanwhile
    Process& q = *m_m.process(pid);
    if (a != Access::Write) {
        // H2: a read maps the huge zero page; nothing is allocated, RSS +0.
        postMinorFault(q, va, a, FaultReason::HugeZeroPageRead, cost.faultZeroPageMap);
        countFault(q, &FaultCounters::zeroPage);
        countAll(q, &Counters::thpZeroPageMaps);
        Event& z = post(EventKind::HugeZeroPageMap, pid);
        z.va = hva;
        z.frame = PhysicalMemory::zeroPage();
        Pte& e = pteAt(*slot);
        e.target = PhysicalMemory::zeroPage().value;
        e.flags = pte::Present | pte::Huge | pte::ZeroPage | pte::Accessed | execFlag;
        m_m.tables.node(slot->node).used += 1;
        Event& s = post(EventKind::PmdSet, pid);
        s.va = hva;
        s.frame = PhysicalMemory::zeroPage();
        s.level = pmdLevel;
        s.count = n;
        return FaultResult::Resolved;
    }
    return mapNewThp(*slot, false);
}

bool Kernel::splitHuge(Process& p, VirtAddr va, bool mayReclaim) {
    const Geometry& g = m_m.geometry();
    const Pid pid = p.pid;
    const std::uint64_t n = m_m.hugePages();
    const VirtAddr hva = va / hugeBytes() * hugeBytes();
    const auto leafLevel = static_cast<std::uint8_t>(g.levels() - 1);
    if (!findHuge(p, va)) return true;
    Pfn tf{};
    if (mayReclaim) {
        tf = allocFrame(p, FrameUse::PageTable, Vpn{hva >> g.pageBits}, leafLevel);
        if (!m_m.process(pid)->running()) return false;
    } else if (m_m.memory.freeCount() > 0) {
        tf = m_m.memory.allocate(FrameUse::PageTable, pid, Vpn{hva >> g.pageBits}, leafLevel);
        ++m_m.counters.framesAllocated;
        ++p.counters.c.framesAllocated;
    }
    if (!tf.valid()) return false;
    const auto hs = findHuge(p, va);  // reclaim (for the table page) may have split it already
    if (!hs) {
        m_m.memory.release(tf);
        ++m_m.counters.framesFreed;
        return true;
    }
    const Pte pmd = pteAt(*hs);
    const std::uint32_t table = m_m.tables.create(tf, pid, leafLevel, g.entriesAt(leafLevel));
    p.counters.pageTablePages += 1;
    {
        Event& e = post(EventKind::PageTableAlloc, pid, m_m.config.costs.pageTableAlloc);
        e.va = hva;
        e.frame = tf;
        e.level = leafLevel;
    }
    const bool zero = pmd.has(pte::ZeroPage);
    const auto flags = static_cast<std::uint16_t>(pmd.flags & ~pte::Huge);
    PtNode& t = m_m.tables.node(table);
    for (std::uint64_t i = 0; i < n; ++i)
        t.entries[i] = Pte{zero ? pmd.target : pmd.target + i, flags};
    t.used = static_cast<std::uint32_t>(n);
    pteAt(*hs) = Pte{table, pte::Present | pte::Writable};
    // The mapcounts stay (a PMD mapping becomes n PTE mappings); the PMD count goes.
    if (!zero) {
        bool stillPmdMapped = false;
        for (std::uint64_t i = 0; i < n; ++i) {
            Frame& fr = m_m.memory.frame(Pfn{pmd.target + i});
            fr.pmdMaps -= 1;
            stillPmdMapped = fr.pmdMaps > 0;
        }
        if (!stillPmdMapped) thpUnmappedFromPmds(Pfn{pmd.target});
    }
    countAll(p, &Counters::thpSplitPmd);
    Event& e = post(EventKind::ThpSplit, pid, m_m.config.costs.thpSplit);
    e.va = hva;
    e.frame = Pfn{pmd.target};
    e.count = n;
    e.level = static_cast<std::uint8_t>(g.levels() - 2);
    // The huge translation must go before the PTEs are used (T3): the TLB reach of the 2 MiB
    // entry is lost (H3).
    flushPage(asidFor(p), pid, hva);
    return true;
}

void Kernel::splitHugeRange(Process& p, VirtAddr start, VirtAddr end, bool edgesOnly) {
    const std::uint64_t hb = hugeBytes();
    if (hb == 0 || start >= end) return;
    const Pid pid = p.pid;
    for (VirtAddr hva = start / hb * hb; hva < end; hva += hb) {
        const bool crossesEdge = hva < start || hva + hb > end;
        if (edgesOnly && !crossesEdge) continue;
        Process& q = *m_m.process(pid);
        if (!q.running()) return;
        if (findHuge(q, hva)) splitHuge(q, hva, true);
    }
}

void Kernel::zapHuge(Process& p, VirtAddr start, VirtAddr end, std::vector<Vpn>& flush,
                     std::uint64_t& pages, std::uint64_t& freed) {
    const std::uint64_t hb = hugeBytes();
    if (hb == 0 || start >= end) return;
    splitHugeRange(p, start, end, true);
    for (VirtAddr hva = (start + hb - 1) / hb * hb; hva + hb <= end; hva += hb) {
        const auto hs = findHuge(p, hva);
        if (!hs) continue;
        Pte& e = pteAt(*hs);
        flush.push_back(m_m.vpnOf(hva));  // one huge TLB entry
        unmapHuge(p, e, freed);
        m_m.tables.node(hs->node).used -= 1;
        pages += m_m.hugePages();
    }
}

void Kernel::thpUnmappedFromPmds(Pfn head) {
    // The folio is split with its last PMD mapping (a simplification): the tail pages that are
    // still mapped by PTEs become ordinary pages on the inactive list.
    const std::uint64_t n = m_m.hugePages();
    for (std::uint64_t i = 1; i < n; ++i) {
        const Pfn f{head.value + i};
        const Frame& fr = m_m.memory.frame(f);
        if (fr.use == FrameUse::Anon && fr.lru == Lru::None)
            m_m.memory.lruAdd(f, Lru::InactiveAnon);
    }
}

void Kernel::unmapHuge(Process& p, Pte& e, std::uint64_t& freed) {
    if (!e.has(pte::ZeroPage)) {
        const std::uint64_t n = m_m.hugePages();
        const Pfn head{e.target};
        bool stillPmdMapped = false;
        for (std::uint64_t i = 0; i < n; ++i) {
            Frame& fr = m_m.memory.frame(Pfn{head.value + i});
            fr.mapcount -= 1;
            fr.pmdMaps -= 1;
            stillPmdMapped = stillPmdMapped || fr.pmdMaps > 0;
        }
        p.counters.rssPages -= n;
        if (!stillPmdMapped) thpUnmappedFromPmds(head);
        for (std::uint64_t i = 0; i < n; ++i) {
            const Pfn f{head.value + i};
            if (m_m.memory.frame(f).mapcount == 0) {
                releaseFrame(f);
                ++m_m.counters.framesFreed;
                ++freed;
            }
        }
    }
    e = Pte{};
}

bool Kernel::forkHuge(Pid parentPid, Pid childPid, VirtAddr va) {
    const auto cs = ensurePmd(*m_m.process(childPid), va);
    if (!cs) return false;
    Process& parent = *m_m.process(parentPid);
    const auto ps = findHuge(parent, va);  // the child's tables may have made reclaim split it
    if (!parent.running() || !ps) return false;
    Pte& pe = pteAt(*ps);
    pe.flags &= static_cast<std::uint16_t>(~pte::Writable);  // C1: write-protected in both
    pteAt(*cs) = pe;
    m_m.tables.node(cs->node).used += 1;
    if (!pe.has(pte::ZeroPage)) {
        const std::uint64_t n = m_m.hugePages();
        for (std::uint64_t i = 0; i < n; ++i) {
            Frame& fr = m_m.memory.frame(Pfn{pe.target + i});
            fr.mapcount += 1;
            fr.pmdMaps += 1;
        }
        m_m.process(childPid)->counters.rssPages += n;
    }
    return true;
}

std::uint32_t Kernel::harvestHuge(Pfn f) {
    const Frame& fr = m_m.memory.frame(f);
    const VirtAddr va = fr.vpn.value << m_m.geometry().pageBits;
    std::uint32_t young = 0;
    for (Process& q : m_m.processes) {
        if (!q.running()) continue;
        const auto hs = findHuge(q, va);
        if (!hs) continue;
        Pte& e = pteAt(*hs);
        if (e.has(pte::ZeroPage) || e.target != f.value || !e.has(pte::Accessed)) continue;
        ++young;
        e.flags &= static_cast<std::uint16_t>(~pte::Accessed);
        if (const auto asid = m_m.tlb.asidOf(q.pid)) m_m.tlb.invalidate(*asid, fr.vpn);
    }
    return young;
}

bool Kernel::splitForReclaim(Pfn f) {
    const VirtAddr va = m_m.memory.frame(f).vpn.value << m_m.geometry().pageBits;
    for (Process& q : m_m.processes) {
        if (!q.running()) continue;
        const auto hs = findHuge(q, va);
        if (!hs || pteAt(*hs).target != f.value || pteAt(*hs).has(pte::ZeroPage)) continue;
        if (!splitHuge(q, va, false)) return false;
    }
    return m_m.memory.frame(f).pmdMaps == 0;
}

void Kernel::madviseHuge(Pid pid, VirtAddr start, std::uint64_t length, ThpAdvice advice) {
    ensureCurrent(pid);
    Process& p = *m_m.process(pid);
    const std::uint64_t ps = m_m.geometry().pageSize();
    const VirtAddr end = start + (length + ps - 1) / ps * ps;
    // The VMA is split at the range's ends; a huge mapping across an end is split first.
    splitHugeRange(p, start, end, true);
    Process& q = *m_m.process(pid);
    if (!q.running()) return;
    splitAt(q, start);
    splitAt(q, end);
    std::uint64_t pages = 0;
    for (Vma& v : q.vmas) {
        if (v.end <= start || v.start >= end) continue;
        v.thpAdvice = advice;
        pages += (v.end - v.start) / ps;
    }
    Event& e = post(EventKind::MadviseHuge, pid, m_m.config.costs.syscall);
    e.va = start;
    e.count = pages;
    e.index = advice == ThpAdvice::Huge ? 1 : 2;
}

}  // namespace pfviz
