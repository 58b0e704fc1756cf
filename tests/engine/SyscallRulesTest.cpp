// mprotect, malloc placement, context switches and the cost model.
#include <gtest/gtest.h>

#include "TestSupport.h"

namespace pfviz {
namespace {

using test::proc;
using test::runChecked;
using test::scenarioJson;

TEST(Mprotect, ReadOnlyThenReadWriteOfADirtyPrivatePageNeedsNoFault) {
    // Measured (§13 #14): mprotect RO -> RW of a dirty private page, then write: 0 faults.
    const auto sim = runChecked(scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":4096},
        {"op":"touch","pid":1,"region":"a","access":"write"},
        {"op":"mprotect","pid":1,"region":"a","prot":"r"},
        {"op":"mprotect","pid":1,"region":"a","prot":"rw"},
        {"op":"touch","pid":1,"region":"a","access":"write"}])"));
    EXPECT_EQ(proc(*sim, 1).counters.c.faults.minor, 1u);
}

TEST(Mprotect, T3_RemovingWriteFlushesThePresentPage) {
    const auto json = scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":"16 KiB"},
        {"op":"touch","pid":1,"region":"a","access":"write"},
        {"op":"mprotect","pid":1,"region":"a","prot":"r"}])");
    const auto sim = runChecked(json);
    EXPECT_EQ(sim->machine().counters.pagesFlushed, 4u);
    for (const TlbEntry& t : sim->machine().tlb.entries())
        EXPECT_FALSE(t.valid && t.writable);
}

TEST(Mprotect, ProtNoneKeepsTheFrameButRefusesAccess) {
    const auto sim = runChecked(scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":4096},
        {"op":"touch","pid":1,"region":"a","access":"write"},
        {"op":"mprotect","pid":1,"region":"a","prot":"none",
         "expect":{"processes":{"p1":{"rss_pages":1}}}},
        {"op":"mprotect","pid":1,"region":"a","prot":"rw"},
        {"op":"touch","pid":1,"region":"a","access":"read"},
        {"op":"mprotect","pid":1,"region":"a","prot":"none"},
        {"op":"touch","pid":1,"region":"a","access":"read"}])"));
    EXPECT_TRUE(sim->checkExpectations().empty());
    EXPECT_EQ(proc(*sim, 1).exitSignal, SigCode::SegvAccerr);
    EXPECT_EQ(proc(*sim, 1).counters.c.faults.minor, 1u);
}

TEST(Populate, F4_ChargesEachFaultOnce) {
    // populate is shown as one event that carries the cost of its faults: the clock must advance
    // by that cost once, and every event's cost must add up to the clock.
    Simulator sim(parseScenario(scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":"16 KiB",
        "populate":true}])"),
                                "t.json"));
    std::uint64_t total = 0, populateCost = 0;
    while (!sim.atEnd())
        for (const Event& e : sim.step()) {
            total += e.cost;
            if (e.kind == EventKind::Populate) populateCost = e.cost;
        }
    // 4 minor faults of 1000 ns, plus a PUD, a PMD and a PTE table of 250 ns each.
    EXPECT_EQ(populateCost, 4u * 1000 + 3 * 250);
    EXPECT_EQ(total, static_cast<std::uint64_t>(sim.machine().now));
}

TEST(Malloc, SmallBlocksComeFromTheBrkHeapBigOnesFromMmap) {
    const auto sim = runChecked(scenarioJson(R"([{"op":"malloc","pid":1,"region":"s","size":64},
        {"op":"malloc","pid":1,"region":"b","size":"128 KiB"}])"));
    const Process& p = proc(*sim, 1);
    ASSERT_EQ(p.vmas.size(), 2u);
    const Vma* heap = p.findVma(p.findRegion("s")->start);
    ASSERT_NE(heap, nullptr);
    EXPECT_EQ(heap->name, "[heap]");
    EXPECT_EQ(heap->end - heap->start, 33u * 4096);  // 64 B + header + 128 KiB top pad, whole pages
    const Vma* big = p.findVma(p.findRegion("b")->start);
    ASSERT_NE(big, nullptr);
    EXPECT_EQ(big->name, "b");
    EXPECT_EQ(p.findRegion("b")->start - big->start, 16u);  // the chunk header comes first
}

