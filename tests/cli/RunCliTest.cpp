// pfviz-cli run / validate / list as a user calls them: the real binary, its JSON and exit codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "CliRunner.h"

namespace pfviz {
namespace {

using test::runCli;

TEST(CliRun, JsonContractOfForkCow) {
    const auto r = runCli("run fork_cow --json --check");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);  // exactly one object
    EXPECT_EQ(j.at("scenario"), "fork_cow");
    EXPECT_TRUE(j.at("seed").is_number_unsigned());
    EXPECT_EQ(j.at("steps"), 1798);  // one per access, one per other operation
    EXPECT_GT(j.at("sim_time_ns").get<long>(), 0);
    for (const char* k :
         {"minor", "major", "invalid", "protection", "cow_copy", "cow_reuse", "zero_page"})
        EXPECT_TRUE(j.at("faults").at(k).is_number_unsigned()) << k;
    EXPECT_EQ(j.at("faults").at("cow_copy"), 256);
    EXPECT_EQ(j.at("faults").at("cow_reuse"), 256);
    EXPECT_TRUE(j.at("tlb").at("hits").is_number_unsigned());
    EXPECT_TRUE(j.at("tlb").at("misses").is_number_unsigned());
    EXPECT_EQ(j.at("memory").at("frames_total"), 4096);
    EXPECT_TRUE(j.at("memory").at("frames_free").is_number_unsigned());
    EXPECT_TRUE(j.at("memory").at("page_table_frames").is_number_unsigned());
    ASSERT_EQ(j.at("processes").size(), 2u);
    const auto& child = j.at("processes").at(1);
    EXPECT_EQ(child.at("name"), "child");
    EXPECT_EQ(child.at("state"), "exited");
    EXPECT_TRUE(child.at("exit_signal").is_null());
    EXPECT_EQ(child.at("minor_faults"), 256);
    EXPECT_EQ(child.at("major_faults"), 0);
    EXPECT_TRUE(child.at("rss_pages").is_number_unsigned());
    EXPECT_EQ(j.at("check").at("passed"), true);
}

TEST(CliRun, SegfaultCountsInvalidNeverMinor) {
    const auto r = runCli("run segfault --json");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j.at("faults").at("invalid"), 3);
    EXPECT_EQ(j.at("faults").at("minor"), 0);
    EXPECT_EQ(j.at("processes").at(0).at("state"), "killed");
    EXPECT_EQ(j.at("processes").at(0).at("exit_signal"), "SIGSEGV/SEGV_MAPERR");
}

TEST(CliRun, EveryBuiltinPassesItsCheck) {
    const auto list = runCli("list --json");
    ASSERT_EQ(list.code, 0) << list.err;
    const auto names = nlohmann::json::parse(list.out);
    ASSERT_GE(names.size(), 3u);
    for (const auto& n : names) {
        const auto r = runCli("run " + n.at("name").get<std::string>() + " --check");
        EXPECT_EQ(r.code, 0) << n.at("name") << "\n" << r.out << r.err;
        EXPECT_NE(r.out.find("every expectation holds"), std::string::npos);
    }
}

TEST(CliRun, CheckMismatchExitsOneAndNamesThePath) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("pfviz-cli-check-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "wrong.json";
    std::ofstream(file) << R"({"format":"pfviz-scenario/1","name":"wrong","processes":[{"pid":1}],
      "steps":[{"op":"mmap","pid":1,"region":"a","size":8192},{"op":"touch","pid":1,"region":"a","access":"write"}],
      "expect":{"faults":{"minor":3}}})";
    const auto r = runCli("run " + file.string() + " --check");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("faults.minor expected 3, got 2"), std::string::npos) << r.err;
}

TEST(CliRun, SeedOverrideAndEventsAndSeriesFiles) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("pfviz-cli-files-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto events = dir / "ev.jsonl";
    const auto series = dir / "s.csv";
    const auto r = runCli("run demand_paging --seed 9 --json --events " + events.string() +
                          " --series " + series.string());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).at("seed"), 9);
    std::ifstream in(events);
    std::string line;
    int lines = 0;
    int minor = 0;
    while (std::getline(in, line)) {
        const auto e = nlohmann::json::parse(line);
        ++lines;
        if (e.at("kind") == "minor_fault") ++minor;
    }
    EXPECT_GT(lines, 768 * 5);
    EXPECT_EQ(minor, 768);
    const std::string csv = test::readFile(series);
    EXPECT_EQ(csv.rfind("time_ns,step,", 0), 0u);
    EXPECT_GT(std::count(csv.begin(), csv.end(), '\n'), 100);
    // Nothing temporary left behind.
    for (const auto& e : std::filesystem::directory_iterator(dir))
        EXPECT_EQ(e.path().string().find(".tmp-"), std::string::npos) << e.path();
}

