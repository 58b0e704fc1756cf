// Properties that must hold on every reference string, checked over many seeded random strings,
// and the fast policies checked victim by victim against naive O(frames) reference versions.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>

#include "PolicyTestSupport.h"
#include "pfviz/Rng.h"
#include "pfviz/policy/FaultSweep.h"

namespace pfviz::policy {
namespace {

using test::victims;

// A random string over `pages` pages; half the time with locality (short loops and repeats).
std::vector<std::uint64_t> randomString(Rng& rng, std::size_t length, std::uint64_t pages) {
    std::vector<std::uint64_t> s;
    const bool local = rng.below(2) == 0;
    while (s.size() < length) {
        if (local && !s.empty() && rng.below(3) != 0) {
            s.push_back(s[s.size() - 1 - rng.below(std::min<std::uint64_t>(s.size(), 4))]);
        } else {
            s.push_back(rng.below(pages));
        }
    }
    return s;
}

struct NaiveSlot {
    std::uint64_t page{};
    std::size_t loadedAt{};
    std::size_t lastUse{};
    std::uint64_t count{};
    bool useBit{};
};

// Chooses the slot to evict at time t from full memory.
using Chooser = std::function<std::size_t(const std::vector<NaiveSlot>&, std::size_t t,
                                          const std::vector<std::uint64_t>& pages)>;

// The textbook simulation with whole-memory scans; clock keeps its own hand.
std::vector<long long> naiveVictims(const std::vector<std::uint64_t>& pages, std::size_t frames,
                                    const Chooser& choose, bool clock = false) {
    std::vector<NaiveSlot> mem;
    std::vector<long long> out;
    std::size_t hand = 0;
    for (std::size_t t = 0; t < pages.size(); ++t) {
        auto it = std::find_if(mem.begin(), mem.end(),
                               [&](const NaiveSlot& s) { return s.page == pages[t]; });
        if (it != mem.end()) {
            it->lastUse = t;
            ++it->count;
            it->useBit = true;
            out.push_back(-1);
            continue;
        }
        const NaiveSlot fresh{pages[t], t, t, 1, true};
        if (mem.size() < frames) {
            mem.push_back(fresh);
            out.push_back(-1);
            continue;
        }
        std::size_t v = 0;
        if (clock) {
            while (mem[hand].useBit) {
                mem[hand].useBit = false;
                hand = (hand + 1) % frames;
            }
            v = hand;
            hand = (hand + 1) % frames;
        } else {
            v = choose(mem, t, pages);
        }
        out.push_back(static_cast<long long>(mem[v].page));
        mem[v] = fresh;
    }
    return out;
}

std::size_t argBest(const std::vector<NaiveSlot>& mem,
                    const std::function<bool(const NaiveSlot&, const NaiveSlot&)>& better) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < mem.size(); ++i) {
        if (better(mem[i], mem[best])) best = i;
    }
    return best;
}

const Chooser kNaiveFifo = [](const auto& mem, std::size_t, const auto&) {
    return argBest(mem,
                   [](const NaiveSlot& a, const NaiveSlot& b) { return a.loadedAt < b.loadedAt; });
};
const Chooser kNaiveLru = [](const auto& mem, std::size_t, const auto&) {
    return argBest(mem,
                   [](const NaiveSlot& a, const NaiveSlot& b) { return a.lastUse < b.lastUse; });
};
const Chooser kNaiveMru = [](const auto& mem, std::size_t, const auto&) {
    return argBest(mem,
                   [](const NaiveSlot& a, const NaiveSlot& b) { return a.lastUse > b.lastUse; });
};
const Chooser kNaiveLfu = [](const auto& mem, std::size_t, const auto&) {
    return argBest(mem, [](const NaiveSlot& a, const NaiveSlot& b) {
        return a.count != b.count ? a.count < b.count : a.lastUse < b.lastUse;
    });
};
const Chooser kNaiveOpt = [](const auto& mem, std::size_t t, const auto& pages) {
    const auto nextUse = [&](const NaiveSlot& s) {
        for (std::size_t u = t + 1; u < pages.size(); ++u) {
            if (pages[u] == s.page) return u;
        }
        return pages.size();  // never again
    };
    return argBest(mem, [&](const NaiveSlot& a, const NaiveSlot& b) {
        const std::size_t na = nextUse(a), nb = nextUse(b);
        if (na != nb) return na > nb;
        return a.lastUse < b.lastUse;  // both never used again: least recently used first
    });
};

