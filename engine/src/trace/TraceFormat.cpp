#include "pfviz/trace/TraceFormat.h"

#include "NumberParsing.h"
#include "pfviz/trace/AddressListReader.h"
#include "pfviz/trace/LackeyReader.h"
#include "pfviz/trace/PerfScriptReader.h"

namespace pfviz::trace {

std::string_view formatName(TraceFormat format) {
    switch (format) {
        case TraceFormat::Refs:
            return "refs";
        case TraceFormat::Lackey:
            return "lackey";
        case TraceFormat::Perf:
            return "perf";
        case TraceFormat::Addr:
            return "addr";
    }
    return "?";
}

std::optional<TraceFormat> parseTraceFormat(std::string_view name) {
    for (TraceFormat f :
         {TraceFormat::Refs, TraceFormat::Lackey, TraceFormat::Perf, TraceFormat::Addr}) {
        if (formatName(f) == name) return f;
    }
    return std::nullopt;
}

namespace {

// A line of page numbers: digits, commas, blanks; true if it has a comma or two numbers.
bool looksLikeRefList(std::string_view line, bool& several) {
    int numbers = 0;
    bool inNumber = false;
    several = false;
    for (char c : line) {
        if (detail::isDecimalDigit(c)) {
            if (!inNumber) ++numbers;
            inNumber = true;
        } else if (c == ',' || detail::isBlank(c) || c == '\r') {
            if (c == ',') several = true;
            inNumber = false;
        } else if (c == '#') {
            break;
        } else {
            return false;
        }
    }
    if (numbers > 1) several = true;
    return numbers > 0;
}

}  // namespace

std::optional<TraceFormat> sniffTraceFormat(std::string_view head, std::string& why) {
    bool sawValgrindBanner = false;
    while (!head.empty()) {
        const auto nl = head.find('\n');
        std::string_view line = head.substr(0, nl);
        head = nl == std::string_view::npos ? std::string_view{} : head.substr(nl + 1);
        std::size_t first = 0;
        while (first < line.size() && (detail::isBlank(line[first]) || line[first] == '\r')) {
            ++first;
        }
        if (first == line.size() || line[first] == '#') continue;

        const auto lackey = LackeyReader::parseLine(line);
        if (lackey.kind == LackeyReader::LineKind::Skip) {
            sawValgrindBanner = true;  // the only non-blank lines lackey skips
            continue;
        }
        if (lackey.kind != LackeyReader::LineKind::Bad) return TraceFormat::Lackey;
        if (sawValgrindBanner) {
            why =
                "valgrind output without lackey trace lines (run valgrind with --tool=lackey "
                "--trace-mem=yes)";
            return std::nullopt;
        }
        if (PerfScriptReader::parseLine(line).kind == PerfScriptReader::LineKind::Sample) {
            return TraceFormat::Perf;
        }
        const auto addr = AddressListReader::parseLine(line);
        if (addr.kind == AddressListReader::LineKind::Address && addr.hex) return TraceFormat::Addr;
        bool several = false;
        if (looksLikeRefList(line, several)) {
            if (several) return TraceFormat::Refs;
            why =
                "one decimal number per line may be addresses or page numbers; "
                "say which with --format addr or --format refs";
            return std::nullopt;
        }
        if (addr.kind == AddressListReader::LineKind::Address) return TraceFormat::Addr;
        why = "unrecognised trace format (first line: \"" + std::string(line.substr(0, 80)) +
              "\"); give --format";
        return std::nullopt;
    }
    why = sawValgrindBanner ? "valgrind output without lackey trace lines" : "empty trace";
    return std::nullopt;
}

}  // namespace pfviz::trace
