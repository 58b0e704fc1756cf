#pragma once
// Where every value and key of a JSON text starts (line:column), by path. nlohmann::json keeps
// no positions, so index() runs nlohmann's own parser (nlohmann::json::sax_parse) over an
// iterator that counts the bytes nlohmann has read, and records where the token of each parser
// event starts: one grammar, nlohmann's. Paths use the display form of error messages: ""
// (root), "machine.frames", "steps[3].address".
//
// Keys are used verbatim (decoded from their JSON escapes) after the dot, whatever characters
// they contain: {"a.b": {"c[0]": 1}} gives the path "a.b.c[0]". Such a path can be ambiguous
// ({"a.b": 1} and {"a": {"b": 1}} both give "a.b"); a lookup then finds one of them (trying
// shorter keys first).
//
// Storage: no path strings are kept. The index is a compact tree (28 bytes per value, 4 more in
// its parent's child list, the decoded keys, and 4 bytes per line); a lookup walks it from the
// root, in time proportional to the path length times log(members per object).
//
// Lines end at "\n", "\r\n" (one break) or a lone "\r". Columns count bytes from 1, so a
// UTF-8 byte order mark counts as 3 columns of line 1.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace pfviz::json {

struct TextPos {
    std::uint64_t line{1};    // 1-based
    std::uint64_t column{1};  // 1-based, in bytes (UTF-8 code units)
    bool operator==(const TextPos&) const = default;
    auto operator<=>(const TextPos&) const = default;
};

class JsonPositions {
public:
    /// Something the parse noticed at a value or key: see firstDuplicateKey() and
    /// firstNumberOverflow().
    struct Finding {
        std::string path;  // path of the member / value, e.g. "machine.frames"
        TextPos pos;       // where it starts in the text
        std::string text;  // the key (decoded), the number as written (at most 40 bytes), or
                           // the syntax error message
    };

    /// Indexes `text`, and builds its document into `*root` if `root` is given (only when
    /// wellFormed(); otherwise `*root` is null). Tolerates invalid JSON (indexes what it can);
    /// never throws except std::bad_alloc, never recurses. Linear time and memory: the parse
    /// stops at the first syntax error, at a number too large for a double, or at the first
    /// array/object nested deeper than kMaxDepth. A text of 4 GiB or more is checked (and built)
    /// but not indexed.
    static JsonPositions index(std::string_view text, nlohmann::json* root = nullptr);

    /// Start of the value at `path` (the first character of the value).
    std::optional<TextPos> valueAt(const std::string& path) const;
    /// Start of the key (the opening quote) of the object member at `path`.
    std::optional<TextPos> keyAt(const std::string& path) const;

    /// True if the whole text is one JSON value, as nlohmann::json::parse accepts it (RFC 8259;
    /// UTF-8 is checked, an optional UTF-8 BOM is skipped), and it was parsed to the end.
    /// Stricter than nlohmann in one way: nlohmann takes a NUL byte outside a string for the end
    /// of the input and ignores what follows; here it is an error like any other byte.
    /// False after a syntax error, a number too large for a double or nesting beyond kMaxDepth.
    /// Duplicate keys do not make a text ill-formed (nlohmann keeps the last one).
    bool wellFormed() const { return m_wellFormed; }
    /// True if the text was too large to index (4 GiB or more): no positions are recorded.
    bool truncated() const { return m_truncated; }
    /// Where and why the parse stopped on invalid JSON, e.g. at 3:5 with text "syntax error:
    /// expected ',' or '}' after an object member, found '\"'" (path is always empty). The
    /// messages are listed in JsonReader.h (JsonDocument).
    const std::optional<Finding>& syntaxError() const { return m_syntaxError; }
    /// The first '[' or '{' nested deeper than kMaxDepth (the parse stops there).
    std::optional<TextPos> tooDeepAt() const { return m_tooDeep; }
    /// The first key repeated within one object (at its second occurrence), if any.
    const std::optional<Finding>& firstDuplicateKey() const { return m_duplicate; }
    /// The first number too large in magnitude for a double (nlohmann::json refuses those, so
    /// the parse stops there).
    const std::optional<Finding>& firstNumberOverflow() const { return m_numberOverflow; }

    /// Line and column of a byte offset in `text` (offset may equal text.size()).
    static TextPos positionOf(std::string_view text, std::size_t byteOffset);
    /// Appends a member / element to a path: member("steps[3]", "address") = "steps[3].address".
    static std::string member(const std::string& path, std::string_view key);
    static std::string element(const std::string& path, std::size_t index);

    static constexpr int kMaxDepth = 256;

private:
    class Builder;

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
    /// The nodes in chunks of 256 (7 KiB): growing never copies nodes or holds two buffers,
    /// so a parse's peak memory stays near what the nodes take (the document grows meanwhile).
    class NodeStore {
    public:
        std::size_t size() const { return m_size; }
        bool empty() const { return m_size == 0; }
        Node& operator[](std::size_t i) { return m_chunks[i >> kShift][i & kMask]; }
        const Node& operator[](std::size_t i) const { return m_chunks[i >> kShift][i & kMask]; }
        void push_back(const Node& node) {
            if ((m_size & kMask) == 0) m_chunks.emplace_back().reserve(kMask + 1);
            m_chunks.back().push_back(node);
            ++m_size;
        }

    private:
        static constexpr unsigned kShift = 8;
        static constexpr std::size_t kMask = (std::size_t{1} << kShift) - 1;
        std::vector<std::vector<Node>> m_chunks;
        std::size_t m_size{0};
    };

    std::optional<std::uint32_t> findNode(const std::string& path, bool member) const;
    std::optional<std::uint32_t> resolve(std::uint32_t node, const std::string& path,
                                         std::size_t consumed, bool member) const;
    std::optional<std::uint32_t> findMember(const Node& object, std::string_view key) const;
    bool memberLess(const Node& a, const Node& b) const;
    std::string_view keyOf(const Node& node) const;
    TextPos positionOfOffset(std::uint32_t offset) const;

    NodeStore m_nodes;
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