class PolicyProperty : public ::testing::Test {
protected:
    template <class Check>
    void forRandomStrings(int count, Check check) {
        Rng rng(20240601);
        for (int i = 0; i < count; ++i) {
            const std::size_t length = 20 + rng.below(200);
            const std::uint64_t pages = 2 + rng.below(14);
            const auto s = randomString(rng, length, pages);
            check(s);
        }
    }
};

TEST_F(PolicyProperty, FastPoliciesMatchNaiveTextbookSimulationVictimForVictim) {
    const std::vector<std::pair<PolicyKind, Chooser>> cases{{PolicyKind::Fifo, kNaiveFifo},
                                                            {PolicyKind::Lru, kNaiveLru},
                                                            {PolicyKind::Opt, kNaiveOpt},
                                                            {PolicyKind::Lfu, kNaiveLfu},
                                                            {PolicyKind::Mru, kNaiveMru}};
    forRandomStrings(200, [&](const std::vector<std::uint64_t>& s) {
        for (std::size_t frames = 1; frames <= 8; ++frames) {
            for (const auto& [kind, chooser] : cases) {
                ASSERT_EQ(victims(test::run(kind, s, frames)), naiveVictims(s, frames, chooser))
                    << policyName(kind) << " with " << frames << " frames";
            }
            ASSERT_EQ(victims(test::run(PolicyKind::Clock, s, frames)),
                      naiveVictims(s, frames, kNaiveFifo, true))
                << "clock with " << frames << " frames";
        }
    });
}

TEST_F(PolicyProperty, OptNeverHasMoreFaultsThanAnyOtherPolicy) {
    forRandomStrings(300, [](const std::vector<std::uint64_t>& s) {
        for (std::uint64_t frames = 1; frames <= 10; ++frames) {
            const auto opt = test::faults(PolicyKind::Opt, s, frames);
            for (PolicyKind kind : kAllPolicies) {
                for (std::uint64_t seed : {1, 2, 3}) {
                    ASSERT_LE(opt, test::faults(kind, s, frames, seed))
                        << policyName(kind) << " with " << frames << " frames";
                }
            }
        }
    });
}

TEST_F(PolicyProperty, LruAndOptFaultsNeverIncreaseWithMoreFrames) {
    forRandomStrings(300, [](const std::vector<std::uint64_t>& s) {
        for (PolicyKind kind : {PolicyKind::Lru, PolicyKind::Opt}) {
            std::uint64_t previous = s.size() + 1;
            std::set<std::uint64_t> previousMemory;
            for (std::uint64_t frames = 1; frames <= 16; ++frames) {
                const auto r = test::run(kind, s, frames);
                ASSERT_LE(r.misses, previous) << policyName(kind) << " " << frames;
                // Stack (inclusion) property: memory with n frames is a subset of memory with n+1.
                const std::set<std::uint64_t> memory(r.finalMemory.begin(), r.finalMemory.end());
                ASSERT_TRUE(std::includes(memory.begin(), memory.end(), previousMemory.begin(),
                                          previousMemory.end()))
                    << policyName(kind) << " " << frames;
                previous = r.misses;
                previousMemory = memory;
            }
        }
    });
}

