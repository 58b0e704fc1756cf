// Memory cgroups together with the page cache, THP, mlock and MADV_FREE: W7, O5, H2, L1, A5
// and §11/§14 of shared/docs/linux-vm-semantics.md.
#include <gtest/gtest.h>

#include "TestSupport.h"
#include "pfviz/Invariants.h"
#include "pfviz/Summary.h"

namespace pfviz {
namespace {
using test::proc;
using test::runChecked;

std::string doc(const std::string& machine, const std::string& procs, const std::string& steps,
                const std::string& files = "[]") {
    return R"({"format":"pfviz-scenario/1","name":"t","seed":3,"files":)" + files +
           R"(,"machine":)" + machine + R"(,"processes":)" + procs + R"(,"steps":)" + steps + "}";
}

std::uint64_t fileCachePages(const Machine& m) {
    return m.memory.countOf(FrameUse::PageCache);
}

// 128 MiB of RAM, no swap; an 8 MiB group (2048 pages); a 32 MiB file (8192 pages).
const char* kCacheMachine =
    R"({"memory":"128 MiB","cgroups":[{"name":"box","memory_max":"8 MiB","swappiness":60}]})";
const char* kCacheFiles = R"([{"name":"data.bin","size":"32 MiB"}])";
const char* kCacheProcs = R"([{"pid":1,"name":"reader","cgroup":"box"},{"pid":2,"name":"out"}])";

TEST(MemcgPageCache, W7_ReadChargesTheCacheToTheReadersGroup) {
    // memory.current includes the file cache the task read (W7): 4 MiB read = 1024 pages.
    const auto sim = runChecked(doc(kCacheMachine, kCacheProcs,
                                    R"([{"op":"read","pid":1,"file":"data.bin","length":"4 MiB"},
                                        {"op":"read","pid":2,"file":"data.bin","length":"8 MiB"}])",
                                    kCacheFiles));
    const Machine& m = sim->machine();
    // The group pays for the pages its task brought in (readahead included), nothing more;
    // the outside task's reads of the same (cached) pages do not move the charge.
    std::uint64_t chargedCache = 0;
    for (const Frame& fr : m.memory.frames())
        if (fr.use == FrameUse::PageCache && fr.memcg == 1) ++chargedCache;
    EXPECT_GE(chargedCache, 1024u);
    EXPECT_LE(chargedCache, 1024u + 32u);  // at most one readahead window past the read
    // memory.current = the cache + the task's page tables (only its top-level table here).
    const std::uint64_t tables = proc(*sim, 1).counters.pageTablePages;
    EXPECT_EQ(m.memory.charged(1), chargedCache + tables);
    EXPECT_EQ(fileCachePages(m), 2048u);  // the outside task's 4 MiB more are root's
    const auto j = summaryJson(m, "t", 3, sim->stepIndex());
    EXPECT_EQ(j["cgroups"]["box"]["usage_pages"], chargedCache + tables);
}

TEST(MemcgPageCache, W7_AContainerReadingAFileLargerThanItsLimitReclaimsItsOwnCache) {
    // W7 + L3: a 32 MiB file read in a group limited to 8 MiB: no OOM, usage stays <= 2048
    // pages, the group's clean cache is dropped (no swap on this machine), and the task
    // outside keeps its 16 MiB with no reclaim of the node.
    const auto sim = runChecked(doc(kCacheMachine, kCacheProcs,
                                    R"([{"op":"mmap","pid":2,"region":"o","size":"16 MiB"},
                                        {"op":"touch","pid":2,"region":"o","access":"write"},
                                        {"op":"read","pid":1,"file":"data.bin"},
                                        {"op":"read","pid":1,"file":"data.bin"}])",
                                    kCacheFiles));
    const Machine& m = sim->machine();
    EXPECT_TRUE(m.oomReports.empty());
    EXPECT_EQ(proc(*sim, 1).state, ProcState::Running);
    EXPECT_LE(m.memcgs[0].peakPages, 2048u);
    EXPECT_GT(m.memcgs[0].maxEvents, 0u);
    EXPECT_GE(m.memcgs[0].pagesReclaimed, 2 * 8192u - 2048u);  // two passes over 8192 pages
    EXPECT_LE(fileCachePages(m), 2048u);
    EXPECT_GE(m.counters.pagesDropped, 2 * 8192u - 2048u);
    EXPECT_EQ(m.counters.writebacks, 0u);  // clean pages are just dropped
    EXPECT_EQ(proc(*sim, 2).counters.rssPages, 4096u);
    EXPECT_EQ(m.counters.directReclaims, 0u);
    EXPECT_EQ(m.counters.kswapdWakeups, 0u);
}

