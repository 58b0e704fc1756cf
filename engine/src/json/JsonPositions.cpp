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
        : m_text(text), m_out(out), m_pathBudget(32 * text.size() + (1u << 20)) {}

    void run() {
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

private:
    enum class Kind : std::uint8_t { Object, Array };
    struct Frame {
        Kind kind;
        std::size_t pathLength;  // length of the container's own path
        std::size_t index;       // current element index (arrays)
    };

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
    }

    void record(std::unordered_map<std::string, TextPos>& map, TextPos pos) {
        if (m_out.m_truncated) return;
        m_pathBytes += m_path.size();
        if (m_pathBytes > m_pathBudget) {
            m_out.m_truncated = true;
            return;
        }
        map.try_emplace(m_path, pos);
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
        record(m_out.m_values, here());
        const char c = peek();
        switch (c) {
            case '{':
            case '[':
                return openContainer(c == '{' ? Kind::Object : Kind::Array);
            case '"':
                return scanString(nullptr);
            case 't':
                return scanLiteral("true");
            case 'f':
                return scanLiteral("false");
            case 'n':
                return scanLiteral("null");
            default:
                if (c == '-' || isDigit(c)) return scanNumber();
                return expected("a value");
        }
    }

    bool openContainer(Kind kind) {
        if (m_stack.size() >= static_cast<std::size_t>(kMaxDepth)) {
            m_out.m_tooDeep = here();
            return false;
        }
        ++m_pos;
        m_stack.push_back({kind, m_path.size(), 0});
        if (kind == Kind::Object) resetKeySet();
        skipWhitespace();
        if (!atEnd() && peek() == (kind == Kind::Object ? '}' : ']')) {
            ++m_pos;
            m_stack.pop_back();
            return true;  // an empty container is a complete value
        }
        m_enteredContainer = true;
        return kind == Kind::Object ? beginMember() : beginElement();
    }

    /// After a complete value: closes containers and moves to the next member/element. Returns
    /// with m_pos on the next value to scan, or with an empty stack when the root is complete.
    bool finishValues() {
        while (!m_stack.empty()) {
            skipWhitespace();
            Frame& frame = m_stack.back();
            const bool object = frame.kind == Kind::Object;
            const char c = atEnd() ? '\0' : peek();
            if (c == ',') {
                ++m_pos;
                skipWhitespace();
                if (frame.kind == Kind::Array) {
                    ++frame.index;
                    return beginElement();
                }
                return beginMember();
            }
            if (atEnd() || c != (object ? '}' : ']')) {
                return expected(object ? "',' or '}' after an object member"
                                       : "',' or ']' after an array element");
            }
            ++m_pos;
            m_path.resize(frame.pathLength);
            m_stack.pop_back();
        }
        return true;
    }

    bool beginElement() {
        const Frame& frame = m_stack.back();
        m_path.resize(frame.pathLength);
        m_path += '[';
        m_path += std::to_string(frame.index);
        m_path += ']';
        return true;
    }

    bool beginMember() {
        if (atEnd() || peek() != '"') return expected("a string key");
        const TextPos keyPos = here();
        m_key.clear();
        if (!scanString(&m_key)) return false;
        skipWhitespace();
        if (atEnd() || peek() != ':') return expected("':' after the key");
        ++m_pos;
        skipWhitespace();

        const Frame& frame = m_stack.back();
        m_path.resize(frame.pathLength);
        if (!m_path.empty()) m_path += '.';
        m_path += m_key;
        record(m_out.m_keys, keyPos);

        auto& keys = m_keySets[m_stack.size() - 1];
        if (!keys.insert(m_key).second && !m_out.m_duplicate) {
            m_out.m_duplicate = Finding{m_path, keyPos, m_key};
        }
        return true;
    }

    void resetKeySet() {
        const std::size_t depth = m_stack.size() - 1;
        if (m_keySets.size() <= depth) m_keySets.resize(depth + 1);
        auto& keys = m_keySets[depth];
        // clear() costs O(bucket count): after a large object, start afresh instead.
        if (keys.bucket_count() > 64) {
            keys = {};
        } else {
            keys.clear();
        }
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
            m_out.m_numberOverflow = Finding{m_path, startPos, std::string(number.substr(0, 40))};
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
    std::size_t m_pos{0};
    std::uint64_t m_line{1};
    std::size_t m_lineStart{0};
    std::string m_path;
    std::string m_key;
    std::vector<Frame> m_stack;
    std::vector<std::unordered_set<std::string>> m_keySets;  // keys of the open object per depth
    std::size_t m_pathBytes{0};
    std::size_t m_pathBudget;
    bool m_enteredContainer{false};
};

JsonPositions JsonPositions::index(std::string_view text) {
    JsonPositions positions;
    Scanner(text, positions).run();
    return positions;
}

std::optional<TextPos> JsonPositions::valueAt(const std::string& path) const {
    const auto it = m_values.find(path);
    if (it == m_values.end()) return std::nullopt;
    return it->second;
}

std::optional<TextPos> JsonPositions::keyAt(const std::string& path) const {
    const auto it = m_keys.find(path);
    if (it == m_keys.end()) return std::nullopt;
    return it->second;
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
