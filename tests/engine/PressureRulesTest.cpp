// Memory pressure: watermarks (W), swap (S), LRU (L), OOM (O) and pressure levels.
// Rule ids and example numbers are from shared/docs/linux-vm-semantics.md §6-§10.
#include "TestSupport.h"

namespace pfviz {
namespace {
using test::countEvents;
using test::proc;
using test::runChecked;
using test::scenarioJson;

TEST(Watermarks, W1_MinFreeKbytesDefault) {
    EXPECT_EQ(defaultMinFreeKbytes(16ull * 1024 * 1024), 16384u);  // 16 GiB of lowmem
    EXPECT_EQ(defaultMinFreeKbytes(4ull * 1024 * 1024), 8192u);    // 4 GiB
    EXPECT_EQ(defaultMinFreeKbytes(64), 128u);                     // clamped up to 128 KiB
    EXPECT_EQ(defaultMinFreeKbytes(1ull << 40), 262144u);          // clamped down to 256 MiB
}

TEST(Watermarks, W2_OneZoneOf1048576PagesTheDocNumbers) {
    const Watermarks w = computeWatermarks(1048576, 8192, 10, 12);
    EXPECT_EQ(w.min, 2048u);
    EXPECT_EQ(w.low, 3096u);
    EXPECT_EQ(w.high, 4144u);
    const Watermarks s = computeWatermarks(1048576, 8192, 100, 12);
    EXPECT_EQ(s.low, 12533u);
    EXPECT_EQ(s.high, 23018u);
}

TEST(Watermarks, W2_MachineComputesThemFromItsSize) {
    MachineConfig cfg;
    cfg.frames = 16384;  // 64 MiB: min_free_kbytes = int_sqrt(16 * 65536) = 1024 -> 256 pages
    const Machine m(cfg);
    EXPECT_EQ(m.watermarks.min, 256u);
    EXPECT_EQ(m.watermarks.low, 320u);  // gap = max(256 / 4, 16384 * 10 / 10000) = 64
    EXPECT_EQ(m.watermarks.high, 384u);
}

// 64 MiB of RAM, 64 MiB of SSD swap; watermarks 256 / 320 / 384.
const char* kSwapMachine = R"({"memory":"64 MiB","swap":{"size":"64 MiB","kind":"ssd"}})";
const char* kZramMachine =
    R"({"memory":"64 MiB","swap":{"size":"64 MiB","kind":"zram","compression_ratio":2.0}})";

TEST(Watermarks, W3_W5_BelowLowWakesKswapdWhichReclaimsUntilHigh) {
    // 16 070 pages leave about 300 free: below low (320) but above min (256).
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"64280 KiB"},
            {"op":"touch","pid":1,"region":"a","access":"write"},
            {"op":"sleep","ns":1000000}])",
        kSwapMachine));
    const Machine& m = sim->machine();
    EXPECT_GE(m.counters.kswapdWakeups, 1u);
    EXPECT_GT(m.counters.swapOuts, 0u);
    EXPECT_FALSE(m.kswapdAwake);               // given time, it went back to sleep at high (W5) ...
    EXPECT_EQ(m.counters.directReclaims, 0u);  // ... and the task never went below min
    EXPECT_GT(m.memory.freeCount(), m.watermarks.min);
    // kswapd slept only with free >= high.
    Simulator again(
        parseScenario(scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":"64280 KiB"},
            {"op":"touch","pid":1,"region":"a","access":"write"},
            {"op":"sleep","ns":1000000}])",
                                   kSwapMachine),
                      "t.json"));
    std::uint64_t sleeps = 0;
    while (!again.atEnd())
        for (const Event& e : again.step())
            if (e.kind == EventKind::KswapdSleep) {
                ++sleeps;
                EXPECT_GE(e.count, m.watermarks.high);
            }
    EXPECT_GE(sleeps, 1u);
    EXPECT_EQ(proc(*sim, 1).counters.rssPages + proc(*sim, 1).counters.swapPages, 16070u);
}

