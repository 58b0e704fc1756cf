#pragma once
// Typed, checked access to a parsed JSON document. Every failure throws InputError naming the
// file, line:column, the JSON path and what was expected, e.g.
//   fork_cow.json:12:18: steps[3].address: expected an unsigned integer or hex string
//
// Message style (InputError::detail()), one rule for every accessor:
// - A value of the wrong JSON type gets the bare expectation: "expected an object",
//   "expected an array", "expected a string", "expected a boolean", "expected a number",
//   "expected an unsigned integer", "expected an integer".
// - A JSON number of the wrong kind or out of range gets ", found <number>" appended:
//   "expected an unsigned integer, found -3", "expected an unsigned integer, found 3.0".
// - asUint/asInt name their range when it is narrower than the C++ type's:
//   "expected an unsigned integer from 1 to 64, found 100" (also for a wrong type).
// - Strings are never echoed (they can be long); the expectation lists what is accepted.
// - JSON floats (3.0, 1e3) are never integers, whatever their value.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "pfviz/json/JsonPositions.h"

namespace pfviz::json {

/// what() is "file:line:col: path: detail"; "path: " is left out for the root (empty path) and
/// "file:" when the file name is empty.
class InputError : public std::runtime_error {
public:
    InputError(std::string file, TextPos pos, std::string path, std::string message);
    const std::string& file() const { return m_file; }
    const TextPos& pos() const { return m_pos; }
    const std::string& path() const { return m_path; }
    /// The message without the location prefix.
    const std::string& detail() const { return m_detail; }

private:
    std::string m_file;
    TextPos m_pos;
    std::string m_path;
    std::string m_detail;
};

/// A parsed document with its positions. Syntax errors throw InputError with the position.
/// Limits: input larger than kMaxBytes, or nested deeper than JsonPositions::kMaxDepth, is
/// refused with a message (never a crash or an unbounded allocation).
/// Messages (all at the root path unless noted):
///   "file too large: N bytes (at most 67108864)"                      at 1:1
///   "empty input: expected a JSON value"       (empty or whitespace)  at 1:1
///   "nested deeper than 256 arrays/objects"                    at the first '[' or '{' too deep
///   "duplicate key 'x'"             at the second occurrence of the key, path of the member
///   "number too large: 1e400"                                  at the number, path of the value
///   "syntax error: expected ',' or '}' after an object member, found '"'"   at the problem
///       (found: a quoted ASCII character, "byte 0xNN" or "end of input"). The others are
///       "... expected a value, found x", "... expected a string key, found x", "... expected
///       ':' after the key, found x", "... expected ',' or ']' after an array element, found
///       x", "... expected end of input after the JSON value, found x" (also for a NUL byte,
///       where nlohmann alone would stop reading), "... invalid literal: expected true, false
///       or null", "... expected a digit after '-', found x", "... expected a digit after the
///       decimal point, found x", "... expected a digit in the exponent, found x", "...
///       unterminated string (missing closing quote)", "... control character in a string
///       (write it as an escape such as \n)", "... invalid UTF-8 in a string" (at the first
///       byte of the sequence), "... invalid escape in a string (expected one of ...)", "...
///       expected 4 hex digits after \u, found x", "... unpaired surrogate \udc00", "... a
///       surrogate \uD800-\uDBFF must be followed by \uDC00-\uDFFF" and "... incomplete
///       UTF-8 byte order mark". They are made from nlohmann's parse error (its context, its
///       lexer's message and the byte it stopped at) and the text; should nlohmann ever say
///       something else, its explanation is used, without its "[json.exception...] parse
///       error at ...: " prefix and its "; last read: '...'" echo of the input.
/// When several apply, the earliest in the text is reported.
class JsonDocument {
public:
    JsonDocument(std::string_view text, std::string file);
    const nlohmann::json& root() const { return m_root; }
    const std::string& file() const { return m_file; }
    const JsonPositions& positions() const { return m_positions; }
    /// Position of the value at `path`; if it was not recorded (see JsonPositions), that of the
    /// nearest enclosing value that was, or 1:1.
    TextPos valuePos(const std::string& path) const;
    TextPos keyPos(const std::string& path) const;  // falls back to the value position

