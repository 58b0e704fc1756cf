#pragma once
// OPT (Belady's optimal): evict the resident page whose next reference is farthest in the future.
//
// Each resident page is keyed by the position of its next reference, read from the next-use
// array DenseReferences computes backwards in O(n). The keys live in an indexed 4-ary max-heap of
// at most `frames` entries, so the victim is the root and a hit is one sift-up (the page's key
// grows from "now" to its next use). Pages never referenced again get keys above every position,
// ordered so that among them the least recently used is evicted first (any choice gives the
// same fault count; this one makes victims deterministic and easy to explain). All keys differ,
// so the victim is always unique.
#include <vector>

#include "pfviz/policy/ReplacementPolicy.h"

namespace pfviz::policy {

class OptPolicy final : public ReplacementPolicy {
public:
    PolicyKind kind() const override { return PolicyKind::Opt; }
    void reset(const DenseReferences& refs, std::uint32_t frames) override;
    void hit(std::size_t t, std::uint32_t id) override;
    void insert(std::size_t t, std::uint32_t id) override;
    std::uint32_t replace(std::size_t t, std::uint32_t id) override;

private:
    /// Key of the page referenced at position t: its next use, or 2n-1-t if there is none.
    std::uint32_t keyAfter(std::size_t t) const;
    void siftUp(std::uint32_t slot, std::uint32_t key, std::uint32_t id);
    void siftDown(std::uint32_t slot, std::uint32_t key, std::uint32_t id);

    const DenseReferences* m_refs{};
    std::uint64_t m_n{};
    std::vector<std::uint32_t> m_key;   // heap slot -> key; slot 0 is the largest
    std::vector<std::uint32_t> m_id;    // heap slot -> page id
    std::vector<std::uint32_t> m_slot;  // page id -> heap slot (valid while resident)
};

}  // namespace pfviz::policy
