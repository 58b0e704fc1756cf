// File-backed pages and the page cache: P1-P7 of shared/docs/linux-vm-semantics.md §5, plus
// the file side of reclaim (L2/L3/L5). Example numbers are the doc's measured checks.
#include "TestSupport.h"

namespace pfviz {
namespace {
using test::proc;
using test::runChecked;

// 128 MiB of RAM and a 64 MiB file (16 384 pages).
const char* kMachine = R"({"memory":"128 MiB"})";
const char* kFiles = R"([{"name":"data.bin","size":"64 MiB"},{"name":"tiny","size":3}])";

std::string fileScenario(const std::string& steps, const std::string& machine = kMachine,
                         const std::string& files = kFiles) {
    std::string s = test::scenarioJson(steps, machine);
    const std::string key = "\"machine\":";
    s.insert(s.find(key), "\"files\":" + files + ",");
    return s;
}

std::uint64_t minor(const Simulator& sim) {
    return proc(sim, 1).counters.c.faults.minor;
}
std::uint64_t major(const Simulator& sim) {
    return proc(sim, 1).counters.c.faults.major;
}

TEST(PageCache, P1_ColdRandomScanIsOneMajorFaultPerPageCachedScanNone) {
    // Doc check: 64 MiB, cache evicted, MADV_RANDOM -> 16 384 major; cached -> 0 major.
    const auto sim = runChecked(fileScenario(
        R"([{"op":"mmap","pid":1,"region":"m","file":"data.bin","prot":"r"},
            {"op":"madvise","pid":1,"region":"m","advice":"random"},
            {"op":"touch","pid":1,"region":"m","access":"read",
             "expect":{"faults":{"major":16384,"minor":0},"page_cache":{"misses":16384,"pages":16384}}},
            {"op":"munmap","pid":1,"region":"m"},
            {"op":"mmap","pid":1,"region":"m2","file":"data.bin","prot":"r"},
            {"op":"touch","pid":1,"region":"m2","access":"read"}])"));
    EXPECT_TRUE(sim->checkExpectations().empty());
    EXPECT_EQ(major(*sim), 16384u);  // the second scan added no major fault
    EXPECT_EQ(sim->machine().counters.readaheadPages, 0u);
}

TEST(PageCache, P2_ReadaheadWindowMakesLaterFaultsMinor) {
    // Doc check: cold sequential 64 MiB with read_ahead_kb = 8 MiB. One major fault per window
    // (fixed window, §14); with 4 KiB folios fault-around then maps 16 pages per minor fault.
    const std::string steps =
        R"([{"op":"mmap","pid":1,"region":"m","file":"data.bin","prot":"r"},
            {"op":"touch","pid":1,"region":"m","access":"read"}])";
    const auto ra8m =
        runChecked(fileScenario(steps, R"({"memory":"128 MiB","read_ahead_kb":8192})"));
    EXPECT_EQ(major(*ra8m), 8u);     // 16 384 / 2048
    EXPECT_EQ(minor(*ra8m), 1024u);  // per window: page 1 and each later 16-page block
    EXPECT_EQ(ra8m->machine().counters.readaheadPages, 16384u - 8u);
    // A window covering the whole file: exactly one major fault, as measured.
    const auto whole =
        runChecked(fileScenario(steps, R"({"memory":"128 MiB","read_ahead_kb":65536})"));
    EXPECT_EQ(major(*whole), 1u);
    EXPECT_EQ(minor(*whole), 1024u);
}

TEST(PageCache, P3_FaultAroundMaps16CachedPagesPerReadFault) {
    // Doc check: scanning 16 384 cached 4 KiB pages -> exactly 1024 minor faults.
    const auto sim = runChecked(fileScenario(
        R"([{"op":"read","pid":1,"file":"data.bin"},
            {"op":"mmap","pid":1,"region":"m","file":"data.bin","prot":"r"},
            {"op":"touch","pid":1,"region":"m","access":"read"}])"));
    EXPECT_EQ(minor(*sim), 1024u);
    EXPECT_EQ(major(*sim), 0u);
    EXPECT_EQ(proc(*sim, 1).counters.rssFilePages, 16384u);
    // The window is aligned to 16 pages and clipped to the VMA: a 20-page mapping starting 4
    // pages into a 64 KiB block takes faults at pages 0 (maps 12) and 12 (maps 8).
    const auto clipped = runChecked(fileScenario(
        R"([{"op":"read","pid":1,"file":"data.bin"},
            {"op":"mmap","pid":1,"region":"m","file":"data.bin","prot":"r","size":81920,
             "addr":"0x10004000"},
            {"op":"touch","pid":1,"region":"m","access":"read"}])"));
    EXPECT_EQ(minor(*clipped), 2u);
    // Write faults never fault around (P3 read faults only): 256 writes, 256 faults.
    const auto writes = runChecked(fileScenario(
        R"([{"op":"read","pid":1,"file":"data.bin","length":"1 MiB"},
            {"op":"mmap","pid":1,"region":"m","file":"data.bin","shared":true,"size":"1 MiB"},
            {"op":"touch","pid":1,"region":"m","access":"write"}])"));
    EXPECT_EQ(minor(*writes), 256u);
}

