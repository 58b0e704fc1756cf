#include "pfviz/json/JsonReader.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <limits>
#include <system_error>
#include <utility>

namespace pfviz::json {

namespace {

std::string formatLocation(const std::string& file, TextPos pos, const std::string& path,
                           const std::string& detail) {
    std::string text;
    if (!file.empty()) text += file + ':';
    text += std::to_string(pos.line) + ':' + std::to_string(pos.column) + ": ";
    if (!path.empty()) text += path + ": ";
    text += detail;
    return text;
}

[[noreturn]] void throwAt(const std::string& file, TextPos pos, std::string path,
                          std::string detail) {
    throw InputError(file, pos, std::move(path), std::move(detail));
}

/// The path one level up: "steps[3].address" -> "steps[3]" -> "steps" -> "".
std::string parentPath(const std::string& path) {
    const auto cut = path.find_last_of(".[");
    return cut == std::string::npos ? std::string{} : path.substr(0, cut);
}

std::string joinChoices(const std::vector<std::string_view>& choices) {
    std::string text;
    for (const auto& choice : choices) {
        if (!text.empty()) text += ", ";
        text += choice;
    }
    return text;
}

/// Levenshtein distance, or limit + 1 if it is larger than `limit`.
std::size_t editDistance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t lengthGap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (lengthGap > limit) return limit + 1;
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        std::size_t rowMin = current[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            rowMin = std::min(rowMin, current[j]);
        }
        if (rowMin > limit) return limit + 1;
        std::swap(previous, current);
    }
    return std::min(previous[b.size()], limit + 1);
}

constexpr std::string_view kSizeExpected =
    "expected a size such as 4096, \"4 KiB\", \"1MiB\" or \"16GiB\"";
constexpr std::string_view kAddressExpected = "expected an unsigned integer or hex string";

/// Parses the string form of a size; nullopt if malformed. `overflow` is set if it is well
/// formed but does not fit 64 bits.
/// The digits are read by hand: std::from_chars measured 10-15% slower on such short numbers
/// (BM_ParseDecimal_JsonSize_* in tests/benchmarks/ParseBench.cpp).
std::optional<std::uint64_t> parseSize(std::string_view text, bool& overflow) {
    overflow = false;
    std::size_t i = 0;
    std::uint64_t number = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        const auto digit = static_cast<std::uint64_t>(text[i] - '0');
        if (number > (UINT64_MAX - digit) / 10) overflow = true;
        number = number * 10 + digit;
        ++i;
    }
    if (i == 0) return std::nullopt;
    std::string_view unit = text.substr(i);
    if (unit.starts_with(' ')) {
        unit.remove_prefix(1);
        if (unit.empty()) return std::nullopt;  // "4 " has a space but no unit
    }
    struct Unit {
        std::string_view name;
        unsigned shift;
    };
    static constexpr std::array<Unit, 11> kUnits{{{"", 0},
                                                  {"B", 0},
                                                  {"KiB", 10},
                                                  {"MiB", 20},
                                                  {"GiB", 30},
                                                  {"TiB", 40},
                                                  {"K", 10},
                                                  {"k", 10},
                                                  {"M", 20},
                                                  {"G", 30},
                                                  {"T", 40}}};
    const auto found =
        std::find_if(kUnits.begin(), kUnits.end(), [&](const Unit& u) { return u.name == unit; });
    if (found == kUnits.end()) return std::nullopt;
    if (found->shift > 0 && number > (UINT64_MAX >> found->shift)) overflow = true;
    if (overflow) return std::nullopt;
    return number << found->shift;
}

/// The whole of `digits` in `base` (no sign, no blanks), if it fits 64 bits. std::from_chars
/// measured faster than the loops it replaced (BM_ParseHex_JsonAddress_*,
/// BM_ParseDecimal_JsonAddress_*).
std::optional<std::uint64_t> parseWhole(std::string_view digits, int base) {
    std::uint64_t value = 0;
    const char* const end = digits.data() + digits.size();
    const auto [stop, error] = std::from_chars(digits.data(), end, value, base);
    if (error != std::errc() || stop != end) return std::nullopt;
    return value;
}

std::optional<std::uint64_t> parseAddress(std::string_view text) {
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        const std::string_view digits = text.substr(2);
        if (digits.size() > 16) return std::nullopt;
        return parseWhole(digits, 16);
    }
    return parseWhole(text, 10);
}

}  // namespace

// --- InputError ---

InputError::InputError(std::string file, TextPos pos, std::string path, std::string message)
    : std::runtime_error(formatLocation(file, pos, path, message)),
      m_file(std::move(file)),
      m_pos(pos),
      m_path(std::move(path)),
      m_detail(std::move(message)) {}

// --- JsonDocument ---

