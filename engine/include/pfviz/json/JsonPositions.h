#pragma once
// Where every value and key of a JSON text starts (line:column), by path. nlohmann::json keeps
// no positions, so a small scanner walks the text once and records them. Paths use the display
// form of error messages: "" (root), "machine.frames", "steps[3].address".
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pfviz::json {

struct TextPos {
    std::uint64_t line{1};    // 1-based
    std::uint64_t column{1};  // 1-based, in bytes (UTF-8 code units)
    bool operator==(const TextPos&) const = default;
};

class JsonPositions {
public:
    /// Indexes `text`. Tolerates invalid JSON (indexes what it can); never throws, never recurses
    /// deeper than kMaxDepth (deeper values are not indexed).
    static JsonPositions index(std::string_view text);

    /// Start of the value at `path` (the first character of the value).
    std::optional<TextPos> valueAt(const std::string& path) const;
    /// Start of the key (the opening quote) of the object member at `path`.
    std::optional<TextPos> keyAt(const std::string& path) const;

    /// Line and column of a byte offset in `text` (offset may equal text.size()).
    static TextPos positionOf(std::string_view text, std::size_t byteOffset);
    /// Appends a member / element to a path: member("steps[3]", "address") = "steps[3].address".
    static std::string member(const std::string& path, std::string_view key);
    static std::string element(const std::string& path, std::size_t index);

    static constexpr int kMaxDepth = 256;

private:
    std::unordered_map<std::string, TextPos> m_values;
    std::unordered_map<std::string, TextPos> m_keys;
};

}  // namespace pfviz::json
