#include "pfviz/json/JsonPositions.h"

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace pfviz::json {

namespace {

using nlohmann::json;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// How far nlohmann's lexer has read, shared by the iterators it was given.
struct ReadCursor {
    const char* next = nullptr;  // the next byte the lexer will take from the input
    bool atEnd = false;          // the lexer asked for a byte past the last one
};

/// A char iterator over the text that tells a ReadCursor how far nlohmann has read.
/// nlohmann's iterator_input_adapter takes each byte with `*it` and `++it` after checking
/// `it != last`. Copies share the cursor: only the adapter's current iterator is ever advanced.
class CountingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator(const char* at, ReadCursor* cursor) : m_at(at), m_cursor(cursor) {}

    reference operator*() const { return *m_at; }
    CountingIterator& operator++() {
        m_cursor->next = ++m_at;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator before = *this;
        ++*this;
        return before;
    }
    friend bool operator==(const CountingIterator& a, const CountingIterator& b) {
        if (a.m_at != b.m_at) return false;
        a.m_cursor->atEnd = true;  // only ever compared with the end iterator
        return true;
    }

private:
    const char* m_at;
    ReadCursor* m_cursor;
};

/// "found 'x'", "found byte 0x01" or "found end of input" for the byte at `offset`.
std::string foundText(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) return "found end of input";
    const char c = text[offset];
    if (c > ' ' && c < 0x7F) return std::string("found '") + c + '\'';
    static constexpr std::string_view kHex = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(c);
    return std::string("found byte 0x") + kHex[byte >> 4] + kHex[byte & 0xF];
}

/// nlohmann rejects a UTF-8 sequence at its first bad byte (`offset`); the sequence starts at
/// the lead byte before it if that lead announced a sequence reaching `offset`.
std::size_t utf8SequenceStart(std::string_view text, std::size_t offset) {
    for (std::size_t back = 1; back <= 3 && back <= offset; ++back) {
        const auto b = static_cast<unsigned char>(text[offset - back]);
        if (b >= 0x80 && b < 0xC0) continue;  // a continuation byte
        const std::size_t length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return length > back ? offset - back : offset;
    }
    return offset;
}

/// nlohmann's explanation without "[json.exception.parse_error.101] parse error at line 3,
/// column 5: " and without "; last read: '...'" (which echoes raw input: possibly long, possibly
/// invalid UTF-8). What remains is ASCII text written by nlohmann.
std::string cleanParseMessage(std::string_view what) {
    if (what.starts_with("[json.exception.")) {
        const auto bracket = what.find("] ");
        if (bracket != std::string_view::npos) what.remove_prefix(bracket + 2);
    }
    if (what.starts_with("parse error")) {
        const auto colon = what.find(": ");
        if (colon != std::string_view::npos) what.remove_prefix(colon + 2);
    }
    std::string message(what);
    const auto lastRead = message.find("; last read: '");
    if (lastRead != std::string::npos) {
        // The echo is followed by nothing or by "; expected <token name>", whose names never
        // contain "'; expected ".
        const auto expected = message.rfind("'; expected ");
        if (expected != std::string::npos && expected > lastRead) {
            message.erase(lastRead, expected + 1 - lastRead);
        } else {
            message.erase(lastRead);
        }
    }
    return message;
}

/// The parts of nlohmann's syntax error message (parse_error.101):
///   "... syntax error while parsing <context> - unexpected <token>[; expected <token>]"
///   "... syntax error while parsing <context> - <lexer error>; last read: '<echo>'[; expected
///   <token>]"
struct ParseMessage {
    std::string_view context;     // "value", "object key", "object separator", "array", "object"
    std::string_view lexerError;  // empty when the token was complete but unexpected
    bool expectsEnd = false;      // "; expected end of input": text after the root value
};

