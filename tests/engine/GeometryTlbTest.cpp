// T1 (walk geometry), T2 (hit after eviction), T5 (ASIDs) and the TLB's set/LRU behaviour.
#include <gtest/gtest.h>

#include "TestSupport.h"
#include "pfviz/Tlb.h"

namespace pfviz {
namespace {

TEST(Geometry, T1_FourLevelIndicesOfTheDocExample) {
    const Geometry g = Geometry::x86_64();
    const VirtAddr va = 0x7f1234567abc;
    EXPECT_EQ(g.indexAt(va, 0), 254u);  // PGD
    EXPECT_EQ(g.indexAt(va, 1), 72u);   // PUD
    EXPECT_EQ(g.indexAt(va, 2), 418u);  // PMD
    EXPECT_EQ(g.indexAt(va, 3), 359u);  // PTE
    EXPECT_EQ(va & (g.pageSize() - 1), 0xabcu);
    EXPECT_EQ(g.vaBits(), 48u);
    EXPECT_EQ(g.shiftOf(0), 39u);
    EXPECT_EQ(g.shiftOf(3), 12u);
}

TEST(Geometry, PresetsAndTinyTeachingGeometries) {
    EXPECT_EQ(Geometry::i386().vaBits(), 32u);
    EXPECT_EQ(Geometry::i386().indexAt(0xC0801234, 0), 0x302u);
    EXPECT_EQ(Geometry::i386().indexAt(0xC0801234, 1), 0x001u);
    EXPECT_EQ(Geometry::x86_64_la57().vaBits(), 57u);
    const Geometry tiny{4, {2, 2}};  // 16-byte pages, 2 levels of 4 entries: 256 bytes of VA
    EXPECT_EQ(tiny.vaEnd(), 256u);
    EXPECT_EQ(tiny.indexAt(0xB7, 0), 2u);
    EXPECT_EQ(tiny.indexAt(0xB7, 1), 3u);
}

TEST(Geometry, T1_WalkEmitsOneReadPerLevel) {
    const auto json = test::scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":4096},
            {"op":"touch","pid":1,"region":"a","access":"write"}])");
    // Fault walk: the PGD entry is missing (1 read). Retry walk: 4 reads.
    EXPECT_EQ(test::countEvents(json, EventKind::WalkLevel), 5u);
    const auto json5 = test::scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":4096},
            {"op":"touch","pid":1,"region":"a","access":"write"}])",
        R"({"memory":"16 MiB","paging":"x86-64-la57"})");
    EXPECT_EQ(test::countEvents(json5, EventKind::WalkLevel), 6u);
}

TEST(Tlb, LruWithinASet) {
    Tlb tlb(TlbConfig{4, 2, TlbTagging::Asid, 6});  // 2 sets of 2 ways
    const auto asid = tlb.switchTo(Pid{1}).asid;
    tlb.fill(asid, Vpn{0}, Pfn{10}, true, false);  // set 0
    tlb.fill(asid, Vpn{2}, Pfn{12}, true, false);  // set 0
    ASSERT_TRUE(tlb.lookup(asid, Vpn{0}));         // 0 is now most recent
    tlb.fill(asid, Vpn{4}, Pfn{14}, true, false);  // evicts 2, the least recently used
    EXPECT_TRUE(tlb.lookup(asid, Vpn{0}));
    EXPECT_FALSE(tlb.lookup(asid, Vpn{2}));
    EXPECT_TRUE(tlb.lookup(asid, Vpn{4}));
}

TEST(Tlb, DirectMappedConflictMisses) {
    Tlb tlb(TlbConfig{8, 1, TlbTagging::Asid, 6});
    const auto asid = tlb.switchTo(Pid{1}).asid;
    tlb.fill(asid, Vpn{3}, Pfn{1}, false, false);
    tlb.fill(asid, Vpn{11}, Pfn{2}, false, false);  // same set (11 % 8 == 3)
    EXPECT_FALSE(tlb.lookup(asid, Vpn{3}));
    EXPECT_TRUE(tlb.lookup(asid, Vpn{11}));
}

TEST(Tlb, T5_TwoProcessesAlternatingKeepTheirEntries) {
    Tlb tlb(TlbConfig{64, 4, TlbTagging::Asid, 6});
    const auto a = tlb.switchTo(Pid{1});
    tlb.fill(a.asid, Vpn{5}, Pfn{5}, true, false);
    const auto b = tlb.switchTo(Pid{2});
    tlb.fill(b.asid, Vpn{5}, Pfn{6}, true, false);
    const auto a2 = tlb.switchTo(Pid{1});
    EXPECT_FALSE(a2.flushed);
    EXPECT_EQ(a2.asid, a.asid);
    ASSERT_TRUE(tlb.lookup(a2.asid, Vpn{5}));
    EXPECT_EQ(tlb.entries()[*tlb.lookup(a2.asid, Vpn{5})].pfn, Pfn{5});
}

TEST(Tlb, T5_SevenProcessesRoundRobinAlwaysStartCold) {
    Tlb tlb(TlbConfig{64, 4, TlbTagging::Asid, 6});
    for (std::uint32_t p = 1; p <= 7; ++p)
        tlb.fill(tlb.switchTo(Pid{p}).asid, Vpn{p}, Pfn{p}, true, false);
    // Round robin over 7 address spaces with 6 slots: every switch finds its slot taken.
    for (int round = 0; round < 3; ++round)
        for (std::uint32_t p = 1; p <= 7; ++p) {
            const auto r = tlb.switchTo(Pid{p});
            EXPECT_TRUE(r.flushed) << "pid " << p;
            EXPECT_FALSE(tlb.lookup(r.asid, Vpn{p}));
            tlb.fill(r.asid, Vpn{p}, Pfn{p}, true, false);
        }
}

TEST(Tlb, UntaggedTlbFlushesAtEverySwitch) {
    Tlb tlb(TlbConfig{64, 4, TlbTagging::Flush, 6});
    const auto a = tlb.switchTo(Pid{1});
    tlb.fill(a.asid, Vpn{1}, Pfn{1}, true, false);
    EXPECT_TRUE(tlb.switchTo(Pid{2}).flushed);
    const auto back = tlb.switchTo(Pid{1});
    EXPECT_TRUE(back.flushed);
    EXPECT_FALSE(tlb.lookup(back.asid, Vpn{1}));
}

TEST(Tlb, T2_SecondAccessAfterEvictionIsAMissButNoFault) {
    // 1-entry TLB: touching two pages alternately evicts each time, yet only the first touch
    // of each page faults.
    const auto sim = test::runChecked(test::scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":8192},
            {"op":"touch","pid":1,"region":"a","access":"write","repeat":5}])",
        R"({"memory":"1 MiB","tlb":{"entries":1,"ways":1}})"));
    const Counters& c = sim->machine().counters;
    EXPECT_EQ(c.faults.minor, 2u);
    EXPECT_EQ(c.tlbHits, 0u);
    EXPECT_EQ(c.tlbMisses, 2u * 2 + 8);  // 2 faulting accesses miss twice, 8 later accesses once
}

TEST(Tlb, HitsAfterTheFirstTouch) {
    const auto sim = test::runChecked(test::scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"64 KiB"},
            {"op":"touch","pid":1,"region":"a","access":"write","repeat":3}])"));
    const Counters& c = sim->machine().counters;
    EXPECT_EQ(c.faults.minor, 16u);
    EXPECT_EQ(c.tlbHits, 32u);  // repeats 2 and 3 hit: 16 pages fit in the 64-entry TLB
}

}  // namespace
}  // namespace pfviz
