// Transparent huge pages (H1-H3, C7) and shared anonymous memory (C6) of
// shared/docs/linux-vm-semantics.md, with the doc's example numbers.
#include <gtest/gtest.h>

#include "TestSupport.h"
#include "pfviz/Summary.h"

namespace pfviz {
namespace {

using test::proc;
using test::runChecked;
using test::scenarioJson;

constexpr const char* kThpMachine = R"({"memory":"256 MiB","thp":"madvise"})";

// 64 MiB, MADV_HUGEPAGE (or the advice given), then the touches given.
std::string thpScenario(const std::string& advice, const std::string& touches,
                        const char* machine = kThpMachine) {
    std::string steps = R"([{"op":"mmap","pid":1,"region":"a","size":"64 MiB"})";
    if (!advice.empty())
        steps += R"(,{"op":"madvise","pid":1,"region":"a","advice":")" + advice + "\"}";
    return scenarioJson(steps + touches + "]", machine);
}

std::uint64_t hugeTlbEntries(const Machine& m, Pid pid) {
    std::uint64_t n = 0;
    const auto asid = m.tlb.asidOf(pid);
    for (const TlbEntry& e : m.tlb.entries())
        n += e.valid && e.huge && asid && e.asid == *asid ? 1 : 0;
    return n;
}

TEST(HugePages, H2_WritesFaultOncePerHugePage) {
    // H2 check: 64 MiB aligned, MADV_HUGEPAGE, writes -> 32 faults, thp_fault_alloc +32,
    // AnonHugePages +64 MiB.
    const auto sim = runChecked(
        thpScenario("hugepage", R"(,{"op":"touch","pid":1,"region":"a","access":"write"})"));
    const Process& p = proc(*sim, 1);
    EXPECT_EQ(p.regions.front().start % (2u << 20), 0u);  // THP-aligned by mmap
    EXPECT_EQ(p.counters.c.faults.minor, 32u);
    EXPECT_EQ(p.counters.c.thpFaultAlloc, 32u);
    EXPECT_EQ(p.counters.rssPages, 16384u);  // RSS +64 MiB
    const auto j = summaryJson(sim->machine(), "t", 0, sim->stepIndex());
    EXPECT_EQ(j["thp"]["fault_alloc"], 32);
    EXPECT_EQ(j["thp"]["anon_huge_pages_kib"], 65536);
    EXPECT_EQ(j["processes"][0]["thp"]["anon_huge_pages_kib"], 65536);
    // T1: a 2 MiB page ends the walk at the PMD: 3 reads, not 4. Before each fault the walk
    // stops at the empty entry (the PGD's for the very first one: 1 read; then the empty PMD:
    // 3 reads); after it, at the huge PMD (3 reads).
    EXPECT_EQ(p.counters.c.walks, 64u);
    EXPECT_EQ(test::countEvents(thpScenario("hugepage", R"(,{"op":"touch","pid":1,"region":"a",
                                                             "access":"write"})"),
                                EventKind::WalkLevel),
              1u + 31u * 3u + 32u * 3u);
}