std::optional<ParseMessage> splitParseMessage(std::string_view what) {
    static constexpr std::string_view kIntro = "syntax error while parsing ";
    const auto intro = what.find(kIntro);
    if (intro == std::string_view::npos) return std::nullopt;
    std::string_view rest = what.substr(intro + kIntro.size());
    const auto dash = rest.find(" - ");
    if (dash == std::string_view::npos) return std::nullopt;
    ParseMessage message;
    message.context = rest.substr(0, dash);
    rest.remove_prefix(dash + 3);
    message.expectsEnd = rest.ends_with("; expected end of input");
    if (!rest.starts_with("unexpected ")) {
        message.lexerError = rest.substr(0, rest.find("; last read: '"));
    }
    return message;
}

}  // namespace

/// The SAX handler of nlohmann::json::sax_parse: records a node per value (and builds the
/// document when asked to), finds duplicate keys and too deep nesting, and turns nlohmann's
/// error into a position and a message.
///
/// Where a token starts: at each event the lexer has just read the event's token ('{', '[',
/// ']', '}', a key or a scalar), and had to read one byte more only after a number. Between the
/// end of the previous event's token and the start of this one there are only blanks and at
/// most one ',' or ':' (tokens without an event). So each start is found by skipping those
/// forward from the previous token's end, which also visits every line break exactly once
/// (tokens of valid JSON contain none).
class JsonPositions::Builder {
public:
    Builder(std::string_view text, JsonPositions& out, nlohmann::json* root)
        : m_text(text), m_out(out), m_root(root), m_indexing(text.size() < kNone) {
        m_out.m_truncated = !m_indexing;
        if (m_indexing) m_out.m_lineStarts.push_back(0);
    }

    void run() {
        if (m_text.starts_with("\xEF\xBB\xBF")) m_scanned = 3;  // nlohmann skips the BOM
        m_cursor.next = m_text.data();
        const CountingIterator first(m_text.data(), &m_cursor);
        const CountingIterator last(m_text.data() + m_text.size(), &m_cursor);
        if (json::sax_parse(first, last, this)) {
            // nlohmann stops at a NUL byte as if the text ended there; nothing may follow.
            const std::size_t after = skipGap(false);
            if (after < m_text.size()) {
                syntaxError(after, "expected end of input after the JSON value, " +
                                       foundText(m_text, after));
            } else {
                m_out.m_wellFormed = true;
            }
        }
        if (!m_out.m_wellFormed && m_root != nullptr) *m_root = nullptr;
        // Close what an error left open, so that everything parsed can be looked up and
        // duplicates in open objects are found.
        while (!m_stack.empty())
            closeContainer();
        finishFindings();
    }

