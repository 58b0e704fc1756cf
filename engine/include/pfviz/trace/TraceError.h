#pragma once
// A trace that cannot be read. what() reads "FILE:LINE: REASON: "LINE TEXT"" (or "FILE: REASON"
// when no line is involved, e.g. a file that cannot be opened), ready to print for a user.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace pfviz::trace {

class TraceError : public std::runtime_error {
public:
    TraceError(std::string source, std::uint64_t line, std::string reason,
               std::string_view lineText = {});

    const std::string& source() const { return m_source; }
    std::uint64_t line() const { return m_line; }  // 1-based; 0 = not about a line
    const std::string& reason() const { return m_reason; }
    const std::string& lineText() const { return m_lineText; }  // shortened if very long

private:
    std::string m_source;
    std::uint64_t m_line;
    std::string m_reason;
    std::string m_lineText;
};

}  // namespace pfviz::trace
