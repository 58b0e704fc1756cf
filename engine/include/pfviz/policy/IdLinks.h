#pragma once
// Intrusive doubly linked lists over dense page ids. One IdLinks holds the prev/next arrays for all
// ids; each IdList is just a head, a tail and a size, so a policy can keep several lists (LRU's
// one, the Linux policy's two, LFU's one per frequency) with O(1) moves and no allocation per
// reference. An id is in at most one list of a given IdLinks at a time.
#include <cstdint>
#include <vector>

namespace pfviz::policy {

inline constexpr std::uint32_t kNoLink = 0xffffffffu;

struct IdList {
    std::uint32_t head{kNoLink};  // most recently inserted end
    std::uint32_t tail{kNoLink};  // oldest end
    std::uint32_t size{};
};

class IdLinks {
public:
    void reset(std::uint32_t ids) {
        m_prev.assign(ids, kNoLink);
        m_next.assign(ids, kNoLink);
    }

    void pushFront(IdList& list, std::uint32_t id) {
        m_prev[id] = kNoLink;
        m_next[id] = list.head;
        if (list.head != kNoLink)
            m_prev[list.head] = id;
        else
            list.tail = id;
        list.head = id;
        ++list.size;
    }

    void remove(IdList& list, std::uint32_t id) {
        const std::uint32_t p = m_prev[id];
        const std::uint32_t n = m_next[id];
        if (p != kNoLink)
            m_next[p] = n;
        else
            list.head = n;
        if (n != kNoLink)
            m_prev[n] = p;
        else
            list.tail = p;
        --list.size;
    }

    /// Moves `id`, which is in `list`, to its head.
    void moveToFront(IdList& list, std::uint32_t id) {
        if (list.head == id) return;
        remove(list, id);
        pushFront(list, id);
    }

    /// Removes and returns the tail of a non-empty list.
    std::uint32_t popBack(IdList& list) {
        const std::uint32_t id = list.tail;
        remove(list, id);
        return id;
    }

    std::uint32_t next(std::uint32_t id) const { return m_next[id]; }

private:
    std::vector<std::uint32_t> m_prev;
    std::vector<std::uint32_t> m_next;
};

}  // namespace pfviz::policy
