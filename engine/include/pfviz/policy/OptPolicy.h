#pragma once
// OPT (Belady's optimal): evict the resident page whose next reference is farthest in the future.
//
// Each resident page is keyed by the position of its next reference, read from the next-use
// array DenseReferences computes backwards in O(n); the victim is the largest key, found in a
// MaxBitTree in a few word operations. Pages never referenced again get keys above every
// position, ordered so that among them the least recently used is evicted first (any choice
// gives the same fault count; this one makes victims deterministic and easy to explain).
#include "pfviz/policy/MaxBitTree.h"
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
    std::uint64_t keyAfter(std::size_t t) const;
    std::uint32_t idOfKey(std::uint64_t key) const;

    const DenseReferences* m_refs{};
    std::uint64_t m_n{};
    MaxBitTree m_keys;
};

}  // namespace pfviz::policy
