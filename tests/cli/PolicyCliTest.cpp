// pfviz-cli policy as a user calls it: the real binary (PFVIZ_CLI, via CliRunner.h), its JSON
// parsed with nlohmann::json, the plain table and the exit codes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "CliRunner.h"

namespace {

using nlohmann::json;

const std::string kSilberschatz = "7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1";
const std::string kBelady = "1,2,3,4,1,2,5,1,2,3,4,5";

using pfviz::test::CliResult;

std::string quoted(const std::string& s) {
    std::string q = "'";
    for (char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

class PolicyCli : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_dir = std::filesystem::temp_directory_path() /
                ("pfviz-cli-" + std::to_string(::getpid()) + "-" + info->name());
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    static CliResult run(const std::vector<std::string>& args) {
        std::string command = "policy";
        for (const auto& a : args)
            command += " " + quoted(a);
        return pfviz::test::runCli(command);
    }

    json runJson(const std::vector<std::string>& args) {
        auto withJson = args;
        withJson.push_back("--json");
        const CliResult r = run(withJson);
        EXPECT_EQ(r.code, 0) << r.err;
        return json::parse(r.out);
    }

    std::string write(const std::string& name, const std::string& text) {
        const auto path = (m_dir / name).string();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

    std::filesystem::path m_dir;
};

TEST_F(PolicyCli, JsonHasEveryContractFieldForSilberschatzFifo) {
    const json j = runJson({"--policy", "fifo", "--frames", "3", "--refs", kSilberschatz});
    ASSERT_TRUE(j.is_object());
    EXPECT_EQ(j.at("policy"), "fifo");
    EXPECT_EQ(j.at("frames"), 3);
    EXPECT_EQ(j.at("references"), 20);
    EXPECT_EQ(j.at("misses"), 15);
    EXPECT_EQ(j.at("hits"), 5);
    EXPECT_EQ(j.at("sequence"), "MMMMHMMMMMMHHMMHHMMM");
    ASSERT_EQ(j.at("victims").size(), 20u);
    EXPECT_TRUE(j.at("victims")[0].is_null());
    EXPECT_EQ(j.at("victims")[3], 7);
    EXPECT_EQ(j.at("final_memory"), json::parse("[7,0,1]"));
    EXPECT_EQ(j.size(), 8u) << j.dump();
}

TEST_F(PolicyCli, SilberschatzCountsForOptAndLru) {
    EXPECT_EQ(runJson({"--policy", "opt", "--frames", "3", "--refs", kSilberschatz}).at("misses"),
              9);
    EXPECT_EQ(runJson({"--policy", "lru", "--frames", "3", "--refs", kSilberschatz}).at("misses"),
              12);
}

TEST_F(PolicyCli, EveryPolicyNameIsAccepted) {
    for (const char* p : {"fifo", "lru", "opt", "clock", "lfu", "mru", "random", "linux"}) {
        const json j = runJson({"--policy", p, "--frames", "3", "--refs", kSilberschatz});
        EXPECT_EQ(j.at("policy"), p);
        EXPECT_EQ(j.at("hits").get<int>() + j.at("misses").get<int>(), 20);
    }
}

TEST_F(PolicyCli, RandomPolicyDependsOnlyOnTheSeed) {
    const std::vector<std::string> args{"--policy", "random",      "--frames", "3",
                                        "--refs",   kSilberschatz, "--seed",   "12345"};
    EXPECT_EQ(runJson(args), runJson(args));
}

TEST_F(PolicyCli, SweepShowsBeladysAnomaly) {
    const json j = runJson({"--policy", "fifo", "--sweep", "1..6", "--refs", kBelady});
    ASSERT_TRUE(j.is_array());
    ASSERT_EQ(j.size(), 6u);
    EXPECT_EQ(j[2], json::parse(R"({"frames":3,"misses":9,"hits":3})"));
    EXPECT_EQ(j[3], json::parse(R"({"frames":4,"misses":10,"hits":2})"));

    const CliResult plain = run({"--policy", "fifo", "--sweep", "1..6", "--refs", kBelady});
    EXPECT_EQ(plain.code, 0);
    EXPECT_NE(plain.out.find("Belady's anomaly: more faults than with 3 frames"), std::string::npos)
        << plain.out;
    const CliResult lru = run({"--policy", "lru", "--sweep", "1..6", "--refs", kBelady});
    EXPECT_EQ(lru.out.find("Belady"), std::string::npos) << lru.out;
}

TEST_F(PolicyCli, CompareGivesOnePolicyObjectEachWithoutSequenceUnlessFull) {
    const json j = runJson({"--compare", "fifo,lru,opt", "--frames", "3", "--refs", kSilberschatz});
    ASSERT_TRUE(j.is_array());
    ASSERT_EQ(j.size(), 3u);
    EXPECT_EQ(j[0].at("misses"), 15);
    EXPECT_EQ(j[1].at("misses"), 12);
    EXPECT_EQ(j[2].at("misses"), 9);
    EXPECT_FALSE(j[0].contains("sequence"));
    EXPECT_FALSE(j[0].contains("victims"));
    EXPECT_TRUE(j[0].contains("final_memory"));
    const json full =
        runJson({"--compare", "fifo,opt", "--frames", "3", "--refs", kSilberschatz, "--full"});
    EXPECT_EQ(full[1].at("sequence").get<std::string>().size(), 20u);

    const CliResult plain =
        run({"--compare", "fifo,lru,opt", "--frames", "3", "--refs", kSilberschatz});
    EXPECT_EQ(plain.code, 0);
    EXPECT_NE(plain.out.find("opt"), std::string::npos);
    EXPECT_NE(plain.out.find("45.0%"), std::string::npos) << plain.out;
}

TEST_F(PolicyCli, PlainTableHasOneRowPerReferenceAndASummary) {
    const CliResult r = run({"--policy", "fifo", "--frames", "3", "--refs", kSilberschatz});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("evicts 7"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("15 page faults, 5 hits in 20 references"), std::string::npos) << r.out;
    std::istringstream lines(r.out);
    int rows = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.find(" | H") != std::string::npos || line.find(" | M") != std::string::npos) {
            ++rows;
        }
    }
    EXPECT_EQ(rows, 20) << r.out;
}

TEST_F(PolicyCli, LongInputsOmitSequenceAndTableRowsUnlessFull) {
    std::string refs;
    for (int i = 0; i < 100001; ++i)
        refs += std::to_string((i * 37) % 1000) + "\n";
    const std::string path = write("long.refs", refs);
    const json j =
        runJson({"--policy", "lru", "--frames", "64", "--trace", path, "--format", "refs"});
    EXPECT_EQ(j.at("references"), 100001);
    EXPECT_FALSE(j.contains("sequence"));
    EXPECT_FALSE(j.contains("victims"));
    const json full = runJson(
        {"--policy", "lru", "--frames", "64", "--trace", path, "--format", "refs", "--full"});
    EXPECT_EQ(full.at("sequence").get<std::string>().size(), 100001u);
    EXPECT_EQ(full.at("victims").size(), 100001u);

    const CliResult plain =
        run({"--policy", "lru", "--frames", "4", "--trace", path, "--format", "refs"});
    EXPECT_EQ(plain.code, 0);
    EXPECT_NE(plain.out.find("first 64 of 100001 references"), std::string::npos) << plain.out;
}

TEST_F(PolicyCli, LackeyTraceWithDataOnlyAndPageSize) {
    const std::string path = write("t.lackey",
                                   "==1== Lackey\n"
                                   "I  04001000,3\n"
                                   " L 7ff000ff8,8\n"
                                   " M 0421cffc,8\n"
                                   "I  04001003,4\n");
    const json all = runJson({"--policy", "lru", "--frames", "4", "--trace", path});
    EXPECT_EQ(all.at("references"), 7);  // M across a page boundary: 2 loads + 2 stores
    const json data = runJson({"--policy", "lru", "--frames", "4", "--trace", path, "--data-only"});
    EXPECT_EQ(data.at("references"), 5);
    // Pages 0x7ff000, 0x421c, 0x421d.
    EXPECT_EQ(data.at("final_memory"), json::parse("[8384512, 16924, 16925]"));
    const json big = runJson({"--policy", "lru", "--frames", "4", "--trace", path, "--format",
                              "lackey", "--instr-only", "--page-size", "65536"});
    EXPECT_EQ(big.at("final_memory"), json::parse("[1024]"));
}

TEST_F(PolicyCli, BadTraceLineExits2NamingFileLineAndText) {
    const std::string path = write("bad.lackey", "I  04001000,3\n L 7ff000ff8\n");
    const CliResult r =
        run({"--policy", "fifo", "--frames", "3", "--trace", path, "--format", "lackey"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find(path + ":2:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("\" L 7ff000ff8\""), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
}

TEST_F(PolicyCli, TruncatedLastLineExits2) {
    const std::string path = write("cut.lackey", "I  04001000,3\n L 7ff0");
    const CliResult r = run({"--policy", "fifo", "--frames", "3", "--trace", path});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("truncated last line"), std::string::npos) << r.err;
}

TEST_F(PolicyCli, UsageErrorsExit2WithAMessage) {
    const std::vector<std::vector<std::string>> bad{
        {"--policy", "fifo", "--frames", "3"},                        // no input
        {"--policy", "nru", "--frames", "3", "--refs", "1"},          // unknown policy
        {"--policy", "fifo", "--frames", "0", "--refs", "1"},         // frames < 1
        {"--policy", "fifo", "--frames", "67108865", "--refs", "1"},  // frames > 2^26
        {"--policy", "fifo", "--refs", "1"},                          // no frames
        {"--policy", "fifo", "--frames", "3", "--refs", "1,a"},       // bad reference
        {"--policy", "fifo", "--sweep", "1..4097", "--refs", "1"},    // sweep too wide
        {"--policy", "fifo", "--frames", "3", "--refs", "1", "--page-size", "3000"},
        {"--policy", "fifo", "--frames", "3", "--trace", "/nonexistent/trace"},
        {"--policy", "fifo", "--frames", "3", "--refs", "1", "--what"},
        {"--policy", "fifo", "--frames", "3", "--refs", "#only a comment"},  // no references
    };
    for (const auto& args : bad) {
        const CliResult r = run(args);
        EXPECT_EQ(r.code, 2) << args[1] << " " << r.err;
        EXPECT_FALSE(r.err.empty());
    }
}

TEST_F(PolicyCli, HelpDocumentsTheOptionsAndExits0) {
    const CliResult r = run({"--help"});
    EXPECT_EQ(r.code, 0);
    for (const char* word : {"--policy", "--frames", "--refs", "--trace", "--format", "--page-size",
                             "--data-only", "--instr-only", "--seed", "--json", "--full", "--sweep",
                             "--compare", "--working-set", "Exit status"}) {
        EXPECT_NE(r.out.find(word), std::string::npos) << word;
    }
}

TEST_F(PolicyCli, WorkingSetPrintsCsvOrJson) {
    const CliResult csv = run({"--working-set", "3", "--refs", "1,2,1,3,3,3,4,1"});
    EXPECT_EQ(csv.code, 0);
    EXPECT_EQ(csv.out, "reference,working_set\n1,1\n2,2\n3,2\n4,3\n5,2\n6,1\n7,2\n8,3\n");
    const json j = runJson({"--working-set", "3", "--ws-step", "4", "--refs", "1,2,1,3,3,3,4,1"});
    EXPECT_EQ(j,
              json::parse(R"([{"reference":4,"working_set":3},{"reference":8,"working_set":3}])"));
}

}  // namespace