TEST(Malloc, FreeOfAMappedBlockUnmapsItAndFreeOfAHeapChunkDoesNot) {
    const auto sim = runChecked(scenarioJson(R"([{"op":"malloc","pid":1,"region":"s","size":1000},
        {"op":"touch","pid":1,"region":"s","access":"write"},
        {"op":"malloc","pid":1,"region":"b","size":"1 MiB"},
        {"op":"touch","pid":1,"region":"b","access":"write"},
        {"op":"free","pid":1,"region":"b"},
        {"op":"free","pid":1,"region":"s"}])"));
    EXPECT_EQ(proc(*sim, 1).counters.rssPages, 1u);  // the heap page stays resident
    EXPECT_EQ(proc(*sim, 1).vmas.size(), 1u);
}

TEST(ContextSwitch, TaggedTlbKeepsEntriesAcrossSwitches) {
    const auto sim = runChecked(scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":"16 KiB"},
        {"op":"mmap","pid":2,"region":"a","size":"16 KiB"},
        {"op":"touch","pid":1,"region":"a","access":"write"},
        {"op":"touch","pid":2,"region":"a","access":"write"},
        {"op":"touch","pid":1,"region":"a","access":"read"},
        {"op":"touch","pid":2,"region":"a","access":"read"}])",
                                             "", 2));
    EXPECT_EQ(sim->machine().counters.tlbHits, 8u);
}

TEST(ContextSwitch, UntaggedTlbLosesEverythingAtASwitch) {
    const auto sim = runChecked(
        scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":"16 KiB"},
        {"op":"mmap","pid":2,"region":"a","size":"16 KiB"},
        {"op":"touch","pid":1,"region":"a","access":"write"},
        {"op":"touch","pid":2,"region":"a","access":"write"},
        {"op":"touch","pid":1,"region":"a","access":"read"},
        {"op":"touch","pid":2,"region":"a","access":"read"}])",
                     R"({"memory":"16 MiB","tlb":{"entries":64,"ways":4,"tagging":"flush"}})", 2));
    EXPECT_EQ(sim->machine().counters.tlbHits, 0u);  // every switch flushed what the reads needed
}

TEST(CostModel, DefaultsAndTheSeedsFiguresByConfiguration) {
    // The seed's figures: a minor fault ~1 us. Override to 2 us and check simulated time.
    const auto base = runChecked(scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":4096},
        {"op":"touch","pid":1,"region":"a","access":"write"}])"));
    const auto slow =
        runChecked(scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":4096},
        {"op":"touch","pid":1,"region":"a","access":"write"}])",
                                R"({"memory":"16 MiB","costs":{"minor_fault_ns":2000}})"));
    EXPECT_EQ(slow->machine().now - base->machine().now, 1000u);
    EXPECT_EQ(CostModel{}.faultAnonZeroFill, 1000u);
}

TEST(CostModel, EveryEventAdvancesTimeByItsCost) {
    Simulator sim(parseScenario(scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":"64 KiB"},
        {"op":"touch","pid":1,"region":"a","access":"read_then_write"},
        {"op":"fork","pid":1,"child":2},
        {"op":"touch","pid":2,"region":"a","access":"write"}])"),
                                "t.json"));
    SimTime t = 0;
    while (!sim.atEnd())
        for (const Event& e : sim.step()) {
            EXPECT_EQ(e.time, t) << eventKindId(e.kind);
            t += e.cost;
        }
    EXPECT_EQ(t, sim.machine().now);
}

TEST(TinyGeometry, SixteenBytePagesTwoLevels) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":64,"addr":"0x40"},
        {"op":"touch","pid":1,"region":"a","access":"write"}])",
        R"({"frames":16,"page_size":16,"paging":{"levels":[2,2]},"tlb":{"entries":2,"ways":"full"}})"));
    EXPECT_EQ(proc(*sim, 1).counters.c.faults.minor, 4u);
    EXPECT_EQ(proc(*sim, 1).counters.pageTablePages, 2u);  // root + one leaf table
}

}  // namespace
}  // namespace pfviz
