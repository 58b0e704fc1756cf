#pragma once
// A flat open-addressing hash map from page numbers to dense ids (0, 1, 2, ... in order of first
// appearance). Linear probing over one power-of-two array: a lookup is one multiply and, for the
// page-number distributions of real traces, almost always one cache line.
#include <cstdint>
#include <vector>

namespace pfviz::policy {

class PageIdMap {
public:
    static constexpr std::uint32_t kNoId = 0xffffffffu;

    explicit PageIdMap(std::size_t expectedKeys = 0);

    /// The id of `page`, inserting it with the next free id if it is new.
    std::uint32_t intern(std::uint64_t page);
    /// The id of `page`, or kNoId.
    std::uint32_t find(std::uint64_t page) const;
    std::size_t size() const { return m_size; }

private:
    struct Slot {
        std::uint64_t page;
        std::uint32_t id;  // kNoId marks an empty slot, so every page value is a valid key
    };
    std::size_t indexOf(std::uint64_t page) const {
        // Fibonacci hashing: the high bits of the product mix all bits of the page number.
        return static_cast<std::size_t>((page * 0x9e3779b97f4a7c15ull) >> m_shift);
    }
    void grow();

    std::vector<Slot> m_slots;
    std::size_t m_mask{};
    unsigned m_shift{};
    std::size_t m_size{};
};

}  // namespace pfviz::policy
