#include "pfviz/policy/FifoPolicy.h"

namespace pfviz::policy {

void FifoPolicy::reset(const DenseReferences&, std::uint32_t frames) {
    m_ring.clear();
    m_ring.reserve(frames);
    m_oldest = 0;
}

void FifoPolicy::insert(std::size_t, std::uint32_t id) {
    m_ring.push_back(id);
}

std::uint32_t FifoPolicy::replace(std::size_t, std::uint32_t id) {
    // The ring is full: the oldest slot receives the new page, which becomes the youngest.
    const std::uint32_t victim = m_ring[m_oldest];
    m_ring[m_oldest] = id;
    if (++m_oldest == m_ring.size()) m_oldest = 0;
    return victim;
}

}  // namespace pfviz::policy
