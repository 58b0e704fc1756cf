// Memory cgroups (W7, O1, O5), mlock (L1), MADV_FREE (A5) and the legacy OOM heuristic (O6).
// Rule ids and example numbers are from shared/docs/linux-vm-semantics.md §3, §7-§9.
#include <fstream>
#include <sstream>

#include "TestSupport.h"
#include "pfviz/Summary.h"

namespace pfviz {
namespace {
using test::proc;
using test::runChecked;

std::string doc(const std::string& machine, const std::string& procs, const std::string& steps) {
    return R"({"format":"pfviz-scenario/1","name":"t","seed":3,"machine":)" + machine +
           R"(,"processes":)" + procs + R"(,"steps":)" + steps + "}";
}

std::uint64_t eventsOf(const std::string& json, EventKind kind) {
    return test::countEvents(json, kind);
}

TEST(Memcg, O5_TotalPagesIsTheLimitAndTheAdjUnitIs16Pages) {
    // O5: 64 MiB limit, swappiness 0 -> totalpages 16 384, adj unit 16 pages.
    MachineConfig cfg;
    cfg.frames = 65536;
    cfg.swap = {SwapConfig{SwapKind::Ssd, 8192}};
    cfg.cgroups.push_back({"box", 16384, 0});
    cfg.cgroups.push_back({"swappy", 16384, 60});
    const Machine m(cfg);
    EXPECT_EQ(m.memcgTotalPages(1), 16384u);
    EXPECT_EQ(m.memcgTotalPages(1) / 1000, 16u);
    // O2: with swappiness != 0 the swap allowance counts too.
    EXPECT_EQ(m.memcgTotalPages(2), 16384u + 8192u);
    // The O5 table: A 8082, B 3950 + 8000 = 11 950, C 5352 -> B, the smallest, is killed.
    EXPECT_EQ(Kernel::badness(8057, 0, 25, 0, 16384), 8082);
    EXPECT_EQ(Kernel::badness(3933, 0, 17, 500, 16384), 11950);
    EXPECT_EQ(Kernel::badness(5332, 0, 20, 0, 16384), 5352);
}

// 128 MiB of RAM, no swap; a 64 MiB group with swappiness 0 (the O5 setting).
const char* kO5Machine =
    R"({"memory":"128 MiB","cgroups":[{"name":"box","memory_max":"64 MiB","swappiness":0}]})";
const char* kO5Procs = R"([{"pid":1,"name":"A","cgroup":"box"},
    {"pid":2,"name":"B","cgroup":"box","oom_score_adj":500},
    {"pid":3,"name":"C","cgroup":"box"},{"pid":4,"name":"outside"}])";
const char* kO5Steps = R"([
    {"op":"mmap","pid":4,"region":"o","size":"32 MiB"},
    {"op":"touch","pid":4,"region":"o","access":"write"},
    {"op":"mmap","pid":1,"region":"a","size":"30 MiB"},
    {"op":"touch","pid":1,"region":"a","access":"write"},
    {"op":"mmap","pid":2,"region":"b","size":"14 MiB"},
    {"op":"touch","pid":2,"region":"b","access":"write"},
    {"op":"mmap","pid":3,"region":"c","size":"24 MiB"},
    {"op":"touch","pid":3,"region":"c","access":"write"}])";

