#include "pfviz/Tlb.h"

#include <algorithm>

namespace pfviz {

Tlb::Tlb(const TlbConfig& cfg) : m_cfg(cfg) {
    if (m_cfg.entries == 0) m_cfg.entries = 1;
    if (m_cfg.ways == 0 || m_cfg.ways > m_cfg.entries) m_cfg.ways = m_cfg.entries;
    m_sets = std::max<std::uint32_t>(1, m_cfg.entries / m_cfg.ways);
    m_entries.assign(static_cast<std::size_t>(m_sets) * m_cfg.ways, TlbEntry{});
    const std::uint32_t slots =
        m_cfg.tagging == TlbTagging::Asid ? std::max(1u, m_cfg.asidSlots) : 1;
    m_slotOwner.assign(slots, Pid{});
    m_slotUse.assign(slots, 0);
}

std::optional<std::uint32_t> Tlb::lookup(std::uint16_t asid, Vpn vpn) {
    // A 4 KiB entry is looked up in the set of its page number, a huge one in the set of its
    // huge page number (H3: one array shared by both sizes).
    for (int pass = 0; pass < (m_hugeOrder > 0 ? 2 : 1); ++pass) {
        const bool huge = pass == 1;
        const Vpn key{huge ? vpn.value >> m_hugeOrder : vpn.value};
        const std::uint32_t base = setOf(key) * m_cfg.ways;
        for (std::uint32_t w = 0; w < m_cfg.ways; ++w) {
            TlbEntry& e = m_entries[base + w];
            if (e.valid && e.asid == asid && e.huge == huge && e.vpn == key) {
                e.lastUse = ++m_clock;
                return base + w;
            }
        }
    }
    return std::nullopt;
}

std::uint32_t Tlb::fill(std::uint16_t asid, Vpn vpn, Pfn pfn, bool writable, bool executable,
                        bool huge) {
    huge = huge && m_hugeOrder > 0;
    const std::uint64_t offset = huge ? vpn.value & ((std::uint64_t{1} << m_hugeOrder) - 1) : 0;
    const Vpn key{huge ? vpn.value >> m_hugeOrder : vpn.value};
    const Pfn first{pfn.value - (pfn.value == 0 ? 0 : offset)};  // the zero page stays frame 0
    const std::uint32_t base = setOf(key) * m_cfg.ways;
    std::uint32_t victim = base;
    for (std::uint32_t w = 0; w < m_cfg.ways; ++w) {
        TlbEntry& e = m_entries[base + w];
        if (e.valid && e.asid == asid && e.huge == huge && e.vpn == key) {  // refresh in place
            victim = base + w;
            break;
        }
        if (!e.valid) {
            if (m_entries[victim].valid) victim = base + w;
            continue;
        }
        if (m_entries[victim].valid && e.lastUse < m_entries[victim].lastUse) victim = base + w;
    }
    m_entries[victim] = TlbEntry{true, writable, executable, asid, key, first, ++m_clock, huge};
    return victim;
}

bool Tlb::invalidate(std::uint16_t asid, Vpn vpn) {
    bool dropped = false;
    for (int pass = 0; pass < (m_hugeOrder > 0 ? 2 : 1); ++pass) {
        const bool huge = pass == 1;
        const Vpn key{huge ? vpn.value >> m_hugeOrder : vpn.value};
        const std::uint32_t base = setOf(key) * m_cfg.ways;
        for (std::uint32_t w = 0; w < m_cfg.ways; ++w) {
            TlbEntry& e = m_entries[base + w];
            if (e.valid && e.asid == asid && e.huge == huge && e.vpn == key) {
                e = TlbEntry{};
                dropped = true;
            }
        }
    }
    return dropped;
}

std::uint64_t Tlb::reachPages() const {
    std::uint64_t n = 0;
    for (const TlbEntry& e : m_entries)
        if (e.valid) n += e.huge ? std::uint64_t{1} << m_hugeOrder : 1;
    return n;
}

Pfn Tlb::translate(const TlbEntry& e, Vpn vpn) const {
    if (!e.huge || e.pfn.value == 0) return e.pfn;
    return Pfn{e.pfn.value + (vpn.value & ((std::uint64_t{1} << m_hugeOrder) - 1))};
}

std::uint32_t Tlb::flushAsid(std::uint16_t asid) {
    std::uint32_t n = 0;
    for (TlbEntry& e : m_entries)
        if (e.valid && e.asid == asid) {
            e = TlbEntry{};
            ++n;
        }
    return n;
}

std::uint32_t Tlb::flushAll() {
    std::uint32_t n = 0;
    for (TlbEntry& e : m_entries)
        if (e.valid) {
            e = TlbEntry{};
            ++n;
        }
    return n;
}

std::optional<std::uint16_t> Tlb::asidOf(Pid pid) const {
    for (std::size_t s = 0; s < m_slotOwner.size(); ++s)
        if (m_slotOwner[s] == pid) return static_cast<std::uint16_t>(s);
    return std::nullopt;
}

Tlb::SwitchResult Tlb::switchTo(Pid pid) {
    if (const auto slot = asidOf(pid)) {
        // Still live: tagged entries survive the switch (T5). An untagged TLB has one slot, so
        // this only happens when the process did not change.
        m_slotUse[*slot] = ++m_clock;
        return {*slot, false, 0};
    }
    // Take a free slot, else the least recently used one; its old entries must go (T5).
    std::size_t victim = 0;
    for (std::size_t s = 0; s < m_slotOwner.size(); ++s) {
        if (!m_slotOwner[s].valid()) {
            victim = s;
            break;
        }
        if (m_slotUse[s] < m_slotUse[victim]) victim = s;
    }
    const auto asid = static_cast<std::uint16_t>(victim);
    const std::uint32_t dropped = m_cfg.tagging == TlbTagging::Flush ? flushAll() : flushAsid(asid);
    m_slotOwner[victim] = pid;
    m_slotUse[victim] = ++m_clock;
    return {asid, true, dropped};
}

void Tlb::release(Pid pid) {
    if (const auto slot = asidOf(pid)) {
        flushAsid(*slot);
        m_slotOwner[*slot] = Pid{};
        m_slotUse[*slot] = 0;
    }
}

}  // namespace pfviz