TEST(Watermarks, W6_FastAllocatorOutrunsKswapdDirectReclaimIsChargedToTheTask) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"100 MiB"},
            {"op":"populate","pid":1,"region":"a"}])",
        kSwapMachine));
    const Machine& m = sim->machine();
    EXPECT_GT(m.counters.directReclaims, 0u);
    EXPECT_GT(m.counters.directReclaimNs, 0u);
    EXPECT_EQ(proc(*sim, 1).counters.c.directReclaims, m.counters.directReclaims);
    EXPECT_EQ(proc(*sim, 1).counters.rssPages + proc(*sim, 1).counters.swapPages, 25600u);
}

TEST(Lru, L1_NewAnonymousPagesStartInactive_L3_RetouchingDoesNotMoveThem) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"4 MiB"},
            {"op":"touch","pid":1,"region":"a","access":"write"},
            {"op":"touch","pid":1,"region":"a","access":"read"}])",
        kSwapMachine));
    EXPECT_EQ(sim->machine().memory.lruSize(Lru::InactiveAnon), 1024u);
    EXPECT_EQ(sim->machine().memory.lruSize(Lru::ActiveAnon), 0u);
}

TEST(Lru, L3_SecondChanceThenActivateThenReclaimTheUnreferenced) {
    Simulator sim(parseScenario(scenarioJson(
                                    R"([{"op":"mmap","pid":1,"region":"a","size":"64 KiB"},
                                        {"op":"touch","pid":1,"region":"a","access":"write"}])",
                                    kSwapMachine),
                                "t.json"));
    while (!sim.atEnd())
        sim.step();
    Machine m = sim.machine();
    std::vector<Event> ev;
    Kernel k(m, ev, 0);
    // All 16 pages were just written: every A bit is set. The first pass only harvests them:
    // PG_referenced is set and each page stays inactive (second chance).
    EXPECT_EQ(k.reclaim(1, Pid{}, false), 1u);  // scans 16 twice: 2nd time page 0 is cold
    EXPECT_EQ(m.counters.swapOuts, 1u);
    EXPECT_EQ(m.memory.lruSize(Lru::ActiveAnon), 0u);
    EXPECT_EQ(m.memory.lruSize(Lru::InactiveAnon), 15u);
    EXPECT_TRUE(checkInvariants(m).empty());
    // A page referenced again after its second chance is activated.
    const VirtAddr base = m.process(Pid{1})->regions.front().start;
    Kernel k2(m, ev, 1);
    k2.access(Pid{1}, base + 4096, Access::Read);
    k2.reclaim(1, Pid{}, false);
    EXPECT_EQ(m.memory.lruSize(Lru::ActiveAnon), 1u);
    EXPECT_TRUE(checkInvariants(m).empty());
}

TEST(Lru, L5_SwappinessIsAWeightNotAThreshold) {
    auto anonPermille = [](std::uint32_t sw, std::uint64_t a, std::uint64_t f) {
        const ScanWeights w = scanWeights(sw, a, f);
        return w.ap * 1000 / (w.ap + w.fp);
    };
    EXPECT_EQ(anonPermille(60, 0, 0), 300u);
    EXPECT_EQ(anonPermille(100, 500, 500), 500u);
    EXPECT_EQ(anonPermille(133, 0, 0), 665u);  // 66.5 %
    EXPECT_EQ(anonPermille(200, 7, 7), 1000u);
    EXPECT_EQ(anonPermille(0, 7, 7), 0u);
    const ScanWeights w = scanWeights(60, 3000, 0);
    EXPECT_EQ(w.ap, 89u);
    EXPECT_EQ(w.fp, 419u);
}

TEST(Lru, L5_NoSwapMeansNothingAnonymousIsReclaimedAndTheOomKillerRuns) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"40 MiB"},
            {"op":"touch","pid":1,"region":"a","access":"write"},
            {"op":"mmap","pid":1,"region":"b","size":"40 MiB"},
            {"op":"touch","pid":1,"region":"b","access":"write"}])",
        R"({"memory":"64 MiB"})"));
    EXPECT_EQ(sim->machine().counters.swapOuts, 0u);
    EXPECT_EQ(sim->machine().counters.oomKills, 1u);
    EXPECT_EQ(proc(*sim, 1).state, ProcState::Killed);
}