TEST(Memcg, O5_W7_MemcgOomKillsTheAdjustedSmallTaskInsideTheGroupOnly) {
    const auto sim = runChecked(doc(kO5Machine, kO5Procs, kO5Steps));
    const Machine& m = sim->machine();
    ASSERT_EQ(m.oomReports.size(), 1u);
    const OomReport& r = m.oomReports[0];
    EXPECT_EQ(r.memcg, 1u);              // CONSTRAINT_MEMCG
    EXPECT_EQ(r.totalPages, 16384u);     // the limit, swappiness 0 (O2/O5)
    EXPECT_EQ(r.requester, Pid{3});      // C's charge failed
    EXPECT_EQ(r.victim, Pid{2});         // B: smallest RSS, but adj 500 x 16 pages wins
    ASSERT_EQ(r.candidates.size(), 3u);  // the task outside is not a candidate (O1)
    for (const OomCandidate& c : r.candidates) {
        EXPECT_NE(c.pid, Pid{4});
        EXPECT_EQ(c.badness, static_cast<std::int64_t>(c.rssPages + c.pageTablePages +
                                                       (c.oomScoreAdj == 500 ? 8000 : 0)));
    }
    EXPECT_EQ(proc(*sim, 2).state, ProcState::Killed);
    EXPECT_EQ(proc(*sim, 3).state, ProcState::Running);  // C finished once B's pages were freed
    EXPECT_EQ(proc(*sim, 3).counters.rssPages, 6144u);
    // The rest of the machine is untouched: no global reclaim, the outside task keeps 32 MiB.
    EXPECT_EQ(proc(*sim, 4).counters.rssPages, 8192u);
    EXPECT_EQ(m.counters.directReclaims, 0u);
    EXPECT_EQ(m.counters.kswapdWakeups, 0u);
    EXPECT_EQ(m.memcgs[0].oomKills, 1u);
    EXPECT_LE(m.memory.charged(1), 16384u);
    // The summary says it was a memcg OOM and which policy scored it.
    const auto j = summaryJson(m, "t", 3, sim->stepIndex());
    EXPECT_EQ(j["oom_reports"][0]["constraint"], "memcg");
    EXPECT_EQ(j["oom_reports"][0]["cgroup"], "box");
    EXPECT_EQ(j["oom_reports"][0]["policy"], "modern");
    EXPECT_EQ(j["oom_reports"][0]["total_pages"], 16384);
    EXPECT_EQ(j["cgroups"]["box"]["limit_pages"], 16384);
    EXPECT_EQ(j["cgroups"]["box"]["oom_kills"], 1);
}

TEST(Memcg, O5_EventsCarryTheCgroup) {
    Simulator sim(parseScenario(doc(kO5Machine, kO5Procs, kO5Steps), "t.json"));
    std::uint64_t oomEvents = 0;
    while (!sim.atEnd())
        for (const Event& e : sim.step())
            if (e.kind == EventKind::OomKill || e.kind == EventKind::OutOfMemory) {
                EXPECT_EQ(e.memcg, 1u);
                ++oomEvents;
            }
    EXPECT_EQ(oomEvents, 2u);
}

// 128 MiB of RAM, 16 MiB of SSD swap; a 16 MiB group that may swap.
const char* kW7Machine =
    R"({"memory":"128 MiB","swap":{"size":"16 MiB","kind":"ssd"},
        "cgroups":[{"name":"box","memory_max":"16 MiB","swappiness":60}]})";

TEST(Memcg, W7_ALimitIsEnforcedByReclaimInsideTheGroupOnly) {
    const auto sim = runChecked(doc(kW7Machine,
                                    R"([{"pid":1,"name":"in","cgroup":"box"},
                                        {"pid":2,"name":"out"}])",
                                    R"([{"op":"mmap","pid":2,"region":"o","size":"16 MiB"},
        {"op":"touch","pid":2,"region":"o","access":"write"},
        {"op":"mmap","pid":1,"region":"a","size":"24 MiB"},
        {"op":"touch","pid":1,"region":"a","access":"write"}])"));
    const Machine& m = sim->machine();
    const Process& in = proc(*sim, 1);
    EXPECT_EQ(in.state, ProcState::Running);
    EXPECT_EQ(in.counters.rssPages + in.counters.swapPages, 6144u);  // all 24 MiB are kept
    EXPECT_GE(in.counters.swapPages, 6144u - 4096u);                 // >= 8 MiB went to swap
    EXPECT_LE(m.memory.charged(1), 4096u);
    EXPECT_GT(m.memcgs[0].pagesReclaimed, 0u);
    EXPECT_GT(m.memcgs[0].maxEvents, 0u);
    // W7: the node's kswapd/direct counters do not include memcg reclaim (pgscan +0).
    EXPECT_EQ(m.counters.pagesScanned, 0u);
    EXPECT_EQ(m.counters.directReclaims, 0u);
    EXPECT_EQ(m.counters.kswapdWakeups, 0u);
    // The task outside keeps all its memory in RAM.
    EXPECT_EQ(proc(*sim, 2).counters.rssPages, 4096u);
    EXPECT_EQ(proc(*sim, 2).counters.swapPages, 0u);
    EXPECT_TRUE(m.oomReports.empty());
}

