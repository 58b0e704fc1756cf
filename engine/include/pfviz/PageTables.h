#pragma once
// Multi-level page tables. Every table is a node that occupies one physical frame (T6); nodes
// are kept in a pool and referred to by index so the whole structure copies and compares by value.
#include <cstdint>
#include <vector>

#include "pfviz/Types.h"

namespace pfviz {

namespace pte {
inline constexpr std::uint16_t Present = 1u << 0;
inline constexpr std::uint16_t Writable = 1u << 1;
inline constexpr std::uint16_t Accessed = 1u << 2;
inline constexpr std::uint16_t Dirty = 1u << 3;
inline constexpr std::uint16_t ZeroPage = 1u << 4;  // maps the shared zero page (A2)
inline constexpr std::uint16_t Exec = 1u << 5;      // executable (NX clear)
/// PROT_NONE: the frame stays mapped (RSS, refcount) but the hardware sees "not present".
inline constexpr std::uint16_t ProtNone = 1u << 6;
/// Not present; `target` is a swap slot (S1). SwapExclusive: the page was exclusive to this mm
/// when it was swapped out, so it comes back writable (S5).
inline constexpr std::uint16_t Swap = 1u << 7;
inline constexpr std::uint16_t SwapExclusive = 1u << 8;
/// PS bit in an upper-level (PMD) entry: the entry is a leaf mapping a huge page (T1, H2);
/// `target` is its first frame (512 contiguous frames), or the zero page with ZeroPage.
inline constexpr std::uint16_t Huge = 1u << 15;
}  // namespace pte

/// One entry. Leaf level: `target` is the frame number. Upper levels: `target` is the index of
/// the child node in the PageTables pool.
struct Pte {
    std::uint64_t target{};
    std::uint16_t flags{};
    bool present() const { return (flags & pte::Present) != 0; }
    bool writable() const { return (flags & pte::Writable) != 0; }
    bool has(std::uint16_t f) const { return (flags & f) != 0; }
    /// Holds a frame, whether or not the hardware may use it now.
    bool mapped() const { return (flags & (pte::Present | pte::ProtNone)) != 0; }
    bool empty() const { return flags == 0 && target == 0; }
    bool swapped() const { return (flags & pte::Swap) != 0; }
    /// A huge-page leaf at an upper level (never a pointer to a lower table).
    bool huge() const { return (flags & pte::Huge) != 0; }
    bool operator==(const Pte&) const = default;
};

struct PtNode {
    Pfn frame{};
    Pid owner{};
    std::uint8_t level{};
    std::uint32_t used{};  // present entries
    std::vector<Pte> entries;
    bool operator==(const PtNode&) const = default;
};

inline constexpr std::uint32_t kNoNode = 0xffffffffu;

class PageTables {
public:
    std::uint32_t create(Pfn frame, Pid owner, std::uint8_t level, std::uint64_t entries);
    void destroy(std::uint32_t node);
    PtNode& node(std::uint32_t i) { return m_nodes[i]; }
    const PtNode& node(std::uint32_t i) const { return m_nodes[i]; }
    std::size_t liveCount() const { return m_nodes.size() - m_free.size(); }
    /// Visits every live node (index, node).
    template <typename F>
    void forEach(F&& f) const {
        for (std::uint32_t i = 0; i < m_nodes.size(); ++i)
            if (m_nodes[i].frame.valid()) f(i, m_nodes[i]);
    }
    bool operator==(const PageTables&) const = default;

private:
    std::vector<PtNode> m_nodes;
    std::vector<std::uint32_t> m_free;
};

}  // namespace pfviz
