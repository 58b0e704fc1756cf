// mlock (unevictable pages, L1) and MADV_FREE (lazily freed pages, A5).
// Rule ids refer to shared/docs/linux-vm-semantics.md.
#include <algorithm>

#include "pfviz/Kernel.h"

namespace pfviz {

namespace {
std::uint64_t alignUp(std::uint64_t v, std::uint64_t a) {
    return (v + a - 1) / a * a;
}
}  // namespace

void Kernel::mlock(Pid pid, VirtAddr start, std::uint64_t length) {
    ensureCurrent(pid);
    const std::uint64_t ps = m_m.geometry().pageSize();
    const VirtAddr end = start + alignUp(length, ps);
    {
        // A huge mapping across an end of the range is split first (the VMA is split there).
        splitHugeRange(*m_m.process(pid), start, end, true);
        Process& p = *m_m.process(pid);
        if (!p.running()) return;
        splitAt(p, start);
        splitAt(p, end);
        for (Vma& v : p.vmas)
            if (v.start >= start && v.end <= end) v.locked = true;
    }
    // F4: mlock faults the range in for the caller (populate_vma_page_range).
    populate(pid, start, end - start);
    Process& p = *m_m.process(pid);
    if (!p.running()) return;
    // L1: the locked pages leave the evictable lists.
    std::uint64_t moved = 0;
    for (VirtAddr va = start; va < end; va += ps) {
        // A PMD-mapped THP is one folio: its head stands for it on the LRU (L1).
        const auto s = findLeaf(p, va);
        const auto hs = s ? std::nullopt : findHuge(p, va);
        if (!s && !hs) continue;
        const Pte& e = pteAt(s ? *s : *hs);
        if (!e.mapped() || e.has(pte::ZeroPage)) continue;
        const Pfn f{e.target};
        Frame& fr = m_m.memory.frame(f);
        // Anonymous pages only: locked page-cache pages stay on the file lists in this model.
        if (fr.use != FrameUse::Anon || fr.lru == Lru::Unevictable) continue;
        if (fr.lru != Lru::None) m_m.memory.lruDel(f);
        m_m.memory.lruAdd(f, Lru::Unevictable);
        ++moved;
    }
    Event& ev = post(EventKind::Mlock, pid, m_m.config.costs.syscall);
    ev.va = start;
    ev.count = (end - start) / ps;
    ev.index = static_cast<std::uint32_t>(moved);
}

bool Kernel::isMlocked(Pfn f) const {
    const Frame& fr = m_m.memory.frame(f);
    if (fr.mapcount == 0) return false;
    const VirtAddr va = fr.vpn.value << m_m.geometry().pageBits;
    for (const Process& q : m_m.processes) {
        if (!q.running()) continue;
        const Vma* v = q.findVma(va);
        if (v == nullptr || !v->locked) continue;
        auto s = findLeaf(q, va);
        if (!s) s = findHuge(q, va);  // a THP's head, mapped by a huge PMD
        if (!s) continue;
        const Pte& e = m_m.tables.node(s->node).entries[s->index];
        if (e.mapped() && !e.has(pte::ZeroPage) && e.target == f.value) return true;
    }
    return false;
}

bool Kernel::cullUnevictable(Pfn f, Pid charged) {
    if (!isMlocked(f)) return false;
    m_m.memory.lruDel(f);
    m_m.memory.lruAdd(f, Lru::Unevictable);
    Event& e = post(EventKind::LruUnevictable, charged);
    e.frame = f;
    return true;
}

void Kernel::madviseFree(Pid pid, VirtAddr start, std::uint64_t length) {
    ensureCurrent(pid);
    const std::uint64_t ps = m_m.geometry().pageSize();
    const VirtAddr end = start + alignUp(length, ps);
    // A5 works per 4 KiB page: THPs in the range are split first (Linux keeps a fully
    // covered THP whole and marks the folio, a simplification). The huge zero page stays.
    if (const std::uint64_t hb = hugeBytes(); hb != 0) {
        for (VirtAddr hva = start / hb * hb; hva < end; hva += hb) {
            Process& q = *m_m.process(pid);
            if (!q.running()) return;
            const Vma* v = q.findVma(std::max(hva, start));
            if (v != nullptr && v->locked) continue;  // MADV_FREE skips VM_LOCKED areas
            const auto hs = findHuge(q, hva);
            if (hs && !pteAt(*hs).has(pte::ZeroPage) && !splitHuge(q, hva, true)) break;
        }
    }
    Process& p = *m_m.process(pid);
    if (!p.running()) return;
    std::uint64_t marked = 0;
    std::uint64_t swapFreed = 0;
    std::vector<Vpn> flush;
    for (VirtAddr va = start; va < end; va += ps) {
        const Vma* v = p.findVma(va);
        if (v == nullptr || v->locked) continue;  // MADV_FREE skips VM_LOCKED areas
        const auto s = findLeaf(p, va);
        if (!s) continue;
        Pte& e = pteAt(*s);
        if (e.swapped()) {
            // madvise_free_pte_range: a swap entry is freed and the PTE cleared.
            putSwapSlot(static_cast<std::uint32_t>(e.target));
            p.counters.swapPages -= 1;
            e = Pte{};
            m_m.tables.node(s->node).used -= 1;
            ++swapFreed;
            continue;
        }
        if (!e.mapped() || e.has(pte::ZeroPage)) continue;
        const Pfn f{e.target};
        Frame& fr = m_m.memory.frame(f);
        if (fr.use != FrameUse::Anon) continue;  // MADV_FREE works on private anonymous pages
        // Only pages this mm maps alone are made lazy (a shared page is just left alone here).
        const std::uint32_t slot = fr.swapSlot;
        if (fr.mapcount != 1 || (slot != kNoSlot && m_m.swap.slotTable[slot].count != 0)) continue;
        if (slot != kNoSlot) {  // leaves the swap cache: the copy in swap is no longer wanted
            m_m.swap.slotTable[slot].cache = kNoFrame;
            fr.swapSlot = kNoSlot;
            m_m.swap.freeSlot(slot);
        }
        // Clean and old: a later write sets Dirty again, which is what keeps the page.
        e.flags &= static_cast<std::uint16_t>(~(pte::Dirty | pte::Accessed));
        if (e.present()) flush.push_back(m_m.vpnOf(va));
        m_m.memory.setLazyFree(f, true);
        fr.referenced = false;
        if (fr.lru != Lru::None) m_m.memory.lruDel(f);
        m_m.memory.lruAdd(f, Lru::InactiveAnon);
        ++marked;
    }
    if (!flush.empty()) flushRange(p, flush);
    Event& ev = post(EventKind::MadviseFree, pid, m_m.config.costs.syscall);
    ev.va = start;
    ev.count = marked;
    ev.index = static_cast<std::uint32_t>(swapFreed);
}

bool Kernel::dropLazyFree(Pfn f) {
    Frame& fr = m_m.memory.frame(f);
    const VirtAddr va = fr.vpn.value << m_m.geometry().pageBits;
    struct Mapper {
        Pid pid;
        Slot slot;
    };
    std::vector<Mapper> mappers;
    bool dirty = false;
    for (Process& q : m_m.processes) {
        if (!q.running()) continue;
        const auto s = findLeaf(q, va);
        if (!s) continue;
        const Pte& e = pteAt(*s);
        if (!e.mapped() || e.has(pte::ZeroPage) || e.target != f.value) continue;
        mappers.push_back({q.pid, *s});
        dirty = dirty || e.has(pte::Dirty);
    }
    if (dirty || mappers.size() != fr.mapcount) {
        // A5: written again after MADV_FREE: the page is ordinary anonymous memory again.
        m_m.memory.setLazyFree(f, false);
        return false;
    }
    // A5: clean, so its contents may go: the PTEs are cleared (the next read maps the zero
    // page), nothing is written to swap.
    Pid shown{};
    for (const Mapper& mp : mappers) {
        Process& q = *m_m.process(mp.pid);
        Pte& e = pteAt(mp.slot);
        const bool wasPresent = e.present();
        e = Pte{};
        m_m.tables.node(mp.slot.node).used -= 1;
        q.counters.rssPages -= 1;
        if (wasPresent) flushRange(q, {fr.vpn});
        if (!shown.valid()) shown = q.pid;
    }
    Event& e = post(EventKind::LazyFreeDrop, shown);
    e.frame = f;
    e.va = va;
    e.count = mappers.size();
    fr.mapcount = 0;
    releaseFrame(f);
    ++m_m.counters.framesFreed;
    return true;
}

bool Kernel::evictAnon(Pfn f, Pid /*charged*/, std::uint64_t& writes) {
    if (m_m.memory.frame(f).lazyFree) return dropLazyFree(f);
    return swapOutFrame(f, writes);
}

}  // namespace pfviz