TEST(Memcg, W7_WhenGroupReclaimFailsAMemcgOomFollows) {
    // The group writes 40 MiB: 16 MiB fit, 16 MiB of swap fill up, then reclaim cannot help.
    const auto sim = runChecked(doc(kW7Machine,
                                    R"([{"pid":1,"name":"in","cgroup":"box"},
                                        {"pid":2,"name":"out"}])",
                                    R"([{"op":"mmap","pid":2,"region":"o","size":"16 MiB"},
        {"op":"touch","pid":2,"region":"o","access":"write"},
        {"op":"mmap","pid":1,"region":"a","size":"40 MiB"},
        {"op":"touch","pid":1,"region":"a","access":"write"}])"));
    const Machine& m = sim->machine();
    ASSERT_EQ(m.oomReports.size(), 1u);
    EXPECT_EQ(m.oomReports[0].memcg, 1u);
    EXPECT_EQ(m.oomReports[0].victim, Pid{1});
    EXPECT_EQ(m.oomReports[0].totalPages, 4096u + 4096u);  // limit + swap (swappiness 60)
    EXPECT_EQ(proc(*sim, 1).state, ProcState::Killed);
    EXPECT_EQ(proc(*sim, 2).state, ProcState::Running);
    EXPECT_EQ(proc(*sim, 2).counters.rssPages, 4096u);
    EXPECT_EQ(m.memory.charged(1), 0u);  // the victim's charges went with it
}

TEST(Memcg, W7_ForkInheritsTheGroupAndACgroupMoveLeavesOldChargesBehind) {
    const auto sim = runChecked(doc(kW7Machine, R"([{"pid":1,"name":"p"}])",
                                    R"([{"op":"mmap","pid":1,"region":"a","size":"1 MiB"},
        {"op":"touch","pid":1,"region":"a","access":"write"},
        {"op":"cgroup","pid":1,"cgroup":"box"},
        {"op":"fork","pid":1,"child":2},
        {"op":"mmap","pid":2,"region":"b","size":"1 MiB"},
        {"op":"touch","pid":2,"region":"b","access":"write"}])"));
    EXPECT_EQ(proc(*sim, 1).memcg, 1u);
    EXPECT_EQ(proc(*sim, 2).memcg, 1u);
    // Only what was allocated after the move is charged to the group: the child's 256 pages
    // and its page tables; the parent's 256 pages stay with the root (cgroup v2).
    const std::uint64_t charged = sim->machine().memory.charged(1);
    EXPECT_GE(charged, 256u);
    EXPECT_LT(charged, 256u + 16u);
}