JsonDocument::JsonDocument(std::string_view text, std::string file) : m_file(std::move(file)) {
    if (text.size() > kMaxBytes) {
        throwAt(m_file, {}, "",
                "file too large: " + std::to_string(text.size()) + " bytes (at most " +
                    std::to_string(kMaxBytes) + ")");
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        throwAt(m_file, {}, "", "empty input: expected a JSON value");
    }

    // One parse by nlohmann builds the document and the positions. Besides nlohmann's syntax
    // errors it reports what nlohmann accepts silently (duplicate keys) or reports without a
    // position (number overflow) or should never see (deep nesting). The parse stops at the
    // first error, so a duplicate key found before it lies before it; report the earliest.
    m_positions = JsonPositions::index(text, &m_root);
    struct Problem {
        TextPos pos;
        std::string path;
        std::string detail;
    };
    std::optional<Problem> problem;
    const auto consider = [&](TextPos pos, const std::string& path, std::string detail) {
        if (!problem || pos < problem->pos) problem = Problem{pos, path, std::move(detail)};
    };
    if (const auto& dup = m_positions.firstDuplicateKey()) {
        consider(dup->pos, dup->path, "duplicate key '" + dup->text + "'");
    }
    if (const auto& overflow = m_positions.firstNumberOverflow()) {
        consider(overflow->pos, overflow->path, "number too large: " + overflow->text);
    }
    if (const auto& syntax = m_positions.syntaxError()) {
        consider(syntax->pos, syntax->path, syntax->text);
    }
    if (const auto deep = m_positions.tooDeepAt()) {
        consider(
            *deep, "",
            "nested deeper than " + std::to_string(JsonPositions::kMaxDepth) + " arrays/objects");
    }
    if (problem) throwAt(m_file, problem->pos, problem->path, problem->detail);
}

TextPos JsonDocument::valuePos(const std::string& path) const {
    std::string current = path;
    for (;;) {
        if (const auto pos = m_positions.valueAt(current)) return *pos;
        if (current.empty()) return {};
        current = parentPath(current);
    }
}

TextPos JsonDocument::keyPos(const std::string& path) const {
    if (const auto pos = m_positions.keyAt(path)) return *pos;
    return valuePos(path);
}

// --- JsonReader ---

JsonReader::JsonReader(const JsonDocument& doc, const nlohmann::json& value, std::string path)
    : m_doc(&doc), m_value(&value), m_path(std::move(path)) {}

TextPos JsonReader::pos() const {
    return m_doc->valuePos(m_path);
}

void JsonReader::fail(const std::string& message) const {
    throwAt(m_doc->file(), pos(), m_path, message);
}

void JsonReader::failAtKey(const std::string& message) const {
    throwAt(m_doc->file(), m_doc->keyPos(m_path), m_path, message);
}

void JsonReader::requireObject() const {
    if (!m_value->is_object()) fail("expected an object");
}

void JsonReader::requireArray() const {
    if (!m_value->is_array()) fail("expected an array");
}

void JsonReader::allowOnly(std::initializer_list<std::string_view> keys) const {
    allowOnlyKeys(std::vector<std::string_view>(keys));
}

void JsonReader::allowOnly(const std::vector<std::string>& keys) const {
    allowOnlyKeys(std::vector<std::string_view>(keys.begin(), keys.end()));
}

void JsonReader::allowOnlyKeys(const std::vector<std::string_view>& allowed) const {
    requireObject();
    // Report the unknown key that comes first in the text, not first in nlohmann's sorted order.
    std::optional<std::pair<TextPos, std::string>> first;
    for (const auto& item : m_value->items()) {
        const std::string& key = item.key();
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
        const TextPos keyPos = m_doc->keyPos(JsonPositions::member(m_path, key));
        if (!first || keyPos < first->first) first.emplace(keyPos, key);
    }
    if (!first) return;

    const std::string& unknown = first->second;
    std::string message =
        "unknown key '" + unknown + "' (expected one of: " + joinChoices(allowed) + ")";
    constexpr std::size_t kMaxSuggestionDistance = 2;
    std::optional<std::string_view> suggestion;
    std::size_t best = kMaxSuggestionDistance + 1;
    for (const auto& candidate : allowed) {
        const std::size_t distance = editDistance(unknown, candidate, kMaxSuggestionDistance);
        // A distance equal to the longer length means nothing in common: no suggestion.
        if (distance < best && distance < std::max(unknown.size(), candidate.size())) {
            best = distance;
            suggestion = candidate;
        }
    }
    if (suggestion) message += "; did you mean '" + std::string(*suggestion) + "'?";
    JsonReader(*m_doc, (*m_value)[unknown], JsonPositions::member(m_path, unknown))
        .failAtKey(message);
}

bool JsonReader::has(std::string_view key) const {
    return m_value->is_object() && m_value->contains(std::string(key));
}

JsonReader JsonReader::at(std::string_view key) const {
    if (auto member = find(key)) return std::move(*member);
    fail("missing required key '" + std::string(key) + "'");
}

std::optional<JsonReader> JsonReader::find(std::string_view key) const {
    requireObject();
    const std::string name(key);
    const auto it = m_value->find(name);
    if (it == m_value->end()) return std::nullopt;
    return JsonReader(*m_doc, *it, JsonPositions::member(m_path, name));
}

