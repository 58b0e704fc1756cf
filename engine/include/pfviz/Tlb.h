#pragma once
// A set-associative TLB with LRU replacement inside each set, tagged by a small ASID (T5).
#include <cstdint>
#include <optional>
#include <vector>

#include "pfviz/Config.h"
#include "pfviz/Types.h"

namespace pfviz {

struct TlbEntry {
    bool valid{false};
    bool writable{false};
    bool executable{false};
    std::uint16_t asid{};
    Vpn vpn{};
    Pfn pfn{};
    std::uint64_t lastUse{};  // LRU stamp within the set
    /// A 2 MiB entry (H3): `vpn` is the huge page number (vpn >> hugeOrder), `pfn` its first
    /// frame. The entries are shared between page sizes, like the STLB.
    bool huge{false};
    bool operator==(const TlbEntry&) const = default;
};

class Tlb {
public:
    explicit Tlb(const TlbConfig& cfg = {});

    /// Returns the entry index on a hit (and refreshes its LRU stamp).
    /// A huge entry covering `vpn` hits too (its index is returned).
    std::optional<std::uint32_t> lookup(std::uint16_t asid, Vpn vpn);
    /// Inserts or refreshes a translation; returns the entry index used. `huge`: `vpn` and `pfn`
    /// may be any page of the huge page; the entry covers 2^hugeOrder pages.
    std::uint32_t fill(std::uint16_t asid, Vpn vpn, Pfn pfn, bool writable, bool executable,
                       bool huge = false);
    /// Invalidates the translation of one page of one ASID (a huge entry covering it included);
    /// returns whether an entry was dropped.
    bool invalidate(std::uint16_t asid, Vpn vpn);
    /// Base pages per huge entry = 2^order (the leaf table's index bits); set by the Machine.
    void setHugeOrder(unsigned order) { m_hugeOrder = order; }
    unsigned hugeOrder() const { return m_hugeOrder; }
    /// Base pages covered by the valid entries: the TLB reach (H3).
    std::uint64_t reachPages() const;
    /// The frame a valid entry gives for `vpn` (a huge entry adds the offset inside the page).
    Pfn translate(const TlbEntry& e, Vpn vpn) const;
    /// Invalidates every entry of one ASID; returns the number dropped.
    std::uint32_t flushAsid(std::uint16_t asid);
    std::uint32_t flushAll();

    /// Context switch to `pid`. Returns the ASID to use and whether the TLB (or the slot) was
    /// flushed: tagged mode keeps up to asidSlots address spaces live (T5).
    struct SwitchResult {
        std::uint16_t asid;
        bool flushed;           // the new context starts empty (a new slot, or untagged)
        std::uint32_t dropped;  // valid entries thrown away by the switch
    };
    SwitchResult switchTo(Pid pid);
    /// The ASID currently assigned to `pid`, if it holds a slot.
    std::optional<std::uint16_t> asidOf(Pid pid) const;
    /// Forgets `pid` (exit): its slot is freed and its entries dropped.
    void release(Pid pid);

    const std::vector<TlbEntry>& entries() const { return m_entries; }
    const TlbConfig& config() const { return m_cfg; }
    std::uint32_t setOf(Vpn vpn) const { return static_cast<std::uint32_t>(vpn.value % m_sets); }
    bool operator==(const Tlb&) const = default;

private:
    TlbConfig m_cfg;
    std::uint32_t m_sets{1};
    std::vector<TlbEntry> m_entries;
    std::vector<Pid> m_slotOwner;          // ASID slot -> process
    std::vector<std::uint64_t> m_slotUse;  // LRU stamp per slot
    std::uint64_t m_clock{};
    unsigned m_hugeOrder{0};
};

}  // namespace pfviz