TEST(MemcgPageCache, W7_DirtySharedFilePagesOfTheGroupAreWrittenBackThenDropped) {
    // A MAP_SHARED writer of 16 MiB in an 8 MiB group: reclaim in the group writes back its
    // dirty pages (P6) and drops them; the data is in the file, so no OOM kill is needed.
    const auto sim = runChecked(doc(kCacheMachine, kCacheProcs,
                                    R"([{"op":"mmap","pid":1,"region":"m","file":"data.bin",
                                         "shared":true,"size":"16 MiB"},
                                        {"op":"touch","pid":1,"region":"m","access":"write"}])",
                                    kCacheFiles));
    const Machine& m = sim->machine();
    EXPECT_TRUE(m.oomReports.empty());
    EXPECT_EQ(proc(*sim, 1).state, ProcState::Running);
    EXPECT_LE(m.memcgs[0].peakPages, 2048u);
    EXPECT_GE(m.counters.writebacks, 4096u - 2048u);
    EXPECT_GT(m.memcgs[0].pagesReclaimed, 0u);
}

// 256 MiB of RAM, THP on MADV_HUGEPAGE; a 4 MiB group (1024 pages).
const char* kThpMachine =
    R"({"memory":"256 MiB","thp":"madvise",
        "cgroups":[{"name":"box","memory_max":"4 MiB","swappiness":60}]})";

TEST(MemcgThp, W7_H2_AHugePageIsCharged512AtOnceAndFallsBackWhenItWouldNotFit) {
    const auto sim = runChecked(doc(kThpMachine, R"([{"pid":1,"name":"p","cgroup":"box"}])",
                                    R"([{"op":"mmap","pid":1,"region":"a","size":"2 MiB"},
        {"op":"madvise","pid":1,"region":"a","advice":"hugepage"},
        {"op":"touch","pid":1,"region":"a","access":"write","length":"4 KiB"},
        {"op":"mmap","pid":1,"region":"b","size":"2 MiB"},
        {"op":"madvise","pid":1,"region":"b","advice":"hugepage"},
        {"op":"touch","pid":1,"region":"b","access":"write","length":"64 KiB"}])"));
    const Machine& m = sim->machine();
    const Process& p = proc(*sim, 1);
    // The first 2 MiB fault: one THP, 512 pages charged in one go.
    EXPECT_EQ(p.counters.c.thpFaultAlloc, 1u);
    // The second: 512 + 512 + the page tables > 1024, so the charge fails and the fault falls
    // back to 4 KiB pages (16 of them), without reclaim or an OOM kill.
    EXPECT_EQ(p.counters.c.thpFaultFallback, 1u);
    EXPECT_TRUE(m.oomReports.empty());
    EXPECT_EQ(m.memcgs[0].reclaims, 0u);
    EXPECT_EQ(m.memory.charged(1), 512u + 16u + p.counters.pageTablePages);
    EXPECT_EQ(p.counters.rssPages, 512u + 16u);
}

