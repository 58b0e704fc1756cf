#pragma once
// Typed, checked access to a parsed JSON document. Every failure throws InputError naming the
// file, line:column, the JSON path and what was expected, e.g.
//   fork_cow.json:12:18: steps[3].address: expected an unsigned integer or hex string
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
class JsonDocument {
public:
    JsonDocument(std::string_view text, std::string file);
    const nlohmann::json& root() const { return m_root; }
    const std::string& file() const { return m_file; }
    const JsonPositions& positions() const { return m_positions; }
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
    /// Unknown keys are errors: "unknown key 'fo' (expected one of: a, b, c)" at the key.
    void allowOnly(std::initializer_list<std::string_view> keys) const;
    void allowOnly(const std::vector<std::string>& keys) const;
    bool has(std::string_view key) const;
    /// Required member: "missing required key 'frames'" at the object.
    JsonReader at(std::string_view key) const;
    std::optional<JsonReader> find(std::string_view key) const;
    /// Member keys in document order (nlohmann sorts them; this returns the sorted order).
    std::vector<std::string> keys() const;

    // --- arrays ---
    void requireArray() const;  // "expected an array"
    std::size_t size() const;
    JsonReader at(std::size_t index) const;

    // --- scalars (each checks the type and range) ---
    std::uint64_t asUint(std::uint64_t min = 0, std::uint64_t max = UINT64_MAX) const;
    std::int64_t asInt(std::int64_t min = INT64_MIN, std::int64_t max = INT64_MAX) const;
    double asNumber() const;
    bool asBool() const;
    std::string asString() const;
    /// Unsigned integer or hex string ("0x7f0000001000"):
    /// "expected an unsigned integer or hex string".
    std::uint64_t asAddress() const;
    /// Byte size: an unsigned integer, or a string with a binary unit: "4096", "4 KiB", "1MiB",
    /// "16GiB", "2TiB" (also "K", "M", "G", "T" as binary units). Must be <= max.
    std::uint64_t asSize(std::uint64_t max = UINT64_MAX) const;
    /// One of `choices`: "expected one of: a, b, c".
    std::string asEnum(std::initializer_list<std::string_view> choices) const;

    /// Throws InputError at this value: "<path>: <message>".
    [[noreturn]] void fail(const std::string& message) const;
    /// Throws InputError at the key of this member (for unknown/duplicate keys).
    [[noreturn]] void failAtKey(const std::string& message) const;

private:
    const JsonDocument* m_doc;
    const nlohmann::json* m_value;
    std::string m_path;
};

}  // namespace pfviz::json
