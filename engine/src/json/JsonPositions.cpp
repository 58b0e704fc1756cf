#include "pfviz/json/JsonPositions.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <system_error>
#include <unordered_set>
#include <vector>

namespace pfviz::json {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

/// Length of the well-formed UTF-8 sequence (RFC 3629, as nlohmann checks it) starting at
/// `pos`, whose first byte is >= 0x80; 0 if it is ill-formed.
std::size_t utf8SequenceLength(std::string_view text, std::size_t pos) {
    const auto byte = [&](std::size_t i) -> unsigned {
        return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i]) : 0u;
    };
    const auto inRange = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
    const unsigned b0 = byte(0);
    if (inRange(b0, 0xC2, 0xDF)) return inRange(byte(1), 0x80, 0xBF) ? 2 : 0;
    unsigned lo = 0x80;
    unsigned hi = 0xBF;
    std::size_t length = 0;
    if (b0 == 0xE0) {
        lo = 0xA0, length = 3;
    } else if (inRange(b0, 0xE1, 0xEC) || b0 == 0xEE || b0 == 0xEF) {
        length = 3;
    } else if (b0 == 0xED) {
        hi = 0x9F, length = 3;
    } else if (b0 == 0xF0) {
        lo = 0x90, length = 4;
    } else if (inRange(b0, 0xF1, 0xF3)) {
        length = 4;
    } else if (b0 == 0xF4) {
        hi = 0x8F, length = 4;
    } else {
        return 0;
    }
    if (!inRange(byte(1), lo, hi)) return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if (!inRange(byte(i), 0x80, 0xBF)) return 0;
    }
    return length;
}

}  // namespace

/// The single pass over the text. Iterative: an explicit stack of open arrays/objects replaces
/// recursion, so the depth limit only bounds memory, not the C++ stack.
class JsonPositions::Scanner {
public:
    Scanner(std::string_view text, JsonPositions& out)
        : m_text(text), m_out(out), m_indexing(text.size() < kNone) {
        m_out.m_truncated = !m_indexing;
        if (m_indexing) m_out.m_lineStarts.push_back(0);
    }

    void run() {
        scan();
        // Close what a syntax error left open, so that everything scanned can be looked up.
        while (!m_stack.empty())
            closeContainer();
        if (m_duplicateOffset != kNone) {
            m_out.m_duplicate =
                Finding{std::move(m_duplicatePath), m_out.positionOfOffset(m_duplicateOffset),
                        std::move(m_duplicateKey)};
        }
    }

private:
    struct Frame {
        Kind kind;
        std::uint32_t node;        // the container's node (kNone when not indexing)
        std::size_t pendingBegin;  // its children so far are m_pending[pendingBegin...]
        std::uint32_t count;       // number of children so far
    };

    void scan() {
        if (!m_text.empty() && m_text[0] == '\xEF') {
            if (m_text.substr(0, 3) != "\xEF\xBB\xBF") {
                fail("incomplete UTF-8 byte order mark");
                return;
            }
            m_pos = 3;
        }
        skipWhitespace();
        if (!scanDocument()) return;
        skipWhitespace();
        if (!atEnd()) {
            expected("end of input after the JSON value");
            return;
        }
        m_out.m_wellFormed = true;
    }

    /// Records a syntax error at m_pos; returns false for `return fail(...)`.
    bool fail(std::string message) {
        m_out.m_syntaxError = Finding{"", here(), "syntax error: " + std::move(message)};
        return false;
    }

    /// fail("expected <what>, found <what is at m_pos>").
    bool expected(std::string_view what) {
        std::string message = "expected " + std::string(what) + ", found ";
        if (atEnd()) {
            message += "end of input";
        } else if (const char c = peek(); c > ' ' && c < 0x7F) {
            message += '\'';
            message += c;
            message += '\'';
        } else {
            static constexpr std::string_view kHex = "0123456789ABCDEF";
            const auto byte = static_cast<unsigned char>(c);
            message += "byte 0x";
            message += kHex[byte >> 4];
            message += kHex[byte & 0xF];
        }
        return fail(std::move(message));
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }
    TextPos here() const { return {m_line, m_pos - m_lineStart + 1}; }

