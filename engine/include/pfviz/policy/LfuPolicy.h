#pragma once
// LFU: evict the resident page with the fewest references. A page's count starts at 1 when it is
// loaded and is forgotten when it is evicted (the textbook "in-memory" count). Ties are broken by
// least recent use: among the pages with the lowest count, the one referenced longest ago goes.
//
// O(1) per reference: one recency list per count value (a page enters the list of count c at
// its c-th reference, so each list is ordered by last use), and the lowest non-empty count is
// tracked incrementally (counts only grow by one, and a loaded page has count 1).
#include <vector>

#include "pfviz/policy/IdLinks.h"
#include "pfviz/policy/ReplacementPolicy.h"

namespace pfviz::policy {

class LfuPolicy final : public ReplacementPolicy {
public:
    PolicyKind kind() const override { return PolicyKind::Lfu; }
    void reset(const DenseReferences& refs, std::uint32_t frames) override;
    void hit(std::size_t t, std::uint32_t id) override;
    void insert(std::size_t t, std::uint32_t id) override;
    std::uint32_t replace(std::size_t t, std::uint32_t id) override;

private:
    IdLinks m_links;
    std::vector<IdList> m_byCount;       // count -> pages with that count, head = most recent
    std::vector<std::uint32_t> m_count;  // page id -> count while resident
    std::uint32_t m_minCount{};
};

}  // namespace pfviz::policy
