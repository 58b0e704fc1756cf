#include "pfviz/trace/TraceError.h"

namespace pfviz::trace {
namespace {

constexpr std::size_t kMaxShownLine = 160;

std::string shown(std::string_view text) {
    std::string out;
    for (char c : text.substr(0, kMaxShownLine)) {
        // Control bytes would garble a terminal; show them as '?'.
        out.push_back(static_cast<unsigned char>(c) < 0x20 && c != '\t' ? '?' : c);
    }
    if (text.size() > kMaxShownLine) out += "...";
    return out;
}

std::string message(const std::string& source, std::uint64_t line, const std::string& reason,
                    const std::string& text) {
    if (line == 0) return source + ": " + reason;
    return source + ":" + std::to_string(line) + ": " + reason + ": \"" + text + "\"";
}

}  // namespace

TraceError::TraceError(std::string source, std::uint64_t line, std::string reason,
                       std::string_view lineText)
    : std::runtime_error(message(source, line, reason, shown(lineText))),
      m_source(std::move(source)),
      m_line(line),
      m_reason(std::move(reason)),
      m_lineText(shown(lineText)) {}

}  // namespace pfviz::trace