    // --- nlohmann's SAX interface ---
    bool null() { return scalar(nullptr, false); }
    bool boolean(bool value) { return scalar(value, false); }
    bool number_integer(json::number_integer_t value) { return scalar(value, true); }
    bool number_unsigned(json::number_unsigned_t value) { return scalar(value, true); }
    bool number_float(json::number_float_t value, const json::string_t& /*text*/) {
        return scalar(value, true);
    }
    bool string(json::string_t& value) { return scalar(value, false); }
    bool binary(json::binary_t& /*value*/) { return false; }  // not in JSON text
    bool start_object(std::size_t /*elements*/) { return open(Kind::Object); }
    bool start_array(std::size_t /*elements*/) { return open(Kind::Array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(json::string_t& name) {
        const std::size_t start = skipGap(true);
        m_scanned = consumed();
        m_last = Event::Key;
        if (m_indexing) {
            m_keyOffset = static_cast<std::uint32_t>(start);
            m_keyBegin = static_cast<std::uint32_t>(m_out.m_keyText.size());
            m_keyLength = static_cast<std::uint32_t>(name.size());
            m_out.m_keyText += name;
        }
        if (m_root != nullptr) m_member = &(*m_refs.back())[name];
        return true;
    }

    bool parse_error(std::size_t byte, const std::string& /*lastToken*/,
                     const json::exception& error) {
        if (error.id == 406) {  // out_of_range.406: a number too large for a double
            numberOverflow();
        } else {
            describeSyntaxError(byte, error.what());
        }
        return false;
    }

private:
    enum class Event : std::uint8_t { None, Open, Key, Value };

    struct Frame {
        Kind kind;
        std::uint32_t node;        // the container's node (kNone when not indexing)
        std::size_t pendingBegin;  // its children so far are m_pending[pendingBegin...]
        std::uint32_t count;       // number of children so far
    };

    std::size_t consumed() const { return static_cast<std::size_t>(m_cursor.next - m_text.data()); }

    /// Skips blanks (and ',' and ':' if `separators`) from m_scanned, recording line breaks;
    /// returns the offset of the next byte, which becomes m_scanned.
    std::size_t skipGap(bool separators) {
        std::size_t i = m_scanned;
        for (; i < m_text.size(); ++i) {
            const char c = m_text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= m_text.size() || m_text[i + 1] != '\n'))) {
                newLineAt(i + 1);
            } else if (!(c == ' ' || c == '\t' || c == '\r' ||
                         (separators && (c == ',' || c == ':')))) {
                break;
            }
        }
        return m_scanned = i;
    }

    /// Records the line breaks before `offset` (beyond m_scanned), for an error's position.
    void recordLinesTo(std::size_t offset) {
        for (std::size_t i = m_scanned; i < offset && i < m_text.size(); ++i) {
            const char c = m_text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= m_text.size() || m_text[i + 1] != '\n'))) {
                newLineAt(i + 1);
            }
        }
        m_scanned = std::max(m_scanned, std::min(offset, m_text.size()));
    }

    void newLineAt(std::size_t lineStart) {
        if (m_indexing) m_out.m_lineStarts.push_back(static_cast<std::uint32_t>(lineStart));
    }

    TextPos positionAt(std::size_t offset) {
        if (!m_indexing) return positionOf(m_text, offset);
        recordLinesTo(offset);
        return m_out.positionOfOffset(static_cast<std::uint32_t>(offset));
    }

    template <typename Value>
    bool scalar(Value&& value, bool number) {
        const std::size_t start = skipGap(true);
        // After a number the lexer has read the byte that ended it, unless the text ended.
        m_scanned = number && !m_cursor.atEnd ? consumed() - 1 : consumed();
        m_last = Event::Value;
        addNode(Kind::Scalar, start);
        if (m_root != nullptr) place(std::forward<Value>(value));
        return true;
    }

    bool open(Kind kind) {
        const std::size_t start = skipGap(true);
        m_scanned = start + 1;
        m_last = Event::Open;
        if (m_stack.size() >= static_cast<std::size_t>(kMaxDepth)) {
            m_tooDeepOffset = start;
            return false;  // stops the parse
        }
        addNode(kind, start);
        const std::uint32_t node =
            m_indexing ? static_cast<std::uint32_t>(m_out.m_nodes.size() - 1) : kNone;
        m_stack.push_back({kind, node, m_pending.size(), 0});
        if (m_root != nullptr) {
            m_refs.push_back(
                place(kind == Kind::Object ? json::value_t::object : json::value_t::array));
        }
        return true;
    }

    bool close() {
        m_scanned = skipGap(false) + 1;
        m_last = Event::Value;
        closeContainer();
        if (m_root != nullptr) m_refs.pop_back();
        return true;
    }

    /// Puts a value where nlohmann's own DOM parser would: the root, the next array element or
    /// the member whose key came last (a repeated key keeps the last value, as in nlohmann).
    template <typename Value>
    nlohmann::json* place(Value&& value) {
        if (m_refs.empty()) {
            *m_root = nlohmann::json(std::forward<Value>(value));
            return m_root;
        }
        nlohmann::json& parent = *m_refs.back();
        if (parent.is_array()) return &parent.emplace_back(std::forward<Value>(value));
        *m_member = nlohmann::json(std::forward<Value>(value));
        return m_member;
    }

    /// Adds the node of the value starting at `offset` as the next child of the innermost
    /// container (with the key just read, for an object member).
    void addNode(Kind kind, std::size_t offset) {
        if (!m_indexing) return;
        const auto index = static_cast<std::uint32_t>(m_out.m_nodes.size());
        m_out.m_nodes.push_back(Node{static_cast<std::uint32_t>(offset), m_keyOffset, m_keyBegin,
                                     m_keyLength, 0, 0, kind});
        m_keyOffset = kNone;
        m_keyBegin = m_keyLength = 0;
        if (!m_stack.empty()) {
            m_pending.push_back(index);
            ++m_stack.back().count;
        }
    }

    /// Display path of the value that is current at `depth`: depth 0 is the root, depth
    /// m_stack.size() is the value just added to the innermost container.
    std::string pathAt(std::size_t depth) const {
        std::string path;
        if (!m_indexing) return path;
        for (std::size_t i = 0; i < depth; ++i) {
            const Frame& frame = m_stack[i];
            if (frame.kind == Kind::Array) {
                path = element(path, frame.count - 1);
            } else {
                const std::uint32_t child =
                    i + 1 < m_stack.size() ? m_stack[i + 1].node : m_pending.back();
                path = member(path, m_out.keyOf(m_out.m_nodes[child]));
            }
        }
        return path;
    }

    /// Moves the children of the innermost container from m_pending to m_children. Members are
    /// sorted for lookups, which also puts duplicate keys side by side.
    void closeContainer() {
        const Frame& frame = m_stack.back();
        if (m_indexing) {
            const auto begin = m_pending.begin() + static_cast<std::ptrdiff_t>(frame.pendingBegin);
            if (frame.kind == Kind::Object) {
                std::sort(begin, m_pending.end(), [this](std::uint32_t a, std::uint32_t b) {
                    return m_out.memberLess(m_out.m_nodes[a], m_out.m_nodes[b]);
                });
                findDuplicate(begin);
            }
            Node& node = m_out.m_nodes[frame.node];
            node.childBegin = static_cast<std::uint32_t>(m_out.m_children.size());
            node.childCount = static_cast<std::uint32_t>(m_pending.end() - begin);
            m_out.m_children.insert(m_out.m_children.end(), begin, m_pending.end());
            m_pending.resize(frame.pendingBegin);
        }
        m_stack.pop_back();
    }

    /// Keeps the duplicate whose second occurrence comes first in the text. Equal keys are
    /// adjacent and in text order, so each adjacent equal pair gives a candidate.
    void findDuplicate(std::vector<std::uint32_t>::iterator begin) {
        std::uint32_t best = kNone;
        for (auto it = begin; it != m_pending.end() && it + 1 != m_pending.end(); ++it) {
            const Node& first = m_out.m_nodes[*it];
            const Node& second = m_out.m_nodes[*(it + 1)];
            if (m_out.keyOf(first) == m_out.keyOf(second) &&
                (best == kNone || second.keyOffset < m_out.m_nodes[best].keyOffset)) {
                best = *(it + 1);
            }
        }
        if (best == kNone) return;
        const Node& second = m_out.m_nodes[best];
        if (m_duplicateOffset != kNone && m_duplicateOffset < second.keyOffset) return;
        m_duplicateOffset = second.keyOffset;
        m_duplicateKey = std::string(m_out.keyOf(second));
        m_duplicatePath = member(pathAt(m_stack.size() - 1), m_duplicateKey);
    }

    /// nlohmann refused a number (out_of_range.406) just read: it is the next value, and the
    /// lexer has read one byte past it unless the text ended.
    void numberOverflow() {
        const std::size_t start = skipGap(true);
        const std::size_t end = m_cursor.atEnd ? consumed() : consumed() - 1;
        addNode(Kind::Scalar, start);
        m_overflow =
            Pending{start, pathAt(m_stack.size()),
                    std::string(m_text.substr(start, std::min<std::size_t>(end - start, 40)))};
    }

    void syntaxError(std::size_t offset, std::string message) {
        m_syntax = Pending{offset, "", "syntax error: " + std::move(message)};
    }

    /// Where the token that nlohmann refused starts: after blanks and, where the parser has
    /// consumed one since the last event, a ',' (between members or elements) or ':' (after a
    /// key).
    std::size_t refusedTokenStart(const ParseMessage& message) {
        const bool inValue = message.context == "value" && !message.expectsEnd;
        const bool separator = (inValue && (m_last == Event::Key || m_last == Event::Value)) ||
                               (message.context == "object key" && m_last == Event::Value);
        std::size_t start = skipGap(false);
        if (separator && start < m_text.size() && (m_text[start] == ',' || m_text[start] == ':')) {
            m_scanned = start + 1;
            start = skipGap(false);
        }
        return start;
    }

    /// Turns nlohmann's syntax error (at 1-based `byte`, the last byte its lexer read) into a
    /// position and one of the messages documented in JsonReader.h.
    void describeSyntaxError(std::size_t byte, std::string_view what) {
        const std::size_t last = std::min(byte > 0 ? byte - 1 : 0, m_text.size());
        const auto message = splitParseMessage(what);
        if (!message) {
            m_syntax = Pending{last, "", cleanParseMessage(what)};
            return;
        }
        const std::size_t token = refusedTokenStart(*message);
        const std::string_view context = message->context;
        const std::string found = foundText(m_text, token);
        // A lexer error in a value, or in a key string, is reported for itself; any other
        // refused token by what was expected instead of it.
        const bool badString = context == "object key" && !message->lexerError.empty() &&
                               token < m_text.size() && m_text[token] == '"';
        if (context == "value" && message->expectsEnd) {
            syntaxError(token, "expected end of input after the JSON value, " + found);
        } else if (badString || (context == "value" && !message->lexerError.empty())) {
            // A value that starts well but is refused later is still a value of its container
            // (it can complete a duplicate key, which is reported first when it comes first).
            if (!badString && token < m_text.size() &&
                std::string_view("\"-0123456789tfn").find(m_text[token]) !=
                    std::string_view::npos) {
                addNode(Kind::Scalar, token);
            }
            describeLexerError(message->lexerError, token, last, what);
        } else if (context == "value") {
            syntaxError(token, "expected a value, " + found);
        } else if (context == "object key") {
            syntaxError(token, "expected a string key, " + found);
        } else if (context == "object separator") {
            syntaxError(token, "expected ':' after the key, " + found);
        } else if (context == "array") {
            syntaxError(token, "expected ',' or ']' after an array element, " + found);
        } else if (context == "object") {
            syntaxError(token, "expected ',' or '}' after an object member, " + found);
        } else {
            m_syntax = Pending{last, "", cleanParseMessage(what)};
        }
    }

    /// nlohmann's lexer refused the token starting at `token`; it stopped at `last`.
    void describeLexerError(std::string_view error, std::size_t token, std::size_t last,
                            std::string_view what) {
        const auto is = [&](std::string_view prefix) { return error.starts_with(prefix); };
        if (is("invalid literal")) {
            const char c = token < m_text.size() ? m_text[token] : '\0';
            if (c == 't' || c == 'f' || c == 'n') {
                syntaxError(last, "invalid literal: expected true, false or null");
            } else {
                syntaxError(token, "expected a value, " + foundText(m_text, token));
            }
        } else if (is("invalid string: control character")) {
            syntaxError(last, "control character in a string (write it as an escape such as \\n)");
        } else if (is("invalid string: ill-formed UTF-8 byte")) {
            syntaxError(utf8SequenceStart(m_text, last), "invalid UTF-8 in a string");
        } else if (is("invalid string: missing closing quote") ||
                   (is("invalid string: forbidden character after backslash") &&
                    last >= m_text.size())) {
            syntaxError(last, "unterminated string (missing closing quote)");
        } else if (is("invalid string: forbidden character after backslash")) {
            syntaxError(last,
                        "invalid escape in a string (expected one of \\\" \\\\ \\/ \\b \\f \\n "
                        "\\r \\t \\uXXXX)");
        } else if (is("invalid string: '\\u' must be followed by 4 hex digits")) {
            syntaxError(last, "expected 4 hex digits after \\u, " + foundText(m_text, last));
        } else if (is("invalid string: surrogate U+DC00..U+DFFF must follow")) {
            // nlohmann stopped on the last hex digit of the escape.
            const std::size_t escape = last >= 5 ? last - 5 : 0;
            syntaxError(escape, "unpaired surrogate " + std::string(m_text.substr(escape, 6)));
        } else if (is("invalid string: surrogate U+D800..U+DBFF must be followed by")) {
            // At the end of the high surrogate's escape: nlohmann stopped on the byte there if
            // it is not '\', on the byte after a '\' that is not 'u', or on the last hex digit
            // of a \uXXXX that is not a low surrogate.
            std::size_t at = last;
            if (last >= 5 && m_text.substr(last - 5, 2) == "\\u" &&
                std::all_of(m_text.begin() + static_cast<std::ptrdiff_t>(last - 3),
                            m_text.begin() + static_cast<std::ptrdiff_t>(last + 1), isHexDigit)) {
                at = last - 5;
            } else if (last >= 1 && m_text[last - 1] == '\\') {
                at = last - 1;
            }
            syntaxError(at, "a surrogate \\uD800-\\uDBFF must be followed by \\uDC00-\\uDFFF");
        } else if (is("invalid number; expected digit after '-'")) {
            syntaxError(last, "expected a digit after '-', " + foundText(m_text, last));
        } else if (is("invalid number; expected digit after '.'")) {
            syntaxError(last,
                        "expected a digit after the decimal point, " + foundText(m_text, last));
        } else if (is("invalid number; expected '+', '-', or digit after exponent") ||
                   is("invalid number; expected digit after exponent sign")) {
            syntaxError(last, "expected a digit in the exponent, " + foundText(m_text, last));
        } else if (is("invalid BOM")) {
            syntaxError(0, "incomplete UTF-8 byte order mark");
        } else {
            m_syntax = Pending{last, "", cleanParseMessage(what)};
        }
    }

    void finishFindings() {
        if (m_duplicateOffset != kNone) {
            m_out.m_duplicate = Finding{std::move(m_duplicatePath), positionAt(m_duplicateOffset),
                                        std::move(m_duplicateKey)};
        }
        if (m_overflow) {
            m_out.m_numberOverflow =
                Finding{std::move(m_overflow->path), positionAt(m_overflow->offset),
                        std::move(m_overflow->text)};
        }
        if (m_syntax) {
            m_out.m_syntaxError = Finding{"", positionAt(m_syntax->offset), m_syntax->text};
        }
        if (m_tooDeepOffset != kNoOffset) m_out.m_tooDeep = positionAt(m_tooDeepOffset);
    }

    /// A finding before its position is known.
    struct Pending {
        std::size_t offset;
        std::string path;
        std::string text;
    };
    static constexpr std::size_t kNoOffset = SIZE_MAX;

    std::string_view m_text;
    JsonPositions& m_out;
    nlohmann::json* m_root;  // where to build the document, or nullptr
    bool m_indexing;         // false for texts too large for 32-bit offsets: check only
    ReadCursor m_cursor;
    std::size_t m_scanned{0};  // end of the last token accounted for; lines before it recorded
    Event m_last{Event::None};
    std::vector<Frame> m_stack;
    std::vector<std::uint32_t> m_pending;  // children of the open containers, innermost last
    std::uint32_t m_keyOffset{kNone};      // the key read for the next member's node
    std::uint32_t m_keyBegin{0};
    std::uint32_t m_keyLength{0};
    std::vector<nlohmann::json*> m_refs;  // the open containers of the document being built
    nlohmann::json* m_member{nullptr};    // the member whose key came last
    std::uint32_t m_duplicateOffset{kNone};
    std::string m_duplicateKey;
    std::string m_duplicatePath;
    std::optional<Pending> m_overflow;
    std::optional<Pending> m_syntax;
    std::size_t m_tooDeepOffset{kNoOffset};
};

