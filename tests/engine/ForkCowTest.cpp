// fork() and copy-on-write: C1–C5 with the doc's measured cases (1024 pages), T3/T4 flushes.
#include <gtest/gtest.h>

#include "TestSupport.h"

namespace pfviz {
namespace {

using test::proc;
using test::runChecked;
using test::scenarioJson;

std::string withFork(const std::string& after, const std::string& parentTouch = "write") {
    return scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":"4 MiB"},
        {"op":"touch","pid":1,"region":"a","access":")" +
                        parentTouch + R"("},
        {"op":"fork","pid":1,"child":2,"name":"child"})" +
                        after + "]");
}

TEST(Fork, C1_ChildReadsSharedPagesWithoutFaults) {
    const auto sim =
        runChecked(withFork(R"(,{"op":"touch","pid":2,"region":"a","access":"read"})"));
    EXPECT_EQ(proc(*sim, 2).counters.c.faults.minor, 0u);
    EXPECT_EQ(proc(*sim, 2).counters.rssPages, 1024u);
    EXPECT_EQ(sim->machine().memory.countOf(FrameUse::Anon), 1024u);  // nothing copied at fork
    // Both sides are write-protected and every frame has two sharers.
    const Process& parent = proc(*sim, 1);
    const Pte* e = sim->machine().leafPte(parent, parent.regions.front().start);
    ASSERT_NE(e, nullptr);
    EXPECT_FALSE(e->writable());
    EXPECT_EQ(sim->machine().memory.frame(Pfn{e->target}).mapcount, 2u);
}

TEST(Fork, T4_ForkFlushesTheParentsTlbOnce) {
    const auto json = withFork("");
    Simulator sim(parseScenario(json, "t.json"));
    std::vector<Event> forkEvents;
    while (!sim.atEnd()) {
        const auto& ev = sim.step();
        if (!ev.empty() && std::any_of(ev.begin(), ev.end(),
                                       [](const Event& e) { return e.kind == EventKind::Fork; }))
            forkEvents = ev;
    }
    const auto flushes = std::count_if(forkEvents.begin(), forkEvents.end(), [](const Event& e) {
        return e.kind == EventKind::TlbFlush && e.full;
    });
    EXPECT_EQ(flushes, 1);
    const auto fork = std::find_if(forkEvents.begin(), forkEvents.end(),
                                   [](const Event& e) { return e.kind == EventKind::Fork; });
    EXPECT_EQ(fork->count, 1024u);                 // PTEs copied
    EXPECT_EQ(fork->cost, 30000u + 1024u * 100u);  // grows with the number of PTEs
}

TEST(Fork, C3_ChildWritesWhileParentHoldsThePages_AllCopies) {
    const auto sim =
        runChecked(withFork(R"(,{"op":"touch","pid":2,"region":"a","access":"write"})"));
    EXPECT_EQ(proc(*sim, 2).counters.c.faults.minor, 1024u);
    EXPECT_EQ(sim->machine().counters.faults.cowCopy, 1024u);
    EXPECT_EQ(sim->machine().counters.faults.cowReuse, 0u);
}

