// libFuzzer entry point for the JSON input layer: any bytes must give a JsonDocument or an
// InputError, never a crash, a hang or an unbounded allocation. It also checks that
// - the position index accepts exactly what nlohmann::json::parse accepts (apart from its two
//   documented rules: nothing after a NUL byte, nesting of at most 256) and builds the same
//   document;
// - every refusal has a reason, and every finding's position lies in the text and points at
//   what it names: a syntax error's "found 'x'" is the byte there, a duplicate key's position
//   is a key's quote, a number too large is written there, too deep nesting starts there;
// - every value and key of an accepted document has a position that points at its first byte.
//
// Build and run with libFuzzer from the repository root (one command each):
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined
//       -fno-sanitize-recover=undefined -Iengine/include engine/src/json/*.cpp
//       tests/engine/fuzz/JsonFuzz.cpp -o /tmp/jsonfuzz
//   /tmp/jsonfuzz -max_total_time=60 -max_len=4096 /tmp/jsonfuzz-corpus
// Built with PFVIZ_JSON_FUZZ_REPLAY (the ctest pfviz_json_fuzz_replay, any compiler), main()
// runs the files named on the command line, or else the seeds below and a fixed number of
// deterministic mutations of them.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "pfviz/json/JsonPositions.h"
#include "pfviz/json/JsonReader.h"

namespace {

using pfviz::json::InputError;
using pfviz::json::JsonDocument;
using pfviz::json::JsonPositions;
using pfviz::json::JsonReader;
using pfviz::json::TextPos;

[[noreturn]] void failCheck(const char* what, const std::string& detail) {
    std::fprintf(stderr, "JsonFuzz check failed: %s: %s\n", what, detail.c_str());
    std::abort();
}

/// Byte offset of a position, by the same line rules as JsonPositions (\n, \r\n, lone \r).
class LineTable {
public:
    explicit LineTable(std::string_view text) : m_size(text.size()) {
        m_starts.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n' ||
                (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
                m_starts.push_back(i + 1);
            }
        }
    }
    std::size_t offsetOf(TextPos pos) const {
        if (pos.line < 1 || pos.line > m_starts.size() || pos.column < 1) {
            failCheck("position outside the text",
                      std::to_string(pos.line) + ":" + std::to_string(pos.column));
        }
        const std::size_t offset = m_starts[pos.line - 1] + pos.column - 1;
        const std::size_t lineEnd = pos.line < m_starts.size() ? m_starts[pos.line] : m_size;
        if (offset > lineEnd) failCheck("column beyond its line", std::to_string(pos.column));
        return offset;
    }

private:
    std::size_t m_size;
    std::vector<std::size_t> m_starts;
};

template <typename F>
void expectInputErrorOrNothing(F&& use) {
    try {
        use();
    } catch (const InputError& e) {
        if (e.detail().empty()) failCheck("empty error detail", e.what());
    }
}

/// True if any key makes display paths ambiguous ("" or containing '.' or '['); then a path
/// may lead to another value than the one it was built for.
bool hasAmbiguousKeys(const nlohmann::json& value) {
    if (value.is_object()) {
        for (const auto& item : value.items()) {
            if (item.key().empty() || item.key().find_first_of(".[") != std::string::npos) {
                return true;
            }
            if (hasAmbiguousKeys(item.value())) return true;
        }
    } else if (value.is_array()) {
        for (const auto& element : value) {
            if (hasAmbiguousKeys(element)) return true;
        }
    }
    return false;
}

struct Walker {
    std::string_view text;
    const JsonDocument& doc;
    const LineTable& lines;
    bool exactPositions;

    void checkPosition(const JsonReader& reader) const {
        const auto pos = doc.positions().valueAt(reader.path());
        if (!pos) failCheck("no position for value", reader.path());
        const std::size_t offset = lines.offsetOf(*pos);
        if (offset >= text.size()) failCheck("value position at end of text", reader.path());
        const char c = text[offset];
        if (!exactPositions) {
            if (std::string_view("{[\"-0123456789tfn").find(c) == std::string_view::npos) {
                failCheck("value position not at a value", reader.path());
            }
            return;
        }
        const auto& v = reader.raw();
        const bool ok = v.is_object()    ? c == '{'
                        : v.is_array()   ? c == '['
                        : v.is_string()  ? c == '"'
                        : v.is_boolean() ? (c == (v.get<bool>() ? 't' : 'f'))
                        : v.is_null()    ? c == 'n'
                                         : (c == '-' || (c >= '0' && c <= '9'));
        if (!ok) failCheck("value position points at the wrong value", reader.path());
        if (v.is_number()) {
            // The number written there is this one (a number ends at a byte that cannot
            // continue it, which nlohmann's lexer has to read).
            std::size_t end = offset;
            while (end < text.size() &&
                   std::string_view("0123456789+-.eE").find(text[end]) != std::string_view::npos) {
                ++end;
            }
            const auto written = nlohmann::json::parse(text.substr(offset, end - offset));
            if (written != v) failCheck("value position points at another number", reader.path());
        }
    }

