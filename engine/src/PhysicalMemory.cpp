#include "pfviz/PhysicalMemory.h"

#include <cassert>

namespace pfviz {

PhysicalMemory::PhysicalMemory(std::uint64_t frames) : m_frames(frames) {
    // Frame 0 is the shared zero page; the rest are free, lowest number allocated first.
    m_free.reserve(frames);
    for (std::uint64_t f = frames; f-- > 1;)
        m_free.push_back(static_cast<std::uint32_t>(f));
    if (frames > 0) {
        m_frames[0].use = FrameUse::ZeroPage;
        m_useCount[static_cast<int>(FrameUse::ZeroPage)] = 1;
    }
    m_useCount[static_cast<int>(FrameUse::Free)] = m_free.size();
}

Pfn PhysicalMemory::allocate(FrameUse use, Pid owner, Vpn vpn, std::uint8_t level) {
    if (m_free.empty()) return Pfn::none();
    const Pfn pfn{m_free.back()};
    m_free.pop_back();
    Frame& f = m_frames[pfn.value];
    assert(f.use == FrameUse::Free);
    f = Frame{};
    f.use = use;
    f.level = level;
    f.owner = owner;
    f.vpn = vpn;
    --m_useCount[static_cast<int>(FrameUse::Free)];
    ++m_useCount[static_cast<int>(use)];
    return pfn;
}

Pfn PhysicalMemory::allocateBlock(std::uint64_t n, FrameUse use, Pid owner, Vpn firstVpn) {
    if (n == 0 || m_free.size() < n) return Pfn::none();
    // Lowest aligned block whose frames are all free (the buddy allocator's order-9 block).
    for (std::uint64_t base = 0; base + n <= m_frames.size(); base += n) {
        bool allFree = true;
        for (std::uint64_t i = n; i-- > 0;)
            if (m_frames[base + i].use != FrameUse::Free) {
                allFree = false;
                break;
            }
        if (!allFree) continue;
        std::erase_if(m_free, [&](std::uint32_t f) { return f >= base && f < base + n; });
        for (std::uint64_t i = 0; i < n; ++i) {
            Frame& f = m_frames[base + i];
            f = Frame{};
            f.use = use;
            f.owner = owner;
            f.vpn = Vpn{firstVpn.value + i};
        }
        m_useCount[static_cast<int>(FrameUse::Free)] -= n;
        m_useCount[static_cast<int>(use)] += n;
        return Pfn{base};
    }
    return Pfn::none();
}

void PhysicalMemory::release(Pfn pfn) {
    Frame& f = m_frames[pfn.value];
    assert(f.use != FrameUse::Free && f.use != FrameUse::ZeroPage);
    if (f.lru != Lru::None) lruDel(pfn);
    --m_useCount[static_cast<int>(f.use)];
    ++m_useCount[static_cast<int>(FrameUse::Free)];
    f = Frame{};
    m_free.push_back(static_cast<std::uint32_t>(pfn.value));
}

void PhysicalMemory::lruAdd(Pfn pfn, Lru list) {
    Frame& f = m_frames[pfn.value];
    assert(f.lru == Lru::None && list != Lru::None);
    const int l = static_cast<int>(list);
    const auto i = static_cast<std::uint32_t>(pfn.value);
    f.lru = list;
    f.prev = kNoFrame;
    f.next = m_lruHead[l];
    if (m_lruHead[l] != kNoFrame) m_frames[m_lruHead[l]].prev = i;
    m_lruHead[l] = i;
    if (m_lruTail[l] == kNoFrame) m_lruTail[l] = i;
    ++m_lruSize[l];
}

void PhysicalMemory::lruDel(Pfn pfn) {
    Frame& f = m_frames[pfn.value];
    assert(f.lru != Lru::None);
    const int l = static_cast<int>(f.lru);
    if (f.prev != kNoFrame)
        m_frames[f.prev].next = f.next;
    else
        m_lruHead[l] = f.next;
    if (f.next != kNoFrame)
        m_frames[f.next].prev = f.prev;
    else
        m_lruTail[l] = f.prev;
    f.prev = f.next = kNoFrame;
    f.lru = Lru::None;
    --m_lruSize[l];
}

}  // namespace pfviz
