// The textbook facts of page replacement, and one hand-worked run per policy.
#include <gtest/gtest.h>

#include "PolicyTestSupport.h"
#include "pfviz/Rng.h"
#include "pfviz/policy/LinuxTwoListPolicy.h"

namespace pfviz::policy {
namespace {

using test::faults;
using test::run;
using test::victims;

// Silberschatz, Operating System Concepts, §10.4 (figures 10.12, 10.14, 10.15).
const std::vector<std::uint64_t> kSilberschatz{7, 0, 1, 2, 0, 3, 0, 4, 2, 3,
                                               0, 3, 2, 1, 2, 0, 1, 7, 0, 1};
// Belady's anomaly string.
const std::vector<std::uint64_t> kBelady{1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5};

TEST(PolicyTextbook, SilberschatzFifoWithThreeFramesHas15Faults) {
    EXPECT_EQ(faults(PolicyKind::Fifo, kSilberschatz, 3), 15u);
}

TEST(PolicyTextbook, SilberschatzOptWithThreeFramesHas9Faults) {
    EXPECT_EQ(faults(PolicyKind::Opt, kSilberschatz, 3), 9u);
}

TEST(PolicyTextbook, SilberschatzLruWithThreeFramesHas12Faults) {
    EXPECT_EQ(faults(PolicyKind::Lru, kSilberschatz, 3), 12u);
}

TEST(PolicyTextbook, BeladyFifoHas9FaultsWithThreeFramesAnd10WithFour) {
    EXPECT_EQ(faults(PolicyKind::Fifo, kBelady, 3), 9u);
    EXPECT_EQ(faults(PolicyKind::Fifo, kBelady, 4), 10u);
}

TEST(PolicyTextbook, ColdMissesCountAsFaults) {
    // Five distinct pages, enough frames for all: exactly the five cold misses, for every policy.
    for (PolicyKind kind : kAllPolicies) {
        const auto r = run(kind, {1, 2, 3, 1, 2, 4, 5, 5}, 8);
        EXPECT_EQ(r.misses, 5u) << policyName(kind);
        EXPECT_EQ(r.hits, 3u) << policyName(kind);
        EXPECT_EQ(r.sequence, "MMMHHMMH") << policyName(kind);
        EXPECT_EQ(r.finalMemory, (std::vector<std::uint64_t>{1, 2, 3, 4, 5})) << policyName(kind);
    }
}

TEST(PolicyTextbook, FramesFillBeforeAnythingIsEvicted) {
    for (PolicyKind kind : kAllPolicies) {
        const auto r = run(kind, {4, 5, 6, 7}, 3);
        const auto v = victims(r);
        EXPECT_EQ(std::vector<long long>(v.begin(), v.begin() + 3),
                  (std::vector<long long>{-1, -1, -1}))
            << policyName(kind);
        EXPECT_NE(v[3], -1) << policyName(kind);
    }
}

TEST(PolicyTextbook, FifoEvictsInLoadOrder) {
    const auto r = run(PolicyKind::Fifo, {7, 0, 1, 2, 0, 3, 0, 4}, 3);
    EXPECT_EQ(r.sequence, "MMMMHMMM");
    EXPECT_EQ(victims(r), (std::vector<long long>{-1, -1, -1, 7, -1, 0, 1, 2}));
    EXPECT_EQ(r.finalMemory, (std::vector<std::uint64_t>{4, 3, 0}));
}

TEST(PolicyTextbook, LruEvictsTheLeastRecentlyUsed) {
    const auto r = run(PolicyKind::Lru, {7, 0, 1, 2, 0, 3, 0, 4}, 3);
    EXPECT_EQ(r.sequence, "MMMMHMHM");
    EXPECT_EQ(victims(r), (std::vector<long long>{-1, -1, -1, 7, -1, 1, -1, 2}));
    EXPECT_EQ(r.finalMemory, (std::vector<std::uint64_t>{4, 0, 3}));
}

TEST(PolicyTextbook, OptEvictsThePageUsedFarthestAheadAndBreaksTiesByLeastRecentUse) {
    // t3: next uses 1@t4, 2@t5, 3@t9 -> evict 3.   t6: 1@t7, 2@t8, 4@t10 -> evict 4.
    // t9: 1 and 2 are never used again; 1 was used longer ago -> evict 1.
    // t10: 3 and 2 are never used again; 2 was used longer ago -> evict 2.
    const auto r = run(PolicyKind::Opt, kBelady, 3);
    EXPECT_EQ(r.misses, 7u);
    EXPECT_EQ(r.sequence, "MMMMHHMHHMMH");
    EXPECT_EQ(victims(r), (std::vector<long long>{-1, -1, -1, 3, -1, -1, 4, -1, -1, 1, 2, -1}));
    EXPECT_EQ(r.finalMemory, (std::vector<std::uint64_t>{3, 4, 5}));
}

TEST(PolicyTextbook, ClockGivesReferencedPagesASecondChance) {
    // Hand trace, 3 frames; a frame is "page(use bit)", ^ marks the hand.
    //  t0 1 M  ^1(1)  -     -        frames fill in order
    //  t1 2 M  ^1(1)  2(1)  -
    //  t2 3 M  ^1(1)  2(1)  3(1)     full: the hand is back at frame 0
    //  t3 4 M   4(1) ^2(0)  3(0)     sweep clears 1, 2, 3, comes back to 1 (bit 0): evict 1
    //  t4 2 H   4(1) ^2(1)  3(0)     a hit sets the bit, the hand stays
    //  t5 5 M  ^4(1)  2(0)  5(1)     2 has its bit: cleared, skipped; 3 has none: evict 3
    //  t6 6 M   4(0)  6(1) ^5(1)     4: cleared, skipped; 2: bit 0, evict 2
    //  t7 4 H   4(1)  6(1) ^5(1)
    //  t8 7 M   4(0)  6(0)  7(1)^    5, 4, 6 cleared; back at 5 (bit 0): evict 5; hand wraps to 0
    // FIFO would evict 2 at t5 and LRU would evict 4 at t6: CLOCK is neither.
    const auto r = run(PolicyKind::Clock, {1, 2, 3, 4, 2, 5, 6, 4, 7}, 3);
    EXPECT_EQ(r.sequence, "MMMMHMMHM");
    EXPECT_EQ(victims(r), (std::vector<long long>{-1, -1, -1, 1, -1, 3, 2, -1, 5}));
    EXPECT_EQ(r.finalMemory, (std::vector<std::uint64_t>{4, 6, 7}));
}

TEST(PolicyTextbook, LfuEvictsTheLeastFrequentlyUsedAndBreaksTiesByLeastRecentUse) {
    // After t5, pages 1, 2, 3 have two references each: the tie goes to the least recently used
    // (3, last used at t3). At t7, page 4 (one reference) is the least frequently used.
    const auto r = run(PolicyKind::Lfu, {1, 2, 3, 3, 2, 1, 4, 5}, 3);
    EXPECT_EQ(r.sequence, "MMMHHHMM");
    EXPECT_EQ(victims(r), (std::vector<long long>{-1, -1, -1, -1, -1, -1, 3, 4}));
    EXPECT_EQ(r.finalMemory, (std::vector<std::uint64_t>{1, 2, 5}));
}

TEST(PolicyTextbook, LfuForgetsTheCountOfAnEvictedPage) {
    // Page 1 is referenced three times, evicted after page 2 and 3 are used more; when it comes
    // back it starts again at one reference and is the next victim.
    const auto r = run(PolicyKind::Lfu, {1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 1, 4}, 2);
    EXPECT_EQ(victims(r).back(), 1);
}

TEST(PolicyTextbook, MruEvictsTheMostRecentlyUsed) {
    const auto r = run(PolicyKind::Mru, {1, 2, 3, 4, 1, 2, 3}, 3);
    EXPECT_EQ(r.sequence, "MMMMHHM");
    EXPECT_EQ(victims(r), (std::vector<long long>{-1, -1, -1, 3, -1, -1, 2}));
    EXPECT_EQ(r.finalMemory, (std::vector<std::uint64_t>{1, 3, 4}));
    // The same cyclic scan makes LRU miss every time.
    EXPECT_EQ(faults(PolicyKind::Lru, {1, 2, 3, 4, 1, 2, 3}, 3), 7u);
}

TEST(PolicyTextbook, RandomEvictsTheFrameTheSeededGeneratorPicks) {
    const std::vector<std::uint64_t> pages{1, 2, 3, 4, 5, 6};
    const auto r = run(PolicyKind::Random, pages, 3, 42);
    // Replay the generator by hand: frames hold 1, 2, 3; each miss replaces frame below(3).
    Rng rng(42);
    std::vector<std::uint64_t> frames{1, 2, 3};
    std::vector<long long> expected{-1, -1, -1};
    for (std::uint64_t page : {4, 5, 6}) {
        const auto f = static_cast<std::size_t>(rng.below(3));
        expected.push_back(static_cast<long long>(frames[f]));
        frames[f] = page;
    }
    EXPECT_EQ(victims(r), expected);
    EXPECT_EQ(r.finalMemory, frames);
    EXPECT_EQ(r.misses, 6u);
}

TEST(PolicyTextbook, RandomIsReproducibleForASeed) {
    std::vector<std::uint64_t> pages;
    Rng gen(7);
    for (int i = 0; i < 500; ++i)
        pages.push_back(gen.below(20));
    const auto a = run(PolicyKind::Random, pages, 5, 99);
    const auto b = run(PolicyKind::Random, pages, 5, 99);
    EXPECT_EQ(a.victims, b.victims);
    EXPECT_EQ(a.finalMemory, b.finalMemory);
}

TEST(PolicyTextbook, LinuxTwoListPromotesOnSecondHitAndReclaimsFromTheInactiveTail) {
    // inactive and active lists written head first; (r) = referenced flag set.
    //  t0 1 M  inactive [1]                 L1: new pages start inactive
    //  t1 2 M  inactive [2 1]
    //  t2 3 M  inactive [3 2 1]
    //  t3 1 H  inactive [3 2 1(r)]          L2: first hit sets referenced
    //  t4 1 H  inactive [3 2]  active [1]   L2: second hit promotes
    //  t5 4 M  evict 2 (inactive tail)      -> inactive [4 3]
    //  t6 3 H  inactive [4 3(r)]
    //  t7 5 M  3(r) rotates to the head (L3 second chance), evict 4 -> inactive [5 3]
    //  t8 5 H, t9 5 H: 5 promoted           -> inactive [3]  active [5 1]
    //  t10 6 M inactive (1) < active (2): demote 1 (L4) -> inactive [1 3] active [5];
    //          evict 3 (its flag was cleared at t7)     -> inactive [6 1]
    const std::vector<std::uint64_t> pages{1, 2, 3, 1, 1, 4, 3, 5, 5, 5, 6};
    const auto r = run(PolicyKind::Linux, pages, 3);
    EXPECT_EQ(r.sequence, "MMMHHMHMHHM");
    EXPECT_EQ(victims(r), (std::vector<long long>{-1, -1, -1, -1, -1, 2, -1, 4, -1, -1, 3}));
    EXPECT_EQ(r.finalMemory, (std::vector<std::uint64_t>{1, 5, 6}));

    const DenseReferences refs(pages);
    LinuxTwoListPolicy linux;
    runPolicy(linux, refs, 3);
    std::vector<std::uint64_t> active, inactive;
    for (auto id : linux.activeList())
        active.push_back(refs.pageOf(id));
    for (auto id : linux.inactiveList())
        inactive.push_back(refs.pageOf(id));
    EXPECT_EQ(active, (std::vector<std::uint64_t>{5}));
    EXPECT_EQ(inactive, (std::vector<std::uint64_t>{6, 1}));
}

TEST(PolicyTextbook, OneFrameFaultsOnEveryChangeOfPage) {
    for (PolicyKind kind : kAllPolicies) {
        EXPECT_EQ(faults(kind, {1, 1, 2, 2, 1, 3, 3}, 1), 4u) << policyName(kind);
    }
}

TEST(PolicyTextbook, EmptyReferenceStringHasNoFaults) {
    for (PolicyKind kind : kAllPolicies) {
        const auto r = run(kind, {}, 3);
        EXPECT_EQ(r.references, 0u);
        EXPECT_EQ(r.misses, 0u);
        EXPECT_TRUE(r.finalMemory.empty());
    }
}

TEST(PolicyTextbook, FrameCountOutOfRangeIsRejected) {
    const DenseReferences refs(std::vector<std::uint64_t>{1, 2});
    const auto policy = makePolicy(PolicyKind::Fifo);
    EXPECT_THROW(runPolicy(*policy, refs, 0), std::invalid_argument);
    EXPECT_THROW(runPolicy(*policy, refs, kMaxLabFrames + 1), std::invalid_argument);
    EXPECT_EQ(runPolicy(*policy, refs, kMaxLabFrames).misses, 2u);  // no 2^26-frame allocation
}

TEST(PolicyTextbook, PolicyNamesRoundTrip) {
    for (PolicyKind kind : kAllPolicies) {
        EXPECT_EQ(parsePolicyKind(policyName(kind)), kind);
        EXPECT_EQ(makePolicy(kind)->kind(), kind);
    }
    EXPECT_FALSE(parsePolicyKind("FIFO").has_value());
    EXPECT_FALSE(parsePolicyKind("nru").has_value());
}

}  // namespace
}  // namespace pfviz::policy
