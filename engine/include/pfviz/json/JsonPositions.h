#pragma once
// Where every value and key of a JSON text starts (line:column), by path. nlohmann::json keeps
// no positions, so a small scanner walks the text once and records them. Paths use the display
// form of error messages: "" (root), "machine.frames", "steps[3].address".
//
// Keys are used verbatim (decoded from their JSON escapes) after the dot, whatever characters
// they contain: {"a.b": {"c[0]": 1}} gives the path "a.b.c[0]". Such a path can be ambiguous
// ({"a.b": 1} and {"a": {"b": 1}} both give "a.b"); a lookup then finds one of them (trying
// shorter keys first).
//
// Storage: no path strings are kept. The scan builds a compact tree (28 bytes per value, the
// decoded keys, and 8 bytes per line); a lookup walks it from the root, in time proportional to
// the path length times log(members per object).
//
// Lines end at "\n", "\r\n" (one break) or a lone "\r". Columns count bytes from 1, so a
// UTF-8 byte order mark counts as 3 columns of line 1.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pfviz::json {

struct TextPos {
    std::uint64_t line{1};    // 1-based
    std::uint64_t column{1};  // 1-based, in bytes (UTF-8 code units)
    bool operator==(const TextPos&) const = default;
    auto operator<=>(const TextPos&) const = default;
};

class JsonPositions {
public:
    /// Something the scanner noticed at a value or key: see firstDuplicateKey() and
    /// firstNumberOverflow().
    struct Finding {
        std::string path;  // path of the member / value, e.g. "machine.frames"
        TextPos pos;       // where it starts in the text
        std::string text;  // the key (decoded), the number as written (at most 40 bytes), or
                           // the syntax error message
    };

    /// Indexes `text`. Tolerates invalid JSON (indexes what it can); never throws, never recurses
    /// deeper than kMaxDepth (deeper values are not indexed).
    /// Linear time and memory: it stops at the first syntax error or at the first array/object
    /// nested deeper than kMaxDepth. A text of 4 GiB or more is checked but not indexed.
    static JsonPositions index(std::string_view text);

    /// Start of the value at `path` (the first character of the value).
    std::optional<TextPos> valueAt(const std::string& path) const;
    /// Start of the key (the opening quote) of the object member at `path`.
    std::optional<TextPos> keyAt(const std::string& path) const;

    /// True if the whole text is one JSON value (RFC 8259, same rules as nlohmann::json::parse:
    /// UTF-8 is checked, an optional UTF-8 BOM is skipped) and it was scanned to the end.
    /// Stricter than nlohmann in one way: nlohmann takes a NUL byte outside a string for the end
    /// of the input and ignores what follows; here it is an error like any other byte.
    /// False after a syntax error or when nesting exceeds kMaxDepth.
    bool wellFormed() const { return m_wellFormed; }
    /// True if the text was too large to index (4 GiB or more): no positions are recorded.
    bool truncated() const { return m_truncated; }
    /// Where and why the scan stopped on invalid JSON, e.g. at 3:5 with text "syntax error:
    /// expected ',' or '}' after an object member, found '\"'" (path is always empty).
    const std::optional<Finding>& syntaxError() const { return m_syntaxError; }
    /// The first '[' or '{' nested deeper than kMaxDepth (the scan stops there).
    std::optional<TextPos> tooDeepAt() const { return m_tooDeep; }
    /// The first key repeated within one object (at its second occurrence), if any.
    const std::optional<Finding>& firstDuplicateKey() const { return m_duplicate; }
    /// The first number too large in magnitude for a double (nlohmann::json refuses those).
    const std::optional<Finding>& firstNumberOverflow() const { return m_numberOverflow; }

    /// Line and column of a byte offset in `text` (offset may equal text.size()).
    static TextPos positionOf(std::string_view text, std::size_t byteOffset);
    /// Appends a member / element to a path: member("steps[3]", "address") = "steps[3].address".
    static std::string member(const std::string& path, std::string_view key);
    static std::string element(const std::string& path, std::size_t index);

    static constexpr int kMaxDepth = 256;

private:
    class Scanner;

    static constexpr std::uint32_t kNone = UINT32_MAX;
    enum class Kind : std::uint8_t { Scalar, Object, Array };
    /// One value of the text, in document order (m_nodes[0] is the root).
    struct Node {
        std::uint32_t offset;     // byte offset of the value's first character
        std::uint32_t keyOffset;  // object members: byte offset of the key's quote; else kNone
        std::uint32_t keyBegin;   // object members: the decoded key in m_keyText
        std::uint32_t keyLength;
        std::uint32_t childBegin;  // containers: children in m_children (members sorted by
        std::uint32_t childCount;  // key length, key and offset; elements in order)
        Kind kind;
    };

    std::optional<std::uint32_t> findNode(const std::string& path, bool member) const;
    std::optional<std::uint32_t> resolve(std::uint32_t node, const std::string& path,
                                         std::size_t consumed, bool member) const;
    std::optional<std::uint32_t> findMember(const Node& object, std::string_view key) const;
    bool memberLess(const Node& a, const Node& b) const;
    std::string_view keyOf(const Node& node) const;
    TextPos positionOfOffset(std::uint32_t offset) const;

    std::vector<Node> m_nodes;
    std::vector<std::uint32_t> m_children;
    std::string m_keyText;
    std::vector<std::uint32_t> m_lineStarts;  // byte offset of each line's start (scanned lines)
    std::optional<Finding> m_duplicate;
    std::optional<Finding> m_numberOverflow;
    std::optional<Finding> m_syntaxError;
    std::optional<TextPos> m_tooDeep;
    bool m_wellFormed{false};
    bool m_truncated{false};
};

}  // namespace pfviz::json
