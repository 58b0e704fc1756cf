#include "pfviz/policy/OptPolicy.h"

namespace pfviz::policy {

void OptPolicy::reset(const DenseReferences& refs, std::uint32_t frames) {
    m_refs = &refs;
    m_n = refs.size();
    m_key.clear();
    m_key.reserve(frames);
    m_id.clear();
    m_id.reserve(frames);
    m_slot.assign(refs.distinct(), 0);
}

std::uint32_t OptPolicy::keyAfter(std::size_t t) const {
    // Fits in 32 bits: n <= kMaxReferences = 2^27, so every key is below 2^28.
    const std::uint32_t next = m_refs->nextUse()[t];
    return next != DenseReferences::kNever ? next : static_cast<std::uint32_t>(2 * m_n - 1 - t);
}

void OptPolicy::siftUp(std::uint32_t slot, std::uint32_t key, std::uint32_t id) {
    while (slot > 0) {
        const std::uint32_t parent = (slot - 1) / 4;
        if (m_key[parent] >= key) break;
        m_key[slot] = m_key[parent];
        m_id[slot] = m_id[parent];
        m_slot[m_id[slot]] = slot;
        slot = parent;
    }
    m_key[slot] = key;
    m_id[slot] = id;
    m_slot[id] = slot;
}

void OptPolicy::siftDown(std::uint32_t slot, std::uint32_t key, std::uint32_t id) {
    const auto size = static_cast<std::uint32_t>(m_key.size());
    while (true) {
        const std::uint32_t first = 4 * slot + 1;
        if (first >= size) break;
        const std::uint32_t last = first + 4 < size ? first + 4 : size;
        std::uint32_t largest = first;
        for (std::uint32_t c = first + 1; c < last; ++c) {
            if (m_key[c] > m_key[largest]) largest = c;
        }
        if (m_key[largest] <= key) break;
        m_key[slot] = m_key[largest];
        m_id[slot] = m_id[largest];
        m_slot[m_id[slot]] = slot;
        slot = largest;
    }
    m_key[slot] = key;
    m_id[slot] = id;
    m_slot[id] = slot;
}

void OptPolicy::hit(std::size_t t, std::uint32_t id) {
    // The page's key was t, the smallest in the heap; its next use can only be larger.
    siftUp(m_slot[id], keyAfter(t), id);
}

void OptPolicy::insert(std::size_t t, std::uint32_t id) {
    m_key.push_back(0);
    m_id.push_back(id);
    siftUp(static_cast<std::uint32_t>(m_key.size() - 1), keyAfter(t), id);
}

std::uint32_t OptPolicy::replace(std::size_t t, std::uint32_t id) {
    const std::uint32_t victim = m_id[0];
    siftDown(0, keyAfter(t), id);
    return victim;
}

}  // namespace pfviz::policy
