#include "pfviz/trace/WorkingSet.h"

#include <stdexcept>

namespace pfviz::trace {

std::vector<WorkingSetPoint> workingSetSeries(const policy::DenseReferences& refs,
                                              std::uint64_t tau, std::uint64_t step) {
    if (tau < 1 || step < 1) throw std::invalid_argument("tau and step must be at least 1");
    const std::uint64_t n = refs.size();
    std::vector<WorkingSetPoint> series;
    series.reserve(static_cast<std::size_t>(n / step));
    std::vector<std::uint32_t> inWindow(refs.distinct(), 0);  // references of each page in it
    std::uint32_t distinct = 0;
    for (std::uint64_t i = 0; i < n; ++i) {
        if (inWindow[refs.idAt(i)]++ == 0) ++distinct;
        if (i >= tau && --inWindow[refs.idAt(i - tau)] == 0) --distinct;
        const std::uint64_t t = i + 1;
        if (t % step == 0) series.push_back({t, distinct});
    }
    return series;
}

}  // namespace pfviz::trace