    void walk(const JsonReader& reader) const {
        checkPosition(reader);
        const auto& v = reader.raw();
        if (v.is_object()) {
            std::size_t count = 0;
            for (const auto& key : reader.keys()) {
                const JsonReader member = reader.at(key);
                const auto keyPos = doc.positions().keyAt(member.path());
                if (!keyPos) failCheck("no position for key", member.path());
                const std::size_t offset = lines.offsetOf(*keyPos);
                if (offset >= text.size() || text[offset] != '"') {
                    failCheck("key position not at a quote", member.path());
                }
                walk(member);
                ++count;
            }
            if (count != v.size()) failCheck("keys() lost a key", reader.path());
            expectInputErrorOrNothing([&] { reader.allowOnly({"name", "frames", "steps", "op"}); });
            expectInputErrorOrNothing([&] { reader.at("frames"); });
            expectInputErrorOrNothing([&] { reader.requireArray(); });
            (void)reader.find("steps");
            (void)reader.has("op");
            return;
        }
        if (v.is_array()) {
            const std::size_t size = reader.size();
            for (std::size_t i = 0; i < size; ++i)
                walk(reader.at(i));
            expectInputErrorOrNothing([&] { reader.at(size); });
            expectInputErrorOrNothing([&] { reader.requireObject(); });
            return;
        }
        expectInputErrorOrNothing([&] { reader.asUint(); });
        expectInputErrorOrNothing([&] { reader.asUint(1, 64); });
        expectInputErrorOrNothing([&] { reader.asInt(); });
        expectInputErrorOrNothing([&] { reader.asInt(-5, 5); });
        expectInputErrorOrNothing([&] { reader.asNumber(); });
        expectInputErrorOrNothing([&] { reader.asBool(); });
        expectInputErrorOrNothing([&] { reader.asString(); });
        expectInputErrorOrNothing([&] { reader.asAddress(); });
        expectInputErrorOrNothing([&] { reader.asSize(); });
        expectInputErrorOrNothing([&] { reader.asSize(1u << 30); });
        expectInputErrorOrNothing([&] { reader.asEnum({"fifo", "lru", "clock"}); });
        expectInputErrorOrNothing([&] { reader.failAtKey("custom"); });
    }
};

/// The last byte before `offset` that is not a blank or part of the BOM, or '\0' if none.
char precedingByte(std::string_view text, std::size_t offset) {
    const std::size_t bom = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (offset > bom) {
        const char c = text[--offset];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return c;
    }
    return '\0';
}

/// A syntax error's "found ..." names the byte at its position, and what it expected fits what
/// precedes that position.
void checkSyntaxError(std::string_view text, const LineTable& lines,
                      const JsonPositions::Finding& error) {
    const std::size_t offset = lines.offsetOf(error.pos);
    if (offset > text.size()) failCheck("syntax error beyond the text", error.text);
    const std::string_view message = error.text;
    if (message.ends_with("invalid UTF-8 in a string") &&
        (offset >= text.size() || static_cast<unsigned char>(text[offset]) < 0x80)) {
        failCheck("invalid UTF-8 not at a non-ASCII byte", error.text);
    }
    const auto found = message.rfind(", found ");
    if (found == std::string_view::npos) return;
    const std::string_view what = message.substr(found + 8);
    bool ok = false;
    if (what == "end of input") {
        ok = offset == text.size();
    } else if (what.size() == 3 && what[0] == '\'' && what[2] == '\'') {
        ok = offset < text.size() && text[offset] == what[1];
    } else if (what.starts_with("byte 0x") && what.size() == 9) {
        const auto byte = std::strtoul(std::string(what.substr(7)).c_str(), nullptr, 16);
        ok = offset < text.size() && static_cast<unsigned char>(text[offset]) == byte;
    }
    if (!ok) failCheck("syntax error does not point at what it found", error.text);

    const char before = precedingByte(text, offset);
    const bool afterValue =
        before != '\0' && std::string_view("[{,:").find(before) == std::string_view::npos;
    const std::string_view expected = message.substr(0, found);
    if (expected == "syntax error: expected a value") {
        ok = before == '\0' || before == '[' || before == ',' || before == ':';
    } else if (expected == "syntax error: expected a string key") {
        ok = before == '{' || before == ',';
    } else if (expected == "syntax error: expected ':' after the key") {
        ok = before == '"';
    } else if (expected.ends_with("after an array element") ||
               expected.ends_with("after an object member") ||
               expected.ends_with("end of input after the JSON value")) {
        ok = afterValue;
    }
    if (!ok) failCheck("syntax error's expectation does not fit what precedes it", error.text);
}

