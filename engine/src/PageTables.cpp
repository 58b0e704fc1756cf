#include "pfviz/PageTables.h"

namespace pfviz {

std::uint32_t PageTables::create(Pfn frame, Pid owner, std::uint8_t level, std::uint64_t entries) {
    PtNode n{frame, owner, level, 0, std::vector<Pte>(entries)};
    if (!m_free.empty()) {
        const std::uint32_t i = m_free.back();
        m_free.pop_back();
        m_nodes[i] = std::move(n);
        return i;
    }
    m_nodes.push_back(std::move(n));
    return static_cast<std::uint32_t>(m_nodes.size() - 1);
}

void PageTables::destroy(std::uint32_t node) {
    m_nodes[node] = PtNode{};
    m_free.push_back(node);
}

}  // namespace pfviz