TEST_F(PolicyProperty, EveryRunIsConsistentWithItsVictims) {
    forRandomStrings(100, [](const std::vector<std::uint64_t>& s) {
        const std::set<std::uint64_t> distinct(s.begin(), s.end());
        for (PolicyKind kind : kAllPolicies) {
            for (std::uint64_t frames = 1; frames <= 20; ++frames) {
                const auto r = test::run(kind, s, frames);
                ASSERT_EQ(r.hits + r.misses, s.size());
                ASSERT_GE(r.misses, distinct.size());
                if (frames >= distinct.size()) {
                    ASSERT_EQ(r.misses, distinct.size());
                }
                // Replay: fill frames in order, a new page takes its victim's frame.
                std::vector<std::uint64_t> mem;
                for (std::size_t t = 0; t < s.size(); ++t) {
                    const bool resident = std::find(mem.begin(), mem.end(), s[t]) != mem.end();
                    ASSERT_EQ(r.sequence[t], resident ? 'H' : 'M');
                    if (resident) {
                        ASSERT_FALSE(r.victims[t].has_value());
                    } else if (mem.size() < frames) {
                        ASSERT_FALSE(r.victims[t].has_value());
                        mem.push_back(s[t]);
                    } else {
                        ASSERT_TRUE(r.victims[t].has_value());
                        const auto v = std::find(mem.begin(), mem.end(), *r.victims[t]);
                        ASSERT_NE(v, mem.end()) << "victim not resident";
                        *v = s[t];
                    }
                }
                ASSERT_EQ(r.finalMemory, mem) << policyName(kind);
            }
        }
    });
}

TEST_F(PolicyProperty, SweepMatchesOneRunPerFrameCount) {
    forRandomStrings(60, [](const std::vector<std::uint64_t>& s) {
        const DenseReferences refs(s);
        for (PolicyKind kind : kAllPolicies) {
            const auto sweep = sweepFrames(kind, refs, 1, 20, 5);
            ASSERT_EQ(sweep.size(), 20u);
            for (const auto& point : sweep) {
                const auto r = test::run(kind, s, point.frames, 5);
                ASSERT_EQ(point.misses, r.misses) << policyName(kind) << " " << point.frames;
                ASSERT_EQ(point.hits, r.hits);
            }
        }
    });
}

TEST(PolicySweep, BeladysAnomalyShowsInTheFifoCurve) {
    const DenseReferences refs(std::vector<std::uint64_t>{1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5});
    const auto sweep = sweepFrames(PolicyKind::Fifo, refs, 1, 6);
    std::vector<std::uint64_t> misses;
    for (const auto& p : sweep)
        misses.push_back(p.misses);
    EXPECT_EQ(misses, (std::vector<std::uint64_t>{12, 12, 9, 10, 5, 5}));
}

TEST(PolicySweep, RejectsBadRanges) {
    const DenseReferences refs(std::vector<std::uint64_t>{1, 2, 3});
    EXPECT_THROW(sweepFrames(PolicyKind::Lru, refs, 0, 3), std::invalid_argument);
    EXPECT_THROW(sweepFrames(PolicyKind::Lru, refs, 4, 3), std::invalid_argument);
    EXPECT_THROW(sweepFrames(PolicyKind::Lru, refs, 1, kMaxSweepPoints + 1), std::invalid_argument);
    EXPECT_EQ(sweepFrames(PolicyKind::Opt, refs, kMaxLabFrames - 1, kMaxLabFrames).size(), 2u);
}

TEST(PolicySweep, WorkCountsOnlyFrameCountsThatNeedASimulation) {
    const DenseReferences refs(std::vector<std::uint64_t>{1, 2, 3, 1, 2, 3});
    EXPECT_EQ(sweepWork(PolicyKind::Fifo, refs, 1, 4096), 2u * 6u);  // 1 and 2 frames
    EXPECT_EQ(sweepWork(PolicyKind::Lru, refs, 1, 4096), 6u);        // one stack-distance pass
    EXPECT_EQ(sweepWork(PolicyKind::Opt, refs, 3, 4096), 0u);
}

}  // namespace
}  // namespace pfviz::policy
