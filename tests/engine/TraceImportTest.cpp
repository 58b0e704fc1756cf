// The trace importers: each format reduces to the exact page list, and bad input is reported with
// the file, the line number and the line.
#include <gtest/gtest.h>

#include <sstream>

#include "TraceTestSupport.h"
#include "pfviz/trace/TraceError.h"

namespace pfviz::trace {
namespace {

using Pages = std::vector<std::uint64_t>;

// What `valgrind --tool=lackey --trace-mem=yes` prints: banner lines, then one access per line.
const std::string kLackey =
    "==4242== Lackey, an example Valgrind tool\n"
    "==4242== Command: ./a.out\n"
    "==4242==\n"
    "I  04001000,3\n"
    " L 7ff000ff8,8\n"
    " S 04003010,4\n"
    "I  04001003,5\n"
    " M 0421cffc,8\n"  // crosses 0x421c000 -> 0x421d000: load 0x421c, 0x421d, store both
    " L 00000010,1\n"
    "==4242== \n"
    "==4242== Counted 1 call to main()\n";

class TraceImport : public test::TempTraceDir {
protected:
    /// The reason of the TraceError that reading `text` as `format` throws, or "no error".
    std::string traceError(const std::string& text, TraceFormat format) {
        try {
            pages(write("t.trace", text), format);
        } catch (const TraceError& e) {
            return e.reason();
        }
        return "no error";
    }
};

TEST_F(TraceImport, LackeyTraceGivesEveryPageInOrderWithModifyAsLoadThenStore) {
    const auto path = write("t.lackey", kLackey);
    EXPECT_EQ(pages(path, TraceFormat::Lackey),
              (Pages{0x4001, 0x7ff000, 0x4003, 0x4001, 0x421c, 0x421d, 0x421c, 0x421d, 0x0}));
}

TEST_F(TraceImport, LackeyRecordsCarryAddressSizeKindAndLine) {
    const auto path = write("t.lackey", kLackey);
    const auto r = records(path, TraceFormat::Lackey);
    ASSERT_EQ(r.size(), 7u);
    EXPECT_EQ(r[0], (TraceRecord{0x4001000, 3, Access::Execute, false, 4}));
    EXPECT_EQ(r[1], (TraceRecord{0x7ff000ff8, 8, Access::Read, false, 5}));
    EXPECT_EQ(r[2], (TraceRecord{0x4003010, 4, Access::Write, false, 6}));
    EXPECT_EQ(r[4], (TraceRecord{0x421cffc, 8, Access::Read, false, 8}));
    EXPECT_EQ(r[5], (TraceRecord{0x421cffc, 8, Access::Write, false, 8}));
}

TEST_F(TraceImport, LackeyDataOnlyDropsInstructionFetches) {
    const auto path = write("t.lackey", kLackey);
    EXPECT_EQ(pages(path, TraceFormat::Lackey, 12, AccessFilter::DataOnly),
              (Pages{0x7ff000, 0x4003, 0x421c, 0x421d, 0x421c, 0x421d, 0x0}));
}

TEST_F(TraceImport, LackeyInstructionOnlyKeepsOnlyFetches) {
    const auto path = write("t.lackey", kLackey);
    EXPECT_EQ(pages(path, TraceFormat::Lackey, 12, AccessFilter::InstructionOnly),
              (Pages{0x4001, 0x4001}));
}

TEST_F(TraceImport, LargerPagesMergeNeighbours) {
    const auto path = write("t.lackey", kLackey);
    // 64 KiB pages: 0x421cffc..0x421d003 no longer crosses a boundary.
    EXPECT_EQ(pages(path, TraceFormat::Lackey, 16),
              (Pages{0x400, 0x7ff00, 0x400, 0x400, 0x421, 0x421, 0x0}));
    // 1-byte pages: an 8-byte access touches eight pages.
    const auto bytes = pages(path, TraceFormat::Lackey, 0, AccessFilter::InstructionOnly);
    EXPECT_EQ(bytes, (Pages{0x4001000, 0x4001001, 0x4001002, 0x4001003, 0x4001004, 0x4001005,
                            0x4001006, 0x4001007}));
}

TEST_F(TraceImport, LackeyBadLineNamesFileLineAndText) {
    const auto path = write("bad.lackey", "I  04001000,3\n L 7ff000ff8,8\n X 1234,4\n");
    try {
        pages(path, TraceFormat::Lackey);
        FAIL() << "no error";
    } catch (const TraceError& e) {
        EXPECT_EQ(e.source(), path);
        EXPECT_EQ(e.line(), 3u);
        EXPECT_EQ(e.lineText(), " X 1234,4");
        EXPECT_NE(std::string(e.what()).find(path + ":3: "), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("\" X 1234,4\""), std::string::npos) << e.what();
    }
}

TEST_F(TraceImport, LackeyBadAddressAndSizeAreErrors) {
    for (const char* line : {" L 12g4,8", " L 1234", " L 1234,", " L 1234,8 junk", "L1234,8",
                             " L 11112222333344445,8", " L 1234,2000000"}) {
        const auto path = write("bad.lackey", std::string(line) + "\n");
        EXPECT_THROW(pages(path, TraceFormat::Lackey), TraceError) << line;
    }
}

TEST_F(TraceImport, NumbersUpTo64BitsAndNoMore) {
    const std::string badAddress = "expected a hexadecimal address (at most 64 bits)";
    const std::string badSize = "expected a decimal size of at most 1048576 bytes after ','";
    EXPECT_EQ(traceError(" L ffffffffffffffff,1\n", TraceFormat::Lackey), "no error");
    EXPECT_EQ(traceError(" L 00000000000000001234,1\n", TraceFormat::Lackey), "no error");
    EXPECT_EQ(traceError(" L 10000000000000000,1\n", TraceFormat::Lackey), badAddress);
    EXPECT_EQ(traceError(" L ,1\n", TraceFormat::Lackey), badAddress);
    EXPECT_EQ(traceError(" L 1000,1048576\n", TraceFormat::Lackey), "no error");
    EXPECT_EQ(traceError(" L 1000,1048577\n", TraceFormat::Lackey), badSize);
    EXPECT_EQ(traceError(" L 1000,18446744073709551616\n", TraceFormat::Lackey), badSize);
    EXPECT_EQ(traceError(" L 1000,+4\n", TraceFormat::Lackey), badSize);
    EXPECT_EQ(records(write("r.lackey", " L 1000,0004\n"), TraceFormat::Lackey)[0].size, 4u);

    const std::string badListed = "expected an address (0x... hex or decimal, at most 64 bits)";
    EXPECT_EQ(traceError("18446744073709551615\n0xffffffffffffffff\n", TraceFormat::Addr),
              "no error");
    EXPECT_EQ(traceError("18446744073709551616\n", TraceFormat::Addr), badListed);
    EXPECT_EQ(traceError("99999999999999999999999\n", TraceFormat::Addr), badListed);
    EXPECT_EQ(traceError("0x10000000000000000\n", TraceFormat::Addr), badListed);
    EXPECT_EQ(traceError("0x\n", TraceFormat::Addr), badListed);
    EXPECT_EQ(traceError("+12\n", TraceFormat::Addr), badListed);

    EXPECT_EQ(traceError("18446744073709551615,1\n", TraceFormat::Refs), "no error");
    try {
        pages(write("big.refs", "1,2\n3,18446744073709551616,4\n"), TraceFormat::Refs);
        FAIL() << "no error";
    } catch (const TraceError& e) {
        EXPECT_EQ(e.line(), 2u);
        EXPECT_EQ(e.reason(), "page number larger than 2^64-1");
        EXPECT_EQ(e.lineText(), "3,18446744073709551616,4");
    }
    EXPECT_EQ(traceError("1,99999999999999999999999999\n", TraceFormat::Refs),
              "page number larger than 2^64-1");
}

TEST_F(TraceImport, TruncatedLastLineIsReported) {
    const auto path = write("cut.lackey", "I  04001000,3\n L 7ff00");
    try {
        pages(path, TraceFormat::Lackey);
        FAIL() << "no error";
    } catch (const TraceError& e) {
        EXPECT_EQ(e.line(), 2u);
        EXPECT_NE(e.reason().find("truncated last line"), std::string::npos) << e.what();
        EXPECT_EQ(e.lineText(), " L 7ff00");
    }
}

TEST_F(TraceImport, LastLineWithoutNewlineThatParsesIsAccepted) {
    EXPECT_EQ(pages(write("a.lackey", "I  04001000,3\n L 7ff000ff8,8"), TraceFormat::Lackey),
              (Pages{0x4001, 0x7ff000}));
    EXPECT_EQ(pages(write("a.refs", "1,2,3"), TraceFormat::Refs), (Pages{1, 2, 3}));
    EXPECT_EQ(pages(write("a.addr", "0x1000\n0x2000"), TraceFormat::Addr), (Pages{1, 2}));
}

TEST_F(TraceImport, WindowsLineEndingsAreAccepted) {
    EXPECT_EQ(
        pages(write("crlf.lackey", "I  04001000,3\r\n L 7ff000ff8,8\r\n"), TraceFormat::Lackey),
        (Pages{0x4001, 0x7ff000}));
}

// `perf record -e page-faults -d ./prog; perf script` in the default layout, with the optional
// columns of other perf versions, a --header comment and a -g call chain.
const std::string kPerf =
    "# ========\n"
    "# captured on    : Thu Jan  1 00:00:00 2025\n"
    "# ========\n"
    "#\n"
    "            prog  4242  8523.097544:          1 page-faults:u:      7f3a2c1e5010 "
    "main+0x1c (/tmp/prog)\n"
    "            prog  4242 [001]  8523.097601:          1 page-faults:u:      55d0c0a01000 "
    "_start+0x0 (/tmp/prog)\n"
    "            prog  4242/4242  8523.097700:  page-faults:      0x7ffd5e2c3ff8 "
    "[unknown] ([unknown])\n"
    "\n"
    "Web Content 77 [000] 8523.1: 1 faults: 1000\n"
    "\t    7f3a2c1e5010 main+0x1c (/tmp/prog)\n"
    "\t    7f3a2c000000 __libc_start_main+0xf3 (/usr/lib/libc.so.6)\n";

TEST_F(TraceImport, PerfScriptSampleAddressesBecomePages) {
    const auto path = write("t.perf", kPerf);
    EXPECT_EQ(pages(path, TraceFormat::Perf), (Pages{0x7f3a2c1e5, 0x55d0c0a01, 0x7ffd5e2c3, 0x1}));
    const auto r = records(path, TraceFormat::Perf);
    ASSERT_EQ(r.size(), 4u);
    EXPECT_EQ(r[0], (TraceRecord{0x7f3a2c1e5010, 1, Access::Read, false, 5}));
    EXPECT_EQ(r[3].line, 9u);
}

TEST_F(TraceImport, PerfScriptWithoutAddressIsAnErrorNamingTheLine) {
    const auto path =
        write("noaddr.perf",
              "  prog  4242  8523.097544:          1 page-faults:u:      7f3a2c1e5010\n"
              "  prog  4242  8523.097601:          1 page-faults:u: main+0x1c\n");
    try {
        pages(path, TraceFormat::Perf);
        FAIL() << "no error";
    } catch (const TraceError& e) {
        EXPECT_EQ(e.line(), 2u);
        EXPECT_NE(e.reason().find("sample address"), std::string::npos) << e.what();
    }
    EXPECT_THROW(pages(write("junk.perf", "hello world\n"), TraceFormat::Perf), TraceError);
}

TEST_F(TraceImport, AddressListTakesHexDecimalCommentsAndKinds) {
    const auto path = write("t.addr",
                            "# addresses of a toy program\n"
                            "0x1000\n"
                            "\n"
                            "8191   W   # a store to page 1\n"
                            "  0X3fff x\n"
                            "12288 r\n");
    EXPECT_EQ(pages(path, TraceFormat::Addr), (Pages{1, 1, 3, 3}));
    const auto r = records(path, TraceFormat::Addr);
    ASSERT_EQ(r.size(), 4u);
    EXPECT_EQ(r[1], (TraceRecord{8191, 1, Access::Write, false, 4}));
    EXPECT_EQ(r[2].access, Access::Execute);
    EXPECT_EQ(pages(path, TraceFormat::Addr, 12, AccessFilter::DataOnly), (Pages{1, 1, 3}));
}

TEST_F(TraceImport, AddressListRejectsTwoAddressesOnALine) {
    EXPECT_THROW(pages(write("two.addr", "0x1000\n0x1000 0x2000\n"), TraceFormat::Addr),
                 TraceError);
    EXPECT_THROW(pages(write("neg.addr", "-5\n"), TraceFormat::Addr), TraceError);
}

TEST_F(TraceImport, ReferenceStringsAcceptCommasBlanksNewlinesAndComments) {
    const auto path = write("t.refs",
                            "# Silberschatz\n"
                            "7,0,1,2, 0 3\t0\n"
                            "4, 2,\n"
                            "3 # end of the first part\n"
                            "18446744073709551615\n");
    EXPECT_EQ(pages(path, TraceFormat::Refs, 20),
              (Pages{7, 0, 1, 2, 0, 3, 0, 4, 2, 3, UINT64_MAX}));  // page size does not apply
    const auto r = records(path, TraceFormat::Refs);
    EXPECT_TRUE(r[0].isPageNumber);
    EXPECT_EQ(r[0].line, 2u);
    EXPECT_EQ(r[9].line, 4u);
}

TEST_F(TraceImport, ReferenceStringErrorsNameTheLine) {
    const auto path = write("bad.refs", "1,2,3\n4,five,6\n");
    try {
        pages(path, TraceFormat::Refs);
        FAIL() << "no error";
    } catch (const TraceError& e) {
        EXPECT_EQ(e.line(), 2u);
        EXPECT_EQ(e.lineText(), "4,five,6");
        EXPECT_EQ(e.reason().find("truncated"), std::string::npos);
    }
    try {
        pages(write("cut.refs", "1,2,3\n4,5x"), TraceFormat::Refs);
        FAIL() << "no error";
    } catch (const TraceError& e) {
        EXPECT_EQ(e.line(), 2u);
        EXPECT_NE(e.reason().find("truncated last line"), std::string::npos) << e.what();
    }
    EXPECT_THROW(pages(write("big.refs", "18446744073709551616\n"), TraceFormat::Refs), TraceError);
    EXPECT_THROW(pages(write("neg.refs", "1,-2\n"), TraceFormat::Refs), TraceError);
}

TEST_F(TraceImport, LongTracesStreamAcrossBufferChunks) {
    // Several MiB, so lines and numbers straddle the 1 MiB chunk boundaries.
    std::string lackey;
    std::string refs;
    Pages expected;
    for (std::uint64_t i = 0; i < 300000; ++i) {
        const std::uint64_t page = (i * 7919) % 100003;
        char line[64];
        std::snprintf(line, sizeof line, " L %llx,4\n",
                      static_cast<unsigned long long>(page << 12 | 0x10));
        lackey += line;
        refs += std::to_string(page) + (i % 1000 == 999 ? "\n" : ",");
        expected.push_back(page);
    }
    EXPECT_EQ(pages(write("long.lackey", lackey), TraceFormat::Lackey), expected);
    EXPECT_EQ(pages(write("long.refs", refs), TraceFormat::Refs), expected);
    // One line of 2 MiB of references.
    std::string oneLine;
    for (std::uint64_t page : expected)
        oneLine += std::to_string(page) + ",";
    EXPECT_EQ(pages(write("oneline.refs", oneLine), TraceFormat::Refs), expected);
}

TEST_F(TraceImport, OverlongLineIsAnError) {
    std::string text = " L " + std::string(3 << 20, '1') + ",4\n";
    EXPECT_THROW(pages(write("huge.lackey", text), TraceFormat::Lackey), TraceError);
}

TEST_F(TraceImport, MissingFileIsAnErrorNamingIt) {
    try {
        pages((m_dir / "nope.txt").string(), TraceFormat::Lackey);
        FAIL() << "no error";
    } catch (const TraceError& e) {
        EXPECT_EQ(e.line(), 0u);
        EXPECT_NE(std::string(e.what()).find("nope.txt: cannot open"), std::string::npos);
    }
    EXPECT_THROW(pages(m_dir.string(), TraceFormat::Lackey), TraceError);
}

TEST_F(TraceImport, ReadPageReferencesStopsAtTheLimit) {
    auto reader = openTraceFile(write("t.refs", "1,2,3,4,5\n"), TraceFormat::Refs);
    const auto some = readPageReferences(*reader, 12, 3);
    EXPECT_EQ(some.pages, (Pages{1, 2, 3}));
    EXPECT_TRUE(some.truncated);
    auto again = openTraceFile(write("u.refs", "1,2,3\n"), TraceFormat::Refs);
    EXPECT_FALSE(readPageReferences(*again, 12, 3).truncated);
}

TEST_F(TraceImport, FormatIsSniffedFromTheFirstLines) {
    EXPECT_EQ(pages(write("a", kLackey), std::nullopt).size(), 9u);
    EXPECT_EQ(pages(write("b", kPerf), std::nullopt).size(), 4u);
    EXPECT_EQ(pages(write("c", "# x\n0x1000\n0x2000\n"), std::nullopt), (Pages{1, 2}));
    EXPECT_EQ(pages(write("d", "7, 0, 1\n"), std::nullopt), (Pages{7, 0, 1}));
    EXPECT_EQ(pages(write("e", "7 0 1\n2\n"), std::nullopt), (Pages{7, 0, 1, 2}));
    try {
        pages(write("f", "4096\n8192\n"), std::nullopt);
        FAIL() << "ambiguous input was guessed";
    } catch (const TraceError& e) {
        EXPECT_NE(e.reason().find("--format addr or --format refs"), std::string::npos);
    }
    EXPECT_THROW(pages(write("g", "hello\n"), std::nullopt), TraceError);
    EXPECT_THROW(pages(write("h", ""), std::nullopt), TraceError);
}

TEST(TraceFormatNames, RoundTrip) {
    for (auto f : {TraceFormat::Refs, TraceFormat::Lackey, TraceFormat::Perf, TraceFormat::Addr}) {
        EXPECT_EQ(parseTraceFormat(formatName(f)), f);
    }
    EXPECT_FALSE(parseTraceFormat("csv").has_value());
}

TEST(TraceStreams, ReadersWorkOnAnyStream) {
    std::istringstream in("I  1000,4\n");
    auto reader = makeTraceReader(TraceFormat::Lackey, in, "memory");
    TraceRecord r;
    ASSERT_TRUE(reader->next(r));
    EXPECT_EQ(r.address, 0x1000u);
    EXPECT_FALSE(reader->next(r));
}

}  // namespace
}  // namespace pfviz::trace