TEST(HugePages, C4_PssOfAHugePageSharedAfterForkIsHalfEach) {
    // A PMD-mapped THP shared by parent and child after fork: 512 pages split two ways (C4).
    const auto sim =
        runChecked(thpScenario("hugepage", R"(,{"op":"touch","pid":1,"region":"a","access":"write"},
                                   {"op":"fork","pid":1,"child":2})"));
    EXPECT_DOUBLE_EQ(sim->machine().pssPages(proc(*sim, 1)), 8192.0);
    EXPECT_DOUBLE_EQ(sim->machine().pssPages(proc(*sim, 2)), 8192.0);
    const auto j = summaryJson(sim->machine(), "t", 0, sim->stepIndex());
    EXPECT_EQ(j["processes"][1]["pss_kib"], 32768);
}

TEST(HugePages, H2_OneByteTouchedStillCostsTwoMiB) {
    // H2: RSS +2 MiB even if only 1 byte was touched.
    const auto sim = runChecked(thpScenario(
        "hugepage", R"(,{"op":"touch","pid":1,"region":"a","length":1,"access":"write"})"));
    EXPECT_EQ(proc(*sim, 1).counters.rssPages, 512u);
    EXPECT_EQ(proc(*sim, 1).counters.c.faults.minor, 1u);
}

TEST(HugePages, H2_ReadsMapTheHugeZeroPageThenWritesAllocate) {
    // H2 check: reads first -> 32 faults with RSS +0, then writes -> 32 faults (6.18 behaviour:
    // a write to the huge zero page allocates a THP in one fault).
    const auto reads = runChecked(
        thpScenario("hugepage", R"(,{"op":"touch","pid":1,"region":"a","access":"read"})"));
    EXPECT_EQ(proc(*reads, 1).counters.c.faults.minor, 32u);
    EXPECT_EQ(proc(*reads, 1).counters.rssPages, 0u);
    EXPECT_EQ(reads->machine().counters.thpZeroPageMaps, 32u);
    EXPECT_EQ(reads->machine().memory.countOf(FrameUse::Anon), 0u);
    const auto both =
        runChecked(thpScenario("hugepage", R"(,{"op":"touch","pid":1,"region":"a","access":"read"},
                                   {"op":"touch","pid":1,"region":"a","access":"write"})"));
    const Process& p = proc(*both, 1);
    EXPECT_EQ(p.counters.c.faults.minor, 64u);
    EXPECT_EQ(p.counters.c.thpFaultAlloc, 32u);
    EXPECT_EQ(p.counters.rssPages, 16384u);
    EXPECT_EQ(both->machine().counters.thpSplitPmd, 0u);
}

TEST(HugePages, H2_NoHugepageFaultsEvery4KiB) {
    // H2 check: MADV_NOHUGEPAGE -> 16 384 faults (also with enabled=always).
    const auto sim = runChecked(
        thpScenario("nohugepage", R"(,{"op":"touch","pid":1,"region":"a","access":"write"})",
                    R"({"memory":"256 MiB","thp":"always"})"));
    EXPECT_EQ(proc(*sim, 1).counters.c.faults.minor, 16384u);
    EXPECT_EQ(proc(*sim, 1).counters.c.thpFaultAlloc, 0u);
    // enabled=always needs no advice; enabled=madvise without it uses 4 KiB pages.
    const auto always =
        runChecked(thpScenario("", R"(,{"op":"touch","pid":1,"region":"a","access":"write"})",
                               R"({"memory":"256 MiB","thp":"always"})"));
    EXPECT_EQ(proc(*always, 1).counters.c.faults.minor, 32u);
    const auto noAdvice =
        runChecked(thpScenario("", R"(,{"op":"touch","pid":1,"region":"a","access":"write"})"));
    EXPECT_EQ(proc(*noAdvice, 1).counters.c.faults.minor, 16384u);
}

TEST(HugePages, H2_AllocationFailureFallsBackTo4KiB) {
    // 4 MiB of memory: the first huge page fits, the second would take free memory below the
    // low watermark, so its range faults 4 KiB at a time: 1 + 512 faults.
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"4 MiB"},
            {"op":"madvise","pid":1,"region":"a","advice":"hugepage"},
            {"op":"touch","pid":1,"region":"a","access":"write"}])",
        R"({"memory":"4 MiB","thp":"madvise","swap":{"size":"16 MiB"}})"));
    const Process& p = proc(*sim, 1);
    EXPECT_EQ(sim->machine().counters.thpFaultAlloc, 1u);
    EXPECT_EQ(sim->machine().counters.thpFaultFallback, 1u);
    EXPECT_EQ(p.counters.c.faults.minor, 1u + 512u);
    EXPECT_EQ(p.counters.rssPages + p.counters.swapPages, 1024u);
}

