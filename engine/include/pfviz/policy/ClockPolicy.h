#pragma once
// CLOCK (second chance). The frames form a circle with one use bit each and a hand.
// - A page is loaded with its use bit set (it is being referenced).
// - A hit sets the page's use bit; the hand does not move.
// - On a miss with all frames full, the hand sweeps: a frame whose bit is set gets its bit cleared
//   (its second chance) and the hand moves on; the first frame with a clear bit is the victim, the
//   new page is loaded there and the hand moves one frame past it.
// Frames fill in order 0, 1, 2, ...; when the last one fills, the hand points at frame 0. If every
// bit is set the hand clears them all and evicts where it started, which is FIFO order.
#include <vector>

#include "pfviz/policy/ReplacementPolicy.h"

namespace pfviz::policy {

class ClockPolicy final : public ReplacementPolicy {
public:
    PolicyKind kind() const override { return PolicyKind::Clock; }
    void reset(const DenseReferences& refs, std::uint32_t frames) override;
    void hit(std::size_t t, std::uint32_t id) override;
    void insert(std::size_t t, std::uint32_t id) override;
    std::uint32_t replace(std::size_t t, std::uint32_t id) override;

private:
    std::vector<std::uint32_t> m_frame;     // circle position -> page id
    std::vector<std::uint8_t> m_useBit;     // circle position -> use bit
    std::vector<std::uint32_t> m_position;  // page id -> circle position (valid while resident)
    std::size_t m_hand{};
};

}  // namespace pfviz::policy
