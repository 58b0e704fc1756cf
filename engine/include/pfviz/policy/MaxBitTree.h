#pragma once
// A set of integers in [0, universe) with O(log64 universe) insert, erase and maximum: a bitmap
// with one summary bitmap per level (bit i of level L+1 says "word i of level L is non-zero").
// With a million references OPT's keys need four levels, so each operation is a few word ops.
#include <bit>
#include <cstdint>
#include <vector>

namespace pfviz::policy {

class MaxBitTree {
public:
    static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};

    /// Empties the set and sets its universe to [0, universe).
    void reset(std::uint64_t universe) {
        m_levels.clear();
        std::uint64_t bits = universe == 0 ? 1 : universe;
        do {
            const std::uint64_t words = (bits + 63) / 64;
            m_levels.emplace_back(words, 0);
            bits = words;
        } while (bits > 1);
    }

    void insert(std::uint64_t key) {
        for (auto& level : m_levels) {
            std::uint64_t& word = level[key >> 6];
            const bool wasEmpty = word == 0;
            word |= std::uint64_t{1} << (key & 63);
            if (!wasEmpty) return;
            key >>= 6;
        }
    }

    void erase(std::uint64_t key) {
        for (auto& level : m_levels) {
            std::uint64_t& word = level[key >> 6];
            word &= ~(std::uint64_t{1} << (key & 63));
            if (word != 0) return;
            key >>= 6;
        }
    }

    /// The largest element, or kEmpty.
    std::uint64_t max() const {
        std::uint64_t index = 0;
        for (std::size_t l = m_levels.size(); l-- > 0;) {
            const std::uint64_t word = m_levels[l][index];
            if (word == 0) return kEmpty;
            index = index * 64 + static_cast<std::uint64_t>(63 - std::countl_zero(word));
        }
        return index;
    }

private:
    std::vector<std::vector<std::uint64_t>> m_levels;  // [0] = the elements themselves
};

}  // namespace pfviz::policy
