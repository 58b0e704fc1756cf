#include "pfviz/policy/PageIdMap.h"

#include <bit>
#include <stdexcept>

namespace pfviz::policy {

PageIdMap::PageIdMap(std::size_t expectedKeys) {
    // Keep the load factor at or below 1/2.
    std::size_t capacity = 16;
    while (capacity < expectedKeys * 2)
        capacity *= 2;
    m_slots.assign(capacity, Slot{0, kNoId});
    m_mask = capacity - 1;
    m_shift = static_cast<unsigned>(64 - std::countr_zero(capacity));
}

std::uint32_t PageIdMap::intern(std::uint64_t page) {
    std::size_t i = indexOf(page);
    while (true) {
        Slot& s = m_slots[i];
        if (s.id == kNoId) break;
        if (s.page == page) return s.id;
        i = (i + 1) & m_mask;
    }
    if ((m_size + 1) * 2 > m_slots.size()) {
        grow();
        return intern(page);
    }
    if (m_size >= kNoId) throw std::length_error("PageIdMap: more than 2^32-1 distinct pages");
    const auto id = static_cast<std::uint32_t>(m_size++);
    m_slots[i] = Slot{page, id};
    return id;
}

std::uint32_t PageIdMap::find(std::uint64_t page) const {
    std::size_t i = indexOf(page);
    while (true) {
        const Slot& s = m_slots[i];
        if (s.id == kNoId) return kNoId;
        if (s.page == page) return s.id;
        i = (i + 1) & m_mask;
    }
}

void PageIdMap::grow() {
    std::vector<Slot> old;
    old.swap(m_slots);
    const std::size_t capacity = old.size() * 2;
    m_slots.assign(capacity, Slot{0, kNoId});
    m_mask = capacity - 1;
    m_shift = static_cast<unsigned>(64 - std::countr_zero(capacity));
    for (const Slot& s : old) {
        if (s.id == kNoId) continue;
        std::size_t i = indexOf(s.page);
        while (m_slots[i].id != kNoId)
            i = (i + 1) & m_mask;
        m_slots[i] = s;
    }
}

}  // namespace pfviz::policy