const char* kSwapBack = R"([{"op":"mmap","pid":1,"region":"a","size":"80 MiB"},
    {"op":"touch","pid":1,"region":"a","access":"write"},
    {"op":"touch","pid":1,"region":"a","length":"8 MiB","access":"read"}])";

TEST(Swap, S1_SwapOutMovesPagesFromRssToVmSwapWithATlbFlush) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"80 MiB"},
            {"op":"touch","pid":1,"region":"a","access":"write"}])",
        kSwapMachine));
    const Process& p = proc(*sim, 1);
    EXPECT_GT(p.counters.swapPages, 4000u);
    EXPECT_EQ(p.counters.rssPages + p.counters.swapPages, 20480u);
    EXPECT_EQ(sim->machine().counters.swapOuts, p.counters.swapPages);
    EXPECT_EQ(sim->machine().swap.used(), p.counters.swapPages);
    EXPECT_GE(countEvents(scenarioJson(
                              R"([{"op":"mmap","pid":1,"region":"a","size":"80 MiB"},
                                  {"op":"touch","pid":1,"region":"a","access":"write"}])",
                              kSwapMachine),
                          EventKind::SwapOut),
              p.counters.swapPages);
}

TEST(Swap, S2_S3_DiskSwapInIsMajorAndReadaheadMakesNeighboursMinor) {
    // The first 8 MiB (2048 pages) were swapped out first; reading them back sequentially
    // reads 8-slot clusters: 1 major + 7 swap-cache minor faults per cluster.
    const auto sim = runChecked(scenarioJson(kSwapBack, kSwapMachine));
    const Machine& m = sim->machine();
    const FaultCounters& f = proc(*sim, 1).counters.c.faults;
    EXPECT_EQ(f.major, 256u);
    EXPECT_EQ(f.minor, 20480u + 1792u);
    EXPECT_EQ(m.counters.swapCacheHits, 1792u);
}

TEST(Swap, S4_ZramHasNoSwapCacheEverySwapInIsMajor) {
    const auto sim = runChecked(scenarioJson(kSwapBack, kZramMachine));
    const Machine& m = sim->machine();
    EXPECT_EQ(proc(*sim, 1).counters.c.faults.major, 2048u);
    EXPECT_EQ(m.counters.swapCacheHits, 0u);
    for (const SwapSlot& s : m.swap.slotTable)
        EXPECT_EQ(s.cache, kNoFrame);
}

TEST(Swap, S7_ZramStoresPagesCompressedInRam) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"80 MiB"},
            {"op":"touch","pid":1,"region":"a","access":"write"}])",
        kZramMachine));
    const Machine& m = sim->machine();
    // 2.0:1 -> half a frame of RAM per swapped page.
    EXPECT_EQ(m.memory.countOf(FrameUse::Zram), (m.swap.used() + 1) / 2);
}

TEST(Swap, S5_ExclusivePageComesBackWritableAWriteMakesNoFault) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"80 MiB"},
            {"op":"touch","pid":1,"region":"a","access":"write"},
            {"op":"touch","pid":1,"region":"a","length":"1 MiB","access":"read"},
            {"op":"touch","pid":1,"region":"a","length":"1 MiB","access":"write",
             "expect":{"processes":{"p1":{"faults":{"protection":0}}}}}])",
        kZramMachine));
    EXPECT_TRUE(sim->checkExpectations().empty());
    EXPECT_EQ(proc(*sim, 1).counters.c.faults.major, 256u);
}

TEST(Swap, S6_SwapCacheKeepsTheSlotAfterAReadSwapIn) {
    const auto sim = runChecked(scenarioJson(kSwapBack, kSwapMachine));
    const Machine& m = sim->machine();
    std::uint64_t cached = 0;
    for (const SwapSlot& s : m.swap.slotTable)
        cached += s.cache != kNoFrame ? 1 : 0;
    EXPECT_GT(cached, 0u);
}

