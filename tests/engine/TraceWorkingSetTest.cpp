// Denning's working set W(t, tau) over a reference string.
#include <gtest/gtest.h>

#include <set>

#include "pfviz/Rng.h"
#include "pfviz/trace/WorkingSet.h"

namespace pfviz::trace {
namespace {

using policy::DenseReferences;

std::vector<std::uint32_t> sizes(const std::vector<WorkingSetPoint>& series) {
    std::vector<std::uint32_t> out;
    for (const auto& p : series)
        out.push_back(p.size);
    return out;
}

TEST(TraceWorkingSet, DistinctPagesInTheLastTauReferences) {
    const DenseReferences refs(std::vector<std::uint64_t>{1, 2, 1, 3, 3, 3, 4, 1});
    // tau = 3: windows {1} {1,2} {1,2,1} {2,1,3} {1,3,3} {3,3,3} {3,3,4} {3,4,1}
    const auto series = workingSetSeries(refs, 3);
    EXPECT_EQ(sizes(series), (std::vector<std::uint32_t>{1, 2, 2, 3, 2, 1, 2, 3}));
    EXPECT_EQ(series.front().reference, 1u);
    EXPECT_EQ(series.back().reference, 8u);
}

TEST(TraceWorkingSet, TauOneIsAlwaysOnePageAndAHugeTauCountsAllPagesSoFar) {
    const DenseReferences refs(std::vector<std::uint64_t>{5, 5, 6, 7, 5});
    EXPECT_EQ(sizes(workingSetSeries(refs, 1)), (std::vector<std::uint32_t>{1, 1, 1, 1, 1}));
    EXPECT_EQ(sizes(workingSetSeries(refs, 1000)), (std::vector<std::uint32_t>{1, 1, 2, 3, 3}));
}

TEST(TraceWorkingSet, StepSamplesEveryStepthReference) {
    const DenseReferences refs(std::vector<std::uint64_t>{1, 2, 1, 3, 3, 3, 4, 1});
    const auto series = workingSetSeries(refs, 3, 3);
    ASSERT_EQ(series.size(), 2u);
    EXPECT_EQ(series[0], (WorkingSetPoint{3, 2}));
    EXPECT_EQ(series[1], (WorkingSetPoint{6, 1}));
    EXPECT_THROW(workingSetSeries(refs, 0), std::invalid_argument);
    EXPECT_THROW(workingSetSeries(refs, 3, 0), std::invalid_argument);
}

TEST(TraceWorkingSet, SlidingWindowMatchesCountingEachWindow) {
    Rng rng(3);
    std::vector<std::uint64_t> pages;
    for (int i = 0; i < 400; ++i)
        pages.push_back(rng.below(12));
    const DenseReferences refs(pages);
    for (std::uint64_t tau : {1u, 2u, 5u, 17u, 399u, 400u, 1000u}) {
        const auto series = workingSetSeries(refs, tau);
        ASSERT_EQ(series.size(), pages.size());
        for (std::size_t t = 1; t <= pages.size(); ++t) {
            const std::size_t from = t > tau ? t - tau : 0;
            const std::set<std::uint64_t> window(pages.begin() + static_cast<long>(from),
                                                 pages.begin() + static_cast<long>(t));
            ASSERT_EQ(series[t - 1].size, window.size()) << "t=" << t << " tau=" << tau;
        }
    }
}

}  // namespace
}  // namespace pfviz::trace
