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
    for (const Process& p : m.processes) {
        if (!p.running()) {
            if (p.root != kNoNode || p.counters.rssPages != 0 || !p.vmas.empty())
                bad.push_back(msg("pid ", p.pid.value, " has ended but still owns memory"));
            continue;
        }
        std::uint64_t rss = 0;
        m.forEachLeaf(p, [&](VirtAddr va, const Pte& e) {
            if (!e.mapped()) return;
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
            if (f.use != FrameUse::Anon)
                bad.push_back(msg("pid ", p.pid.value, " va 0x", std::hex, va, std::dec,
                                  " maps frame ", e.target, " which is not a data frame"));
            if (p.findVma(va) == nullptr)
                bad.push_back(msg("pid ", p.pid.value, " va 0x", std::hex, va, std::dec,
                                  " is mapped outside every VMA"));
            ++mappers[e.target];
            ++rss;
        });
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
        if (fr.use == FrameUse::Anon && mappers[f] == 0)
            bad.push_back(msg("frame ", f, " is anonymous memory that nobody maps (leak)"));
    }

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
        const Pte* e = m.leafPte(*owner, t.vpn.value << g.pageBits);
        if (e == nullptr || !e->present() || Pfn{e->target} != t.pfn)
            bad.push_back(msg("TLB entry ", i, " (pid ", owner->pid.value, " vpn 0x", std::hex,
                              t.vpn.value, std::dec, ") has no matching present PTE"));
        else if ((t.writable && !e->writable()) || (t.executable && !e->has(pte::Exec)))
            bad.push_back(msg("TLB entry ", i, " grants more rights than its PTE"));
    }
    return bad;
}

}  // namespace pfviz
