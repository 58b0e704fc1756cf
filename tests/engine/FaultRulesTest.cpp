// The fault rules of shared/docs/linux-vm-semantics.md §2–§3 (F, A) and T3/T6, each with the
// doc's example numbers.
#include <gtest/gtest.h>

#include "TestSupport.h"

namespace pfviz {
namespace {

using test::proc;
using test::runChecked;
using test::scenarioJson;

TEST(Anonymous, A1_MallocReservesAddressSpaceOnly) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"malloc","pid":1,"region":"big","size":"4 MiB"},
            {"op":"mmap","pid":1,"region":"m","size":"1 MiB"}])"));
    const Process& p = proc(*sim, 1);
    EXPECT_EQ(p.counters.rssPages, 0u);
    EXPECT_EQ(p.counters.c.faults.minor, 0u);
    EXPECT_EQ(p.counters.pageTablePages, 1u);  // only the PGD every process starts with
    EXPECT_EQ(sim->machine().memory.countOf(FrameUse::Anon), 0u);
    EXPECT_EQ(p.virtualPages(12), 1025u + 256u);  // 4 MiB + malloc header page, 1 MiB
}

TEST(Anonymous, A1_RequestLargerThanMemoryIsRefused) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"huge","size":"64 MiB"},
            {"op":"touch","pid":1,"region":"huge","length":4096,"access":"write"}])",
        R"({"memory":"16 MiB"})"));
    EXPECT_TRUE(proc(*sim, 1).vmas.empty());
    EXPECT_EQ(proc(*sim, 1).counters.c.faults.minor, 0u);  // the touch found no region: skipped
}

TEST(Anonymous, A2_FirstReadsMapTheZeroPage) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"1 MiB"},
            {"op":"touch","pid":1,"region":"a","access":"read"}])"));
    const Process& p = proc(*sim, 1);
    EXPECT_EQ(p.counters.c.faults.minor, 256u);
    EXPECT_EQ(p.counters.c.faults.zeroPage, 256u);
    EXPECT_EQ(p.counters.rssPages, 0u);
    EXPECT_EQ(sim->machine().memory.countOf(FrameUse::Anon), 0u);
    const Pte* e = sim->machine().leafPte(p, p.regions.front().start);
    ASSERT_NE(e, nullptr);
    EXPECT_TRUE(e->has(pte::ZeroPage));
    EXPECT_FALSE(e->writable());
    EXPECT_EQ(e->target, PhysicalMemory::zeroPage().value);
}

TEST(Anonymous, A3_FirstWritesAllocateWithoutFlushes) {
    const auto json = scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"1 MiB"},
            {"op":"touch","pid":1,"region":"a","access":"write"}])");
    const auto sim = runChecked(json);
    const Process& p = proc(*sim, 1);
    EXPECT_EQ(p.counters.c.faults.minor, 256u);
    EXPECT_EQ(p.counters.c.faults.major, 0u);           // F2
    EXPECT_EQ(p.counters.rssPages, 256u);               // +1024 KiB
    EXPECT_EQ(sim->machine().counters.tlbFlushes, 0u);  // T3: not present -> present
    EXPECT_EQ(test::countEvents(json, EventKind::TlbFlush), 0u);
}

TEST(Anonymous, A3_SixtyFiveThousandPages) {
    const auto sim = runChecked(scenarioJson(
                                    R"([{"op":"mmap","pid":1,"region":"a","size":"256 MiB"},
            {"op":"touch","pid":1,"region":"a","access":"write"}])",
                                    R"({"memory":"512 MiB"})"),
                                SimulatorOptions{.seed = {}, .history = false});
    EXPECT_EQ(proc(*sim, 1).counters.c.faults.minor, 65536u);
    EXPECT_EQ(proc(*sim, 1).counters.rssPages, 65536u);  // +256 MiB
}

