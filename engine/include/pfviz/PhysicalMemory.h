#pragma once
// Physical memory as an array of frames. Frame 0 holds the shared zero page (A2).
#include <array>
#include <cstdint>
#include <vector>

#include "pfviz/Types.h"

namespace pfviz {

/// PageCache: a page of a file in the page cache (P1-P6), shared by every mapper and by read().
enum class FrameUse : std::uint8_t { Free, ZeroPage, Anon, PageTable, Zram, PageCache };
inline constexpr int kFrameUseCount = 6;

/// LRU lists (L1): two-list scheme per type (page-cache pages are on the file lists), and the
/// unevictable list of mlocked pages.
enum class Lru : std::uint8_t {
    None,
    InactiveAnon,
    ActiveAnon,
    InactiveFile,
    ActiveFile,
    Unevictable
};
inline constexpr int kLruCount = 6;
inline constexpr std::uint32_t kNoFile = 0xffffffffu;
inline constexpr std::uint32_t kNoFrame = 0xffffffffu;
inline constexpr std::uint32_t kNoSlot = 0xffffffffu;
inline constexpr std::uint32_t kNoShmem = 0xffffffffu;

struct Frame {
    FrameUse use{FrameUse::Free};
    std::uint8_t level{};      // PageTable: level of the table (0 = top)
    std::uint32_t mapcount{};  // leaf PTEs mapping this frame: the sharer count of C2/C3
    Pid owner{};               // Anon: first process that mapped it; PageTable: its process
    Vpn vpn{};                 // Anon: virtual page in `owner` at allocation time; every
                               // mapper maps it at this same address (fork keeps addresses),
                               // which is the compact reverse map used by reclaim
    Lru lru{Lru::None};
    bool referenced{false};        // PG_referenced (L3)
    std::uint32_t prev{kNoFrame};  // LRU links (towards the head / the tail)
    std::uint32_t next{kNoFrame};
    std::uint32_t swapSlot{kNoSlot};  // Anon: the page is in the swap cache for this slot
    std::uint32_t pmdMaps{};          // THP: huge PMD entries mapping this frame (in mapcount too)
    std::uint32_t shmem{kNoShmem};    // shared anonymous memory: the owning shmem object (C6)
    // PageCache: the file (index into MachineConfig::files); `vpn` holds the page's index in
    // the file. `dirty`: written through a shared mapping and not yet written back (P6).
    std::uint32_t file{kNoFile};
    bool dirty{false};
    std::uint16_t memcg{};  // memory cgroup charged for the page (0 = root, W7)
    bool lazyFree{false};   // MADV_FREE: clean and droppable under pressure (A5)
    bool operator==(const Frame&) const = default;
};

class PhysicalMemory {
public:
    explicit PhysicalMemory(std::uint64_t frames = 16);

    /// Takes the most recently freed frame (LIFO, like the per-CPU free lists), or the lowest
    /// never-used one. Returns Pfn::none() when memory is exhausted.
    Pfn allocate(FrameUse use, Pid owner, Vpn vpn = {}, std::uint8_t level = 0);
    void release(Pfn pfn);
    /// Takes `n` contiguous free frames starting at a multiple of `n` (a huge page needs a
    /// physically aligned block). Returns the first frame, or Pfn::none() when no such block is
    /// free (no compaction, §14).
    Pfn allocateBlock(std::uint64_t n, FrameUse use, Pid owner, Vpn firstVpn);

    const Frame& frame(Pfn pfn) const { return m_frames[pfn.value]; }
    Frame& frame(Pfn pfn) { return m_frames[pfn.value]; }
    const std::vector<Frame>& frames() const { return m_frames; }

    std::uint64_t total() const { return m_frames.size(); }
    std::uint64_t freeCount() const { return m_free.size(); }
    std::uint64_t countOf(FrameUse use) const { return m_useCount[static_cast<int>(use)]; }
    static constexpr Pfn zeroPage() { return Pfn{0}; }

    // --- LRU lists: doubly linked through the frames; head = most recent, tail = oldest.
    void lruAdd(Pfn pfn, Lru list);  // at the head
    void lruDel(Pfn pfn);
    std::uint32_t lruTail(Lru list) const { return m_lruTail[static_cast<int>(list)]; }
    std::uint32_t lruHead(Lru list) const { return m_lruHead[static_cast<int>(list)]; }
    std::uint64_t lruSize(Lru list) const { return m_lruSize[static_cast<int>(list)]; }

    // --- memcg charges (W7): a charged frame is uncharged when it is released, whatever the
    // path (unmap, exit, reclaim, OOM kill).
    /// Charges `pfn` to memcg `id` (> 0). Any frame use may be charged (anon, page tables, and
    /// later page-cache pages); the caller checks the limit first (Kernel::tryChargeMemcg).
    void charge(Pfn pfn, std::uint16_t id);
    /// MADV_FREE mark (A5), counted so reclaim knows whether lazily freeable pages exist.
    void setLazyFree(Pfn pfn, bool lazy) {
        Frame& f = m_frames[pfn.value];
        if (f.lazyFree != lazy) m_lazyFree += lazy ? 1 : std::uint64_t(-1);
        f.lazyFree = lazy;
    }
    std::uint64_t lazyFreeCount() const { return m_lazyFree; }
    void setMemcgCount(std::size_t n) { m_memcgPages.assign(n + 1, 0); }
    std::uint64_t charged(std::uint16_t id) const {
        return id < m_memcgPages.size() ? m_memcgPages[id] : 0;
    }

    bool operator==(const PhysicalMemory&) const = default;

private:
    std::vector<Frame> m_frames;
    std::vector<std::uint32_t> m_free;  // back() is allocated next
    std::array<std::uint64_t, kFrameUseCount> m_useCount{};
    std::array<std::uint32_t, kLruCount> m_lruHead{kNoFrame, kNoFrame, kNoFrame,
                                                   kNoFrame, kNoFrame, kNoFrame};
    std::array<std::uint32_t, kLruCount> m_lruTail{kNoFrame, kNoFrame, kNoFrame,
                                                   kNoFrame, kNoFrame, kNoFrame};
    std::array<std::uint64_t, kLruCount> m_lruSize{};
    std::uint64_t m_lazyFree{};
    std::vector<std::uint64_t> m_memcgPages;  // pages charged per memcg id (index 0 unused)
};

}  // namespace pfviz