TEST(HugePages, H2_NoAlignedFreeBlockFallsBack) {
    // Memory is free but fragmented: every 2 MiB block holds one page-table or data frame.
    // 8 MiB = 4 blocks; block 0 holds the zero page. Three 4 KiB mappings spread out first.
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"small","size":"12 KiB"},
            {"op":"touch","pid":1,"region":"small","access":"write"},
            {"op":"mmap","pid":1,"region":"a","size":"2 MiB"},
            {"op":"madvise","pid":1,"region":"a","advice":"hugepage"},
            {"op":"touch","pid":1,"region":"a","length":4096,"access":"write"}])",
        R"({"memory":"8 MiB","thp":"madvise"})"));
    // The LIFO free list hands out the lowest frames first, so blocks 1-3 are still whole and
    // one huge page fits; this checks the aligned-block search picks a whole block.
    const Machine& m = sim->machine();
    EXPECT_EQ(m.counters.thpFaultAlloc, 1u);
    const Pte* e = m.leafPte(proc(*sim, 1), proc(*sim, 1).findRegion("a")->start);
    ASSERT_NE(e, nullptr);
    ASSERT_TRUE(e->huge());
    EXPECT_EQ(e->target % 512, 0u);
    for (std::uint64_t i = 0; i < 512; ++i)
        EXPECT_EQ(m.memory.frame(Pfn{e->target + i}).pmdMaps, 1u);
}

TEST(HugePages, H3_TlbReachIsEntriesTimesPageSize) {
    // H3 check: a 1536-entry second-level TLB covers 6 MiB with 4 KiB pages and 3 GiB with
    // 2 MiB pages.
    Tlb small(TlbConfig{1536, 12, TlbTagging::Asid, 6});
    small.setHugeOrder(9);
    Tlb huge = small;
    for (std::uint64_t i = 0; i < 1536; ++i) {
        small.fill(0, Vpn{i}, Pfn{i + 1}, true, false);
        huge.fill(0, Vpn{i << 9}, Pfn{(i + 1) << 9}, true, false, true);
    }
    EXPECT_EQ(small.reachPages() * 4096, std::uint64_t{6} << 20);
    EXPECT_EQ(huge.reachPages() * 4096, std::uint64_t{3} << 30);
    // A huge entry translates every page inside it.
    const auto hit = huge.lookup(0, Vpn{(7u << 9) + 100});
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(huge.translate(huge.entries()[*hit], Vpn{(7u << 9) + 100}).value, (8u << 9) + 100);
}

TEST(HugePages, H3_HugePagesKeepA64MiBWorkingSetInTheTlb) {
    // A 64-entry TLB: two passes over 64 MiB. With 4 KiB pages (reach 256 KiB) the second pass
    // misses on every page; with 32 huge pages it hits on every page.
    const std::string passes = R"(,{"op":"touch","pid":1,"region":"a","access":"write"},
                                    {"op":"touch","pid":1,"region":"a","access":"read"})";
    const auto small = runChecked(thpScenario(
        "nohugepage", passes, R"({"memory":"256 MiB","thp":"madvise","tlb":{"entries":64}})"));
    const auto huge = runChecked(thpScenario(
        "hugepage", passes, R"({"memory":"256 MiB","thp":"madvise","tlb":{"entries":64}})"));
    const Process& s = proc(*small, 1);
    const Process& h = proc(*huge, 1);
    // First pass: a miss before and one after each fault; second pass: 4 KiB pages miss again,
    // huge pages all hit.
    EXPECT_EQ(s.counters.c.tlbMisses, 2u * 16384u + 16384u);
    EXPECT_EQ(h.counters.c.tlbMisses, 2u * 32u);
    EXPECT_EQ(small->machine().tlb.reachPages() * 4, 64u * 4u);    // KiB
    EXPECT_EQ(huge->machine().tlb.reachPages() * 4, 32u * 2048u);  // 64 MiB
    EXPECT_EQ(hugeTlbEntries(huge->machine(), Pid{1}), 32u);
}