TEST(PageCache, P4_ReadFillsThePageCacheWithoutFaults) {
    // Doc check: read() of a cold 64 MiB file -> 0 minor, 0 major, 16 384 pages cached.
    const auto sim = runChecked(fileScenario(R"([{"op":"read","pid":1,"file":"data.bin"}])"));
    const Machine& m = sim->machine();
    EXPECT_EQ(minor(*sim), 0u);
    EXPECT_EQ(major(*sim), 0u);
    EXPECT_EQ(m.memory.countOf(FrameUse::PageCache), 16384u);
    EXPECT_EQ(proc(*sim, 1).counters.rssPages, 0u);  // nothing mapped
    // L2 (measured): first read -> all inactive_file; the second read activates them.
    EXPECT_EQ(m.memory.lruSize(Lru::InactiveFile), 16384u);
    const auto twice = runChecked(fileScenario(R"([{"op":"read","pid":1,"file":"data.bin"},
                                                   {"op":"read","pid":1,"file":"data.bin"}])"));
    EXPECT_EQ(twice->machine().memory.lruSize(Lru::ActiveFile), 16384u);
    EXPECT_EQ(twice->machine().memory.lruSize(Lru::InactiveFile), 0u);
}

TEST(PageCache, P5_PrivateWriteMakesAnAnonymousCopy) {
    // Doc check: writing 256 never-read cached pages -> 256 faults, RssAnon +1 MiB, RssFile +0.
    const auto sim = runChecked(fileScenario(
        R"([{"op":"read","pid":1,"file":"data.bin","length":"1 MiB"},
            {"op":"mmap","pid":1,"region":"m","file":"data.bin","prot":"rw","size":"1 MiB"},
            {"op":"touch","pid":1,"region":"m","access":"write"}])"));
    EXPECT_EQ(minor(*sim) + major(*sim), 256u);
    EXPECT_EQ(proc(*sim, 1).counters.rssPages - proc(*sim, 1).counters.rssFilePages, 256u);
    EXPECT_EQ(proc(*sim, 1).counters.rssFilePages, 0u);
    EXPECT_EQ(sim->machine().memory.countOf(FrameUse::PageCache), 256u);  // untouched
    // Doc check: reading 256 pages then writing them -> 16 + 256 faults.
    const auto rw = runChecked(fileScenario(
        R"([{"op":"read","pid":1,"file":"data.bin","length":"1 MiB"},
            {"op":"mmap","pid":1,"region":"m","file":"data.bin","prot":"rw","size":"1 MiB"},
            {"op":"touch","pid":1,"region":"m","access":"read","expect":{"faults":{"minor":16}}},
            {"op":"touch","pid":1,"region":"m","access":"write",
             "expect":{"faults":{"minor":272}}}])"));
    EXPECT_TRUE(rw->checkExpectations().empty());
    EXPECT_EQ(proc(*rw, 1).counters.rssFilePages, 0u);  // RssFile dropped back as pages were copied
    EXPECT_EQ(proc(*rw, 1).counters.rssPages, 256u);
}

TEST(PageCache, P6_SharedWriteNotifyDirtiesAndWritebackWriteProtects) {
    // Doc check: read 256 cached pages (16 faults, via fault-around), then write them -> 256.
    const auto sim = runChecked(fileScenario(
        R"([{"op":"read","pid":1,"file":"data.bin","length":"1 MiB"},
            {"op":"mmap","pid":1,"region":"m","file":"data.bin","shared":true,"size":"1 MiB"},
            {"op":"touch","pid":1,"region":"m","access":"read","expect":{"faults":{"minor":16}}},
            {"op":"touch","pid":1,"region":"m","access":"write",
             "expect":{"faults":{"minor":272},"page_cache":{"dirty_pages":256}}},
            {"op":"msync","pid":1,"region":"m",
             "expect":{"page_cache":{"dirty_pages":0,"writebacks":256}}},
            {"op":"touch","pid":1,"region":"m","access":"write",
             "expect":{"faults":{"minor":528},"page_cache":{"dirty_pages":256}}}])"));
    EXPECT_TRUE(sim->checkExpectations().empty());
    EXPECT_EQ(proc(*sim, 1).counters.rssFilePages, 256u);  // shared: no anonymous copies
    EXPECT_EQ(sim->machine().memory.countOf(FrameUse::Anon), 0u);
}