std::vector<std::string> JsonReader::keys() const {
    requireObject();
    std::vector<std::pair<TextPos, std::string>> ordered;
    ordered.reserve(m_value->size());
    for (const auto& item : m_value->items()) {
        ordered.emplace_back(m_doc->keyPos(JsonPositions::member(m_path, item.key())), item.key());
    }
    // Stable: keys without a recorded position keep nlohmann's sorted order among themselves.
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> result;
    result.reserve(ordered.size());
    for (auto& entry : ordered)
        result.push_back(std::move(entry.second));
    return result;
}

std::size_t JsonReader::size() const {
    requireArray();
    return m_value->size();
}

JsonReader JsonReader::at(std::size_t index) const {
    requireArray();
    if (index >= m_value->size()) {
        fail("missing element [" + std::to_string(index) + "] (the array has " +
             std::to_string(m_value->size()) + " elements)");
    }
    return JsonReader(*m_doc, (*m_value)[index], JsonPositions::element(m_path, index));
}

std::uint64_t JsonReader::asUint(std::uint64_t min, std::uint64_t max) const {
    std::string expected = "expected an unsigned integer";
    if (min != 0 || max != UINT64_MAX) {
        expected += " from " + std::to_string(min) + " to " + std::to_string(max);
    }
    if (!m_value->is_number()) fail(expected);
    if (m_value->is_number_unsigned()) {
        const auto value = m_value->get<std::uint64_t>();
        if (value >= min && value <= max) return value;
    } else if (m_value->is_number_integer() && m_value->get<std::int64_t>() == 0) {
        if (min == 0) return 0;  // "-0" is parsed as a signed zero
    }
    fail(expected + ", found " + m_value->dump());
}

std::int64_t JsonReader::asInt(std::int64_t min, std::int64_t max) const {
    std::string expected = "expected an integer";
    if (min != INT64_MIN || max != INT64_MAX) {
        expected += " from " + std::to_string(min) + " to " + std::to_string(max);
    }
    if (!m_value->is_number()) fail(expected);
    std::optional<std::int64_t> value;
    if (m_value->is_number_unsigned()) {
        const auto raw = m_value->get<std::uint64_t>();
        if (raw <= static_cast<std::uint64_t>(INT64_MAX)) value = static_cast<std::int64_t>(raw);
    } else if (m_value->is_number_integer()) {
        value = m_value->get<std::int64_t>();
    }
    if (value && *value >= min && *value <= max) return *value;
    fail(expected + ", found " + m_value->dump());
}

double JsonReader::asNumber() const {
    if (!m_value->is_number()) fail("expected a number");
    return m_value->get<double>();
}

bool JsonReader::asBool() const {
    if (!m_value->is_boolean()) fail("expected a boolean");
    return m_value->get<bool>();
}

std::string JsonReader::asString() const {
    if (!m_value->is_string()) fail("expected a string");
    return m_value->get<std::string>();
}

std::uint64_t JsonReader::asAddress() const {
    if (m_value->is_number_unsigned()) return m_value->get<std::uint64_t>();
    if (m_value->is_number_integer() && m_value->get<std::int64_t>() == 0) return 0;
    if (m_value->is_number()) fail(std::string(kAddressExpected) + ", found " + m_value->dump());
    if (m_value->is_string()) {
        if (const auto value = parseAddress(m_value->get_ref<const std::string&>())) return *value;
    }
    fail(std::string(kAddressExpected));
}

std::uint64_t JsonReader::asSize(std::uint64_t max) const {
    const auto tooLarge = [&](const std::string& amount) {
        fail("size too large: " + amount + " bytes (at most " + std::to_string(max) + ")");
    };
    std::uint64_t value = 0;
    if (m_value->is_number_unsigned()) {
        value = m_value->get<std::uint64_t>();
    } else if (m_value->is_number_integer() && m_value->get<std::int64_t>() == 0) {
        value = 0;
    } else if (m_value->is_number()) {
        fail(std::string(kSizeExpected) + ", found " + m_value->dump());
    } else if (m_value->is_string()) {
        bool overflow = false;
        const auto parsed = parseSize(m_value->get_ref<const std::string&>(), overflow);
        if (overflow) tooLarge("more than " + std::to_string(UINT64_MAX));
        if (!parsed) fail(std::string(kSizeExpected));
        value = *parsed;
    } else {
        fail(std::string(kSizeExpected));
    }
    if (value > max) tooLarge(std::to_string(value));
    return value;
}

std::string JsonReader::asEnum(std::initializer_list<std::string_view> choices) const {
    if (m_value->is_string()) {
        const auto& text = m_value->get_ref<const std::string&>();
        if (std::find(choices.begin(), choices.end(), text) != choices.end()) return text;
    }
    fail("expected one of: " + joinChoices(std::vector<std::string_view>(choices)));
}

}  // namespace pfviz::json
