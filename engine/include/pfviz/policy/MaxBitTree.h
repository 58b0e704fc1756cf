#pragma once
// A set of integers in [0, universe) with O(log64 universe) insert, erase and maximum: a bitmap
// with one summary bitmap per level (bit i of level L+1 says "word i of level L is non-zero"),
// all levels in one array. With a million references OPT's keys need four levels, so each
// operation is a few word operations on cache-resident summaries plus one leaf word.
#include <array>
#include <bit>
#include <cstdint>
#include <vector>

namespace pfviz::policy {

class MaxBitTree {
public:
    static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};

    /// Empties the set and sets its universe to [0, universe) (universe <= 2^36).
    void reset(std::uint64_t universe) {
        m_levels = 0;
        std::size_t total = 0;
        std::uint64_t bits = universe == 0 ? 1 : universe;
        do {
            const std::uint64_t words = (bits + 63) / 64;
            m_offset[m_levels++] = total;
            total += static_cast<std::size_t>(words);
            bits = words;
        } while (bits > 1);
        m_words.assign(total, 0);
    }

    void insert(std::uint64_t key) {
        for (unsigned l = 0; l < m_levels; ++l) {
            std::uint64_t& word = m_words[m_offset[l] + (key >> 6)];
            const bool wasEmpty = word == 0;
            word |= std::uint64_t{1} << (key & 63);
            if (!wasEmpty) return;
            key >>= 6;
        }
    }

    void erase(std::uint64_t key) {
        for (unsigned l = 0; l < m_levels; ++l) {
            std::uint64_t& word = m_words[m_offset[l] + (key >> 6)];
            word &= ~(std::uint64_t{1} << (key & 63));
            if (word != 0) return;
            key >>= 6;
        }
    }

    /// The largest element, or kEmpty.
    std::uint64_t max() const {
        std::uint64_t index = 0;
        for (unsigned l = m_levels; l-- > 0;) {
            const std::uint64_t word = m_words[m_offset[l] + index];
            if (word == 0) return kEmpty;
            index = index * 64 + static_cast<std::uint64_t>(63 - std::countl_zero(word));
        }
        return index;
    }

private:
    std::vector<std::uint64_t> m_words;     // level 0 (the elements) first, the root last
    std::array<std::size_t, 8> m_offset{};  // first word of each level
    unsigned m_levels{};
};

}  // namespace pfviz::policy
