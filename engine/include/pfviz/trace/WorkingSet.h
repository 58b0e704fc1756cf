#pragma once
// Denning's working set W(t, tau): the number of distinct pages among the last tau references up
// to and including reference t (t counts from 1; for t < tau the window is the first t
// references). Computed in O(n) with a sliding window and a count per page.
#include <cstdint>
#include <vector>

#include "pfviz/policy/DenseReferences.h"

namespace pfviz::trace {

struct WorkingSetPoint {
    std::uint64_t reference{};  // t, 1-based
    std::uint32_t size{};       // W(t, tau)
    bool operator==(const WorkingSetPoint&) const = default;
};

/// W(t, tau) for t = step, 2·step, 3·step, ... <= n (tau >= 1, step >= 1; throws
/// std::invalid_argument otherwise).
std::vector<WorkingSetPoint> workingSetSeries(const policy::DenseReferences& refs,
                                              std::uint64_t tau, std::uint64_t step = 1);

}  // namespace pfviz::trace
