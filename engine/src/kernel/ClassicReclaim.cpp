// Textbook page replacement (FIFO, LRU, CLOCK) as the machine's reclaim policy, for comparisons
// with Linux's two lists (L1-L4) through the full MMU. The order lives in the machine's inactive
// list (head = newest): FIFO keeps load order, LRU moves a page to the head at every access,
// CLOCK sweeps from the tail and gives a page whose Accessed bit is set a second chance.
#include "pfviz/Kernel.h"

namespace pfviz {

void Kernel::noteAccess(Pfn f) {
    if (m_m.config.reclaimPolicy != ReclaimPolicy::Lru) return;
    PhysicalMemory& mem = m_m.memory;
    if (f.value >= mem.total() || mem.frame(f).lru != Lru::InactiveAnon) return;
    mem.lruDel(f);
    mem.lruAdd(f, Lru::InactiveAnon);
}

int Kernel::classicStep(Pfn f, Pid charged, std::uint64_t& writes) {
    const ReclaimPolicy policy = m_m.config.reclaimPolicy;
    if (policy == ReclaimPolicy::TwoList) return -1;
    PhysicalMemory& mem = m_m.memory;
    if (policy == ReclaimPolicy::Clock && harvestReferences(f) > 0) {
        // CLOCK: the hand clears the reference bit and moves on; the page stays.
        mem.lruDel(f);
        mem.lruAdd(f, Lru::InactiveAnon);
        return 0;
    }
    if (evictAnon(f, charged, writes)) return 1;
    mem.lruDel(f);  // could not go (swap full): keep it, newest
    mem.lruAdd(f, Lru::InactiveAnon);
    return 0;
}

}  // namespace pfviz
