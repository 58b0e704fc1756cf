#pragma once
// A page-reference string remapped once to dense ids, so every policy can keep its state in plain
// vectors indexed by id instead of hashing page numbers on every reference.
#include <cstdint>
#include <span>
#include <vector>

namespace pfviz::policy {

/// Longest reference string the lab accepts (1 GiB of page numbers). Keeps every position and
/// every OPT key (< 2 × length) inside 32 bits.
inline constexpr std::uint64_t kMaxReferences = std::uint64_t{1} << 27;

class DenseReferences {
public:
    static constexpr std::uint32_t kNever = 0xffffffffu;

    DenseReferences() = default;
    /// Throws std::length_error when `pages` is longer than kMaxReferences.
    explicit DenseReferences(std::span<const std::uint64_t> pages);

    std::size_t size() const { return m_ids.size(); }
    bool empty() const { return m_ids.empty(); }
    /// Number of distinct pages; ids are 0 .. distinct()-1 in order of first reference.
    std::uint32_t distinct() const { return static_cast<std::uint32_t>(m_pages.size()); }

    const std::vector<std::uint32_t>& ids() const { return m_ids; }
    std::uint32_t idAt(std::size_t position) const { return m_ids[position]; }
    std::uint64_t pageOf(std::uint32_t id) const { return m_pages[id]; }
    const std::vector<std::uint64_t>& pages() const { return m_pages; }

    /// nextUse()[t] is the next position after t that references the same page, or kNever.
    /// Computed backwards in O(n) at construction; OPT's victim choice reads it.
    const std::vector<std::uint32_t>& nextUse() const { return m_nextUse; }

private:
    std::vector<std::uint32_t> m_ids;
    std::vector<std::uint64_t> m_pages;
    std::vector<std::uint32_t> m_nextUse;
};

}  // namespace pfviz::policy