TEST(Anonymous, A4_ReadThenWriteCostsTwoFaults) {
    const auto json = scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"1 MiB"},
            {"op":"touch","pid":1,"region":"a","access":"read","expect":{"processes":{"p1":{"rss_pages":0}}}},
            {"op":"touch","pid":1,"region":"a","access":"write"}])");
    const auto sim = runChecked(json);
    EXPECT_TRUE(sim->checkExpectations().empty());
    const Process& p = proc(*sim, 1);
    EXPECT_EQ(p.counters.c.faults.minor, 512u);
    EXPECT_EQ(p.counters.rssPages, 256u);
    // T3: zero page -> private page changes the frame of a present entry: 256 single flushes.
    EXPECT_EQ(sim->machine().counters.pagesFlushed, 256u);
    // read_then_write does the same in one operation.
    const auto sim2 = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"1 MiB"},
            {"op":"touch","pid":1,"region":"a","access":"read_then_write"}])"));
    EXPECT_EQ(proc(*sim2, 1).counters.c.faults.minor, 512u);
    EXPECT_EQ(sim2->machine().counters, sim->machine().counters);
}

TEST(Anonymous, A5_DontneedDropsPagesAndDataAtOnce) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"1 MiB"},
            {"op":"touch","pid":1,"region":"a","access":"write"},
            {"op":"madvise","pid":1,"region":"a","advice":"dontneed",
             "expect":{"processes":{"p1":{"rss_pages":0}}}},
            {"op":"touch","pid":1,"region":"a","access":"read",
             "expect":{"processes":{"p1":{"minor_faults":512,"rss_pages":0}}}},
            {"op":"touch","pid":1,"region":"a","access":"write"}])"));
    EXPECT_TRUE(sim->checkExpectations().empty()) << sim->checkExpectations().front().path;
    EXPECT_EQ(proc(*sim, 1).counters.c.faults.minor, 768u);  // 256 + 256 re-read + 256 re-write
    EXPECT_EQ(proc(*sim, 1).counters.rssPages, 256u);
}

TEST(Anonymous, A6_MunmapFreesFramesTablesAndTheRange) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"256 KiB","addr":"0x200000"},
            {"op":"touch","pid":1,"region":"a","access":"write"},
            {"op":"mmap","pid":1,"region":"far","size":"4 KiB","addr":"0x40000000"},
            {"op":"touch","pid":1,"region":"far","access":"write",
             "expect":{"processes":{"p1":{"page_table_pages":6,"rss_pages":65}}}},
            {"op":"munmap","pid":1,"region":"a"}])"));
    EXPECT_TRUE(sim->checkExpectations().empty());
    const Process& p = proc(*sim, 1);
    EXPECT_EQ(p.counters.rssPages, 1u);
    EXPECT_EQ(sim->machine().memory.countOf(FrameUse::Anon), 1u);
    EXPECT_EQ(p.vmas.size(), 1u);
    EXPECT_EQ(p.regions.size(), 1u);
    // The PMD and PTE pages of the unmapped range are freed; PGD, PUD and the far range's stay.
    EXPECT_EQ(p.counters.pageTablePages, 4u);
    // T4: 64 pages unmapped -> one full flush of the mm, not 64 single ones.
    EXPECT_EQ(sim->machine().counters.pagesFlushed, 0u);
}

TEST(Anonymous, A6_TouchAfterMunmapIsMaperr) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"16 KiB","addr":"0x100000"},
            {"op":"touch","pid":1,"region":"a","access":"write"},
            {"op":"munmap","pid":1,"region":"a"},
            {"op":"access","pid":1,"addr":"0x100000","access":"read"}])"));
    const Process& p = proc(*sim, 1);
    EXPECT_EQ(p.state, ProcState::Killed);
    EXPECT_EQ(p.exitSignal, SigCode::SegvMaperr);
    // A6: empty page tables were freed with the range; the PGD went when the process died.
    EXPECT_EQ(sim->machine().memory.countOf(FrameUse::PageTable), 0u);
}