TEST(Fork, C3_AfterTheChildExitsTheParentReusesEverything) {
    const auto sim = runChecked(withFork(R"(,{"op":"exit","pid":2},
        {"op":"touch","pid":1,"region":"a","access":"write"})"));
    EXPECT_EQ(proc(*sim, 1).counters.c.faults.minor, 1024u + 1024u);
    EXPECT_EQ(sim->machine().counters.faults.cowReuse, 1024u);  // pgreuse +1024
    EXPECT_EQ(sim->machine().counters.faults.cowCopy, 0u);
}

TEST(Fork, C3_ParentWritesFirstThenTheChildReuses) {
    const auto sim = runChecked(withFork(R"(,{"op":"touch","pid":1,"region":"a","access":"write"},
        {"op":"touch","pid":2,"region":"a","access":"write"})"));
    EXPECT_EQ(sim->machine().counters.faults.cowCopy, 1024u);
    EXPECT_EQ(sim->machine().counters.faults.cowReuse, 1024u);
    EXPECT_EQ(proc(*sim, 2).counters.c.faults.minor, 1024u);  // both take a fault
}

TEST(Fork, C3_ChildWritesPagesTheParentNeverTouchedAfterFork) {
    // The parent touches the first 1024 pages of 2048; the child writes the other half, which
    // the parent has not mapped: first-write faults in the child, no copies, no reuses.
    const auto sim = runChecked(scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":"8 MiB"},
        {"op":"touch","pid":1,"region":"a","length":"4 MiB","access":"write"},
        {"op":"fork","pid":1,"child":2},
        {"op":"touch","pid":2,"region":"a","offset":"4 MiB","access":"write"}])"));
    EXPECT_EQ(sim->machine().counters.faults.cowCopy, 0u);
    EXPECT_EQ(sim->machine().counters.faults.cowReuse, 0u);
    EXPECT_EQ(proc(*sim, 2).counters.c.faults.minor, 1024u);
}

TEST(Fork, C4_RssDoesNotChangeOnACopy) {
    const auto sim =
        runChecked(withFork(R"(,{"op":"touch","pid":2,"region":"a","access":"write"})"));
    EXPECT_EQ(proc(*sim, 2).counters.rssPages, 1024u);
    EXPECT_EQ(proc(*sim, 1).counters.rssPages, 1024u);
    EXPECT_EQ(sim->machine().memory.countOf(FrameUse::Anon), 2048u);  // +4 KiB per copy system-wide
}

TEST(Fork, C4_PssSplitsSharedPagesBetweenTheSharers) {
    // C4: RSS counts a shared page in every process; PSS splits it between the sharers, so the
    // PSS of all processes adds up to the memory used.
    auto sim = runChecked(withFork(""));
    EXPECT_DOUBLE_EQ(sim->machine().pssPages(proc(*sim, 1)), 512.0);
    EXPECT_DOUBLE_EQ(sim->machine().pssPages(proc(*sim, 2)), 512.0);
    EXPECT_EQ(proc(*sim, 2).counters.rssPages, 1024u);
    sim = runChecked(withFork(R"(,{"op":"touch","pid":2,"region":"a","access":"write"})"));
    EXPECT_DOUBLE_EQ(sim->machine().pssPages(proc(*sim, 1)), 1024.0);  // every page copied
    EXPECT_DOUBLE_EQ(sim->machine().pssPages(proc(*sim, 2)), 1024.0);
    // Zero-page mappings count in neither RSS nor PSS (C5, A2).
    sim = runChecked(withFork("", "read"));
    EXPECT_DOUBLE_EQ(sim->machine().pssPages(proc(*sim, 1)), 0.0);
}

TEST(Fork, C5_ZeroPagePtesAreSharedAndWritesAllocateFreshPages) {
    const auto sim =
        runChecked(withFork(R"(,{"op":"touch","pid":2,"region":"a","access":"write"})", "read"));
    EXPECT_EQ(proc(*sim, 2).counters.c.faults.minor, 1024u);
    EXPECT_EQ(sim->machine().counters.faults.cowCopy, 0u);  // nothing is copied from the zero page
    EXPECT_EQ(proc(*sim, 2).counters.rssPages, 1024u);
    EXPECT_EQ(proc(*sim, 1).counters.rssPages, 0u);
}

TEST(Fork, T3_CowReuseNeedsNoFlushAndCopyOneFlushPerPage) {
    const auto copy =
        runChecked(withFork(R"(,{"op":"touch","pid":2,"region":"a","access":"write"})"));
    const auto afterFork = 1u;  // the parent's full flush at fork
    EXPECT_EQ(copy->machine().counters.pagesFlushed, 1024u);
    EXPECT_EQ(copy->machine().counters.tlbFlushes, afterFork + 1024u);
    const auto reuse = runChecked(withFork(R"(,{"op":"exit","pid":2},
        {"op":"touch","pid":1,"region":"a","access":"write"})"));
    EXPECT_EQ(reuse->machine().counters.pagesFlushed, 0u);
}

TEST(Fork, ExitFreesOnlyWhatTheChildAloneHeld) {
    const auto sim = runChecked(
        withFork(R"(,{"op":"touch","pid":2,"region":"a","length":"1 MiB","access":"write"},
        {"op":"exit","pid":2})"));
    EXPECT_EQ(sim->machine().memory.countOf(FrameUse::Anon), 1024u);
    EXPECT_EQ(proc(*sim, 2).state, ProcState::Exited);
    // The parent's pages are exclusive again: its writes reuse 768 and 256 (its own, unshared).
    const Process& parent = proc(*sim, 1);
    const Pte* e = sim->machine().leafPte(parent, parent.regions.front().start);
    EXPECT_EQ(sim->machine().memory.frame(Pfn{e->target}).mapcount, 1u);
}

TEST(Fork, ChildInheritsRegionsAndBrkHeap) {
    const auto sim =
        runChecked(scenarioJson(R"([{"op":"malloc","pid":1,"region":"small","size":100},
        {"op":"touch","pid":1,"region":"small","access":"write"},
        {"op":"fork","pid":1,"child":2},
        {"op":"touch","pid":2,"region":"small","access":"write"},
        {"op":"malloc","pid":2,"region":"more","size":200}])"));
    EXPECT_EQ(sim->machine().counters.faults.cowCopy, 1u);
    const Process& child = proc(*sim, 2);
    ASSERT_NE(child.findRegion("more"), nullptr);
    EXPECT_EQ(child.findRegion("more")->start, child.findRegion("small")->start + 112 + 16);
}

}  // namespace
}  // namespace pfviz
