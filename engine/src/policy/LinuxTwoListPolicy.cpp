#include "pfviz/policy/LinuxTwoListPolicy.h"

namespace pfviz::policy {

void LinuxTwoListPolicy::reset(const DenseReferences& refs, std::uint32_t) {
    m_links.reset(refs.distinct());
    m_active = {};
    m_inactive = {};
    m_onActive.assign(refs.distinct(), 0);
    m_referenced.assign(refs.distinct(), 0);
}

void LinuxTwoListPolicy::hit(std::size_t, std::uint32_t id) {
    if (m_onActive[id] != 0) return;
    if (m_referenced[id] == 0) {
        m_referenced[id] = 1;  // L2: first access since it was (re)listed
        return;
    }
    m_links.remove(m_inactive, id);  // L2: second access promotes
    m_links.pushFront(m_active, id);
    m_onActive[id] = 1;
    m_referenced[id] = 0;
}

void LinuxTwoListPolicy::insert(std::size_t, std::uint32_t id) {
    m_links.pushFront(m_inactive, id);  // L1
    m_onActive[id] = 0;
    m_referenced[id] = 0;
}

std::uint32_t LinuxTwoListPolicy::replace(std::size_t t, std::uint32_t id) {
    while (m_inactive.size < m_active.size) {  // L4
        const std::uint32_t demoted = m_links.popBack(m_active);
        m_links.pushFront(m_inactive, demoted);
        m_onActive[demoted] = 0;
        m_referenced[demoted] = 0;
    }
    std::uint32_t victim = m_inactive.tail;
    while (m_referenced[victim] != 0) {  // L3: second chance
        m_referenced[victim] = 0;
        m_links.moveToFront(m_inactive, victim);
        victim = m_inactive.tail;
    }
    m_links.remove(m_inactive, victim);
    insert(t, id);
    return victim;
}

std::vector<std::uint32_t> LinuxTwoListPolicy::listed(const IdList& list) const {
    std::vector<std::uint32_t> ids;
    ids.reserve(list.size);
    for (std::uint32_t id = list.head; id != kNoLink; id = m_links.next(id))
        ids.push_back(id);
    return ids;
}

}  // namespace pfviz::policy