TEST(CliRun, BadInputExitsTwoWithPosition) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("pfviz-cli-bad-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "bad.json";
    std::ofstream(file)
        << "{\"format\":\"pfviz-scenario/1\",\"name\":\"b\",\n\"processes\":[{\"pid\":1}],\n"
           "\"steps\":[{\"op\":\"access\",\"pid\":1,\"addr\":-5}]}";
    const auto r = runCli("run " + file.string());
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("bad.json:3:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("steps[0].addr"), std::string::npos) << r.err;
    const auto v = runCli("validate " + file.string());
    EXPECT_EQ(v.code, 2);
    EXPECT_EQ(runCli("run no_such_scenario").code, 2);
    EXPECT_EQ(runCli("run").code, 2);
    EXPECT_EQ(runCli("run fork_cow --bogus").code, 2);
    EXPECT_EQ(runCli("frobnicate").code, 2);
}

TEST(CliValidate, BuiltinFilesAreValid) {
    const auto r = runCli(std::string("validate ") + PFVIZ_SCENARIO_DIR + "/fork_cow.json " +
                          PFVIZ_SCENARIO_DIR + "/segfault.json");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("valid"), std::string::npos);
}

TEST(CliHelp, EverySubcommandIsDocumented) {
    const auto r = runCli("--help");
    EXPECT_EQ(r.code, 0);
    for (const char* c : {"run", "validate", "list", "bench"}) {
        EXPECT_NE(r.out.find(c), std::string::npos) << c;
        const auto h = runCli(std::string(c) + " --help");
        EXPECT_EQ(h.code, 0) << c;
        EXPECT_NE(h.out.find("Usage: pfviz-cli"), std::string::npos) << c;
    }
    const auto v = runCli("--version");
    EXPECT_EQ(v.code, 0);
    EXPECT_EQ(v.out.rfind("pfviz-cli ", 0), 0u);
}

TEST(CliBench, ReportsARatioAgainstTheBaseline) {
    const auto r = runCli("bench segfault --repeat 2 --json");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j.at("scenario"), "segfault");
    EXPECT_EQ(j.at("steps"), 9);  // 3 spawns, 6 operations of one step each
    EXPECT_GT(j.at("events").get<int>(), 8);
    EXPECT_GT(j.at("ratio_to_baseline").get<double>(), 0.0);
    EXPECT_EQ(runCli("bench segfault --repeat 0").code, 2);
}

TEST(CliList, PlainListShowsNamesAndTitles) {
    const auto r = runCli("list");
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("fork_cow"), std::string::npos);
    EXPECT_NE(r.out.find("fork and copy-on-write"), std::string::npos);
}

// The library as a teacher sees it: every scenario that scenarios/CMakeLists.txt builds in is
// listed, one line each, with the English title from its file.
TEST(CliList, ShowsEveryScenarioOfTheCmakeListWithItsTitle) {
    std::ifstream cm(std::string(PFVIZ_SCENARIO_DIR) + "/CMakeLists.txt");
    std::stringstream text;
    text << cm.rdbuf();
    std::smatch block;
    const std::string cmake = text.str();
    ASSERT_TRUE(
        std::regex_search(cmake, block, std::regex(R"(set\(PFVIZ_BUILTIN_SCENARIOS([^)]*)\))")));
    std::vector<std::string> names;
    const std::string body = block[1];
    const std::regex word(R"([a-z0-9_]+)");
    for (auto it = std::sregex_iterator(body.begin(), body.end(), word);
         it != std::sregex_iterator(); ++it)
        names.push_back(it->str());
    ASSERT_GE(names.size(), 12u);
    const auto r = runCli("list");
    ASSERT_EQ(r.code, 0) << r.err;
    std::size_t lines = 0;
    for (char c : r.out)
        lines += c == '\n';
    EXPECT_EQ(lines, names.size()) << r.out;
    std::size_t width = 0;  // the name column fits the longest name, two spaces after it
    for (const auto& n : names)
        width = std::max(width, n.size());
    for (const auto& n : names) {
        std::ifstream f(std::string(PFVIZ_SCENARIO_DIR) + "/" + n + ".json");
        const auto j = nlohmann::json::parse(f);
        const std::string title = j.at("title").at("en");
        EXPECT_FALSE(title.empty()) << n;
        const std::string line = n + std::string(width - n.size() + 2, ' ') + title;
        EXPECT_NE(r.out.find(line), std::string::npos) << "missing: " << line << "\n" << r.out;
    }
}

}  // namespace
}  // namespace pfviz
