// libFuzzer entry point for the JSON input layer: any bytes must give a JsonDocument or an
// InputError, never a crash, a hang or an unbounded allocation. It also checks that the position
// scanner agrees with nlohmann on what is valid JSON, and that every value and key of an accepted
// document has a position that points at it.
//
// Not part of the CMake build. Build and run from the repository root:
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined \
//       -fno-sanitize-recover=undefined -Iengine/include engine/src/json/*.cpp \
//       tests/engine/fuzz/JsonFuzz.cpp -o /tmp/jsonfuzz
//   /tmp/jsonfuzz -max_total_time=60 -max_len=4096 /tmp/jsonfuzz-corpus
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
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
        if (offset > m_size) failCheck("column beyond the text", std::to_string(pos.column));
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
                        : v.is_boolean() ? (c == 't' || c == 'f')
                        : v.is_null()    ? c == 'n'
                                         : (c == '-' || (c >= '0' && c <= '9'));
        if (!ok) failCheck("value position points at the wrong value", reader.path());
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

/// The scanner must accept exactly what nlohmann accepts (except nesting beyond its limit and
/// text after a NUL byte).
void checkScannerAgreesWithNlohmann(std::string_view text) {
    const auto positions = JsonPositions::index(text);
    if (positions.tooDeepAt()) return;
    if (!positions.wellFormed() && !positions.syntaxError()) {
        failCheck("scan stopped without a reason", std::string(text.substr(0, 200)));
    }
    const bool scannerAccepts = positions.wellFormed() && !positions.firstNumberOverflow();
    if (text.find('\0') != std::string_view::npos) {
        // nlohmann stops reading at a NUL outside a string; the scanner never accepts one.
        if (scannerAccepts) failCheck("scanner accepts a NUL byte", "");
        return;
    }
    const auto parsed = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (scannerAccepts == parsed.is_discarded()) {
        failCheck(scannerAccepts ? "scanner accepts what nlohmann refuses"
                                 : "scanner refuses what nlohmann accepts",
                  positions.syntaxError() ? positions.syntaxError()->text : "");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    checkScannerAgreesWithNlohmann(text);
    try {
        const JsonDocument doc(text, "fuzz.json");
        const LineTable lines(text);
        const Walker walker{text, doc, lines, !hasAmbiguousKeys(doc.root())};
        walker.walk(JsonReader::root(doc));
    } catch (const InputError& e) {
        if (e.detail().empty() || std::string_view(e.what()).substr(0, 10) != "fuzz.json:") {
            failCheck("malformed error message", e.what());
        }
    }
    return 0;
}