    static constexpr std::size_t kMaxBytes = 64u << 20;

private:
    std::string m_file;
    nlohmann::json m_root;
    JsonPositions m_positions;
};

/// A checked view of one value of a JsonDocument.
class JsonReader {
public:
    JsonReader(const JsonDocument& doc, const nlohmann::json& value, std::string path);
    static JsonReader root(const JsonDocument& doc) { return {doc, doc.root(), ""}; }

    const std::string& path() const { return m_path; }
    const nlohmann::json& raw() const { return *m_value; }
    TextPos pos() const;

    bool isObject() const { return m_value->is_object(); }
    bool isArray() const { return m_value->is_array(); }
    bool isString() const { return m_value->is_string(); }
    bool isNull() const { return m_value->is_null(); }

    // --- objects ---
    void requireObject() const;  // "expected an object"
    /// Unknown keys are errors: "unknown key 'fo' (expected one of: a, b, c)" at the key, with
    /// "; did you mean 'foo'?" appended when an allowed key is within edit distance 2 (and is not
    /// a complete replacement, as 'op' would be for 'x'). The first unknown key in the text is
    /// reported.
    void allowOnly(std::initializer_list<std::string_view> keys) const;
    void allowOnly(const std::vector<std::string>& keys) const;
    bool has(std::string_view key) const;
    /// Required member: "missing required key 'frames'" at the object.
    JsonReader at(std::string_view key) const;
    /// Optional member (nullopt if absent); "expected an object" if this is not an object.
    std::optional<JsonReader> find(std::string_view key) const;
    /// Member keys in document order (nlohmann sorts them; this reorders them by position).
    std::vector<std::string> keys() const;

    // --- arrays ---
    void requireArray() const;  // "expected an array"
    std::size_t size() const;   // "expected an array" if this is not an array
    /// "missing element [5] (the array has 3 elements)" at the array.
    JsonReader at(std::size_t index) const;

    // --- scalars (each checks the type and range) ---
    std::uint64_t asUint(std::uint64_t min = 0, std::uint64_t max = UINT64_MAX) const;
    std::int64_t asInt(std::int64_t min = INT64_MIN, std::int64_t max = INT64_MAX) const;
    double asNumber() const;
    bool asBool() const;
    std::string asString() const;
    /// Unsigned integer, hex string ("0x7f0000001000", "0X..", 1 to 16 hex digits, no
    /// underscores) or decimal string ("4096"): "expected an unsigned integer or hex string".
    std::uint64_t asAddress() const;
    /// Byte size: an unsigned integer, or a string with a binary unit: "4096", "4 KiB", "1MiB",
    /// "16GiB", "2TiB" (also "K", "M", "G", "T" as binary units). Must be <= max.
    /// String form: decimal digits, at most one space, then an optional unit among B, KiB, MiB,
    /// GiB, TiB, K (or k), M, G, T; case-sensitive otherwise, no fractions, no "KB".
    /// Errors: expected a size such as 4096, "4 KiB", "1MiB" or "16GiB" (the message);
    /// above max: "size too large: N bytes (at most M)"; beyond 64 bits:
    /// "size too large: more than 18446744073709551615 bytes (at most M)".
    std::uint64_t asSize(std::uint64_t max = UINT64_MAX) const;
    /// One of `choices`: "expected one of: a, b, c".
    std::string asEnum(std::initializer_list<std::string_view> choices) const;

    /// Throws InputError at this value: "<path>: <message>".
    [[noreturn]] void fail(const std::string& message) const;
    /// Throws InputError at the key of this member (for unknown/duplicate keys).
    [[noreturn]] void failAtKey(const std::string& message) const;

private:
    void allowOnlyKeys(const std::vector<std::string_view>& allowed) const;

    const JsonDocument* m_doc;
    const nlohmann::json* m_value;
    std::string m_path;
};

}  // namespace pfviz::json
