#include "pfviz/policy/RandomPolicy.h"

namespace pfviz::policy {

void RandomPolicy::reset(const DenseReferences&, std::uint32_t frames) {
    m_rng.reseed(m_seed);
    m_frame.clear();
    m_frame.reserve(frames);
}

void RandomPolicy::insert(std::size_t, std::uint32_t id) {
    m_frame.push_back(id);
}

std::uint32_t RandomPolicy::replace(std::size_t, std::uint32_t id) {
    const auto frame = static_cast<std::size_t>(m_rng.below(m_frame.size()));
    const std::uint32_t victim = m_frame[frame];
    m_frame[frame] = id;
    return victim;
}

}  // namespace pfviz::policy