TEST(Memcg, UnknownCgroupIsAPositionedError) {
    try {
        parseScenario(doc(kW7Machine, R"([{"pid":1,"cgroup":"nope"}])", R"([{"op":"checkpoint"}])"),
                      "t.json");
        FAIL() << "accepted an unknown cgroup";
    } catch (const ScenarioError& e) {
        SCOPED_TRACE(e.what());
        EXPECT_NE(std::string(e.what()).find("unknown cgroup 'nope'"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("t.json:2:106: processes[0].cgroup:"),
                  std::string::npos);
    }
}

// --- mlock (L1: the unevictable list) ---

const char* kPressureMachine = R"({"memory":"16 MiB","swap":{"size":"32 MiB","kind":"ssd"}})";

TEST(Mlock, L1_MlockedPagesAreNeverReclaimedUnderPressure) {
    const auto sim = runChecked(doc(kPressureMachine, R"([{"pid":1,"name":"p"}])",
                                    R"([{"op":"mmap","pid":1,"region":"locked","size":"2 MiB"},
        {"op":"mlock","pid":1,"region":"locked"},
        {"op":"mmap","pid":1,"region":"big","size":"24 MiB"},
        {"op":"touch","pid":1,"region":"big","access":"write"},
        {"op":"touch","pid":1,"region":"big","access":"write"}])"));
    const Machine& m = sim->machine();
    const Process& p = proc(*sim, 1);
    ASSERT_GT(m.counters.swapOuts, 1000u);  // there was pressure
    EXPECT_EQ(m.memory.lruSize(Lru::Unevictable), 512u);
    const Region* locked = p.findRegion("locked");
    ASSERT_NE(locked, nullptr);
    std::uint64_t resident = 0;
    m.forEachLeaf(p, [&](VirtAddr va, const Pte& e) {
        if (va < locked->start || va >= locked->start + locked->length) return;
        EXPECT_FALSE(e.swapped()) << "locked page at 0x" << std::hex << va << " was swapped";
        if (e.present() && !e.has(pte::ZeroPage)) ++resident;
    });
    EXPECT_EQ(resident, 512u);  // mlock faulted all of it in (F4) and kept it
}

TEST(Mlock, L1_ReclaimCullsAPageWrittenAfterMlockToTheUnevictableList) {
    // A CoW copy made after mlock starts on the inactive list; reclaim finds VM_LOCKED and
    // moves it to the unevictable list instead of swapping it.
    const std::string json = doc(kPressureMachine, R"([{"pid":1,"name":"p"}])",
                                 R"([{"op":"mmap","pid":1,"region":"locked","size":"1 MiB"},
        {"op":"mlock","pid":1,"region":"locked"},
        {"op":"fork","pid":1,"child":2},
        {"op":"touch","pid":1,"region":"locked","access":"write"},
        {"op":"mmap","pid":1,"region":"big","size":"24 MiB"},
        {"op":"touch","pid":1,"region":"big","access":"write"}])");
    EXPECT_GT(eventsOf(json, EventKind::LruUnevictable), 0u);
    const auto sim = runChecked(json);
    const Process& p = proc(*sim, 1);
    const Region* locked = p.findRegion("locked");
    ASSERT_NE(locked, nullptr);
    sim->machine().forEachLeaf(p, [&](VirtAddr va, const Pte& e) {
        if (va >= locked->start && va < locked->start + locked->length) {
            EXPECT_FALSE(e.swapped());
        }
    });
}

// --- MADV_FREE (A5) ---

TEST(MadviseFree, A5_NoPressureKeepsRssAndDataWithNoFaults) {
    // A5 check: MADV_FREE of 256 pages, no pressure: RSS unchanged, 0 faults, data intact.
    const auto sim = runChecked(doc(R"({"memory":"16 MiB"})", R"([{"pid":1,"name":"p"}])",
                                    R"([{"op":"mmap","pid":1,"region":"a","size":"1 MiB"},
        {"op":"touch","pid":1,"region":"a","access":"write"},
        {"op":"madvise","pid":1,"region":"a","advice":"free",
         "expect":{"processes":{"p":{"rss_pages":256}}}},
        {"op":"touch","pid":1,"region":"a","access":"read"}])"));
    const Process& p = proc(*sim, 1);
    EXPECT_EQ(p.counters.rssPages, 256u);
    EXPECT_EQ(p.counters.c.faults.minor, 256u);   // only the first writes faulted
    EXPECT_EQ(p.counters.c.faults.zeroPage, 0u);  // nothing was replaced by the zero page
    EXPECT_EQ(sim->machine().memory.lazyFreeCount(), 256u);
}