    void skipWhitespace() {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t') {
                ++m_pos;
            } else if (c == '\n') {
                newLineAfter(m_pos++);
            } else if (c == '\r') {
                if (m_pos + 1 >= m_text.size() || m_text[m_pos + 1] != '\n') newLineAfter(m_pos);
                ++m_pos;
            } else {
                break;
            }
        }
    }

    void newLineAfter(std::size_t breakPos) {
        ++m_line;
        m_lineStart = breakPos + 1;
        if (m_indexing) m_out.m_lineStarts.push_back(static_cast<std::uint32_t>(m_lineStart));
    }

    /// Adds the node of the value starting at m_pos as the next child of the innermost container
    /// (with the key just scanned, for an object member).
    void addNode(Kind kind) {
        if (!m_indexing) return;
        const auto index = static_cast<std::uint32_t>(m_out.m_nodes.size());
        m_out.m_nodes.push_back(Node{static_cast<std::uint32_t>(m_pos), m_keyOffset, m_keyBegin,
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

    /// Scans the value at m_pos (whitespace already skipped) and everything inside it.
    bool scanDocument() {
        for (;;) {
            if (!scanValueStart()) return false;
            if (!m_enteredContainer && !finishValues()) return false;
            if (m_stack.empty()) return true;
        }
    }

    /// Scans a scalar completely, or opens a container and positions m_pos on its first
    /// member/element value (m_enteredContainer = true). An empty container is scanned
    /// completely.
    bool scanValueStart() {
        m_enteredContainer = false;
        if (atEnd()) return expected("a value");
        const char c = peek();
        switch (c) {
            case '{':
                return openContainer(Kind::Object);
            case '[':
                return openContainer(Kind::Array);
            case '"':
                addNode(Kind::Scalar);
                return scanString(nullptr);
            case 't':
                addNode(Kind::Scalar);
                return scanLiteral("true");
            case 'f':
                addNode(Kind::Scalar);
                return scanLiteral("false");
            case 'n':
                addNode(Kind::Scalar);
                return scanLiteral("null");
            default:
                if (c != '-' && !isDigit(c)) return expected("a value");
                addNode(Kind::Scalar);
                return scanNumber();
        }
    }

    bool openContainer(Kind kind) {
        if (m_stack.size() >= static_cast<std::size_t>(kMaxDepth)) {
            m_out.m_tooDeep = here();
            return false;
        }
        addNode(kind);
        const std::uint32_t node =
            m_indexing ? static_cast<std::uint32_t>(m_out.m_nodes.size() - 1) : kNone;
        m_stack.push_back({kind, node, m_pending.size(), 0});
        ++m_pos;
        skipWhitespace();
        if (!atEnd() && peek() == (kind == Kind::Object ? '}' : ']')) {
            ++m_pos;
            closeContainer();
            return true;  // an empty container is a complete value
        }
        m_enteredContainer = true;
        return kind == Kind::Object ? beginMember() : true;
    }

    /// After a complete value: closes containers and moves to the next member/element. Returns
    /// with m_pos on the next value to scan, or with an empty stack when the root is complete.
    bool finishValues() {
        while (!m_stack.empty()) {
            skipWhitespace();
            const bool object = m_stack.back().kind == Kind::Object;
            const char c = atEnd() ? '\0' : peek();
            if (c == ',') {
                ++m_pos;
                skipWhitespace();
                return object ? beginMember() : true;
            }
            if (atEnd() || c != (object ? '}' : ']')) {
                return expected(object ? "',' or '}' after an object member"
                                       : "',' or ']' after an array element");
            }
            ++m_pos;
            closeContainer();
        }
        return true;
    }

    /// Scans a key and its colon; the key goes to the member's node (see addNode).
    bool beginMember() {
        if (atEnd() || peek() != '"') return expected("a string key");
        const auto keyOffset = static_cast<std::uint32_t>(m_pos);
        const std::size_t keyBegin = m_out.m_keyText.size();
        if (!scanString(m_indexing ? &m_out.m_keyText : nullptr)) return false;
        skipWhitespace();
        if (atEnd() || peek() != ':') return expected("':' after the key");
        ++m_pos;
        skipWhitespace();
        m_keyOffset = keyOffset;
        m_keyBegin = static_cast<std::uint32_t>(keyBegin);
        m_keyLength = static_cast<std::uint32_t>(m_out.m_keyText.size() - keyBegin);
        return true;
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

    bool scanLiteral(std::string_view word) {
        for (const char c : word) {
            if (atEnd() || peek() != c)
                return fail("invalid literal: expected true, false or null");
            ++m_pos;
        }
        return true;
    }

    /// m_pos is on the opening quote; on success it is after the closing quote. Checks escapes,
    /// surrogate pairs and UTF-8; appends the decoded string to `decoded` if given.
    bool scanString(std::string* decoded) {
        ++m_pos;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            const auto u = static_cast<unsigned char>(c);
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c == '\\') {
                if (!scanEscape(decoded)) return false;
            } else if (u < 0x20) {
                return fail("control character in a string (write it as an escape such as \\n)");
            } else if (u < 0x80) {
                if (decoded) decoded->push_back(c);
                ++m_pos;
            } else {
                const std::size_t length = utf8SequenceLength(m_text, m_pos);
                if (length == 0) return fail("invalid UTF-8 in a string");
                if (decoded) decoded->append(m_text.substr(m_pos, length));
                m_pos += length;
            }
        }
        return fail("unterminated string (missing closing quote)");
    }

    bool scanEscape(std::string* decoded) {
        ++m_pos;  // the backslash
        if (atEnd()) return fail("unterminated string (missing closing quote)");
        const char c = m_text[m_pos++];
        char simple = 0;
        switch (c) {
            case '"':
            case '\\':
            case '/':
                simple = c;
                break;
            case 'b':
                simple = '\b';
                break;
            case 'f':
                simple = '\f';
                break;
            case 'n':
                simple = '\n';
                break;
            case 'r':
                simple = '\r';
                break;
            case 't':
                simple = '\t';
                break;
            case 'u': {
                std::uint32_t cp = 0;
                if (!scanHex4(cp)) return false;
                if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    m_pos -= 6;
                    return fail("unpaired surrogate \\u" +
                                std::string(m_text.substr(m_pos + 2, 4)));
                }
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    const char* const kNeedLow =
                        "a surrogate \\uD800-\\uDBFF must be followed by \\uDC00-\\uDFFF";
                    std::uint32_t low = 0;
                    if (m_text.substr(m_pos, 2) != "\\u") return fail(kNeedLow);
                    m_pos += 2;
                    if (!scanHex4(low)) return false;
                    if (low < 0xDC00 || low > 0xDFFF) {
                        m_pos -= 6;
                        return fail(kNeedLow);
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                if (decoded) appendUtf8(*decoded, cp);
                return true;
            }
            default:
                --m_pos;
                return fail(
                    "invalid escape in a string (expected one of \\\" \\\\ \\/ \\b \\f "
                    "\\n \\r \\t \\uXXXX)");
        }
        if (decoded) decoded->push_back(simple);
        return true;
    }

    bool scanHex4(std::uint32_t& value) {
        value = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = atEnd() ? -1 : hexValue(peek());
            if (digit < 0) return expected("4 hex digits after \\u");
            value = value * 16 + static_cast<std::uint32_t>(digit);
            ++m_pos;
        }
        return true;
    }

    /// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    bool scanNumber() {
        const std::size_t start = m_pos;
        const TextPos startPos = here();
        if (peek() == '-') ++m_pos;
        if (atEnd() || !isDigit(peek())) return expected("a digit after '-'");
        const std::size_t intStart = m_pos;
        if (peek() == '0') {
            ++m_pos;
        } else {
            skipDigits();
        }
        const std::size_t intDigits = m_pos - intStart;
        bool hasExponent = false;
        if (!atEnd() && peek() == '.') {
            ++m_pos;
            if (atEnd() || !isDigit(peek())) return expected("a digit after the decimal point");
            skipDigits();
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            hasExponent = true;
            ++m_pos;
            if (!atEnd() && (peek() == '+' || peek() == '-')) ++m_pos;
            if (atEnd() || !isDigit(peek())) return expected("a digit in the exponent");
            skipDigits();
        }
        // Only an exponent or more than 308 integer digits can exceed the range of a double.
        const std::string_view number = m_text.substr(start, m_pos - start);
        if ((hasExponent || intDigits > 308) && !m_out.m_numberOverflow &&
            overflowsDouble(number)) {
            m_out.m_numberOverflow =
                Finding{pathAt(m_stack.size()), startPos, std::string(number.substr(0, 40))};
        }
        return true;
    }

    void skipDigits() {
        while (!atEnd() && isDigit(peek()))
            ++m_pos;
    }

    /// True if the (grammatically valid) number is too large in magnitude for a double. Numbers
    /// too small for a double round to zero, as in nlohmann.
    static bool overflowsDouble(std::string_view number) {
        double value = 0;
        const auto result = std::from_chars(number.data(), number.data() + number.size(), value);
        if (result.ec != std::errc::result_out_of_range) return false;
        // Out of range: overflow or underflow. Decide by the decimal exponent of the first
        // significant digit (saturating; the exponent text can be arbitrarily long).
        std::size_t i = number[0] == '-' ? 1 : 0;
        std::int64_t magnitude = 0;  // the value is 0.d... * 10^magnitude (before the exponent)
        bool seenSignificant = false;
        bool afterPoint = false;
        for (; i < number.size() && number[i] != 'e' && number[i] != 'E'; ++i) {
            if (number[i] == '.') {
                afterPoint = true;
                continue;
            }
            if (!seenSignificant) {
                if (number[i] != '0') {
                    seenSignificant = true;
                } else if (afterPoint) {
                    --magnitude;
                }
            }
            if (seenSignificant && !afterPoint) ++magnitude;
        }
        if (!seenSignificant) return false;  // zero with a huge exponent is zero
        std::int64_t exponent = 0;
        bool negative = false;
        if (i < number.size()) {
            ++i;
            if (number[i] == '+' || number[i] == '-') negative = number[i++] == '-';
            constexpr std::int64_t kCap = std::int64_t{1} << 40;
            for (; i < number.size(); ++i) {
                if (exponent < kCap) exponent = exponent * 10 + (number[i] - '0');
            }
        }
        return magnitude + (negative ? -exponent : exponent) > 0;
    }

    std::string_view m_text;
    JsonPositions& m_out;
    bool m_indexing;  // false for texts too large for 32-bit offsets: check only
    std::size_t m_pos{0};
    std::uint64_t m_line{1};
    std::size_t m_lineStart{0};
    std::vector<Frame> m_stack;
    std::vector<std::uint32_t> m_pending;  // children of the open containers, innermost last
    std::uint32_t m_keyOffset{kNone};      // the key scanned for the next member's node
    std::uint32_t m_keyBegin{0};
    std::uint32_t m_keyLength{0};
    bool m_enteredContainer{false};
    std::uint32_t m_duplicateOffset{kNone};
    std::string m_duplicateKey;
    std::string m_duplicatePath;
};

JsonPositions JsonPositions::index(std::string_view text) {
    JsonPositions positions;
    Scanner(text, positions).run();
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
