// Bad scenarios: every error names the file, line:column, the JSON path and what was expected.
#include <gtest/gtest.h>

#include "TestSupport.h"

namespace pfviz {
namespace {

struct Failure {
    std::string what;
    json::TextPos pos;
    std::string path;
};

Failure failureOf(const std::string& text) {
    try {
        parseScenario(text, "bad.json");
    } catch (const ScenarioError& e) {
        return {e.what(), e.pos(), e.path()};
    }
    ADD_FAILURE() << "no error for:\n" << text;
    return {};
}

const char* kHeader = R"({
  "format": "pfviz-scenario/1",
  "name": "bad",
  "processes": [{"pid": 1}],
  "steps": [
)";

std::string withSteps(const std::string& steps) {
    return kHeader + steps + "\n  ]\n}\n";
}

TEST(ScenarioErrors, BadAddressNamesLineColumnAndPath) {
    const auto f = failureOf(withSteps(R"(    {"op": "mmap", "pid": 1, "region": "a", "size": 4096},
    {"op": "access", "pid": 1, "addr": "0xZZ", "access": "read"})"));
    EXPECT_EQ(f.pos.line, 7u);
    EXPECT_EQ(f.pos.column, 40u);
    EXPECT_EQ(f.path, "steps[1].addr");
    EXPECT_NE(
        f.what.find("bad.json:7:40: steps[1].addr: expected an unsigned integer or hex string"),
        std::string::npos)
        << f.what;
}

TEST(ScenarioErrors, UnknownKeysAreErrorsAtTheKey) {
    const auto f = failureOf(
        withSteps(R"(    {"op": "mmap", "pid": 1, "region": "a", "size": 4096, "sise": 3})"));
    EXPECT_EQ(f.pos.line, 6u);
    EXPECT_EQ(f.pos.column, 59u);
    EXPECT_NE(f.what.find("unknown key 'sise'"), std::string::npos) << f.what;
}

TEST(ScenarioErrors, UnknownOperation) {
    const auto f = failureOf(withSteps(R"(    {"op": "mmapp", "pid": 1})"));
    EXPECT_EQ(f.path, "steps[0].op");
    EXPECT_NE(f.what.find("expected one of"), std::string::npos) << f.what;
    EXPECT_NE(f.what.find("mmap"), std::string::npos);
}

TEST(ScenarioErrors, SyntaxErrorHasAPosition) {
    const auto f = failureOf(withSteps(R"(    {"op": "exit", "pid": 1,})"));
    EXPECT_EQ(f.pos.line, 6u);
    EXPECT_NE(f.what.find("bad.json:6:"), std::string::npos) << f.what;
}

TEST(ScenarioErrors, UnknownRegionSaysWhichExist) {
    const auto f =
        failureOf(withSteps(R"(    {"op": "mmap", "pid": 1, "region": "buf", "size": 4096},
    {"op": "touch", "pid": 1, "region": "bfu"})"));
    EXPECT_EQ(f.path, "steps[1].region");
    EXPECT_NE(f.what.find("no region 'bfu'"), std::string::npos) << f.what;
    EXPECT_NE(f.what.find("buf"), std::string::npos);
}

TEST(ScenarioErrors, ProcessMustBeRunning) {
    const auto f = failureOf(withSteps(R"(    {"op": "exit", "pid": 1},
    {"op": "mmap", "pid": 1, "region": "a", "size": 4096})"));
    EXPECT_EQ(f.path, "steps[1].pid");
    EXPECT_NE(f.what.find("no running process 1"), std::string::npos) << f.what;
}

TEST(ScenarioErrors, AbsurdSizesAreRefused) {
    auto machine = [](const std::string& m) {
        return std::string(R"({"format":"pfviz-scenario/1","name":"x","machine":)") + m +
               R"(,"processes":[{"pid":1}],"steps":[{"op":"exit","pid":1}]})";
    };
    EXPECT_NE(failureOf(machine(R"({"frames": 100000000})")).what.find("machine.frames"),
              std::string::npos);
    EXPECT_NE(failureOf(machine(R"({"memory": "1 TiB"})")).what.find("out of range"),
              std::string::npos);
    EXPECT_NE(failureOf(machine(R"({"page_size": 24})")).what.find("power of two"),
              std::string::npos);
    EXPECT_NE(
        failureOf(machine(R"({"paging": {"levels": [9,9,9,9,9,9]}})")).what.find("1 to 5 levels"),
        std::string::npos);
    EXPECT_NE(failureOf(machine(R"({"tlb": {"entries": 10, "ways": 4}})")).what.find("divides"),
              std::string::npos);
    // A touch of more than 2^32 pages.
    const auto f =
        failureOf(R"({"format":"pfviz-scenario/1","name":"x","machine":{"memory":"16 MiB"},
        "processes":[{"pid":1}],"steps":[{"op":"mmap","pid":1,"region":"a","size":"64 TiB","addr":"0x1000"},
        {"op":"touch","pid":1,"region":"a"}]})");
    EXPECT_NE(f.what.find("2^32"), std::string::npos) << f.what;
    // Repeats that add up to more than 2^32 steps.
    const auto g = failureOf(R"({"format":"pfviz-scenario/1","name":"x",
        "processes":[{"pid":1}],"steps":[{"op":"mmap","pid":1,"region":"a","size":"1 GiB"},
        {"op":"touch","pid":1,"region":"a","repeat":100000}]})");
    EXPECT_NE(g.what.find("more than 2^32 steps"), std::string::npos) << g.what;
}

TEST(ScenarioErrors, WrongFormatAndMissingKeys) {
    EXPECT_NE(failureOf(R"({"format":"pfviz-scenario/2","name":"x","steps":[]})")
                  .what.find("pfviz-scenario/1"),
              std::string::npos);
    EXPECT_NE(failureOf(R"({"format":"pfviz-scenario/1","steps":[]})")
                  .what.find("missing required key 'name'"),
              std::string::npos);
    EXPECT_NE(failureOf(R"({"format":"pfviz-scenario/1","name":"x","steps":[]})")
                  .what.find("at least one step"),
              std::string::npos);
}

TEST(ScenarioErrors, ExpectKeysAreChecked) {
    const auto f = failureOf(R"({"format":"pfviz-scenario/1","name":"x","processes":[{"pid":1}],
        "steps":[{"op":"exit","pid":1}],"expect":{"faults":{"minro":1}}})");
    EXPECT_NE(f.what.find("unknown expect key 'minro'"), std::string::npos) << f.what;
}

TEST(ScenarioErrors, FreeAndMunmapMatchHowTheRegionWasMade) {
    const auto f = failureOf(withSteps(R"(    {"op": "mmap", "pid": 1, "region": "m", "size": 4096},
    {"op": "free", "pid": 1, "region": "m"})"));
    EXPECT_NE(f.what.find("made by mmap; release it with munmap"), std::string::npos) << f.what;
    const auto g = failureOf(withSteps(R"(    {"op": "malloc", "pid": 1, "region": "b", "size": 64},
    {"op": "munmap", "pid": 1, "region": "b"})"));
    EXPECT_NE(g.what.find("made by malloc; release it with free"), std::string::npos) << g.what;
}

TEST(ScenarioErrors, UnknownExpectObjectKeysAreCaughtAtLoadTime) {
    const auto f = failureOf(R"({"format":"pfviz-scenario/1","name":"x","processes":[{"pid":1}],
        "steps":[{"op":"exit","pid":1}],"expect":{"bogus":{}}})");
    EXPECT_NE(f.what.find("unknown expect key 'bogus'"), std::string::npos) << f.what;
}

TEST(ScenarioErrors, TooManyDeclaredProcesses) {
    std::string procs;
    for (int i = 1; i <= 4097; ++i)
        procs += (i > 1 ? "," : "") + std::string("{\"pid\":") + std::to_string(i) + "}";
    const auto f = failureOf(R"({"format":"pfviz-scenario/1","name":"x","processes":[)" + procs +
                             R"(],"steps":[{"op":"exit","pid":1}]})");
    EXPECT_NE(f.what.find("too many processes"), std::string::npos) << f.what;
}

TEST(Scenario, CheckpointPausesUnlessToldNotTo) {
    const Scenario s = parseScenario(withSteps(R"(    {"op": "checkpoint"},
    {"op": "checkpoint", "pause": false})"),
                                     "ok.json");
    EXPECT_TRUE(s.ops[1].pause);
    EXPECT_FALSE(s.ops[2].pause);
}

TEST(ScenarioErrors, NeverCrashOnGarbage) {
    const std::vector<std::string> inputs = {"",
                                             "{",
                                             "[]",
                                             "null",
                                             "{\"format\":1}",
                                             std::string(100000, '['),
                                             "{\"a\":\"\\u12\"}",
                                             "\xff\xfe{}"};
    for (const auto& in : inputs) {
        try {
            parseScenario(in, "garbage.json");
            ADD_FAILURE() << "accepted garbage";
        } catch (const ScenarioError& e) {
            EXPECT_EQ(std::string(e.what()).rfind("garbage.json:", 0), 0u) << e.what();
        }
    }
}

}  // namespace
}  // namespace pfviz
