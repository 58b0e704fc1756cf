#include "pfviz/policy/OptPolicy.h"

namespace pfviz::policy {

void OptPolicy::reset(const DenseReferences& refs, std::uint32_t) {
    m_refs = &refs;
    m_n = refs.size();
    m_keys.reset(2 * m_n);
}

std::uint64_t OptPolicy::keyAfter(std::size_t t) const {
    const std::uint32_t next = m_refs->nextUse()[t];
    return next != DenseReferences::kNever ? next : 2 * m_n - 1 - t;
}

std::uint32_t OptPolicy::idOfKey(std::uint64_t key) const {
    // A key below n is the position of the page's next reference; a key k >= n was 2n-1-t for
    // the page's last reference t.
    return key < m_n ? m_refs->idAt(key) : m_refs->idAt(2 * m_n - 1 - key);
}

void OptPolicy::hit(std::size_t t, std::uint32_t) {
    // The page's key was t: the reference happening now.
    m_keys.erase(t);
    m_keys.insert(keyAfter(t));
}

void OptPolicy::insert(std::size_t t, std::uint32_t) {
    m_keys.insert(keyAfter(t));
}

std::uint32_t OptPolicy::replace(std::size_t t, std::uint32_t) {
    const std::uint64_t victimKey = m_keys.max();
    m_keys.erase(victimKey);
    m_keys.insert(keyAfter(t));
    return idOfKey(victimKey);
}

}  // namespace pfviz::policy
