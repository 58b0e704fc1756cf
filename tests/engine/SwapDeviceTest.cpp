// Several swap devices with priorities (swapon -p; mm/swapfile.c: get_swap_pages()): slots come
// from the highest-priority device with a free slot, equal priorities take turns, and each slot's
// device decides its swap-in (S2-S4) and zram storage (S7). Rules: linux-vm-semantics.md §6.
#include <memory>
#include <vector>

#include "TestSupport.h"

namespace pfviz {
namespace {
using test::scenarioJson;

// 16 MiB of RAM; 4 MiB of zram (1024 slots) at priority 100 above 32 MiB of disk at -2.
std::string spillMachine(const char* disk) {
    return std::string(R"({"memory":"16 MiB","swap":[
        {"kind":"zram","size":"4 MiB","priority":100,"compression_ratio":2.0},
        {"kind":")") +
           disk + R"(","size":"32 MiB","priority":-2}]})";
}
const char* kNoop = R"([{"op":"sleep","ns":1}])";
const char* kWrite22 = R"([{"op":"mmap","pid":1,"region":"a","size":"22 MiB"},
    {"op":"touch","pid":1,"region":"a","access":"write"}])";
const char* kWriteThenRead = R"([{"op":"mmap","pid":1,"region":"a","size":"22 MiB"},
    {"op":"touch","pid":1,"region":"a","access":"write"},
    {"op":"touch","pid":1,"region":"a","access":"read","pattern":"random","count":3000}])";

// Runs `json` step by step, checking the invariants after every step, and hands every step's
// events to `seen` with the machine after the step.
template <class F>
std::unique_ptr<Simulator> walk(const std::string& json, F&& seen) {
    auto run = std::make_unique<Simulator>(parseScenario(json, "t.json"),
                                           SimulatorOptions{.seed = {}, .history = false});
    Simulator& sim = *run;
    while (!sim.atEnd()) {
        const std::vector<Event>& ev = sim.step();
        const auto bad = checkInvariants(sim.machine());
        EXPECT_TRUE(bad.empty()) << "step " << sim.stepIndex() << ": " << bad.front();
        if (!bad.empty()) break;
        seen(ev, sim.machine());
    }
    return run;
}

TEST(SwapDevices, HighestPriorityFillsFirstThenPagesSpillToTheDisk) {
    std::vector<std::size_t> order;  // device of every written slot, in order
    const auto sim =
        walk(scenarioJson(kWrite22, spillMachine("ssd")), [&](const auto& ev, const Machine& m) {
            for (const Event& e : ev)
                if (e.kind == EventKind::SwapOut && e.present)
                    order.push_back(m.swap.areaOf(e.index).kind == SwapKind::Zram ? 0 : 1);
        });
    ASSERT_GT(order.size(), 1024u);
    // The first 1024 pages go to zram, every later one to the disk.
    for (std::size_t i = 0; i < order.size(); ++i)
        ASSERT_EQ(order[i], i < 1024 ? 0u : 1u) << "write " << i;
    const SwapDevice& sw = sim->machine().swap;
    EXPECT_EQ(sw.areas[0].used(), 1024u);
    EXPECT_EQ(sw.areas[0].outs, 1024u);
    EXPECT_EQ(sw.areas[1].used(), order.size() - 1024);
    EXPECT_EQ(sw.used(), order.size());
    // S7: only the zram pages take RAM, half a frame each at 2.0:1.
    EXPECT_EQ(sim->machine().memory.countOf(FrameUse::Zram), 512u);
    const nlohmann::json dev = sim->summary()["swap"]["devices"];
    ASSERT_EQ(dev.size(), 2u);
    EXPECT_EQ(dev[0]["kind"], "zram");
    EXPECT_EQ(dev[0]["priority"], 100);
    EXPECT_EQ(dev[0]["total_pages"], 1024);
    EXPECT_EQ(dev[0]["used_pages"], 1024);
    EXPECT_EQ(dev[1]["kind"], "ssd");
    EXPECT_EQ(dev[1]["priority"], -2);
    EXPECT_EQ(dev[1]["total_pages"], 8192);
    EXPECT_EQ(dev[1]["outs"], order.size() - 1024);
}

TEST(SwapDevices, EqualPrioritiesTakeTurnsAndALowerOneWaits) {
    // Two 1 MiB SSDs at priority 5 and an HDD at 0 below them.
    const std::string machine = R"({"memory":"16 MiB","swap":[
        {"kind":"ssd","size":"1 MiB","priority":5},{"kind":"hdd","size":"8 MiB","priority":0},
        {"kind":"ssd","size":"1 MiB","priority":5}]})";
    std::vector<std::size_t> order;
    walk(scenarioJson(kWrite22, machine), [&](const auto& ev, const Machine& m) {
        for (const Event& e : ev)
            if (e.kind == EventKind::SwapOut && e.present)
                order.push_back(
                    static_cast<std::size_t>(&m.swap.areaOf(e.index) - &m.swap.areas[0]));
    });
    ASSERT_GT(order.size(), 512u);
    for (std::size_t i = 0; i < 512; ++i)
        ASSERT_EQ(order[i], i % 2 == 0 ? 0u : 2u) << "write " << i;  // round robin: 0, 2, 0, 2
    for (std::size_t i = 512; i < order.size(); ++i)
        ASSERT_EQ(order[i], 1u) << "write " << i;
}

