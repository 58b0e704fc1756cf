#pragma once
// FIFO: evict the page that was loaded earliest. Hits change nothing. Suffers Belady's anomaly.
#include <vector>

#include "pfviz/policy/ReplacementPolicy.h"

namespace pfviz::policy {

class FifoPolicy final : public ReplacementPolicy {
public:
    PolicyKind kind() const override { return PolicyKind::Fifo; }
    void reset(const DenseReferences& refs, std::uint32_t frames) override;
    void hit(std::size_t, std::uint32_t) override {}
    void insert(std::size_t t, std::uint32_t id) override;
    std::uint32_t replace(std::size_t t, std::uint32_t id) override;

private:
    std::vector<std::uint32_t> m_ring;  // pages in load order, oldest at m_oldest once full
    std::size_t m_oldest{};
};

}  // namespace pfviz::policy