JsonPositions JsonPositions::index(std::string_view text, nlohmann::json* root) {
    JsonPositions positions;
    Builder(text, positions, root).run();
    return positions;
}

std::optional<TextPos> JsonPositions::valueAt(const std::string& path) const {
    const auto node = findNode(path, false);
    if (!node) return std::nullopt;
    return positionOfOffset(m_nodes[*node].offset);
}

std::optional<TextPos> JsonPositions::keyAt(const std::string& path) const {
    const auto node = findNode(path, true);
    if (!node) return std::nullopt;
    return positionOfOffset(m_nodes[*node].keyOffset);
}

std::optional<std::uint32_t> JsonPositions::findNode(const std::string& path, bool member) const {
    if (m_nodes.empty()) return std::nullopt;
    return resolve(0, path, 0, member);
}

/// The node at `path` below `node`, whose own path is path[0, consumed); with `member`, only an
/// object member (a node with a key) will do. Tries every way to split the rest into keys (a key
/// may contain '.' or '['); each node is tried at most once, since its path has one length.
std::optional<std::uint32_t> JsonPositions::resolve(std::uint32_t node, const std::string& path,
                                                    std::size_t consumed, bool member) const {
    const Node& current = m_nodes[node];
    if (consumed == path.size()) {
        if (!member || current.keyOffset != kNone) return node;
        // The root and its member "" share the path "": go on to the member.
        if (consumed > 0 || current.kind != Kind::Object) return std::nullopt;
    }
    if (current.kind == Kind::Array) {
        // "[index]", index written as std::to_string writes it
        std::size_t end = consumed + 1;
        std::uint64_t index = 0;
        while (end < path.size() && isDigit(path[end]) && index < current.childCount) {
            index = index * 10 + static_cast<std::uint64_t>(path[end++] - '0');
        }
        const std::size_t digits = end - consumed - 1;
        if (path[consumed] != '[' || digits == 0 || end >= path.size() || path[end] != ']' ||
            (digits > 1 && path[consumed + 1] == '0') || index >= current.childCount) {
            return std::nullopt;
        }
        return resolve(m_children[current.childBegin + index], path, end + 1, member);
    }
    if (current.kind == Kind::Object) {
        std::size_t start = consumed;
        if (consumed > 0) {
            if (path[consumed] != '.') return std::nullopt;
            ++start;
        }
        for (std::size_t end = start; end <= path.size(); ++end) {
            // A key ends where the path ends or a '.' or '[' follows; an empty key can also be
            // followed directly by a member of its own ({"": {"e": 1}} gives "e").
            if (end > start && end < path.size() && path[end] != '.' && path[end] != '[') continue;
            const auto child =
                findMember(current, std::string_view(path).substr(start, end - start));
            if (!child) continue;
            if (const auto found = resolve(*child, path, end, member)) return found;
        }
    }
    return std::nullopt;
}

