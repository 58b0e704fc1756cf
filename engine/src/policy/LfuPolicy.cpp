#include "pfviz/policy/LfuPolicy.h"

namespace pfviz::policy {

void LfuPolicy::reset(const DenseReferences& refs, std::uint32_t) {
    m_links.reset(refs.distinct());
    m_byCount.assign(2, IdList{});
    m_count.assign(refs.distinct(), 0);
    m_minCount = 0;
}

void LfuPolicy::hit(std::size_t, std::uint32_t id) {
    const std::uint32_t c = m_count[id];
    m_links.remove(m_byCount[c], id);
    if (m_byCount[c].size == 0 && m_minCount == c) m_minCount = c + 1;
    if (c + 1 >= m_byCount.size()) m_byCount.resize(m_byCount.size() * 2);
    m_count[id] = c + 1;
    m_links.pushFront(m_byCount[c + 1], id);
}

void LfuPolicy::insert(std::size_t, std::uint32_t id) {
    m_count[id] = 1;
    m_links.pushFront(m_byCount[1], id);
    m_minCount = 1;
}

std::uint32_t LfuPolicy::replace(std::size_t t, std::uint32_t id) {
    const std::uint32_t victim = m_links.popBack(m_byCount[m_minCount]);
    m_count[victim] = 0;
    insert(t, id);
    return victim;
}

}  // namespace pfviz::policy
