#pragma once
// The fault-versus-frames curve: one run per frame count, where Belady's anomaly shows as a point
// with more faults than its left neighbour.
#include <cstdint>
#include <vector>

#include "pfviz/policy/DenseReferences.h"
#include "pfviz/policy/PolicyKind.h"

namespace pfviz::policy {

struct SweepPoint {
    std::uint64_t frames{};
    std::uint64_t misses{};
    std::uint64_t hits{};
    bool operator==(const SweepPoint&) const = default;
};

/// Most frame counts a sweep may cover.
inline constexpr std::uint64_t kMaxSweepPoints = 4096;
/// Most references a sweep may simulate in total (a few seconds on a slow machine).
inline constexpr std::uint64_t kMaxSweepWork = std::uint64_t{1} << 30;

/// References a sweep of [from, to] would simulate. Free cases cost nothing: with at least as
/// many frames as distinct pages every policy has only the cold misses, and LRU's whole curve
/// comes from one stack-distance pass (counted as one run).
std::uint64_t sweepWork(PolicyKind kind, const DenseReferences& refs, std::uint64_t from,
                        std::uint64_t to);

/// Faults and hits for every frame count from `from` to `to` (1 <= from <= to <= kMaxLabFrames,
/// at most kMaxSweepPoints counts); `seed` is for Random (every frame count restarts from it).
/// Throws std::invalid_argument for a bad range. The caller checks sweepWork() if it must bound
/// the time.
std::vector<SweepPoint> sweepFrames(PolicyKind kind, const DenseReferences& refs,
                                    std::uint64_t from, std::uint64_t to, std::uint64_t seed = 1);

}  // namespace pfviz::policy
