#pragma once
// Random: the victim is a frame chosen uniformly with pfviz::Rng (xoshiro256**) from the seed, so a
// run is identical on every platform. Frames are numbered in load order as in PolicyRunner's table.
#include <cstdint>
#include <vector>

#include "pfviz/Rng.h"
#include "pfviz/policy/ReplacementPolicy.h"

namespace pfviz::policy {

class RandomPolicy final : public ReplacementPolicy {
public:
    explicit RandomPolicy(std::uint64_t seed) : m_seed(seed), m_rng(seed) {}

    PolicyKind kind() const override { return PolicyKind::Random; }
    /// Also reseeds, so every run with the same seed makes the same choices.
    void reset(const DenseReferences& refs, std::uint32_t frames) override;
    void hit(std::size_t, std::uint32_t) override {}
    void insert(std::size_t t, std::uint32_t id) override;
    std::uint32_t replace(std::size_t t, std::uint32_t id) override;

private:
    std::uint64_t m_seed;
    Rng m_rng;
    std::vector<std::uint32_t> m_frame;  // frame -> page id
};

}  // namespace pfviz::policy
