#include "pfviz/policy/ClockPolicy.h"

namespace pfviz::policy {

void ClockPolicy::reset(const DenseReferences& refs, std::uint32_t frames) {
    m_frame.clear();
    m_frame.reserve(frames);
    m_useBit.clear();
    m_useBit.reserve(frames);
    m_position.assign(refs.distinct(), 0);
    m_hand = 0;
}

void ClockPolicy::hit(std::size_t, std::uint32_t id) {
    m_useBit[m_position[id]] = 1;
}

void ClockPolicy::insert(std::size_t, std::uint32_t id) {
    m_position[id] = static_cast<std::uint32_t>(m_frame.size());
    m_frame.push_back(id);
    m_useBit.push_back(1);
}

std::uint32_t ClockPolicy::replace(std::size_t, std::uint32_t id) {
    const std::size_t n = m_frame.size();
    while (m_useBit[m_hand] != 0) {
        m_useBit[m_hand] = 0;
        if (++m_hand == n) m_hand = 0;
    }
    const std::uint32_t victim = m_frame[m_hand];
    m_frame[m_hand] = id;
    m_useBit[m_hand] = 1;
    m_position[id] = static_cast<std::uint32_t>(m_hand);
    if (++m_hand == n) m_hand = 0;
    return victim;
}

}  // namespace pfviz::policy