TEST(Oom, O1_O2_O3_ReportHoldsTheCandidateTableAndAdjMinus1000Survives) {
    // The doc's experiment 34 adapted to a global OOM: 64 MiB, no swap -> totalpages 16384,
    // adj unit 16 pages.
    const auto sim = runChecked(
        R"({"format":"pfviz-scenario/1","name":"t","machine":{"memory":"64 MiB"},
            "processes":[{"pid":1,"name":"guard","oom_score_adj":-1000},{"pid":2,"name":"A"},
                         {"pid":3,"name":"B","oom_score_adj":500},{"pid":4,"name":"C"}],
            "steps":[{"op":"mmap","pid":1,"region":"m","size":"2 MiB"},
                     {"op":"touch","pid":1,"region":"m","access":"write"},
                     {"op":"mmap","pid":2,"region":"m","size":"30 MiB"},
                     {"op":"touch","pid":2,"region":"m","access":"write"},
                     {"op":"mmap","pid":3,"region":"m","size":"14 MiB"},
                     {"op":"touch","pid":3,"region":"m","access":"write"},
                     {"op":"mmap","pid":4,"region":"m","size":"24 MiB"},
                     {"op":"touch","pid":4,"region":"m","access":"write"}]})");
    const Machine& m = sim->machine();
    ASSERT_EQ(m.oomReports.size(), 1u);
    const OomReport& r = m.oomReports.front();
    EXPECT_EQ(r.victim, Pid{3});
    EXPECT_EQ(r.totalPages, 16384u);
    ASSERT_EQ(r.candidates.size(), 4u);
    const OomCandidate& b = r.candidates[2];
    EXPECT_EQ(b.rssPages, 3584u);
    EXPECT_EQ(b.badness, static_cast<std::int64_t>(3584 + b.pageTablePages + 8000));
    EXPECT_EQ(b.oomScore, (1000 + b.badness * 1000 / 16384) * 2 / 3);
    EXPECT_FALSE(r.candidates[0].eligible);
    EXPECT_EQ(r.candidates[0].oomScore, 0);
    EXPECT_EQ(proc(*sim, 1).state, ProcState::Running);
    EXPECT_EQ(proc(*sim, 2).state, ProcState::Running);
    EXPECT_EQ(proc(*sim, 3).state, ProcState::Killed);
    EXPECT_EQ(proc(*sim, 4).state, ProcState::Running);
    EXPECT_EQ(proc(*sim, 4).counters.rssPages, 6144u);
}

TEST(Oom, O2_SwapEntriesCountInBadnessAndTotalpagesIncludesSwap) {
    const auto sim = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"80 MiB"},
            {"op":"touch","pid":1,"region":"a","access":"write"}])",
        kSwapMachine));
    const Machine& m = sim->machine();
    const Process& p = proc(*sim, 1);
    EXPECT_EQ(m.totalPages(), 32768u);
    EXPECT_EQ(Kernel::badness(m, p),
              static_cast<std::int64_t>(p.counters.rssPages + p.counters.swapPages +
                                        p.counters.pageTablePages));
}

TEST(Pressure, FiveLevelsFromUsedMemoryAndSwap) {
    MachineConfig cfg;
    cfg.frames = 1000;
    cfg.swap = {SwapConfig{SwapKind::Ssd, 100, 200, 3}};
    Machine m(cfg);
    EXPECT_EQ(m.pressureLevel(), PressureLevel::Normal);
    auto use = [&](std::uint64_t n) {
        for (std::uint64_t i = 0; i < n; ++i)
            m.memory.allocate(FrameUse::PageTable, Pid{1});
    };
    use(749);  // 750 of 1000 used (the zero page is one)
    EXPECT_EQ(m.pressureLevel(), PressureLevel::Caution);
    use(100);
    EXPECT_EQ(m.pressureLevel(), PressureLevel::Warning);
    use(110);  // 96 % but nothing swapped yet: still warning
    EXPECT_EQ(m.pressureLevel(), PressureLevel::Warning);
    m.swap.areas[0].free.pop_back();
    m.swap.slotTable[0].used = true;
    EXPECT_EQ(m.pressureLevel(), PressureLevel::Danger);
    m.swap.areas[0].free.resize(50);
    EXPECT_EQ(m.pressureLevel(), PressureLevel::Critical);
}

}  // namespace
}  // namespace pfviz

