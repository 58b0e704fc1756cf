#pragma once
// The trace formats pfviz imports.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pfviz::trace {

enum class TraceFormat : std::uint8_t {
    Refs,    // page numbers, comma- or whitespace-separated ("7,0,1,2,0,3")
    Lackey,  // valgrind --tool=lackey --trace-mem=yes ("I  0400d7d4,8", " L 04f6b868,8")
    Perf,    // perf script output of perf record -e page-faults -d
    Addr,    // one address per line, hex 0x... or decimal
};

/// "refs", "lackey", "perf", "addr".
std::string_view formatName(TraceFormat format);
std::optional<TraceFormat> parseTraceFormat(std::string_view name);

/// Guesses the format from the beginning of a trace (a few KiB are plenty): the first line that
/// is not blank, a comment or a valgrind banner decides. Returns nullopt and sets `why` when the
/// text fits no format or fits two (a single decimal number per line may be an address or a page
/// number).
std::optional<TraceFormat> sniffTraceFormat(std::string_view head, std::string& why);

}  // namespace pfviz::trace
