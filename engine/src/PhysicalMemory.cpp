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
    f = Frame{use, level, 0, owner, vpn};
    --m_useCount[static_cast<int>(FrameUse::Free)];
    ++m_useCount[static_cast<int>(use)];
    return pfn;
}

void PhysicalMemory::release(Pfn pfn) {
    Frame& f = m_frames[pfn.value];
    assert(f.use != FrameUse::Free && f.use != FrameUse::ZeroPage);
    --m_useCount[static_cast<int>(f.use)];
    ++m_useCount[static_cast<int>(FrameUse::Free)];
    f = Frame{};
    m_free.push_back(static_cast<std::uint32_t>(pfn.value));
}

}  // namespace pfviz