TEST(MemcgThp, W7_C7_SplitKeepsTheChargeAndFreeingUnchargesPageByPage) {
    const std::string steps = R"([{"op":"mmap","pid":1,"region":"a","size":"2 MiB"},
        {"op":"madvise","pid":1,"region":"a","advice":"hugepage"},
        {"op":"touch","pid":1,"region":"a","access":"write","length":"4 KiB"},
        {"op":"mprotect","pid":1,"region":"a","length":"1 MiB","prot":"r"},
        {"op":"munmap","pid":1,"region":"a","length":"1 MiB"},
        {"op":"munmap","pid":1,"region":"a"}])";
    const std::string json = doc(kThpMachine, R"([{"pid":1,"name":"p","cgroup":"box"}])", steps);
    Simulator sim(parseScenario(json, "t.json"));
    std::vector<std::uint64_t> charged;
    std::vector<std::uint64_t> tables;
    while (!sim.atEnd()) {
        sim.step();
        ASSERT_TRUE(checkInvariants(sim.machine()).empty()) << checkInvariants(sim.machine())[0];
        charged.push_back(sim.machine().memory.charged(1));
        tables.push_back(proc(sim, 1).counters.pageTablePages);
    }
    // The last six steps are the six operations (the run starts with the process's spawn).
    ASSERT_GE(charged.size(), 6u);
    const std::size_t o = charged.size() - 6;
    EXPECT_EQ(charged[o + 2], 512u + tables[o + 2]);  // the THP
    // Split by mprotect: the same 512 pages stay charged, plus the new PTE table.
    EXPECT_EQ(charged[o + 3], 512u + tables[o + 3]);
    EXPECT_EQ(tables[o + 3], tables[o + 2] + 1);
    EXPECT_EQ(charged[o + 4], 256u + tables[o + 4]);  // half unmapped: 256 pages uncharged
    EXPECT_EQ(charged[o + 5], tables[o + 5]);         // all of it gone
}

// 16 MiB of RAM, 32 MiB of swap, THP on MADV_HUGEPAGE: pressure from a 4 KiB-page region.
const char* kPressureThp = R"({"memory":"16 MiB","swap":{"size":"32 MiB","kind":"ssd"},
                              "thp":"madvise"})";

TEST(MlockThp, L1_AMlockedHugePageIsNeverReclaimedAndStaysPmdMapped) {
    const auto sim = runChecked(doc(kPressureThp, R"([{"pid":1,"name":"p"}])",
                                    R"([{"op":"mmap","pid":1,"region":"locked","size":"2 MiB"},
        {"op":"madvise","pid":1,"region":"locked","advice":"hugepage"},
        {"op":"mlock","pid":1,"region":"locked"},
        {"op":"mmap","pid":1,"region":"big","size":"24 MiB"},
        {"op":"touch","pid":1,"region":"big","access":"write"},
        {"op":"touch","pid":1,"region":"big","access":"write"}])"));
    const Machine& m = sim->machine();
    const Process& p = proc(*sim, 1);
    ASSERT_GT(m.counters.swapOuts, 1000u);  // there was pressure
    EXPECT_EQ(p.counters.c.thpFaultAlloc, 1u);
    const Region* locked = p.findRegion("locked");
    ASSERT_NE(locked, nullptr);
    const Pte* e = m.leafPte(p, locked->start);
    ASSERT_NE(e, nullptr);
    EXPECT_TRUE(e->huge() && e->present() && !e->has(pte::ZeroPage));  // never split, never out
    EXPECT_EQ(m.memory.frame(Pfn{e->target}).lru, Lru::Unevictable);   // the folio's head (L1)
    EXPECT_EQ(p.counters.c.thpSplitPmd, 0u);
}

