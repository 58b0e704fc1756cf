// Golden runs: every scenario file in scenarios/ validates, runs with invariants checked after
// every step, and matches its expect blocks.
#include <gtest/gtest.h>

#include <filesystem>

#include "BuiltinScenarios.h"
#include "TestSupport.h"

namespace pfviz {
namespace {

TEST(Golden, EveryBuiltinMeetsItsExpectations) {
    ASSERT_GE(builtinScenarios().size(), 3u);
    for (const auto& b : builtinScenarios()) {
        SCOPED_TRACE(std::string(b.name));
        const Scenario s = parseScenario(b.json, std::string(b.name) + ".json");
        EXPECT_EQ(s.name, b.name);
        EXPECT_FALSE(s.title.en.empty());
        EXPECT_FALSE(s.title.ko.empty());
        ASSERT_TRUE(s.expect.has_value()) << "every built-in has an expect block";
        Simulator sim(s);
        test::stepChecked(sim, sim.totalSteps());
        EXPECT_TRUE(sim.atEnd());
        for (const auto& m : sim.checkExpectations())
            ADD_FAILURE() << m.where << ": " << m.path << " expected " << m.expected << ", got "
                          << m.actual;
        // Narration in both languages wherever there is narration.
        for (const Operation& op : s.ops)
            if (!op.caption.empty()) {
                EXPECT_FALSE(op.caption.en.empty()) << "line " << op.sourceLine;
                EXPECT_FALSE(op.caption.ko.empty()) << "line " << op.sourceLine;
            }
    }
}

TEST(Golden, EveryFileInTheScenarioFolderIsBuiltIn) {
    std::set<std::string> builtins;
    for (const auto& b : builtinScenarios())
        builtins.insert(std::string(b.name));
    for (const auto& entry : std::filesystem::directory_iterator(PFVIZ_SCENARIO_DIR)) {
        if (entry.path().extension() != ".json" || entry.path().filename() == "schema.json")
            continue;
        EXPECT_TRUE(builtins.count(entry.path().stem().string())) << entry.path();
        EXPECT_NO_THROW(loadScenarioFile(entry.path().string())) << entry.path();
    }
}

TEST(Golden, ExpectMismatchesAreReported) {
    const Scenario s =
        parseScenario(test::scenarioJson(R"([{"op":"mmap","pid":1,"region":"a","size":4096},
        {"op":"touch","pid":1,"region":"a","access":"write","expect":{"faults":{"minor":2}}}])"),
                      "t.json");
    Simulator sim(s);
    sim.runToEnd();
    const auto m = sim.checkExpectations();
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].where, "steps[1]");
    EXPECT_EQ(m[0].path, "faults.minor");
    EXPECT_EQ(m[0].expected, "2");
    EXPECT_EQ(m[0].actual, "1");
}

}  // namespace
}  // namespace pfviz
