// Memory cgroups: charging, memory.max enforced by reclaim inside the group (W7) and the memcg
// OOM kill (O1, O5). Rule ids refer to shared/docs/linux-vm-semantics.md.
#include <algorithm>

#include "pfviz/Kernel.h"

namespace pfviz {

namespace {
/// The first frame charged to memcg `id` at `i` or older on its LRU list (Linux keeps
/// per-memcg lists; this model filters the node's lists, which visits the same pages in the
/// same order).
std::uint32_t ownBefore(const PhysicalMemory& mem, std::uint32_t i, std::uint16_t id) {
    while (i != kNoFrame && mem.frame(Pfn{i}).memcg != id)
        i = mem.frame(Pfn{i}).prev;
    return i;
}
}  // namespace

void Kernel::chargeFrame(const Process& p, Pfn f) {
    if (p.memcg == 0 || !f.valid()) return;
    m_m.memory.charge(f, p.memcg);
    MemcgState& st = m_m.memcgs[p.memcg - 1u];
    st.peakPages = std::max(st.peakPages, m_m.memory.charged(p.memcg));
}

bool Kernel::tryChargeMemcg(Process& p, std::uint64_t pages) {
    const std::uint16_t id = p.memcg;
    if (id == 0) return true;  // the root group has no limit
    const Pid pid = p.pid;
    const std::uint64_t max = m_m.config.cgroups[id - 1u].maxPages;
    bool counted = false;
    for (;;) {
        if (m_m.memory.charged(id) + pages <= max) return true;
        if (!counted) {
            ++m_m.memcgs[id - 1u].maxEvents;  // memory.events "max"
            counted = true;
        }
        // W7: the charging task reclaims inside its own group; there is no per-cgroup kswapd.
        // The kernel's retries (MAX_RECLAIM_RETRIES) are collapsed: reclaimMemcg() already looks
        // at every page of the group, so 0 means nothing in the group can be reclaimed.
        // A textbook policy evicts exactly what is needed (one victim per fault).
        const std::uint64_t batch = m_m.config.reclaimPolicy == ReclaimPolicy::TwoList
                                        ? std::max<std::uint64_t>(pages, 32)
                                        : pages;
        if (reclaimMemcg(id, batch, pid) > 0) continue;
        // O1/O5: a memcg OOM. Only the group's tasks are candidates; the rest of the machine
        // is untouched.
        runOomKiller(*m_m.process(pid), id);
        if (!m_m.process(pid)->running()) return false;
    }
}

std::uint64_t Kernel::reclaimMemcg(std::uint16_t id, std::uint64_t target, Pid charged) {
    PhysicalMemory& mem = m_m.memory;
    const CgroupConfig& cg = m_m.config.cgroups[id - 1u];
    // L5: memcg reclaim with swappiness 0 scans file pages only: the group's page cache (charged
    // to it, W7) and clean MADV_FREE pages (which Linux keeps on the file list).
    // can_reclaim_anon_pages(): anonymous pages are scanned only while a swap slot is free.
    const bool anon = !m_m.swap.areas.empty() && cg.swappiness != 0 && m_m.swap.hasFree();
    const std::uint64_t zramOutsBefore = m_m.swap.zramOuts();
    // The group's own share of the lists (Linux keeps per-memcg lists; this model filters the
    // node's lists by the charged memcg, which visits the same pages in the same order).
    std::uint64_t inactive = 0;
    std::uint64_t active = 0;
    std::uint64_t lazy = 0;
    for (std::uint32_t i = mem.lruHead(Lru::InactiveAnon); i != kNoFrame;
         i = mem.frame(Pfn{i}).next)
        if (mem.frame(Pfn{i}).memcg == id) {
            ++inactive;
            if (mem.frame(Pfn{i}).lazyFree) ++lazy;
        }
    for (std::uint32_t i = mem.lruHead(Lru::ActiveAnon); i != kNoFrame; i = mem.frame(Pfn{i}).next)
        if (mem.frame(Pfn{i}).memcg == id) {
            ++active;
            if (mem.frame(Pfn{i}).lazyFree) ++lazy;
        }
    // The group's page cache (charged to it when it was read, W7).
    std::uint64_t inactiveFile = 0;
    std::uint64_t activeFile = 0;
    for (std::uint32_t i = mem.lruHead(Lru::InactiveFile); i != kNoFrame;
         i = mem.frame(Pfn{i}).next)
        if (mem.frame(Pfn{i}).memcg == id) ++inactiveFile;
    for (std::uint32_t i = mem.lruHead(Lru::ActiveFile); i != kNoFrame; i = mem.frame(Pfn{i}).next)
        if (mem.frame(Pfn{i}).memcg == id) ++activeFile;
    // L4 ratio, from the group's limit as the kernel does from its size.
    const std::uint64_t gib = (cg.maxPages << m_m.geometry().pageBits) >> 30;
    const std::uint64_t ratio = gib == 0 ? 1 : std::max<std::uint64_t>(1, intSqrt(10 * gib));
    const std::uint64_t budget =
        2 * (anon ? inactive + active : lazy) + 2 * (inactiveFile + activeFile) + 2;
    auto ownBefore = [&](std::uint32_t i) { return pfviz::ownBefore(mem, i, id); };
    // L5 inside the group: anon against file by the group's swappiness, as reclaim() does.
    const ScanWeights w = scanWeights(cg.swappiness, 0, 0);
    std::uint64_t scannedAnon = 0;
    std::uint64_t scannedFile = 0;
    std::uint64_t fileWrites = 0;
    std::uint64_t scanned = 0;
    std::uint64_t reclaimed = 0;
    std::uint64_t writes = 0;
    std::uint64_t visited = 0;  // pages looked at, candidates or not: bounds the walk
    const std::uint64_t maxVisits = 3 * (inactive + active) + 3;
    std::uint32_t cursor = ownBefore(mem.lruTail(Lru::InactiveAnon));
    while (reclaimed < target && scanned < budget) {
        const bool anonLeft = (anon || lazy > 0) && inactive + active > 0;
        const bool fileLeft = inactiveFile + activeFile > 0;
        if (!anonLeft && !fileLeft) break;
        const bool anonTurn = scannedAnon * (w.ap + w.fp) < (scannedAnon + scannedFile + 1) * w.ap;
        if (fileLeft && (!anonLeft || !anonTurn)) {
            const std::uint64_t before = scanned;
            if (scanGroupFileTail(id, charged, ratio, inactiveFile, activeFile, scanned,
                                  fileWrites))
                ++reclaimed;
            scannedFile += std::max<std::uint64_t>(1, scanned - before);
            continue;
        }
        ++scannedAnon;
        if (anon && active > 0 && m_m.config.reclaimPolicy == ReclaimPolicy::TwoList &&
            (inactive * ratio < active || inactive == 0)) {
            // L4: age the group's oldest active page.
            const std::uint32_t a = ownBefore(mem.lruTail(Lru::ActiveAnon));
            if (a != kNoFrame) {
                harvestReferences(Pfn{a});
                mem.lruDel(Pfn{a});
                mem.frame(Pfn{a}).referenced = false;
                mem.lruAdd(Pfn{a}, Lru::InactiveAnon);
                --active;
                ++inactive;
                Event& e = post(EventKind::LruDeactivate, charged);
                e.frame = Pfn{a};
                if (cursor == kNoFrame) cursor = a;
            }
        }
        if (cursor == kNoFrame) cursor = ownBefore(mem.lruTail(Lru::InactiveAnon));
        if (cursor == kNoFrame) break;
        const Pfn f{cursor};
        cursor = ownBefore(mem.frame(f).prev);  // the next older page of the group
        if (++visited > maxVisits) break;
        Frame& fr = mem.frame(f);
        if (!anon && !fr.lazyFree) continue;  // not a candidate: anon is not scanned
        ++scanned;
        if (f == m_pinned) continue;
        if (cullUnevictable(f, charged)) {
            --inactive;
            continue;
        }
        if (const int r = classicStep(f, charged, writes); r >= 0) {  // FIFO, LRU, CLOCK
            reclaimed += static_cast<std::uint64_t>(r);
            inactive -= static_cast<std::uint64_t>(r);
            continue;
        }
        // L3: the second chance through the A bits, as in the node's reclaim.
        if (const Aging age = ageInactive(f, charged, Lru::ActiveAnon, Lru::InactiveAnon);
            age != Aging::Old) {
            if (age == Aging::Activated) {
                --inactive;
                ++active;
            }
            continue;
        }
        const bool wasLazy = fr.lazyFree;
        if (evictAnon(f, charged, writes)) {
            ++reclaimed;
            --inactive;
            if (wasLazy) --lazy;
        } else {
            if (wasLazy && !mem.frame(f).lazyFree) --lazy;
            mem.lruDel(f);
            mem.lruAdd(f, Lru::ActiveAnon);
            --inactive;
            ++active;
        }
    }
    MemcgState& st = m_m.memcgs[id - 1u];
    ++st.reclaims;
    st.pagesScanned += scanned;
    st.pagesReclaimed += reclaimed;
    // W7: memcg reclaim is not counted in the node's kswapd/direct counters, but it is a memory
    // stall of the charging task (M1) and its time is charged to it.
    const CostModel& c = m_m.config.costs;
    const std::uint64_t zramWrites = std::min(writes, m_m.swap.zramOuts() - zramOutsBefore);
    const std::uint64_t cost = scanned * c.reclaimScanPage + zramWrites * c.swapOutZram +
                               (writes - zramWrites) * c.swapOutDisk + fileWrites * c.writebackPage;
    m_m.pressure.stall(cost);
    Event& e = post(EventKind::MemcgReclaim, charged, cost);
    e.count = reclaimed;
    e.index = static_cast<std::uint32_t>(scanned);
    e.memcg = id;
    return reclaimed;
}

bool Kernel::scanGroupFileTail(std::uint16_t id, Pid charged, std::uint64_t ratio,
                               std::uint64_t& inactive, std::uint64_t& active,
                               std::uint64_t& scanned, std::uint64_t& writes) {
    // scanFileTail() restricted to the group's page cache (W7, L3/L4 on the file lists).
    PhysicalMemory& mem = m_m.memory;
    if (active > 0 && (inactive * ratio < active || inactive == 0)) {
        const std::uint32_t a = ownBefore(mem, mem.lruTail(Lru::ActiveFile), id);
        if (a != kNoFrame) {
            harvestReferences(Pfn{a});
            mem.lruDel(Pfn{a});
            mem.frame(Pfn{a}).referenced = false;
            mem.lruAdd(Pfn{a}, Lru::InactiveFile);
            --active;
            ++inactive;
            Event& e = post(EventKind::LruDeactivate, charged);
            e.frame = Pfn{a};
        }
    }
    const std::uint32_t t = ownBefore(mem, mem.lruTail(Lru::InactiveFile), id);
    if (t == kNoFrame) return false;
    const Pfn f{t};
    ++scanned;
    Frame& fr = mem.frame(f);
    if (f == m_pinned) {
        mem.lruDel(f);
        mem.lruAdd(f, Lru::InactiveFile);
        return false;
    }
    if (const Aging age = ageInactive(f, charged, Lru::ActiveFile, Lru::InactiveFile);
        age != Aging::Old) {
        if (age == Aging::Activated) {
            --inactive;
            ++active;
        }
        return false;
    }
    if (fr.dirty) {
        // Dirty group pages are written back first (at once in this model), as in scanFileTail.
        writebackPage(f);
        ++writes;
        if (fr.referenced) {
            fr.referenced = false;
            mem.lruDel(f);
            mem.lruAdd(f, Lru::InactiveFile);
            return false;
        }
    }
    dropCachePage(f);  // uncharged with the frame
    --inactive;
    return true;
}

void Kernel::joinCgroup(Pid pid, std::uint16_t id) {
    Process& p = *m_m.process(pid);
    p.memcg = id;
    Event& e = post(EventKind::MemcgJoin, pid, m_m.config.costs.syscall);
    e.memcg = id;
}

}  // namespace pfviz
