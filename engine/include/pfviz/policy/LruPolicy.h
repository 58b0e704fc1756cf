#pragma once
// LRU: evict the page whose last reference is the oldest. An intrusive recency list over dense ids:
// a hit moves the page to the head, the victim is the tail; O(1) per reference.
#include "pfviz/policy/IdLinks.h"
#include "pfviz/policy/ReplacementPolicy.h"

namespace pfviz::policy {

class LruPolicy final : public ReplacementPolicy {
public:
    PolicyKind kind() const override { return PolicyKind::Lru; }
    void reset(const DenseReferences& refs, std::uint32_t frames) override;
    void hit(std::size_t t, std::uint32_t id) override;
    void insert(std::size_t t, std::uint32_t id) override;
    std::uint32_t replace(std::size_t t, std::uint32_t id) override;

private:
    IdLinks m_links;
    IdList m_recency;  // head = most recently used
};

}  // namespace pfviz::policy