/// Binary search among the members, sorted by (key length, key, offset): the first occurrence.
std::optional<std::uint32_t> JsonPositions::findMember(const Node& object,
                                                       std::string_view key) const {
    const auto begin = m_children.begin() + object.childBegin;
    const auto end = begin + object.childCount;
    const auto it =
        std::lower_bound(begin, end, key, [this](std::uint32_t child, std::string_view k) {
            const Node& node = m_nodes[child];
            if (node.keyLength != k.size()) return node.keyLength < k.size();
            return keyOf(node) < k;
        });
    if (it == end || keyOf(m_nodes[*it]) != key) return std::nullopt;
    return *it;
}

bool JsonPositions::memberLess(const Node& a, const Node& b) const {
    if (a.keyLength != b.keyLength) return a.keyLength < b.keyLength;
    const int order = keyOf(a).compare(keyOf(b));
    if (order != 0) return order < 0;
    return a.keyOffset < b.keyOffset;
}

std::string_view JsonPositions::keyOf(const Node& node) const {
    return std::string_view(m_keyText).substr(node.keyBegin, node.keyLength);
}

TextPos JsonPositions::positionOfOffset(std::uint32_t offset) const {
    // The last line that starts at or before the offset.
    const auto after = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const auto line = static_cast<std::uint64_t>(after - m_lineStarts.begin());
    return {line, offset - *(after - 1) + std::uint64_t{1}};
}

TextPos JsonPositions::positionOf(std::string_view text, std::size_t byteOffset) {
    const std::size_t end = std::min(byteOffset, text.size());
    TextPos pos;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < end; ++i) {
        const char c = text[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
            ++pos.line;
            lineStart = i + 1;
        }
    }
    pos.column = end - lineStart + 1;
    return pos;
}

std::string JsonPositions::member(const std::string& path, std::string_view key) {
    std::string result;
    result.reserve(path.size() + 1 + key.size());
    result = path;
    if (!result.empty()) result += '.';
    result += key;
    return result;
}

std::string JsonPositions::element(const std::string& path, std::size_t index) {
    return path + '[' + std::to_string(index) + ']';
}

}  // namespace pfviz::json
