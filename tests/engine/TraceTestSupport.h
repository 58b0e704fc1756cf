#pragma once
// Temporary trace files for the importer tests; each test gets its own directory, removed after.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pfviz/trace/PageReferenceReader.h"
#include "pfviz/trace/TraceReader.h"

namespace pfviz::trace::test {

class TempTraceDir : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_dir = std::filesystem::temp_directory_path() /
                ("pfviz-trace-" + std::to_string(::getpid()) + "-" + info->name());
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    std::string write(const std::string& name, const std::string& text) {
        const auto path = (m_dir / name).string();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

    static std::vector<std::uint64_t> pages(const std::string& path,
                                            std::optional<TraceFormat> format,
                                            unsigned pageBits = 12,
                                            AccessFilter filter = AccessFilter::All) {
        auto reader = openTraceFile(path, format);
        reader->setFilter(filter);
        return readPageReferences(*reader, pageBits, UINT64_MAX).pages;
    }

    static std::vector<TraceRecord> records(const std::string& path, TraceFormat format) {
        auto reader = openTraceFile(path, format);
        std::vector<TraceRecord> out;
        TraceRecord r;
        while (reader->next(r))
            out.push_back(r);
        return out;
    }

    std::filesystem::path m_dir;
};

}  // namespace pfviz::trace::test
