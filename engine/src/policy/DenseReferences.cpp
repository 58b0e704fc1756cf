#include "pfviz/policy/DenseReferences.h"

#include <algorithm>
#include <stdexcept>

#include "pfviz/policy/PageIdMap.h"

namespace pfviz::policy {

DenseReferences::DenseReferences(std::span<const std::uint64_t> pages) {
    if (pages.size() > kMaxReferences) {
        throw std::length_error("reference string longer than the lab's limit of 2^27 references");
    }
    // Start small: most traces touch far fewer distinct pages than they have references.
    PageIdMap map(std::min<std::size_t>(pages.size(), std::size_t{1} << 16));
    m_ids.resize(pages.size());
    for (std::size_t t = 0; t < pages.size(); ++t) {
        const std::uint32_t id = map.intern(pages[t]);
        if (id == m_pages.size()) m_pages.push_back(pages[t]);
        m_ids[t] = id;
    }
    m_nextUse.resize(pages.size());
    std::vector<std::uint32_t> seenAt(m_pages.size(), kNever);
    for (std::size_t t = pages.size(); t-- > 0;) {
        const std::uint32_t id = m_ids[t];
        m_nextUse[t] = seenAt[id];
        seenAt[id] = static_cast<std::uint32_t>(t);
    }
}

}  // namespace pfviz::policy