/// The index agrees with nlohmann on what is a JSON text and on the document, and every
/// finding points at what it names.
void checkIndex(std::string_view text) {
    nlohmann::json root;
    const auto positions = JsonPositions::index(text, &root);
    const LineTable lines(text);
    const int reasons = (positions.syntaxError() ? 1 : 0) +
                        (positions.firstNumberOverflow() ? 1 : 0) + (positions.tooDeepAt() ? 1 : 0);
    if (positions.wellFormed() != (reasons == 0) || reasons > 1) {
        failCheck("refusal without exactly one reason", std::string(text.substr(0, 200)));
    }
    if (const auto& error = positions.syntaxError()) checkSyntaxError(text, lines, *error);
    if (const auto deep = positions.tooDeepAt()) {
        const std::size_t offset = lines.offsetOf(*deep);
        if (offset >= text.size() || (text[offset] != '[' && text[offset] != '{')) {
            failCheck("too deep nesting not at '[' or '{'", "");
        }
    }
    if (const auto& number = positions.firstNumberOverflow()) {
        // The whole number as written (or its first 40 bytes), at its position.
        static const std::regex kNumber(R"(-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?)");
        if (text.substr(lines.offsetOf(number->pos), number->text.size()) != number->text ||
            number->text.empty() ||
            (number->text.size() < 40 && !std::regex_match(number->text, kNumber))) {
            failCheck("number too large not where it is written", number->text);
        }
    }
    if (const auto& dup = positions.firstDuplicateKey()) {
        const std::size_t offset = lines.offsetOf(dup->pos);
        if (offset >= text.size() || text[offset] != '"') {
            failCheck("duplicate key not at a quote", dup->path);
        }
    }

    const auto parsed = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    const bool nul = text.find('\0') != std::string_view::npos;
    if (positions.tooDeepAt() || (nul && !positions.wellFormed())) return;
    if (positions.wellFormed() == parsed.is_discarded()) {
        failCheck(positions.wellFormed() ? "index accepts what nlohmann refuses"
                                         : "index refuses what nlohmann accepts",
                  positions.syntaxError() ? positions.syntaxError()->text : "");
    }
    if (positions.wellFormed() && root != parsed) failCheck("document differs from nlohmann's", "");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    checkIndex(text);
    try {
        const JsonDocument doc(text, "fuzz.json");
        const LineTable lines(text);
        const Walker walker{text, doc, lines, !hasAmbiguousKeys(doc.root())};
        walker.walk(JsonReader::root(doc));
    } catch (const InputError& e) {
        if (e.detail().empty() || std::string_view(e.what()).substr(0, 10) != "fuzz.json:") {
            failCheck("malformed error message", e.what());
        }
        LineTable(text).offsetOf(e.pos());
    }
    return 0;
}

#ifdef PFVIZ_JSON_FUZZ_REPLAY
namespace {

void runOne(std::string_view text) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

/// The seeds and `mutations` of them (each 1 to 4 byte edits from a fixed-seed generator).
void runSeeds(std::size_t mutations) {
    const std::vector<std::string> seeds = {
        "{\"name\": \"fork\", \"machine\": {\"frames\": 8, \"tlb\": {\"entries\": 4}},\r\n"
        " \"steps\": [{\"op\": \"touch\", \"address\": \"0x1000\"}, {\"op\":\"fork\"}]}",
        "\xEF\xBB\xBF[1, -2.5e3, [0], {\"b\": 7}, true, false, null,\r12\n]",
        R"({"a\"b\\c\u00e9": 1, "d": "x\"y", "s": "\ud83d\ude00", "a.b": {"c[0]": 1, "": 2}})",
        R"({"a": 1, "a": 2, "x": [1e400, 18446744073709551616, -0, 0.5]})",
        "[[[[[[[[[[[[[[[[{\"k\": [\"\xC3\xA9\xE2\x82\xAC\"]}]]]]]]]]]]]]]]]]",
        std::string(300, '[') + std::string(300, ']'),
        std::string("{\"a\": [1, 2]}\0{", 15),
        "7",
        "-12.5e+3",
        "[1,2",
        "\"s\"",
        "true",
    };
    for (const auto& seed : seeds)
        runOne(seed);
    std::uint64_t state = 0x9e3779b97f4a7c15ull;
    const auto next = [&state] {
        state ^= state << 13, state ^= state >> 7, state ^= state << 17;
        return state;
    };
    static constexpr std::string_view kBytes = "{}[]\",:\\ \n\r0-1e.tfnu\x00\x80\xC3\xFF";
    for (std::size_t i = 0; i < mutations; ++i) {
        std::string text = seeds[next() % seeds.size()];
        for (std::uint64_t edits = 1 + next() % 4; edits > 0; --edits) {
            const std::size_t at = next() % (text.size() + 1);
            const char byte = kBytes[next() % kBytes.size()];
            switch (next() % 3) {
                case 0:
                    text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), byte);
                    break;
                case 1:
                    if (at < text.size()) text.erase(at, 1);
                    break;
                default:
                    if (at < text.size()) text[at] = byte;
            }
        }
        runOne(text);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1) {
        for (int i = 1; i < argc; ++i) {
            std::ifstream in(argv[i], std::ios::binary);
            runOne(std::string(std::istreambuf_iterator<char>(in), {}));
        }
    } else {
        runSeeds(20000);
    }
    std::printf("JsonFuzz replay: done\n");
    return 0;
}
#endif
