#include "pfviz/policy/FaultSweep.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "pfviz/policy/PolicyFactory.h"
#include "pfviz/policy/PolicyRunner.h"
#include "pfviz/policy/StackDistance.h"

namespace pfviz::policy {

std::uint64_t sweepWork(PolicyKind kind, const DenseReferences& refs, std::uint64_t from,
                        std::uint64_t to) {
    const std::uint64_t n = refs.size();
    if (from > to || refs.distinct() == 0) return 0;
    if (kind == PolicyKind::Lru) return n;
    const std::uint64_t lastSimulated = std::min<std::uint64_t>(to, refs.distinct() - 1);
    if (from > lastSimulated) return 0;
    return (lastSimulated - from + 1) * n;
}

std::vector<SweepPoint> sweepFrames(PolicyKind kind, const DenseReferences& refs,
                                    std::uint64_t from, std::uint64_t to, std::uint64_t seed) {
    if (from < 1 || from > to || to > kMaxLabFrames || to - from + 1 > kMaxSweepPoints) {
        throw std::invalid_argument("bad frame range " + std::to_string(from) + ".." +
                                    std::to_string(to));
    }
    std::vector<SweepPoint> points;
    points.reserve(static_cast<std::size_t>(to - from + 1));
    const std::uint64_t n = refs.size();
    std::vector<std::uint64_t> lruHitsUpTo;  // LRU: hits with at most d frames
    if (kind == PolicyKind::Lru) {
        const auto histogram = lruDistanceHistogram(refs);
        lruHitsUpTo.resize(histogram.size());
        std::uint64_t sum = 0;
        for (std::size_t d = 0; d < histogram.size(); ++d)
            lruHitsUpTo[d] = sum += histogram[d];
    }
    const auto policy = makePolicy(kind, seed);
    for (std::uint64_t f = from; f <= to; ++f) {
        std::uint64_t hits = 0;
        if (f >= refs.distinct()) {
            hits = n - refs.distinct();  // everything fits: only the cold misses
        } else if (kind == PolicyKind::Lru) {
            hits = lruHitsUpTo[static_cast<std::size_t>(f)];
        } else {
            hits = runPolicy(*policy, refs, f).hits;
        }
        points.push_back({f, n - hits, hits});
    }
    return points;
}

}  // namespace pfviz::policy