TEST(MadviseFreeThp, A5_MadvFreeSplitsAHugePageAndLazyFreeAppliesPer4KiB) {
    const std::string steps = R"([{"op":"mmap","pid":1,"region":"lazy","size":"2 MiB"},
        {"op":"madvise","pid":1,"region":"lazy","advice":"hugepage"},
        {"op":"touch","pid":1,"region":"lazy","access":"write"},
        {"op":"madvise","pid":1,"region":"lazy","advice":"free"},
        {"op":"touch","pid":1,"region":"lazy","access":"write","length":"64 KiB"},
        {"op":"mmap","pid":1,"region":"big","size":"20 MiB"},
        {"op":"touch","pid":1,"region":"big","access":"write"},
        {"op":"touch","pid":1,"region":"lazy","access":"read"}])";
    const std::string json = doc(kPressureThp, R"([{"pid":1,"name":"p"}])", steps);
    // 512 pages made lazy, 16 written again: the other 496 are dropped without swap.
    EXPECT_EQ(test::countEvents(json, EventKind::LazyFreeDrop), 496u);
    const auto sim = runChecked(json);
    const Process& p = proc(*sim, 1);
    EXPECT_EQ(p.counters.c.thpFaultAlloc, 1u);
    EXPECT_EQ(p.counters.c.thpSplitPmd, 1u);  // MADV_FREE split the THP
    EXPECT_EQ(p.counters.c.faults.zeroPage, 496u);
    const Region* lazy = p.findRegion("lazy");
    ASSERT_NE(lazy, nullptr);
    std::uint64_t zero = 0;
    sim->machine().forEachLeaf(p, [&](VirtAddr va, const Pte& e) {
        if (va >= lazy->start && va < lazy->start + lazy->length && e.has(pte::ZeroPage)) ++zero;
    });
    EXPECT_EQ(zero, 496u);
}

TEST(MemcgIntegration, W7_StepBackAcrossCacheThpMlockAndMadvFreeRestoresEqualMachines) {
    const std::string json = doc(
        R"({"memory":"32 MiB","swap":{"size":"16 MiB","kind":"ssd"},"thp":"madvise",
            "cgroups":[{"name":"box","memory_max":"4 MiB","swappiness":60}]})",
        R"([{"pid":1,"name":"in","cgroup":"box"},{"pid":2,"name":"out"}])",
        R"([{"op":"read","pid":1,"file":"data.bin","length":"8 MiB"},
            {"op":"mmap","pid":1,"region":"h","size":"2 MiB"},
            {"op":"madvise","pid":1,"region":"h","advice":"hugepage"},
            {"op":"touch","pid":1,"region":"h","access":"write","length":"4 KiB"},
            {"op":"mmap","pid":1,"region":"h2","size":"2 MiB"},
            {"op":"madvise","pid":1,"region":"h2","advice":"hugepage"},
            {"op":"touch","pid":1,"region":"h2","access":"write","length":"16 KiB"},
            {"op":"madvise","pid":1,"region":"h","advice":"free"},
            {"op":"mmap","pid":2,"region":"l","size":"2 MiB"},
            {"op":"madvise","pid":2,"region":"l","advice":"hugepage"},
            {"op":"mlock","pid":2,"region":"l"},
            {"op":"mmap","pid":1,"region":"m","file":"data.bin","shared":true,"size":"8 MiB"},
            {"op":"touch","pid":1,"region":"m","access":"write"},
            {"op":"mmap","pid":2,"region":"big","size":"28 MiB"},
            {"op":"touch","pid":2,"region":"big","access":"write"}])",
        R"([{"name":"data.bin","size":"16 MiB"}])");
    Simulator sim(parseScenario(json, "t.json"));
    std::vector<Machine> seen{sim.machine()};
    while (!sim.atEnd()) {
        sim.step();
        const auto bad = checkInvariants(sim.machine());
        ASSERT_TRUE(bad.empty()) << "step " << sim.stepIndex() << ": " << bad.front();
        seen.push_back(sim.machine());
    }
    EXPECT_GT(sim.machine().memcgs[0].pagesReclaimed, 0u);
    EXPECT_GT(sim.machine().counters.swapOuts, 0u);
    for (std::size_t i = seen.size() - 1; i > 0; --i) {
        ASSERT_TRUE(sim.stepBack());
        ASSERT_TRUE(sim.machine() == seen[i - 1]) << "after stepping back to step " << i - 1;
    }
}

}  // namespace
}  // namespace pfviz