TEST(FaultOrder, F1_NoVmaIsMaperrAndCountsNoFault) {
    const auto sim =
        runChecked(scenarioJson(R"([{"op":"access","pid":1,"addr":16,"access":"read"}])"));
    const Process& p = proc(*sim, 1);
    EXPECT_EQ(p.exitSignal, SigCode::SegvMaperr);
    EXPECT_EQ(p.counters.c.faults.minor + p.counters.c.faults.major, 0u);  // F3
    EXPECT_EQ(p.counters.c.faults.invalid, 1u);
}

TEST(FaultOrder, F1_VmaRightsAreCheckedBeforeThePageTables) {
    // Write to an untouched PROT_READ page -> ACCERR; read of PROT_NONE -> ACCERR.
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"ro","size":4096,"prot":"r"},
            {"op":"touch","pid":1,"region":"ro","access":"write"},
            {"op":"mmap","pid":2,"region":"none","size":4096,"prot":"none"},
            {"op":"touch","pid":2,"region":"none","access":"read"}])",
        "", 2));
    EXPECT_EQ(proc(*sim, 1).exitSignal, SigCode::SegvAccerr);
    EXPECT_EQ(proc(*sim, 2).exitSignal, SigCode::SegvAccerr);
    EXPECT_EQ(sim->machine().counters.faults.minor, 0u);
    EXPECT_EQ(sim->machine().counters.faults.segvAccerr, 2u);
    // No page table below the PGD was allocated for them (the PTE logic never ran).
    EXPECT_EQ(sim->machine().counters.framesAllocated, 2u);
}

TEST(FaultOrder, F1_ExecuteOfANonExecutableMappingIsAccerr) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"d","size":4096,"prot":"rw"},
            {"op":"touch","pid":1,"region":"d","access":"write"},
            {"op":"touch","pid":1,"region":"d","access":"execute"}])"));
    EXPECT_EQ(proc(*sim, 1).exitSignal, SigCode::SegvAccerr);
    EXPECT_EQ(proc(*sim, 1).counters.c.faults.minor, 1u);
}

TEST(FaultOrder, F3_SixSegvCasesCountNothing) {
    // no VMA, hole between VMAs, write to RO, RO after read, PROT_NONE, after mprotect
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"access","pid":1,"addr":0,"access":"read"},
            {"op":"mmap","pid":2,"region":"a","size":4096,"addr":"0x10000"},
            {"op":"mmap","pid":2,"region":"b","size":4096,"addr":"0x12000"},
            {"op":"access","pid":2,"addr":"0x11000","access":"write"},
            {"op":"mmap","pid":3,"region":"r","size":4096,"prot":"r"},
            {"op":"touch","pid":3,"region":"r","access":"write"},
            {"op":"mmap","pid":4,"region":"r","size":4096,"prot":"r"},
            {"op":"touch","pid":4,"region":"r","access":"read"},
            {"op":"touch","pid":4,"region":"r","access":"write"},
            {"op":"mmap","pid":5,"region":"n","size":4096,"prot":"none"},
            {"op":"touch","pid":5,"region":"n","access":"read"},
            {"op":"mmap","pid":6,"region":"w","size":4096},
            {"op":"touch","pid":6,"region":"w","access":"write"},
            {"op":"mprotect","pid":6,"region":"w","prot":"r"},
            {"op":"touch","pid":6,"region":"w","access":"write"}])",
        "", 6));
    const FaultCounters& f = sim->machine().counters.faults;
    EXPECT_EQ(f.segvMaperr, 2u);
    EXPECT_EQ(f.segvAccerr, 4u);
    EXPECT_EQ(f.invalid, 6u);
    EXPECT_EQ(f.minor, 2u);  // only the legitimate read (pid 4) and write (pid 6) faults
}

TEST(FaultOrder, F4_PopulateFaultsInsideMmapChargedToTheCaller) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"1 MiB","populate":true,
             "expect":{"processes":{"p1":{"minor_faults":256,"rss_pages":256}}}},
            {"op":"touch","pid":1,"region":"a","access":"write"}])"));
    EXPECT_TRUE(sim->checkExpectations().empty());
    EXPECT_EQ(proc(*sim, 1).counters.c.faults.minor, 256u);  // +0 on the writes
}

