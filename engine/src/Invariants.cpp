#include "pfviz/Invariants.h"

#include <map>
#include <sstream>

namespace pfviz {

namespace {
template <typename... Args>
std::string msg(Args&&... args) {
    std::ostringstream s;
    (s << ... << args);
    return s.str();
}
}  // namespace

std::vector<std::string> checkInvariants(const Machine& m) {
    std::vector<std::string> bad;
    const PhysicalMemory& mem = m.memory;
    const Geometry& g = m.geometry();

    // Frame accounting.
    std::uint64_t counts[kFrameUseCount] = {};
    for (const Frame& f : mem.frames())
        ++counts[static_cast<int>(f.use)];
    for (int u = 0; u < kFrameUseCount; ++u)
        if (counts[u] != mem.countOf(static_cast<FrameUse>(u)))
            bad.push_back(msg("frame use ", u, ": ", counts[u], " frames but counter says ",
                              mem.countOf(static_cast<FrameUse>(u))));
    if (mem.freeCount() != counts[static_cast<int>(FrameUse::Free)])
        bad.push_back(msg("free list holds ", mem.freeCount(), " frames but ",
                          counts[static_cast<int>(FrameUse::Free)], " are free"));

    // Page-table nodes.
    std::map<std::uint32_t, std::uint64_t> nodesOf;
    std::uint64_t liveNodes = 0;
    m.tables.forEach([&](std::uint32_t i, const PtNode& n) {
        ++liveNodes;
        ++nodesOf[n.owner.value];
        const Frame& f = mem.frame(n.frame);
        if (f.use != FrameUse::PageTable || f.owner != n.owner)
            bad.push_back(msg("page-table node ", i, " sits in frame ", n.frame.value,
                              " which is not a page-table frame of pid ", n.owner.value));
        std::uint32_t used = 0;
        for (const Pte& e : n.entries)
            used += e.empty() ? 0 : 1;
        if (used != n.used)
            bad.push_back(
                msg("page-table node ", i, " counts ", n.used, " used entries, has ", used));
    });
    if (liveNodes != mem.countOf(FrameUse::PageTable))
        bad.push_back(msg(liveNodes, " page-table nodes but ", mem.countOf(FrameUse::PageTable),
                          " page-table frames"));

    // Mappings: mapcount, RSS, no PTE to a free or page-table frame.
    std::vector<std::uint32_t> mappers(mem.total(), 0);
    std::vector<std::uint32_t> pmdMappers(mem.total(), 0);
    std::vector<std::uint64_t> shmemClaims(m.shmem.size(), 0);
    const std::uint64_t hugeN = m.hugePages();
    std::vector<std::uint32_t> slotRefs(m.swap.slotTable.size(), 0);
    for (const Process& p : m.processes) {
        if (!p.running()) {
            if (p.root != kNoNode || p.counters.rssPages != 0 || !p.vmas.empty())
                bad.push_back(msg("pid ", p.pid.value, " has ended but still owns memory"));
            continue;
        }
        std::uint64_t rss = 0;
        std::uint64_t rssFile = 0;
        std::uint64_t swapped = 0;
        m.forEachLeaf(p, [&](VirtAddr va, const Pte& e) {
            if (e.swapped()) {
                ++swapped;
                if (e.mapped() || e.target >= m.swap.slotTable.size() ||
                    !m.swap.slotTable[e.target].used)
                    bad.push_back(msg("pid ", p.pid.value, " va 0x", std::hex, va, std::dec,
                                      " swap entry to a bad slot ", e.target));
                else
                    ++slotRefs[e.target];
                return;
            }
            if (!e.mapped()) return;
            if (e.huge()) {
                // A huge PMD (H2): maps hugeN aligned frames (or the zero page) over an aligned
                // range inside one VMA; counts hugeN pages of RSS and one mapping per frame.
                const Vma* v = p.findVma(va);
                const VirtAddr last = va + (hugeN << g.pageBits) - 1;
                if (v == nullptr || !v->contains(last) || va % (hugeN << g.pageBits) != 0)
                    bad.push_back(msg("pid ", p.pid.value, " va 0x", std::hex, va, std::dec,
                                      " huge mapping not inside one VMA"));
                if (e.has(pte::ZeroPage)) {
                    if (e.target != 0 || e.writable())
                        bad.push_back(msg("pid ", p.pid.value, " huge zero-page PMD is wrong"));
                    return;
                }
                if (e.target % hugeN != 0 || e.target + hugeN > mem.total()) {
                    bad.push_back(
                        msg("pid ", p.pid.value, " huge PMD to unaligned frame ", e.target));
                    return;
                }
                for (std::uint64_t i = 0; i < hugeN; ++i) {
                    const Frame& f = mem.frame(Pfn{e.target + i});
                    ++mappers[e.target + i];
                    ++pmdMappers[e.target + i];
                    if (f.use != FrameUse::Anon || f.vpn.value != (va >> g.pageBits) + i)
                        bad.push_back(msg("frame ", e.target + i,
                                          " of a huge page is not its "
                                          "anonymous page at the PMD"));
                }
                rss += hugeN;
                return;
            }
            if (e.target >= mem.total()) {
                bad.push_back(msg("pid ", p.pid.value, " va 0x", std::hex, va, std::dec,
                                  " maps frame ", e.target, " beyond memory"));
                return;
            }
            const Frame& f = mem.frame(Pfn{e.target});
            if (e.has(pte::ZeroPage)) {
                if (f.use != FrameUse::ZeroPage || e.writable())
                    bad.push_back(msg("pid ", p.pid.value, " va 0x", std::hex, va, std::dec,
                                      " zero-page PTE is wrong"));
                return;
            }
            if (f.use != FrameUse::Anon && f.use != FrameUse::PageCache)
                bad.push_back(msg("pid ", p.pid.value, " va 0x", std::hex, va, std::dec,
                                  " maps frame ", e.target, " which is not a data frame"));
            const Vma* v = p.findVma(va);
            if (v == nullptr)
                bad.push_back(msg("pid ", p.pid.value, " va 0x", std::hex, va, std::dec,
                                  " is mapped outside every VMA"));
            ++mappers[e.target];
            ++rss;
            if (f.use == FrameUse::PageCache) {
                // The file rmap: the page sits at its file index in a VMA of its file; a private
                // mapping never maps it writable (P5), a shared one only when dirty (P6).
                ++rssFile;
                const bool ok = v != nullptr && v->kind == VmaKind::File &&
                                f.file < m.config.files.size() &&
                                v->file == m.config.files[f.file].name &&
                                (va - v->start + v->fileOffset) >> g.pageBits == f.vpn.value &&
                                (!e.writable() || (v->shared && f.dirty));
                if (!ok)
                    bad.push_back(msg("pid ", p.pid.value, " va 0x", std::hex, va, std::dec,
                                      " maps page-cache frame ", e.target, " wrongly"));
                return;
            }
            if (f.vpn.value != (va >> g.pageBits))
                bad.push_back(msg("frame ", e.target, " is mapped at vpn 0x", std::hex,
                                  va >> g.pageBits, " but its reverse map says 0x", f.vpn.value,
                                  std::dec));
        });
        if (swapped != p.counters.swapPages)
            bad.push_back(msg("pid ", p.pid.value, " swap counter ", p.counters.swapPages,
                              " but has ", swapped, " swap entries"));
        if (rssFile != p.counters.rssFilePages)
            bad.push_back(msg("pid ", p.pid.value, " RssFile counter ", p.counters.rssFilePages,
                              " but maps ", rssFile, " page-cache pages"));
        if (rss != p.counters.rssPages)
            bad.push_back(msg("pid ", p.pid.value, " RSS counter ", p.counters.rssPages,
                              " but maps ", rss, " pages"));
        if (nodesOf[p.pid.value] != p.counters.pageTablePages)
            bad.push_back(msg("pid ", p.pid.value, " page-table counter ",
                              p.counters.pageTablePages, " but owns ", nodesOf[p.pid.value],
                              " tables"));
    }
    for (std::uint64_t f = 0; f < mem.total(); ++f) {
        const Frame& fr = mem.frame(Pfn{f});
        if (fr.use == FrameUse::ZeroPage || fr.use == FrameUse::PageTable) continue;
        if (fr.mapcount != mappers[f])
            bad.push_back(
                msg("frame ", f, " mapcount ", fr.mapcount, " but ", mappers[f], " PTEs map it"));
        if (fr.pmdMaps != pmdMappers[f])
            bad.push_back(msg("frame ", f, " PMD count ", fr.pmdMaps, " but ", pmdMappers[f],
                              " huge PMDs map it"));
        const bool shmemPage = fr.shmem != kNoShmem;
        if (shmemPage) {
            if (fr.shmem >= m.shmem.size() || !m.shmem[fr.shmem].live)
                bad.push_back(msg("frame ", f, " claims a shmem object that is gone"));
            else
                ++shmemClaims[fr.shmem];
        }
        if (fr.use == FrameUse::Anon && mappers[f] == 0 && fr.swapSlot == kNoSlot && !shmemPage)
            bad.push_back(msg("frame ", f, " is anonymous memory that nobody maps (leak)"));
        // LRU membership (L1): every anonymous page is on exactly one anon list, nothing else.
        // A THP mapped by a PMD is one LRU entry (its first frame); shmem pages are kept off
        // the lists (not reclaimed).
        const bool onAnonLru =
            fr.lru == Lru::InactiveAnon || fr.lru == Lru::ActiveAnon || fr.lru == Lru::Unevictable;
        const bool thpTail = fr.pmdMaps > 0 && f % hugeN != 0;
        const bool onFileLru = fr.lru == Lru::InactiveFile || fr.lru == Lru::ActiveFile;
        if ((fr.use == FrameUse::Anon && !thpTail && !shmemPage) != onAnonLru ||
            (fr.use == FrameUse::PageCache) != onFileLru)
            bad.push_back(msg("frame ", f, " LRU membership does not match its use"));
        // The page cache: every page-cache frame is indexed by its file at its page index.
        if (fr.use == FrameUse::PageCache &&
            (fr.file >= m.pageCache.size() || fr.vpn.value >= m.pageCache[fr.file].size() ||
             m.pageCache[fr.file][fr.vpn.value] != f))
            bad.push_back(msg("frame ", f, " is a page-cache page its file does not index"));
        if (fr.use != FrameUse::PageCache && (fr.dirty || fr.file != kNoFile))
            bad.push_back(msg("frame ", f, " has file state but is not in the page cache"));
        if (fr.swapSlot != kNoSlot &&
            (fr.use != FrameUse::Anon || fr.swapSlot >= m.swap.slotTable.size() ||
             m.swap.slotTable[fr.swapSlot].cache != f))
            bad.push_back(msg("frame ", f, " claims swap slot ", fr.swapSlot,
                              " whose swap cache does not point back"));
    }
    // LRU lists: links, sizes.
    for (std::size_t file = 0; file < m.pageCache.size(); ++file)
        for (std::size_t i = 0; i < m.pageCache[file].size(); ++i) {
            const std::uint32_t f = m.pageCache[file][i];
            if (f != kNoFrame && (f >= mem.total() || mem.frame(Pfn{f}).use != FrameUse::PageCache))
                bad.push_back(msg("file ", file, " page ", i, " points at frame ", f,
                                  " which is not a page-cache frame"));
        }
    if (m.pageCache.size() != m.config.files.size())
        bad.push_back(msg("the page cache has ", m.pageCache.size(), " files, the config ",
                          m.config.files.size()));
    for (Lru l : {Lru::InactiveAnon, Lru::ActiveAnon, Lru::InactiveFile, Lru::ActiveFile,
                  Lru::Unevictable}) {
        std::uint64_t n = 0;
        std::uint32_t prev = kNoFrame;
        for (std::uint32_t i = mem.lruHead(l); i != kNoFrame && n <= mem.total();
             i = mem.frame(Pfn{i}).next) {
            const Frame& fr = mem.frame(Pfn{i});
            if (fr.lru != l || fr.prev != prev)
                bad.push_back(msg("LRU list ", static_cast<int>(l), " broken at frame ", i));
            prev = i;
            ++n;
        }
        if (n != mem.lruSize(l) || prev != mem.lruTail(l))
            bad.push_back(msg("LRU list ", static_cast<int>(l), " holds ", n, " frames, size says ",
                              mem.lruSize(l)));
    }
    // memcg charges (W7): per-group counts match the frames and stay within memory.max;
    // MADV_FREE marks (A5) only on anonymous pages, and counted.
    {
        std::vector<std::uint64_t> charged(m.config.cgroups.size() + 1, 0);
        std::uint64_t lazy = 0;
        for (std::uint64_t f = 0; f < mem.total(); ++f) {
            const Frame& fr = mem.frame(Pfn{f});
            if (fr.memcg >= charged.size())
                bad.push_back(msg("frame ", f, " is charged to unknown memcg ", fr.memcg));
            else
                ++charged[fr.memcg];
            // A THP is charged as a whole (512 pages at once, W7): while PMD-mapped, every page
            // of the aligned block carries the head's memcg.
            if (const std::uint64_t n = m.hugePages();
                fr.pmdMaps > 0 && n != 0 && mem.frame(Pfn{f / n * n}).memcg != fr.memcg)
                bad.push_back(msg("THP page ", f, " is charged to memcg ", fr.memcg,
                                  " but its head to ", mem.frame(Pfn{f / n * n}).memcg));
            if (fr.use == FrameUse::Free && fr.memcg != 0)
                bad.push_back(msg("free frame ", f, " is still charged to memcg ", fr.memcg));
            if (fr.lazyFree) {
                ++lazy;
                if (fr.use != FrameUse::Anon)
                    bad.push_back(msg("frame ", f, " is marked MADV_FREE but is not anonymous"));
            }
        }
        for (std::size_t id = 1; id < charged.size(); ++id) {
            const auto cg = static_cast<std::uint16_t>(id);
            if (charged[id] != mem.charged(cg))
                bad.push_back(msg("memcg ", id, " charge counter ", mem.charged(cg), " but ",
                                  charged[id], " frames are charged to it"));
            if (charged[id] > m.config.cgroups[id - 1].maxPages)
                bad.push_back(msg("memcg ", id, " uses ", charged[id], " pages, above memory.max ",
                                  m.config.cgroups[id - 1].maxPages));
        }
        if (lazy != mem.lazyFreeCount())
            bad.push_back(msg("MADV_FREE counter ", mem.lazyFreeCount(), " but ", lazy,
                              " frames are marked"));
        if (m.memcgs.size() != m.config.cgroups.size())
            bad.push_back(msg("memcg state for ", m.memcgs.size(), " groups, ",
                              m.config.cgroups.size(), " configured"));
    }
    // Swap slots: reference counts, swap cache, free list.
    std::uint64_t freeSlots = 0;
    for (std::size_t i = 0; i < m.swap.slotTable.size(); ++i) {
        const SwapSlot& sl = m.swap.slotTable[i];
        if (sl.count != slotRefs[i])
            bad.push_back(msg("swap slot ", i, " count ", sl.count, " but ", slotRefs[i],
                              " swap entries refer to it"));
        if (sl.used != (sl.count > 0 || sl.cache != kNoFrame))
            bad.push_back(msg("swap slot ", i, " in use without a user, or the reverse"));
        if (sl.cache != kNoFrame &&
            (sl.cache >= mem.total() || mem.frame(Pfn{sl.cache}).swapSlot != i))
            bad.push_back(msg("swap slot ", i, " swap cache frame does not point back"));
        freeSlots += sl.used ? 0 : 1;
    }
    // Each device's free list holds exactly its unused slots; the devices tile the slot table.
    std::uint64_t listed = 0;
    std::uint64_t tiled = 0;
    for (std::size_t d = 0; d < m.swap.areas.size(); ++d) {
        const SwapArea& a = m.swap.areas[d];
        if (a.first != tiled)
            bad.push_back(msg("swap device ", d, " starts at slot ", a.first, ", not ", tiled));
        tiled += a.pages;
        listed += a.free.size();
        for (const std::uint32_t sl : a.free)
            if (!a.owns(sl) || m.swap.slotTable[sl].used)
                bad.push_back(msg("swap device ", d, " lists slot ", sl, " as free"));
    }
    if (tiled != m.swap.slotTable.size())
        bad.push_back(
            msg("swap devices hold ", tiled, " slots, the table ", m.swap.slotTable.size()));
    if (freeSlots != listed)
        bad.push_back(msg(freeSlots, " free swap slots but the free lists hold ", listed));
    // Shmem objects (C6): live exactly while a VMA of a running process uses them; their pages
    // are shmem frames of that object.
    for (std::size_t id = 0; id < m.shmem.size(); ++id) {
        bool used = false;
        for (const Process& p : m.processes)
            for (const Vma& v : p.vmas)
                used = used || (p.running() && v.shmem == id);
        if (used != m.shmem[id].live)
            bad.push_back(msg("shmem object ", id, used ? " is used but dead" : " leaks"));
        std::uint64_t held = 0;
        for (const std::uint32_t f : m.shmem[id].frames) {
            if (f == kNoFrame) continue;
            ++held;
            if (f >= mem.total() || mem.frame(Pfn{f}).shmem != id)
                bad.push_back(msg("shmem object ", id, " holds frame ", f, " not marked as its"));
        }
        if (held != shmemClaims[id])
            bad.push_back(msg("shmem object ", id, " holds ", held, " frames but ", shmemClaims[id],
                              " frames claim it"));
    }
    if (m.swap.zramFrames.size() != mem.countOf(FrameUse::Zram) ||
        m.swap.zramFrames.size() != (m.swap.zramBytes + g.pageSize() - 1) / g.pageSize())
        bad.push_back(msg("zram holds ", m.swap.zramBytes, " bytes in ", m.swap.zramFrames.size(),
                          " frames"));

    // TLB: only present translations, same frame, no more rights than the PTE.
    for (std::size_t i = 0; i < m.tlb.entries().size(); ++i) {
        const TlbEntry& t = m.tlb.entries()[i];
        if (!t.valid) continue;
        const Process* owner = nullptr;
        for (const Process& p : m.processes)
            if (p.running() && m.tlb.asidOf(p.pid) == t.asid) owner = &p;
        if (owner == nullptr) {
            bad.push_back(
                msg("TLB entry ", i, " belongs to no running process (asid ", t.asid, ")"));
            continue;
        }
        // A huge entry's vpn is the huge page number; it must match a huge PMD (H3).
        const VirtAddr tva = t.vpn.value << (g.pageBits + (t.huge ? m.tlb.hugeOrder() : 0));
        const Pte* e = m.leafPte(*owner, tva);
        const std::uint64_t inHuge = e != nullptr && e->huge() && !t.huge && !e->has(pte::ZeroPage)
                                         ? t.vpn.value % hugeN
                                         : 0;
        if (e == nullptr || !e->present() || Pfn{e->target + inHuge} != t.pfn ||
            (t.huge && !e->huge()))
            bad.push_back(msg("TLB entry ", i, " (pid ", owner->pid.value, " vpn 0x", std::hex,
                              t.vpn.value, std::dec, ") has no matching present PTE"));
        else if ((t.writable && !e->writable()) || (t.executable && !e->has(pte::Exec)))
            bad.push_back(msg("TLB entry ", i, " grants more rights than its PTE"));
    }
    return bad;
}

}  // namespace pfviz
