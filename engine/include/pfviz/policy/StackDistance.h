#pragma once
// Mattson's stack distances for LRU: the LRU stack distance of a reference is the page's depth in
// the recency stack (1 = referenced just before), or infinite for a first reference. Because LRU
// is a stack algorithm, a reference hits with F frames exactly when its distance is <= F, so one
// O(n log n) pass gives the fault count for every frame count at once.
#include <cstdint>
#include <vector>

#include "pfviz/policy/DenseReferences.h"

namespace pfviz::policy {

/// hits[d] for d = 0 .. refs.distinct(): how many references have LRU stack distance exactly d
/// (hits[0] is always 0; first references are not counted).
std::vector<std::uint64_t> lruDistanceHistogram(const DenseReferences& refs);

}  // namespace pfviz::policy
