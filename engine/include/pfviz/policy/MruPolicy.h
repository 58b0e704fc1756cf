#pragma once
// MRU: evict the most recently used resident page. That is always the page of the previous
// reference (it was hit or loaded a moment ago), so the policy only remembers that one id.
// Good for cyclic scans larger than memory, where LRU evicts exactly the page needed next.
#include "pfviz/policy/ReplacementPolicy.h"

namespace pfviz::policy {

class MruPolicy final : public ReplacementPolicy {
public:
    PolicyKind kind() const override { return PolicyKind::Mru; }
    void reset(const DenseReferences&, std::uint32_t) override { m_last = 0; }
    void hit(std::size_t, std::uint32_t id) override { m_last = id; }
    void insert(std::size_t, std::uint32_t id) override { m_last = id; }
    std::uint32_t replace(std::size_t, std::uint32_t id) override {
        const std::uint32_t victim = m_last;
        m_last = id;
        return victim;
    }

private:
    std::uint32_t m_last{};
};

}  // namespace pfviz::policy
