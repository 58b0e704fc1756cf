#pragma once
// Drives a policy over a reference string. The runner owns the frames: it decides hit or miss with
// a per-page frame index, fills free frames in order 0, 1, 2, ..., and puts a new page in its
// victim's frame, as the classic paper table is drawn.
#include <cstdint>

#include "pfviz/policy/DenseReferences.h"
#include "pfviz/policy/PolicyRun.h"
#include "pfviz/policy/ReplacementPolicy.h"

namespace pfviz::policy {

/// Largest frame count the lab accepts (as the simulator's kMaxFrames).
inline constexpr std::uint64_t kMaxLabFrames = std::uint64_t{1} << 26;

/// Runs `policy` over `refs` with `frames` frames (1..kMaxLabFrames). Memory is only as large as
/// needed: frames beyond the number of distinct pages can never fill. Throws
/// std::invalid_argument for a frame count out of range.
PolicyRun runPolicy(ReplacementPolicy& policy, const DenseReferences& refs, std::uint64_t frames,
                    const RunOptions& options = {});

}  // namespace pfviz::policy