TEST(FaultOrder, F5_ProtectionFaultIsNotAnErrorWhenTheVmaAllowsTheWrite) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":4096},
            {"op":"touch","pid":1,"region":"a","access":"write"},
            {"op":"fork","pid":1,"child":2},
            {"op":"touch","pid":1,"region":"a","access":"write"}])"));
    EXPECT_EQ(proc(*sim, 1).state, ProcState::Running);
    EXPECT_EQ(sim->machine().counters.faults.protection, 1u);
    EXPECT_EQ(sim->machine().counters.faults.invalid, 0u);
}

TEST(PageTables, T6_DenseAndSparseTouchCostTheSameTables) {
    // 256 MiB dense: 128 PTE pages (512 KiB of VmPTE). 1 page per 2 MiB: also 128.
    const auto dense =
        runChecked(scenarioJson(
                       R"([{"op":"mmap","pid":1,"region":"a","size":"256 MiB","addr":"0x40000000"},
            {"op":"touch","pid":1,"region":"a","access":"write"}])",
                       R"({"memory":"300 MiB"})"),
                   SimulatorOptions{.seed = {}, .history = false});
    const auto sparse = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"256 MiB","addr":"0x40000000"},
            {"op":"touch","pid":1,"region":"a","access":"write","pattern":"stride","stride":512}])",
        R"({"memory":"300 MiB"})"));
    // PGD + PUD + PMD + 128 PTE pages
    EXPECT_EQ(proc(*dense, 1).counters.pageTablePages, 131u);
    EXPECT_EQ(proc(*sparse, 1).counters.pageTablePages, 131u);
    EXPECT_EQ(proc(*sparse, 1).counters.rssPages, 128u);  // 512 KiB of data
}

TEST(Oom, O2_O3_BadnessAndOomScoreOfTheDocExample) {
    const std::uint64_t total = 4194304;  // 16 GiB
    EXPECT_EQ(Kernel::badness(1048576, 0, 2048, 0, total), 1050624);
    EXPECT_EQ(Kernel::badness(1048576, 0, 2048, -500, total), -1046376);
    EXPECT_EQ(Kernel::oomScore(Kernel::badness(1048576, 0, 2048, 0, total), 0, total), 833);
    EXPECT_EQ(Kernel::oomScore(Kernel::badness(1048576, 0, 2048, -500, total), -500, total), 500);
    EXPECT_EQ(Kernel::oomScore(Kernel::badness(1048576, 0, 2048, 500, total), 500, total), 1166);
    EXPECT_EQ(Kernel::oomScore(Kernel::badness(1048576, 0, 2048, 1000, total), 1000, total), 1500);
    EXPECT_EQ(Kernel::oomScore(Kernel::badness(10, 0, 2, 0, total), 0, total), 666);
    EXPECT_EQ(Kernel::oomScore(Kernel::badness(10, 0, 2, -1000, total), -1000, total), 0);
}

TEST(Oom, O1_ExhaustedMemoryKillsTheBiggestAndTheAccessGoesOn) {
    // 64 frames; a hog takes most of them, then a small process needs memory.
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"h","size":"200 KiB"},
            {"op":"touch","pid":1,"region":"h","access":"write"},
            {"op":"mmap","pid":2,"region":"s","size":"40 KiB"},
            {"op":"touch","pid":2,"region":"s","access":"write"}])",
        R"({"memory":"256 KiB"})", 2));
    EXPECT_EQ(proc(*sim, 1).state, ProcState::Killed);
    EXPECT_EQ(proc(*sim, 1).exitSignal, SigCode::Sigkill);
    EXPECT_EQ(proc(*sim, 2).state, ProcState::Running);
    EXPECT_EQ(proc(*sim, 2).counters.rssPages, 10u);
    EXPECT_EQ(sim->machine().counters.oomKills, 1u);
}

}  // namespace
}  // namespace pfviz