TEST(PageCache, P7_AccessBeyondEndOfFileIsSigbusNotAFault) {
    // Doc check (F1): read of the 3rd page of a 3-byte file mapping -> SIGBUS/BUS_ADRERR;
    // F3: not counted as minor or major.
    const auto sim = runChecked(fileScenario(
        R"([{"op":"mmap","pid":1,"region":"m","file":"tiny","prot":"r","size":12288},
            {"op":"touch","pid":1,"region":"m","access":"read","length":4096},
            {"op":"touch","pid":1,"region":"m","access":"read","offset":8192}])"));
    const Process& p = proc(*sim, 1);
    EXPECT_EQ(p.state, ProcState::Killed);
    EXPECT_EQ(p.exitSignal, SigCode::Sigbus);
    EXPECT_EQ(p.counters.c.faults.sigbus, 1u);
    EXPECT_EQ(p.counters.c.faults.invalid, 1u);
    EXPECT_EQ(p.counters.c.faults.major, 1u);  // only the first page, which exists
    EXPECT_EQ(p.counters.c.faults.minor, 0u);
}

TEST(PageCache, L3_ReclaimDropsCleanFilePagesWritesBackDirtyOnesWithoutSwap) {
    // 64 MiB of RAM, no swap: anonymous memory pushes the cached file out ("no swap -> file
    // only", L5), dirty shared pages are written back first, nobody is OOM-killed.
    const auto sim = runChecked(fileScenario(
        R"([{"op":"mmap","pid":1,"region":"m","file":"data.bin","shared":true,"size":"32 MiB"},
            {"op":"touch","pid":1,"region":"m","access":"write","length":"4 MiB"},
            {"op":"read","pid":1,"file":"data.bin","offset":"4 MiB","length":"28 MiB"},
            {"op":"mmap","pid":1,"region":"a","size":"60 MiB"},
            {"op":"touch","pid":1,"region":"a","access":"write"}])",
        R"({"memory":"64 MiB"})"));
    const Machine& m = sim->machine();
    EXPECT_EQ(m.counters.oomKills, 0u);
    EXPECT_GT(m.counters.pagesDropped, 0u);
    EXPECT_GT(m.counters.writebacks, 0u);
    EXPECT_EQ(m.counters.swapOuts, 0u);
    EXPECT_EQ(m.memory.countOf(FrameUse::Anon), 15360u);
    EXPECT_LT(m.memory.countOf(FrameUse::PageCache), 1024u);
}

TEST(PageCache, L5_WithSwapAnonAndFileAreScannedTogether) {
    // Swappiness 60 with equal costs (§14): about 30 % of the scan goes to anon. Swap-outs
    // therefore start while file pages are still cached (no "drop all file first").
    Simulator sim(parseScenario(fileScenario(R"([{"op":"mmap","pid":1,"region":"a","size":"40 MiB"},
                         {"op":"touch","pid":1,"region":"a","access":"write"},
                         {"op":"read","pid":1,"file":"data.bin","length":"20 MiB"},
                         {"op":"mmap","pid":1,"region":"b","size":"30 MiB"},
                         {"op":"touch","pid":1,"region":"b","access":"write"}])",
                                             R"({"memory":"64 MiB","swap":{"size":"64 MiB"}})"),
                                "t.json"));
    std::uint64_t cachedAtFirstSwapOut = 0;
    while (!sim.atEnd() && sim.machine().counters.swapOuts == 0) {
        sim.step();
        cachedAtFirstSwapOut = sim.machine().memory.countOf(FrameUse::PageCache);
    }
    EXPECT_GT(sim.machine().counters.swapOuts, 0u);
    EXPECT_GT(sim.machine().counters.pagesDropped, 0u);
    EXPECT_GT(cachedAtFirstSwapOut, 0u);
    sim.runToEnd();
    EXPECT_EQ(sim.machine().counters.oomKills, 0u);
}

