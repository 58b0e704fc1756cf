// Shared anonymous memory (MAP_SHARED | MAP_ANONYMOUS): shmem pages that every sharer maps,
// never copied on fork (C6). Kernel member functions.
#include "pfviz/Kernel.h"

namespace pfviz {

std::uint32_t Kernel::createShmem(std::uint64_t pages) {
    ShmemObject o;
    o.frames.assign(pages, kNoFrame);
    o.live = true;
    m_m.shmem.push_back(std::move(o));
    return static_cast<std::uint32_t>(m_m.shmem.size() - 1);
}

Kernel::FaultResult Kernel::shmemFault(Process& p, const Vma& vma, VirtAddr va, Access a) {
    const CostModel& cost = m_m.config.costs;
    const Pid pid = p.pid;
    const Vpn vpn = m_m.vpnOf(va);
    const std::uint32_t id = vma.shmem;
    const std::uint64_t page = vma.shmemPage + (va - vma.start) / m_m.geometry().pageSize();
    const bool vmaWrite = vma.prot.write;
    const std::uint16_t execFlag = vma.prot.exec ? pte::Exec : 0;
    const auto slot = ensureLeaf(p, va);
    if (!slot) return FaultResult::Killed;
    Process& q = *m_m.process(pid);
    const Pte before = pteAt(*slot);
    if (before.mapped()) {
        // The PTE maps the shared page already: a write to a read-only PTE of a writable shared
        // mapping is made writable in place (nothing to copy: every sharer sees the same page),
        // anything else is spurious (F1).
        const bool spurious = (a == Access::Write && before.writable()) ||
                              (a == Access::Execute && before.has(pte::Exec)) ||
                              (a == Access::Read && before.present());
        if (!spurious) countFault(q, &FaultCounters::protection);
        postMinorFault(q, va, a, spurious ? FaultReason::Spurious : FaultReason::Shmem,
                       cost.faultCowReuse);
        Pte& e = pteAt(*slot);
        e.flags |=
            pte::Present | pte::Accessed | (a == Access::Write ? pte::Writable | pte::Dirty : 0);
        e.flags &= static_cast<std::uint16_t>(~pte::ProtNone);
        postPteSet(pid, va, Pfn{e.target}, e.writable());
        return FaultResult::Resolved;
    }
    // The page of the shmem object: found (another sharer touched it first) or allocated and
    // zeroed now. A read allocates too: shmem has no zero-page mapping.
    Pfn f{m_m.shmem[id].frames[page] == kNoFrame ? Pfn::none() : Pfn{m_m.shmem[id].frames[page]}};
    const bool fresh = !f.valid();
    postMinorFault(q, va, a, FaultReason::Shmem,
                   fresh ? cost.faultAnonZeroFill : cost.faultZeroPageMap);
    if (fresh) {
        f = allocFrame(q, FrameUse::Anon, vpn, 0);
        if (!f.valid()) return FaultResult::Killed;
        // Not on the anon LRU: shared anonymous pages are not reclaimed here (a simplification).
        m_m.memory.lruDel(f);
        m_m.memory.frame(f).shmem = id;
        m_m.shmem[id].frames[page] = static_cast<std::uint32_t>(f.value);
        Event& z = post(EventKind::ZeroFill, pid);
        z.va = va;
        z.frame = f;
    }
    Process& r = *m_m.process(pid);
    Pte& e = pteAt(*slot);
    e.target = f.value;
    e.flags = pte::Present | pte::Accessed | execFlag | (vmaWrite ? pte::Writable : 0) |
              (a == Access::Write ? pte::Dirty : 0);
    m_m.tables.node(slot->node).used += 1;
    m_m.memory.frame(f).mapcount += 1;
    r.counters.rssPages += 1;
    postPteSet(pid, va, f, vmaWrite);
    return FaultResult::Resolved;
}

void Kernel::releaseUnusedShmem() {
    for (std::uint32_t id = 0; id < m_m.shmem.size(); ++id) {
        ShmemObject& o = m_m.shmem[id];
        if (!o.live) continue;
        bool used = false;
        for (const Process& q : m_m.processes)
            for (const Vma& v : q.vmas)
                used = used || (q.running() && v.shmem == id);
        if (used) continue;
        // The last mapping is gone: the object and its pages go (no PTE maps them any more).
        for (const std::uint32_t f : o.frames)
            if (f != kNoFrame) {
                releaseFrame(Pfn{f});
                ++m_m.counters.framesFreed;
            }
        o = ShmemObject{};
    }
}

}  // namespace pfviz