TEST(HugePages, C7_ForkedThpIsSplitOnWriteThenCopiedPer4KiB) {
    // C7 check: the child writes 64 MiB of the parent's THP region -> 16 384 faults (the doc
    // measured 16 386), not 32: each huge PMD is split, then every 4 KiB page is copied.
    const auto sim =
        runChecked(thpScenario("hugepage", R"(,{"op":"touch","pid":1,"region":"a","access":"write"},
                                   {"op":"fork","pid":1,"child":2},
                                   {"op":"touch","pid":2,"region":"a","access":"write"})"));
    const Process& child = proc(*sim, 2);
    EXPECT_EQ(child.counters.c.faults.minor, 16384u);
    EXPECT_EQ(child.counters.c.faults.cowCopy, 16384u);
    EXPECT_EQ(child.counters.c.thpSplitPmd, 32u);
    EXPECT_EQ(child.counters.rssPages, 16384u);  // C4: RSS unchanged by the copies
    // The child's TLB reach is 4 KiB entries only after the split (H3); the parent keeps its
    // huge mappings.
    EXPECT_EQ(hugeTlbEntries(sim->machine(), Pid{2}), 0u);
    const auto j = summaryJson(sim->machine(), "t", 0, sim->stepIndex());
    EXPECT_EQ(j["processes"][0]["thp"]["anon_huge_pages_kib"], 65536);
    EXPECT_EQ(j["processes"][1]["thp"]["anon_huge_pages_kib"], 0);
    EXPECT_EQ(j["thp"]["split_pmd"], 32);
}

TEST(HugePages, C7_ParentWritesAfterTheChildCopiedReuseTheWholeHugePage) {
    // After the child copied every page, the parent's huge pages are exclusive again: its
    // write fault makes the PMD writable in place (one fault per huge page, no split).
    const auto sim =
        runChecked(thpScenario("hugepage", R"(,{"op":"touch","pid":1,"region":"a","access":"write"},
                                   {"op":"fork","pid":1,"child":2},
                                   {"op":"touch","pid":2,"region":"a","access":"write"},
                                   {"op":"touch","pid":1,"region":"a","access":"write"})"));
    const Process& parent = proc(*sim, 1);
    EXPECT_EQ(parent.counters.c.faults.minor, 32u + 32u);
    EXPECT_EQ(parent.counters.c.thpSplitPmd, 0u);
    EXPECT_EQ(sim->machine().counters.thpSplitPmd, 32u);
}

TEST(HugePages, C7_ParentWritesFirstSplitsItsOwnPmd) {
    // The parent writes one page of a shared THP: its PMD is split and that page copied; the
    // child's next write to the same page reuses it (C3), other pages are still shared.
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"2 MiB"},
            {"op":"madvise","pid":1,"region":"a","advice":"hugepage"},
            {"op":"touch","pid":1,"region":"a","access":"write"},
            {"op":"fork","pid":1,"child":2},
            {"op":"touch","pid":1,"region":"a","length":4096,"access":"write"},
            {"op":"touch","pid":2,"region":"a","length":8192,"access":"write"}])",
        kThpMachine));
    const Machine& m = sim->machine();
    EXPECT_EQ(proc(*sim, 1).counters.c.thpSplitPmd, 1u);
    EXPECT_EQ(proc(*sim, 1).counters.c.faults.cowCopy, 1u);
    EXPECT_EQ(proc(*sim, 2).counters.c.thpSplitPmd, 1u);
    EXPECT_EQ(proc(*sim, 2).counters.c.faults.cowReuse, 1u);  // page 0: only the child's now
    EXPECT_EQ(proc(*sim, 2).counters.c.faults.cowCopy, 1u);   // page 1: still shared
    EXPECT_EQ(m.memory.countOf(FrameUse::Anon), 512u + 2u);
}

TEST(HugePages, MunmapOfPartOfAHugePageSplitsIt) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"4 MiB"},
            {"op":"madvise","pid":1,"region":"a","advice":"hugepage"},
            {"op":"touch","pid":1,"region":"a","access":"write"},
            {"op":"munmap","pid":1,"region":"a","offset":"1 MiB","length":"2 MiB"}])",
        kThpMachine));
    const Process& p = proc(*sim, 1);
    EXPECT_EQ(p.counters.c.thpSplitPmd, 2u);
    EXPECT_EQ(p.counters.rssPages, 512u);
    EXPECT_EQ(sim->machine().memory.countOf(FrameUse::Anon), 512u);
    const auto whole = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"4 MiB"},
            {"op":"madvise","pid":1,"region":"a","advice":"hugepage"},
            {"op":"touch","pid":1,"region":"a","access":"write"},
            {"op":"munmap","pid":1,"region":"a"}])",
        kThpMachine));
    EXPECT_EQ(whole->machine().counters.thpSplitPmd, 0u);
    EXPECT_EQ(whole->machine().memory.countOf(FrameUse::Anon), 0u);
}