const char* kFreeSteps = R"([{"op":"mmap","pid":1,"region":"lazy","size":"1 MiB"},
    {"op":"touch","pid":1,"region":"lazy","access":"write"},
    {"op":"madvise","pid":1,"region":"lazy","advice":"free"},
    %REWRITE%
    {"op":"mmap","pid":1,"region":"big","size":"20 MiB"},
    {"op":"touch","pid":1,"region":"big","access":"write"},
    {"op":"touch","pid":1,"region":"lazy","access":"read"}])";

std::string freeScenario(bool rewrite) {
    std::string steps = kFreeSteps;
    steps.replace(steps.find("%REWRITE%"), 9,
                  rewrite ? R"({"op":"touch","pid":1,"region":"lazy","access":"write"},)" : "");
    return doc(kPressureMachine, R"([{"pid":1,"name":"p"}])", steps);
}

TEST(MadviseFree, A5_UnderPressureCleanPagesAreDroppedNotSwapped) {
    const std::string json = freeScenario(false);
    EXPECT_EQ(eventsOf(json, EventKind::LazyFreeDrop), 256u);
    const auto sim = runChecked(json);
    const Process& p = proc(*sim, 1);
    // The contents are gone: reading the range maps the zero page (256 zero-page faults), and
    // no major fault brought anything back from swap.
    EXPECT_EQ(p.counters.c.faults.zeroPage, 256u);
    const Region* lazy = p.findRegion("lazy");
    ASSERT_NE(lazy, nullptr);
    sim->machine().forEachLeaf(p, [&](VirtAddr va, const Pte& e) {
        if (va >= lazy->start && va < lazy->start + lazy->length) {
            EXPECT_TRUE(e.has(pte::ZeroPage));
        }
    });
}

TEST(MadviseFree, A5_PagesWrittenAgainAfterMadviseAreKept) {
    const std::string json = freeScenario(true);
    EXPECT_EQ(eventsOf(json, EventKind::LazyFreeDrop), 0u);
    const auto sim = runChecked(json);
    const Process& p = proc(*sim, 1);
    EXPECT_EQ(p.counters.c.faults.zeroPage, 0u);  // the data survived (in RAM or in swap)
    EXPECT_EQ(sim->machine().memory.lazyFreeCount(), 0u);
}

TEST(MadviseFree, A5_WithoutSwapCleanPagesAreStillReclaimable) {
    // No swap at all: only the MADV_FREE pages can be reclaimed, and they save the task from
    // the OOM killer.
    const auto sim = runChecked(doc(R"({"memory":"8 MiB"})", R"([{"pid":1,"name":"p"}])",
                                    R"([{"op":"mmap","pid":1,"region":"lazy","size":"2 MiB"},
        {"op":"touch","pid":1,"region":"lazy","access":"write"},
        {"op":"madvise","pid":1,"region":"lazy","advice":"free"},
        {"op":"mmap","pid":1,"region":"big","size":"6 MiB"},
        {"op":"touch","pid":1,"region":"big","access":"write"}])"));
    EXPECT_TRUE(sim->machine().oomReports.empty());
    EXPECT_EQ(proc(*sim, 1).state, ProcState::Running);
    EXPECT_GT(sim->machine().counters.pagesReclaimed, 0u);
    EXPECT_EQ(sim->machine().counters.swapOuts, 0u);
}

// --- O6: the legacy 2.6 badness() ---