TEST(PageCache, StepBackOverAMajorFaultRestoresTheMachine) {
    Simulator sim(parseScenario(
        fileScenario(R"([{"op":"mmap","pid":1,"region":"m","file":"data.bin","prot":"r",
                          "size":"256 KiB"},
                         {"op":"touch","pid":1,"region":"m","access":"read"}])"),
        "t.json"));
    std::vector<Machine> history{sim.machine()};
    while (!sim.atEnd()) {
        sim.step();
        ASSERT_TRUE(checkInvariants(sim.machine()).empty());
        history.push_back(sim.machine());
    }
    EXPECT_EQ(sim.machine().counters.faults.major, 2u);  // 64 pages, 32-page readahead window
    for (std::size_t i = history.size() - 1; i > 0; --i) {
        ASSERT_EQ(sim.machine(), history[i]) << "at step " << i;
        ASSERT_TRUE(sim.stepBack());
    }
    EXPECT_EQ(sim.machine(), history[0]);
}

TEST(PageCache, InvariantsHoldThroughForkReclaimSwapAndUnmapOfFileMappings) {
    // A small machine (2 MiB) with swap: private and shared file mappings, fork, random reads
    // and writes, read(), msync, MADV_DONTNEED, mprotect, munmap and exit, all under reclaim.
    // Every step is checked (fewer than 5000 steps).
    const auto sim = runChecked(fileScenario(
        R"([{"op":"mmap","pid":1,"region":"p","file":"data.bin","size":"1 MiB","prot":"rw"},
            {"op":"mmap","pid":1,"region":"s","file":"data.bin","size":"1 MiB","shared":true,
             "offset":"512 KiB"},
            {"op":"touch","pid":1,"region":"p","access":"read_then_write","length":"256 KiB"},
            {"op":"touch","pid":1,"region":"s","pattern":"random","count":300,"access":"write"},
            {"op":"fork","pid":1,"child":2},
            {"op":"touch","pid":2,"region":"p","pattern":"random","count":300,"access":"write"},
            {"op":"touch","pid":2,"region":"s","pattern":"random","count":300,"access":"read"},
            {"op":"read","pid":2,"file":"data.bin","offset":"2 MiB","length":"1 MiB"},
            {"op":"msync","pid":1,"region":"s","length":"256 KiB"},
            {"op":"madvise","pid":1,"region":"p","advice":"dontneed","length":"64 KiB"},
            {"op":"mprotect","pid":1,"region":"s","prot":"r","length":"128 KiB"},
            {"op":"mmap","pid":1,"region":"a","size":"1536 KiB"},
            {"op":"touch","pid":1,"region":"a","access":"write"},
            {"op":"touch","pid":1,"region":"s","pattern":"random","count":300,"access":"read"},
            {"op":"munmap","pid":1,"region":"s","offset":"256 KiB","length":"256 KiB"},
            {"op":"exit","pid":2},
            {"op":"touch","pid":1,"region":"p","pattern":"random","count":300,"access":"read"}])",
        R"({"memory":"2 MiB","swap":{"size":"2 MiB"}})",
        R"([{"name":"data.bin","size":"3 MiB"}])"));
    const Machine& m = sim->machine();
    EXPECT_GT(m.counters.pagesDropped + m.counters.writebacks, 0u);
    EXPECT_GT(m.counters.swapOuts, 0u);
    EXPECT_GT(m.counters.faults.major, 0u);
}

std::string loaderError(const std::string& steps, const std::string& files = kFiles) {
    try {
        parseScenario(fileScenario(steps, kMachine, files), "bad.json");
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "(accepted)";
}

TEST(PageCache, LoaderNamesUnknownFilesAndBadOffsets) {
    EXPECT_NE(
        loaderError(R"([{"op":"mmap","pid":1,"region":"m","file":"nope"}])").find("no file 'nope'"),
        std::string::npos);
    EXPECT_NE(loaderError(R"([{"op":"mmap","pid":1,"region":"m","file":"data.bin","offset":100}])")
                  .find("multiple of the page size"),
              std::string::npos);
    // Shared without a file is a shared anonymous mapping (C6): accepted.
    EXPECT_EQ(loaderError(R"([{"op":"mmap","pid":1,"region":"m","size":4096,"shared":true}])"),
              "(accepted)");
    EXPECT_NE(loaderError(R"([{"op":"read","pid":1,"file":"data.bin"}])",
                          R"([{"name":"a","size":1},{"name":"a","size":2}])")
                  .find("declared twice"),
              std::string::npos);
    EXPECT_EQ(loaderError(R"([{"op":"mmap","pid":1,"region":"m","file":"data.bin","shared":true},
                              {"op":"msync","pid":1,"region":"m"},
                              {"op":"read","pid":1,"file":"tiny","offset":3}])"),
              "(accepted)");
}

}  // namespace
}  // namespace pfviz
