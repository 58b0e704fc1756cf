#include "pfviz/policy/LruPolicy.h"

namespace pfviz::policy {

void LruPolicy::reset(const DenseReferences& refs, std::uint32_t) {
    m_links.reset(refs.distinct());
    m_recency = {};
}

void LruPolicy::hit(std::size_t, std::uint32_t id) {
    m_links.moveToFront(m_recency, id);
}

void LruPolicy::insert(std::size_t, std::uint32_t id) {
    m_links.pushFront(m_recency, id);
}

std::uint32_t LruPolicy::replace(std::size_t, std::uint32_t id) {
    const std::uint32_t victim = m_links.popBack(m_recency);
    m_links.pushFront(m_recency, id);
    return victim;
}

}  // namespace pfviz::policy