TEST(HugePages, ReclaimSplitsAHugePageBeforeSwappingIt) {
    // Memory pressure: THPs are split (thp_split_pmd) and their pages swapped 4 KiB at a time.
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"8 MiB"},
            {"op":"madvise","pid":1,"region":"a","advice":"hugepage"},
            {"op":"touch","pid":1,"region":"a","access":"write"},
            {"op":"mmap","pid":1,"region":"b","size":"6 MiB"},
            {"op":"touch","pid":1,"region":"b","access":"write"}])",
        R"({"memory":"12 MiB","thp":"madvise","swap":{"size":"32 MiB"}})"));
    const Machine& m = sim->machine();
    EXPECT_GT(m.counters.thpFaultAlloc, 0u);
    EXPECT_GT(m.counters.thpSplitPmd, 0u);
    EXPECT_GT(m.counters.swapOuts, 0u);
    EXPECT_TRUE(proc(*sim, 1).running());
}

TEST(HugePages, StepBackAcrossAThpFaultAndASplitRestoresEqualMachines) {
    Simulator sim(parseScenario(scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":"4 MiB"},
                         {"op":"madvise","pid":1,"region":"a","advice":"hugepage"},
                         {"op":"touch","pid":1,"region":"a","stride":256,"pattern":"stride",
                          "access":"read_then_write"},
                         {"op":"fork","pid":1,"child":2},
                         {"op":"touch","pid":2,"region":"a","length":8192,"access":"write"},
                         {"op":"exit","pid":2}])",
                                             kThpMachine),
                                "t.json"));
    std::vector<Machine> history{sim.machine()};
    while (!sim.atEnd()) {
        sim.step();
        const auto bad = checkInvariants(sim.machine());
        ASSERT_TRUE(bad.empty()) << bad.front();
        history.push_back(sim.machine());
    }
    EXPECT_EQ(sim.machine().counters.thpFaultAlloc, 2u);
    EXPECT_EQ(sim.machine().counters.thpSplitPmd, 1u);
    for (std::size_t i = history.size() - 1; i > 0; --i) {
        ASSERT_EQ(sim.machine(), history[i]) << "at step " << i;
        ASSERT_TRUE(sim.stepBack());
    }
    EXPECT_EQ(sim.machine(), history[0]);
}

TEST(SharedAnon, C6_ChildWritesAreSeenByTheParentAndNeverCopied) {
    // C6 check: the child writes 1024 shared pages -> 1024 faults, and the parent sees the data
    // (it maps the very same frames); nothing is copied.
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"s","size":"4 MiB","shared":true},
            {"op":"touch","pid":1,"region":"s","access":"write"},
            {"op":"fork","pid":1,"child":2},
            {"op":"touch","pid":2,"region":"s","access":"write"},
            {"op":"touch","pid":1,"region":"s","access":"read"}])"));
    const Process& parent = proc(*sim, 1);
    const Process& child = proc(*sim, 2);
    EXPECT_EQ(child.counters.c.faults.minor, 1024u);  // no PTEs were copied: first touches
    EXPECT_EQ(child.counters.c.faults.cowCopy, 0u);
    EXPECT_EQ(parent.counters.c.faults.minor, 1024u);  // its own first writes only
    EXPECT_EQ(sim->machine().memory.countOf(FrameUse::Anon), 1024u);
    EXPECT_EQ(child.counters.rssPages, 1024u);
    const VirtAddr va = parent.findRegion("s")->start + 5 * 4096;
    const Pte* pe = sim->machine().leafPte(parent, va);
    const Pte* ce = sim->machine().leafPte(child, va);
    ASSERT_NE(pe, nullptr);
    ASSERT_NE(ce, nullptr);
    EXPECT_EQ(pe->target, ce->target);
    EXPECT_TRUE(ce->writable());
    EXPECT_EQ(sim->machine().memory.frame(Pfn{pe->target}).mapcount, 2u);  // two sharers
}

