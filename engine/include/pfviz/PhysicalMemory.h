#pragma once
// Physical memory as an array of frames. Frame 0 holds the shared zero page (A2).
#include <array>
#include <cstdint>
#include <vector>

#include "pfviz/Types.h"

namespace pfviz {

enum class FrameUse : std::uint8_t { Free, ZeroPage, Anon, PageTable };
inline constexpr int kFrameUseCount = 4;

struct Frame {
    FrameUse use{FrameUse::Free};
    std::uint8_t level{};      // PageTable: level of the table (0 = top)
    std::uint32_t mapcount{};  // leaf PTEs mapping this frame: the sharer count of C2/C3
    Pid owner{};               // Anon: first process that mapped it; PageTable: its process
    Vpn vpn{};                 // Anon: virtual page in `owner` at allocation time
    bool operator==(const Frame&) const = default;
};

class PhysicalMemory {
public:
    explicit PhysicalMemory(std::uint64_t frames = 16);

    /// Takes the most recently freed frame (LIFO, like the per-CPU free lists), or the lowest
    /// never-used one. Returns Pfn::none() when memory is exhausted.
    Pfn allocate(FrameUse use, Pid owner, Vpn vpn = {}, std::uint8_t level = 0);
    void release(Pfn pfn);

    const Frame& frame(Pfn pfn) const { return m_frames[pfn.value]; }
    Frame& frame(Pfn pfn) { return m_frames[pfn.value]; }
    const std::vector<Frame>& frames() const { return m_frames; }

    std::uint64_t total() const { return m_frames.size(); }
    std::uint64_t freeCount() const { return m_free.size(); }
    std::uint64_t countOf(FrameUse use) const { return m_useCount[static_cast<int>(use)]; }
    static constexpr Pfn zeroPage() { return Pfn{0}; }

    bool operator==(const PhysicalMemory&) const = default;

private:
    std::vector<Frame> m_frames;
    std::vector<std::uint32_t> m_free;  // back() is allocated next
    std::array<std::uint64_t, kFrameUseCount> m_useCount{};
};

}  // namespace pfviz