TEST(OomLegacy, O6_TheDocExamplesAtHz1000) {
    Kernel::LegacyOomInput in;
    in.totalVm = 100000;
    EXPECT_EQ(Kernel::legacyBadness(in), 100000);  // a fresh process
    in.cpuJiffies = 819200;                        // 819.2 s -> 100 -> /10
    in.runSeconds = 16384;                         // -> 16 -> /2
    EXPECT_EQ(Kernel::legacyBadness(in), 5000);
    Kernel::LegacyOomInput adj = in;
    adj.oomAdj = 3;
    EXPECT_EQ(Kernel::legacyBadness(adj), 40000);
    adj.oomAdj = -4;
    EXPECT_EQ(Kernel::legacyBadness(adj), 312);
    adj.oomAdj = -17;
    EXPECT_EQ(Kernel::legacyBadness(adj), 0);  // never killed
    Kernel::LegacyOomInput fam = in;
    fam.childrenVm = {40000, 40000};
    fam.nice = 5;
    fam.root = true;
    EXPECT_EQ(Kernel::legacyBadness(fam), 3500);
    EXPECT_EQ(Kernel::legacyOomAdj(-1000), -17);
    EXPECT_EQ(Kernel::legacyOomAdj(1000), 15);
    EXPECT_EQ(Kernel::legacyOomAdj(500), 8);
}

TEST(OomLegacy, O6_LegacyPolicyKillsTheLargestVirtualSizeModernTheLargestRss) {
    // "hog" reserves 4 x 6 MiB but touches 2 MiB; "worker" writes until memory runs out.
    const std::string steps = R"([{"op":"mmap","pid":1,"region":"v","size":"6 MiB"},
        {"op":"mmap","pid":1,"region":"v2","size":"6 MiB"},
        {"op":"mmap","pid":1,"region":"v3","size":"6 MiB"},
        {"op":"mmap","pid":1,"region":"v4","size":"6 MiB"},
        {"op":"touch","pid":1,"region":"v","access":"write","length":"2 MiB"},
        {"op":"mmap","pid":2,"region":"w","size":"6 MiB"},
        {"op":"touch","pid":2,"region":"w","access":"write"}])";
    const char* procs = R"([{"pid":1,"name":"hog"},{"pid":2,"name":"worker"}])";
    const auto modern = runChecked(doc(R"({"memory":"8 MiB"})", procs, steps));
    const auto legacy =
        runChecked(doc(R"({"memory":"8 MiB","oom_policy":"legacy"})", procs, steps));
    ASSERT_FALSE(modern->machine().oomReports.empty());
    ASSERT_FALSE(legacy->machine().oomReports.empty());
    EXPECT_EQ(modern->machine().oomReports[0].victim, Pid{2});
    EXPECT_EQ(modern->machine().oomReports[0].policy, OomPolicy::Modern);
    EXPECT_EQ(legacy->machine().oomReports[0].victim, Pid{1});
    EXPECT_EQ(legacy->machine().oomReports[0].policy, OomPolicy::Legacy);
    // O6: total_vm in pages (24 MiB = 6144), no CPU/run-time division in a short run.
    for (const OomCandidate& c : legacy->machine().oomReports[0].candidates)
        if (c.pid == Pid{1}) {
            EXPECT_EQ(c.badness, 6144);
        }
    const auto j = summaryJson(legacy->machine(), "t", 3, legacy->stepIndex());
    EXPECT_EQ(j["oom_policy"], "legacy");
    EXPECT_EQ(j["oom_reports"][0]["policy"], "legacy");
    EXPECT_EQ(j["oom_reports"][0]["constraint"], "global");
}

// --- textbook reclaim policies on the machine (Belady's string through the full MMU) ---

std::pair<std::uint64_t, std::uint64_t> beladyFaults(const std::string& policy) {
    std::ifstream in(std::string(PFVIZ_SCENARIO_DIR) + "/belady.json");
    std::stringstream text;
    text << in.rdbuf();
    std::string json = text.str();
    const std::string from = R"("reclaim_policy": "fifo")";
    json.replace(json.find(from), from.size(), R"("reclaim_policy": ")" + policy + "\"");
    const auto sim = runChecked(json);
    auto faults = [&](std::uint32_t pid) {
        const auto& f = proc(*sim, pid).counters.c.faults;
        return f.minor + f.major;
    };
    return {faults(1), faults(2)};
}