TEST(SharedAnon, C6_ReadsOfUntouchedSharedPagesFindTheOtherSharersPages) {
    // The parent touches nothing before fork; the child writes, then the parent reads: its
    // faults map the child's pages (no zero page, no copy), and they stay shared.
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"s","size":"1 MiB","shared":true},
            {"op":"fork","pid":1,"child":2},
            {"op":"touch","pid":2,"region":"s","access":"write"},
            {"op":"touch","pid":1,"region":"s","access":"read"},
            {"op":"exit","pid":2},
            {"op":"touch","pid":1,"region":"s","access":"write"}])"));
    const Process& parent = proc(*sim, 1);
    EXPECT_EQ(parent.counters.c.faults.minor, 256u);  // reads; the writes need no fault
    EXPECT_EQ(parent.counters.c.faults.zeroPage, 0u);
    EXPECT_EQ(sim->machine().memory.countOf(FrameUse::Anon), 256u);  // kept after the exit
    const auto gone = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"s","size":"1 MiB","shared":true},
            {"op":"touch","pid":1,"region":"s","access":"write"},
            {"op":"fork","pid":1,"child":2},
            {"op":"munmap","pid":1,"region":"s"},
            {"op":"exit","pid":2}])"));
    EXPECT_EQ(gone->machine().memory.countOf(FrameUse::Anon), 0u);  // the last sharer left
}

TEST(SharedAnon, C6_APartlyUnmappedSharedMappingKeepsItsPageOffsets) {
    // munmap of the first half splits the VMA: the second half still maps the same shmem pages
    // (page 128 of the object), so the parent sees what the child wrote there.
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"s","size":"1 MiB","shared":true},
            {"op":"fork","pid":1,"child":2},
            {"op":"touch","pid":2,"region":"s","access":"write"},
            {"op":"munmap","pid":1,"region":"s","length":"512 KiB"},
            {"op":"touch","pid":1,"region":"s","offset":"512 KiB","access":"read"}])"));
    const Process& parent = proc(*sim, 1);
    const Process& child = proc(*sim, 2);
    const VirtAddr va = child.findRegion("s")->start + 200 * 4096;
    ASSERT_NE(sim->machine().leafPte(parent, va), nullptr);
    EXPECT_EQ(sim->machine().leafPte(parent, va)->target,
              sim->machine().leafPte(child, va)->target);
    EXPECT_EQ(sim->machine().memory.countOf(FrameUse::Anon), 256u);
}

TEST(HugePages, LoaderNamesBadThpModeAndAdvice) {
    auto errorOf = [](const std::string& text) -> std::string {
        try {
            parseScenario(text, "bad.json");
        } catch (const ScenarioError& e) {
            return e.path() + ": " + e.what();
        }
        return "no error";
    };
    EXPECT_NE(errorOf(scenarioJson("[]", R"({"thp":"sometimes"})")).find("machine.thp"),
              std::string::npos);
    EXPECT_NE(errorOf(scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":4096},
                                      {"op":"madvise","pid":1,"region":"a","advice":"huge"}])"))
                  .find("steps[1].advice"),
              std::string::npos);
    const Scenario ok =
        parseScenario(scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":4096,"shared":true},
                         {"op":"madvise","pid":1,"region":"a","advice":"nohugepage"}])",
                                   R"({"thp":"always"})"),
                      "ok.json");
    EXPECT_EQ(ok.machine.thp, ThpMode::Always);
    EXPECT_TRUE(ok.ops.at(1).shared);
    EXPECT_EQ(ok.ops.at(2).kind, OpKind::MadviseHuge);
    EXPECT_EQ(ok.ops.at(2).advice, ThpAdvice::NoHuge);
}

}  // namespace
}  // namespace pfviz