namespace pfviz {
namespace {

TEST(Psi, M3_ConstantHalfStallThenIdleTheDocNumbers) {
    PsiAverages a;
    auto show = [&] {
        return std::array<std::uint64_t, 3>{a.hundredths(0, true), a.hundredths(1, true),
                                            a.hundredths(2, true)};
    };
    for (int i = 0; i < 5; ++i)  // 10 s at 50 %
        a.period(kPsiPeriodNs / 2, kPsiPeriodNs);
    EXPECT_EQ(show(), (std::array<std::uint64_t, 3>{3159, 766, 169}));
    for (int i = 0; i < 25; ++i)  // 60 s in all
        a.period(kPsiPeriodNs / 2, kPsiPeriodNs);
    EXPECT_EQ(show(), (std::array<std::uint64_t, 3>{4988, 3157, 931}));
    for (int i = 0; i < 5; ++i)  // then 10 s idle
        a.period(0, kPsiPeriodNs);
    EXPECT_EQ(show(), (std::array<std::uint64_t, 3>{1836, 2673, 899}));
    // /proc/pressure prints LOAD_INT.LOAD_FRAC, which truncates: 8.99 -> 8.99, 26.73 -> 26.73.
    EXPECT_EQ(a.hundredths(0), 1836u);
}

TEST(Psi, M2_OneCpuOneTaskInReclaimOneComputingIsSomeNotFull) {
    EXPECT_TRUE(psiState(1, 1).some);
    EXPECT_FALSE(psiState(1, 1).full);
    EXPECT_TRUE(psiState(1, 0).full);
    EXPECT_FALSE(psiState(0, 2).some);
}

TEST(Psi, M1_DirectReclaimAndSwapInsAreStallsColdAnonymousFaultsAreNot) {
    const auto cold = runChecked(scenarioJson(
        R"([{"op":"mmap","pid":1,"region":"a","size":"8 MiB"},
            {"op":"touch","pid":1,"region":"a","access":"write"}])",
        kSwapMachine));
    EXPECT_EQ(cold->machine().pressure.totalStallNs, 0u);
    const auto sim = runChecked(scenarioJson(kSwapBack, kSwapMachine));
    const Machine& m = sim->machine();
    EXPECT_EQ(m.pressure.totalStallNs,
              m.counters.directReclaimNs + m.counters.faults.major * m.config.costs.swapInSsd);
}

TEST(Vmpressure, M4_TheDocExamples) {
    EXPECT_EQ(vmpressure(512, 300), 41u);
    EXPECT_EQ(vmpressure(512, 205), 59u);
    EXPECT_EQ(vmpressure(512, 128), 75u);
    EXPECT_EQ(vmpressure(512, 26), 94u);
    EXPECT_EQ(vmpressure(512, 25), 95u);
    EXPECT_EQ(vmpressure(512, 10), 98u);
    EXPECT_EQ(vmpressureLevel(41), VmpressureLevel::Low);
    EXPECT_EQ(vmpressureLevel(59), VmpressureLevel::Low);
    EXPECT_EQ(vmpressureLevel(75), VmpressureLevel::Medium);
    EXPECT_EQ(vmpressureLevel(94), VmpressureLevel::Medium);
    EXPECT_EQ(vmpressureLevel(95), VmpressureLevel::Critical);
    EXPECT_EQ(vmpressure(512, 600), 0u);
}

}  // namespace
}  // namespace pfviz