TEST(ClassicReclaim, FifoShowsBeladysAnomaly9Versus10) {
    // 1 2 3 4 1 2 5 1 2 3 4 5 with 3 and 4 data frames (memcg limits of 7 and 8 pages).
    EXPECT_EQ(beladyFaults("fifo"), std::make_pair(std::uint64_t{9}, std::uint64_t{10}));
}

TEST(ClassicReclaim, LruIsAStackAlgorithm10Versus8) {
    EXPECT_EQ(beladyFaults("lru"), std::make_pair(std::uint64_t{10}, std::uint64_t{8}));
}

TEST(ClassicReclaim, ClockOnBeladysStringAlsoGives9And10) {
    // At every miss here all resident pages have their reference bit set, so the hand clears
    // them all and evicts the oldest: CLOCK behaves like FIFO on this string.
    EXPECT_EQ(beladyFaults("clock"), std::make_pair(std::uint64_t{9}, std::uint64_t{10}));
}

std::uint64_t faultsOn(const std::string& policy, const std::vector<int>& refs) {
    std::string steps =
        R"([{"op":"mmap","pid":1,"region":"r","size":"20 KiB","addr":"0x10000000"})";
    for (int r : refs)
        steps += R"(,{"op":"access","pid":1,"access":"write","addr":)" +
                 std::to_string(0x10000000 + (r - 1) * 4096) + "}";
    const auto sim = runChecked(doc(R"({"memory":"16 MiB","swap":{"size":"1 MiB","page_cluster":0},
        "reclaim_policy":")" + policy + R"(","cgroups":[{"name":"g","memory_max":"28 KiB"}]})",
                                    R"([{"pid":1,"cgroup":"g"}])", steps + "]"));
    const auto& f = proc(*sim, 1).counters.c.faults;
    return f.minor + f.major;
}

TEST(ClassicReclaim, ClockSparesThePageReferencedSinceTheLastSweep) {
    // 3 frames, 1 2 3 4 2 5 2: at 5, FIFO evicts 2 (loaded first of 2 3 4) and misses on it
    // again; CLOCK finds 2 referenced since the sweep at 4, clears it and evicts 3 instead.
    EXPECT_EQ(faultsOn("fifo", {1, 2, 3, 4, 2, 5, 2}), 6u);
    EXPECT_EQ(faultsOn("clock", {1, 2, 3, 4, 2, 5, 2}), 5u);
    EXPECT_EQ(faultsOn("lru", {1, 2, 3, 4, 2, 5, 2}), 5u);
}

TEST(Memcg, W7_StepBackAcrossTheMemcgOomRestoresTheWholeMachine) {
    std::ifstream in(std::string(PFVIZ_SCENARIO_DIR) + "/cgroup_oom.json");
    std::stringstream text;
    text << in.rdbuf();
    const Scenario s = parseScenario(text.str(), "cgroup_oom.json");
    std::uint64_t oomStep = 0;
    {
        Simulator run(s, SimulatorOptions{.seed = {}, .history = false});
        while (!run.atEnd() && oomStep == 0)
            for (const Event& e : run.step())
                if (e.kind == EventKind::OomKill) oomStep = run.stepIndex();
    }
    ASSERT_GT(oomStep, 40u);
    Simulator sim(s);
    sim.seek(oomStep - 40);  // memcg reclaim is running here
    const Machine before = sim.machine();
    for (int i = 0; i < 80; ++i)
        sim.step();
    EXPECT_EQ(sim.machine().oomReports.size(), 1u);
    for (int i = 0; i < 80; ++i)
        ASSERT_TRUE(sim.stepBack());
    EXPECT_EQ(sim.machine(), before);
    EXPECT_TRUE(sim.machine().oomReports.empty());
}

}  // namespace
}  // namespace pfviz