TEST(SwapDevices, DefaultPrioritiesFollowSwaponOrderAndTheObjectFormIsOneDevice) {
    const Scenario one =
        parseScenario(scenarioJson(kNoop, R"({"swap":{"size":"1 MiB"}})"), "t.json");
    ASSERT_EQ(one.machine.swap.size(), 1u);
    EXPECT_EQ(one.machine.swap[0].kind, SwapKind::Ssd);
    EXPECT_EQ(one.machine.swap[0].priority, -2);
    const Scenario two = parseScenario(
        scenarioJson(kNoop,
                     R"({"swap":[{"size":"1 MiB","kind":"hdd"},{"size":"2 MiB","kind":"ssd"}]})"),
        "t.json");
    ASSERT_EQ(two.machine.swap.size(), 2u);
    EXPECT_EQ(two.machine.swap[0].priority, -2);  // swapon without -p: -2, -3, ...
    EXPECT_EQ(two.machine.swap[1].priority, -3);
    const Machine m(two.machine);
    EXPECT_EQ(m.swap.slotTable.size(), 768u);
    EXPECT_EQ(m.swap.areas[1].first, 256u);
    EXPECT_THROW(
        parseScenario(scenarioJson(kNoop, R"({"swap":[{"size":"1 MiB","speed":1}]})"), "t.json"),
        std::exception);
}

// Pairs each swap-in with its fault: the cost and kind of the fault that brought slot e.index.
struct SwapInSeen {
    std::uint64_t zramMajor = 0, diskMajor = 0, zramMinor = 0, diskMinor = 0;
    bool costsRight = true;
};

SwapInSeen swapIns(const char* disk, std::uint64_t diskCost) {
    SwapInSeen s;
    walk(scenarioJson(kWriteThenRead, spillMachine(disk)), [&](const auto& ev, const Machine& m) {
        const Event* fault = nullptr;
        for (const Event& e : ev) {
            if (e.kind == EventKind::MajorFault || e.kind == EventKind::MinorFault) fault = &e;
            if (e.kind != EventKind::SwapIn || fault == nullptr) continue;
            const bool zram = m.swap.areaOf(e.index).kind == SwapKind::Zram;
            const bool major = fault->kind == EventKind::MajorFault;
            (zram ? (major ? s.zramMajor : s.zramMinor) : (major ? s.diskMajor : s.diskMinor)) += 1;
            const std::uint64_t want = !major ? 1000 : zram ? 10000 : diskCost;
            s.costsRight = s.costsRight && fault->cost == want;
        }
        for (const SwapArea& a : m.swap.areas)  // S4: zram slots never sit in the swap cache
            for (std::uint32_t sl = a.first; a.kind == SwapKind::Zram && sl < a.first + a.pages;
                 ++sl)
                ASSERT_EQ(m.swap.slotTable[sl].cache, kNoFrame);
    });
    return s;
}

TEST(SwapDevices, S2_S4_SwapInCostAndCacheFollowTheSlotsDeviceSsd) {
    const SwapInSeen s = swapIns("ssd", 80000);
    EXPECT_TRUE(s.costsRight);  // zram 10 us, SSD 80 us major, swap-cache hit 1 us minor
    EXPECT_GT(s.zramMajor, 100u);
    EXPECT_GT(s.diskMajor, 100u);
    EXPECT_EQ(s.zramMinor, 0u);  // S4: no swap cache, no readahead on zram
}

TEST(SwapDevices, S2_S3_HddSwapInIsAMajorFaultOf8MsWithReadahead) {
    const SwapInSeen s = swapIns("hdd", 8000000);
    EXPECT_TRUE(s.costsRight);
    EXPECT_GT(s.zramMajor, 100u);
    EXPECT_GT(s.diskMajor, 100u);
    EXPECT_EQ(s.zramMinor, 0u);
}

TEST(SwapDevices, StepBackAcrossTheSpillRestoresEqualMachines) {
    const Scenario sc = parseScenario(scenarioJson(kWriteThenRead, spillMachine("hdd")), "t.json");
    std::uint64_t spill = 0;  // the step of the first write to the disk
    {
        Simulator run(sc, SimulatorOptions{.seed = {}, .history = false});
        while (!run.atEnd() && spill == 0)
            for (const Event& e : run.step())
                if (e.kind == EventKind::SwapOut && e.present &&
                    run.machine().swap.areaOf(e.index).kind == SwapKind::Hdd)
                    spill = run.stepIndex();
    }
    ASSERT_GT(spill, 30u);
    Simulator sim(sc);
    sim.seek(spill - 30);
    const Machine before = sim.machine();
    EXPECT_EQ(before.swap.areas[1].outs, 0u);
    for (int i = 0; i < 60; ++i)
        sim.step();
    EXPECT_GT(sim.machine().swap.areas[1].outs, 0u);
    for (int i = 0; i < 60; ++i)
        ASSERT_TRUE(sim.stepBack());
    EXPECT_EQ(sim.machine(), before);
}

}  // namespace
}  // namespace pfviz
