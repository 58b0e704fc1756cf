#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <string>

#include "pfviz/json/JsonPositions.h"
#include "pfviz/json/JsonReader.h"

namespace pfviz::json {
namespace {

// A multi-line scenario-like document; the comments give each line's number.
constexpr std::string_view kScenario = R"({
  "name": "fork",
  "machine": {
    "frames": 8,
    "tlb": { "entries": 4 }
  },
  "steps": [
    { "op": "touch", "address": "0x1000" },
    {"op":"fork"}
  ]
})";

std::string replaceAll(std::string text, std::string_view from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

/// The full message of the InputError thrown by parsing `text`, or "no error".
std::string documentError(std::string_view text) {
    try {
        JsonDocument doc(text, "t.json");
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

/// Parses `text` (which must be valid) and returns the full message of the InputError that
/// `use` throws on its root reader, or "no error".
std::string readerError(std::string_view text, const std::function<void(const JsonReader&)>& use) {
    const JsonDocument doc(text, "t.json");
    try {
        use(JsonReader::root(doc));
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

/// Error message of reading the value of member "v" of `{"v": <value>}`; the value starts at
/// line 1, column 7.
std::string valueError(std::string_view value, const std::function<void(const JsonReader&)>& use) {
    return readerError("{\"v\": " + std::string(value) + "}",
                       [&](const JsonReader& root) { use(root.at("v")); });
}

TextPos at(std::uint64_t line, std::uint64_t column) {
    return {line, column};
}

// --- JsonPositions ---

TEST(JsonPositions, NestedValuesAndKeys) {
    const auto positions = JsonPositions::index(kScenario);
    EXPECT_TRUE(positions.wellFormed());
    EXPECT_EQ(positions.valueAt(""), at(1, 1));
    EXPECT_EQ(positions.keyAt("name"), at(2, 3));
    EXPECT_EQ(positions.valueAt("name"), at(2, 11));
    EXPECT_EQ(positions.keyAt("machine"), at(3, 3));
    EXPECT_EQ(positions.valueAt("machine"), at(3, 14));
    EXPECT_EQ(positions.keyAt("machine.frames"), at(4, 5));
    EXPECT_EQ(positions.valueAt("machine.frames"), at(4, 15));
    EXPECT_EQ(positions.valueAt("machine.tlb"), at(5, 12));
    EXPECT_EQ(positions.keyAt("machine.tlb.entries"), at(5, 14));
    EXPECT_EQ(positions.valueAt("machine.tlb.entries"), at(5, 25));
    EXPECT_EQ(positions.valueAt("steps"), at(7, 12));
    EXPECT_EQ(positions.valueAt("steps[0]"), at(8, 5));
    EXPECT_EQ(positions.keyAt("steps[0].op"), at(8, 7));
    EXPECT_EQ(positions.valueAt("steps[0].op"), at(8, 13));
    EXPECT_EQ(positions.keyAt("steps[0].address"), at(8, 22));
    EXPECT_EQ(positions.valueAt("steps[0].address"), at(8, 33));
    EXPECT_EQ(positions.valueAt("steps[1]"), at(9, 5));
    EXPECT_EQ(positions.keyAt("steps[1].op"), at(9, 6));
    EXPECT_EQ(positions.valueAt("steps[1].op"), at(9, 11));
    EXPECT_EQ(positions.valueAt("steps[2]"), std::nullopt);
    EXPECT_EQ(positions.keyAt("steps[0]"), std::nullopt);  // elements have no key
    EXPECT_EQ(positions.valueAt("nope"), std::nullopt);
}

TEST(JsonPositions, CrlfIsOneLineBreak) {
    const std::string crlf = replaceAll(std::string(kScenario), "\n", "\r\n");
    const auto positions = JsonPositions::index(crlf);
    EXPECT_TRUE(positions.wellFormed());
    EXPECT_EQ(positions.valueAt("machine.frames"), at(4, 15));
    EXPECT_EQ(positions.keyAt("steps[0].address"), at(8, 22));
    EXPECT_EQ(positions.valueAt("steps[1].op"), at(9, 11));
}

TEST(JsonPositions, LoneCarriageReturnIsALineBreak) {
    const auto positions = JsonPositions::index("[1,\r2,\r\n3,\n\r4]");
    EXPECT_EQ(positions.valueAt("[0]"), at(1, 2));
    EXPECT_EQ(positions.valueAt("[1]"), at(2, 1));
    EXPECT_EQ(positions.valueAt("[2]"), at(3, 1));
    EXPECT_EQ(positions.valueAt("[3]"), at(5, 1));
}

TEST(JsonPositions, EscapesAndUtf8BeforeAValueOnTheSameLine) {
    // Columns are bytes: \u00e9 is 6 columns, a raw "é" is 2.
    const auto positions = JsonPositions::index(
        R"({"a\"b\\c\u00e9": 1, "d": "x\"y", "é": 2, "s": "\ud83d\ude00", "t": 3})");
    EXPECT_TRUE(positions.wellFormed());
    const std::string firstKey = "a\"b\\c\xC3\xA9";  // decoded: a"b\cé
    EXPECT_EQ(positions.keyAt(firstKey), at(1, 2));
    EXPECT_EQ(positions.valueAt(firstKey), at(1, 19));
    EXPECT_EQ(positions.keyAt("d"), at(1, 22));
    EXPECT_EQ(positions.valueAt("d"), at(1, 27));
    EXPECT_EQ(positions.keyAt("\xC3\xA9"), at(1, 35));
    EXPECT_EQ(positions.valueAt("\xC3\xA9"), at(1, 41));
    EXPECT_EQ(positions.valueAt("s"), at(1, 49));
    EXPECT_EQ(positions.valueAt("t"), at(1, 70));
}

TEST(JsonPositions, TokensRightAfterNumbersAndLiterals) {
    // nlohmann's lexer reads one byte past a number to see it end; the token there still starts
    // at that byte, whether it is ',', ']', '}' or the end of the text.
    const auto positions =
        JsonPositions::index(R"({"a":[1,-2.5e3,[0],{"b":7}],"c":true,"d":[null,false],"e":12})");
    EXPECT_TRUE(positions.wellFormed());
    EXPECT_EQ(positions.valueAt("a"), at(1, 6));
    EXPECT_EQ(positions.valueAt("a[0]"), at(1, 7));
    EXPECT_EQ(positions.valueAt("a[1]"), at(1, 9));
    EXPECT_EQ(positions.valueAt("a[2]"), at(1, 16));
    EXPECT_EQ(positions.valueAt("a[2][0]"), at(1, 17));
    EXPECT_EQ(positions.valueAt("a[3]"), at(1, 20));
    EXPECT_EQ(positions.keyAt("a[3].b"), at(1, 21));
    EXPECT_EQ(positions.valueAt("a[3].b"), at(1, 25));
    EXPECT_EQ(positions.valueAt("c"), at(1, 33));
    EXPECT_EQ(positions.valueAt("d[0]"), at(1, 43));
    EXPECT_EQ(positions.valueAt("d[1]"), at(1, 48));
    EXPECT_EQ(positions.valueAt("e"), at(1, 59));

    for (const std::string_view scalar : {"12", "-0.5e+3", "\"s\"", "true", "null"}) {
        const auto root = JsonPositions::index(scalar);
        EXPECT_TRUE(root.wellFormed()) << scalar;
        EXPECT_EQ(root.valueAt(""), at(1, 1)) << scalar;
        EXPECT_EQ(JsonPositions::index("\n  " + std::string(scalar) + " \n").valueAt(""), at(2, 3))
            << scalar;
    }
}

TEST(JsonPositions, LineBreaksRightAfterNumbers) {
    const auto positions = JsonPositions::index("[1\n,2\r\n,3\r,4]");
    EXPECT_TRUE(positions.wellFormed());
    EXPECT_EQ(positions.valueAt("[0]"), at(1, 2));
    EXPECT_EQ(positions.valueAt("[1]"), at(2, 2));
    EXPECT_EQ(positions.valueAt("[2]"), at(3, 2));
    EXPECT_EQ(positions.valueAt("[3]"), at(4, 2));
}

TEST(JsonPositions, ByteOrderMarkAndMixedLineEnds) {
    const auto positions =
        JsonPositions::index("\xEF\xBB\xBF{\r\n \"a\": [1,\r2],\n \"b\":\r\n  -3}");
    EXPECT_TRUE(positions.wellFormed());
    EXPECT_EQ(positions.valueAt(""), at(1, 4));
    EXPECT_EQ(positions.keyAt("a"), at(2, 2));
    EXPECT_EQ(positions.valueAt("a"), at(2, 7));
    EXPECT_EQ(positions.valueAt("a[0]"), at(2, 8));
    EXPECT_EQ(positions.valueAt("a[1]"), at(3, 1));
    EXPECT_EQ(positions.keyAt("b"), at(4, 2));
    EXPECT_EQ(positions.valueAt("b"), at(5, 3));
}

/// Byte offset of a position in `text` (same line rules as JsonPositions).
std::size_t offsetOf(std::string_view text, TextPos pos) {
    std::size_t offset = 0;
    for (std::uint64_t line = 1; line < pos.line; ++offset) {
        const char c = text.at(offset);
        if (c == '\n' || (c == '\r' && (offset + 1 >= text.size() || text[offset + 1] != '\n'))) {
            ++line;
        }
    }
    return offset + pos.column - 1;
}

/// Checks that the value at `path` (and its key) is found where it is written in `text`.
void expectAtFirstByte(std::string_view text, const JsonPositions& positions,
                       const nlohmann::json& value, const std::string& path) {
    const auto pos = positions.valueAt(path);
    ASSERT_TRUE(pos) << path;
    const std::size_t offset = offsetOf(text, *pos);
    ASSERT_LT(offset, text.size()) << path;
    const char c = text[offset];
    if (value.is_object()) {
        EXPECT_EQ(c, '{') << path;
        for (const auto& item : value.items()) {
            const std::string child = JsonPositions::member(path, item.key());
            const auto keyPos = positions.keyAt(child);
            ASSERT_TRUE(keyPos) << child;
            EXPECT_EQ(text[offsetOf(text, *keyPos)], '"') << child;
            expectAtFirstByte(text, positions, item.value(), child);
        }
    } else if (value.is_array()) {
        EXPECT_EQ(c, '[') << path;
        for (std::size_t i = 0; i < value.size(); ++i)
            expectAtFirstByte(text, positions, value[i], JsonPositions::element(path, i));
    } else if (value.is_string()) {
        EXPECT_EQ(c, '"') << path;
    } else if (value.is_number()) {
        // The number written there is the value.
        EXPECT_EQ(std::strtod(std::string(text.substr(offset, 40)).c_str(), nullptr),
                  value.get<double>())
            << path;
    } else {
        EXPECT_EQ(c, value.is_null() ? 'n' : value.get<bool>() ? 't' : 'f') << path;
    }
}

TEST(JsonPositions, EveryValueStartsAtItsFirstByte) {
    const std::string text =
        "\xEF\xBB\xBF{\"k\\u00e9y\\\"\": [1, 22,333,-4.5e-1 ,\r\n[[],{}], {\"x\":\"a\\\\\\\"b\"}],"
        "\r\"n\":null,\"t\" : true ,\n\t\"f\":false,\"s\":\"\\ud83d\\ude00\xC3\xA9\","
        "\"deep\":[[[[{\"z\":[0]}]]]], \"last\":7}";
    nlohmann::json root;
    const auto positions = JsonPositions::index(text, &root);
    ASSERT_TRUE(positions.wellFormed());
    EXPECT_EQ(root, nlohmann::json::parse(text));
    expectAtFirstByte(text, positions, root, "");
}

TEST(JsonPositions, BuildsTheDocumentOnlyWhenWellFormed) {
    nlohmann::json root = 5;
    EXPECT_TRUE(JsonPositions::index(R"({"a": [1, {"b": null}], "a": 2})", &root).wellFormed());
    EXPECT_EQ(root, nlohmann::json::parse(R"({"a": 2})"));  // a repeated key keeps the last
    EXPECT_FALSE(JsonPositions::index("[1, 2", &root).wellFormed());
    EXPECT_TRUE(root.is_null());
}

TEST(JsonPositions, ArraysOfObjectsAndNestedArrays) {
    const auto positions = JsonPositions::index(R"([{"a":1},{"a":2},[3,{"b":[4, []]}], {}])");
    EXPECT_TRUE(positions.wellFormed());
    EXPECT_EQ(positions.valueAt("[0].a"), at(1, 7));
    EXPECT_EQ(positions.keyAt("[1].a"), at(1, 11));
    EXPECT_EQ(positions.valueAt("[2][0]"), at(1, 19));
    EXPECT_EQ(positions.valueAt("[2][1].b[0]"), at(1, 27));
    EXPECT_EQ(positions.valueAt("[2][1].b[1]"), at(1, 30));
    EXPECT_EQ(positions.valueAt("[3]"), at(1, 37));
}

TEST(JsonPositions, KeysAreUsedVerbatim) {
    const auto positions = JsonPositions::index(R"({"a.b": {"c d[0]": 1, "": 2}})");
    EXPECT_EQ(positions.valueAt("a.b.c d[0]"), at(1, 20));
    EXPECT_EQ(positions.keyAt("a.b."), at(1, 23));
}

TEST(JsonPositions, AmbiguousPathsAreResolvedByTryingEachSplit) {
    const auto positions =
        JsonPositions::index(R"({"a.b": {"c": 1}, "a": {"x": 2, "b": 3}, "": {"e": 4}})");
    EXPECT_EQ(positions.valueAt("a.b.c"), at(1, 15));  // only "a.b" has a "c"
    EXPECT_EQ(positions.valueAt("a.b"), at(1, 38));    // shorter keys first: "a", then "b"
    EXPECT_EQ(positions.valueAt("a.x"), at(1, 30));
    EXPECT_EQ(positions.valueAt(""), at(1, 1));    // the root, not the member ""
    EXPECT_EQ(positions.keyAt(""), at(1, 42));     // the root has no key: the member ""
    EXPECT_EQ(positions.valueAt("e"), at(1, 52));  // member("", "e") has no dot
}

TEST(JsonPositions, OddPathsAreNotFound) {
    const auto positions = JsonPositions::index(R"({"a": [10, [20]], "b": {"c": 1}})");
    for (const std::string path :
         {"[0]", "a[", "a[]", "a[x]", "a[01]", "a[2]", "a[99999999999999999999999]", "a[0", "a.0",
          "a[0].x", "a[1][0][0]", "b[0]", "b.", "b..c", ".b", "bb", "b.c.d", "b[0].c"}) {
        EXPECT_EQ(positions.valueAt(path), std::nullopt) << path;
    }
    EXPECT_EQ(positions.valueAt("a[1][0]"), at(1, 13));
    EXPECT_EQ(positions.valueAt("b.c"), at(1, 30));
    EXPECT_EQ(JsonPositions::index("").valueAt(""), std::nullopt);
    EXPECT_EQ(JsonPositions::index("7").valueAt(""), at(1, 1));
}

TEST(JsonPositions, LargeDocument) {
    std::string text = "{\"steps\": [\n";
    constexpr int kSteps = 100000;
    for (int i = 0; i < kSteps; ++i) {
        text += R"(  {"op": "touch", "address": )" + std::to_string(i) + "},\n";
    }
    text += "  {}\n]}";
    const auto positions = JsonPositions::index(text);
    EXPECT_TRUE(positions.wellFormed());
    EXPECT_EQ(positions.keyAt("steps[99999].address"), at(kSteps + 1, 19));
    EXPECT_EQ(positions.valueAt("steps[100000]"), at(kSteps + 2, 3));
}

TEST(JsonPositions, PathHelpers) {
    EXPECT_EQ(JsonPositions::member("", "steps"), "steps");
    EXPECT_EQ(JsonPositions::member("steps[3]", "address"), "steps[3].address");
    EXPECT_EQ(JsonPositions::element("steps", 3), "steps[3]");
    EXPECT_EQ(JsonPositions::element("", 0), "[0]");
    EXPECT_EQ(JsonPositions::member(JsonPositions::element("steps", 3), "caption") + ".en",
              "steps[3].caption.en");
}

TEST(JsonPositions, PositionOfByteOffsets) {
    const std::string_view text = "ab\r\ncd\ne\rf";
    EXPECT_EQ(JsonPositions::positionOf(text, 0), at(1, 1));
    EXPECT_EQ(JsonPositions::positionOf(text, 2), at(1, 3));  // the \r
    EXPECT_EQ(JsonPositions::positionOf(text, 4), at(2, 1));
    EXPECT_EQ(JsonPositions::positionOf(text, 7), at(3, 1));
    EXPECT_EQ(JsonPositions::positionOf(text, 9), at(4, 1));
    EXPECT_EQ(JsonPositions::positionOf(text, text.size()), at(4, 2));
    EXPECT_EQ(JsonPositions::positionOf(text, 1000), at(4, 2));
}

TEST(JsonPositions, ToleratesInvalidJson) {
    const auto positions = JsonPositions::index(R"({"a": [1, 2, x], "b": 3})");
    EXPECT_FALSE(positions.wellFormed());
    EXPECT_EQ(positions.valueAt("a[1]"), at(1, 11));
    EXPECT_EQ(positions.valueAt("b"), std::nullopt);  // after the problem

    for (const std::string_view bad :
         {"",        "   ",   "{",         "[",        "\"",       "\"\\", "\"\\u12", "{\"a\"",
          "{\"a\":", "[1,]",  "{,}",       "-",        "1.",       "1e",   "01",      "tru",
          "nul",     "[1 2]", "{\"a\" 1}", "\xEF\xBB", "\"\xC3\"", "1 2"}) {
        const auto p = JsonPositions::index(bad);
        EXPECT_FALSE(p.wellFormed()) << bad;
    }
    EXPECT_TRUE(JsonPositions::index("\xEF\xBB\xBF {} ").wellFormed());
    EXPECT_TRUE(JsonPositions::index("-0.5e+3").wellFormed());
}

TEST(JsonPositions, DeepNestingStopsWithoutRecursion) {
    const std::string deep(100000, '[');
    const auto positions = JsonPositions::index(deep);
    EXPECT_FALSE(positions.wellFormed());
    EXPECT_EQ(positions.tooDeepAt(), at(1, JsonPositions::kMaxDepth + 1));

    const std::string limit =
        std::string(JsonPositions::kMaxDepth, '[') + std::string(JsonPositions::kMaxDepth, ']');
    const auto ok = JsonPositions::index(limit);
    EXPECT_TRUE(ok.wellFormed());
    EXPECT_EQ(ok.tooDeepAt(), std::nullopt);
}

TEST(JsonPositions, FindsTheFirstDuplicateKey) {
    const auto positions = JsonPositions::index(R"({"a": {"x": 1, "y": 2, "x": 3}, "a": 4})");
    EXPECT_TRUE(positions.wellFormed());
    ASSERT_TRUE(positions.firstDuplicateKey());
    EXPECT_EQ(positions.firstDuplicateKey()->path, "a.x");
    EXPECT_EQ(positions.firstDuplicateKey()->text, "x");
    EXPECT_EQ(positions.firstDuplicateKey()->pos, at(1, 24));

    // The earliest second occurrence in the text wins, whichever object closes first.
    EXPECT_EQ(JsonPositions::index(R"({"b":1,"a":1,"b":2,"a":2})").firstDuplicateKey()->pos,
              at(1, 14));
    const auto inner = JsonPositions::index(R"({"x": {"k":1,"k":2}, "k": 1, "k": 2})");
    EXPECT_EQ(inner.firstDuplicateKey()->path, "x.k");
    EXPECT_EQ(inner.firstDuplicateKey()->pos, at(1, 14));
    const auto outer = JsonPositions::index(R"({"k": 1, "k": 2, "x": {"j":1,"j":2}})");
    EXPECT_EQ(outer.firstDuplicateKey()->path, "k");
    EXPECT_EQ(outer.firstDuplicateKey()->pos, at(1, 10));
    // Also in objects left open by a syntax error.
    EXPECT_EQ(JsonPositions::index(R"({"a": {"k": 1, "k": 2)").firstDuplicateKey()->path, "a.k");

    // Same key in different objects is fine.
    EXPECT_FALSE(
        JsonPositions::index(R"([{"a": 1}, {"a": 2}, {"b": {"a": 3}}])").firstDuplicateKey());
}

// --- JsonDocument ---

TEST(JsonDocument, ParsesAndKeepsPositions) {
    const JsonDocument doc(kScenario, "fork_cow.json");
    EXPECT_EQ(doc.file(), "fork_cow.json");
    EXPECT_EQ(doc.root()["machine"]["frames"], 8);
    EXPECT_EQ(doc.valuePos("steps[0].address"), at(8, 33));
    EXPECT_EQ(doc.keyPos("steps[0].address"), at(8, 22));
    EXPECT_EQ(doc.keyPos("steps[0]"), at(8, 5));           // no key: the value
    EXPECT_EQ(doc.valuePos("steps[0].nope.x"), at(8, 5));  // not there: nearest ancestor
    EXPECT_EQ(doc.valuePos("nope"), at(1, 1));
}

TEST(JsonDocument, SyntaxErrorPosition) {
    EXPECT_EQ(documentError("{\n  \"a\": 1\n  \"b\": 2\n}"),
              "t.json:3:3: syntax error: expected ',' or '}' after an object member, found '\"'");
    EXPECT_EQ(documentError("{\r\n  \"a\": 1,\r\n  \"b\" 2\r\n}"),
              "t.json:3:7: syntax error: expected ':' after the key, found '2'");
    EXPECT_EQ(documentError("[1, tru]"),
              "t.json:1:8: syntax error: invalid literal: expected true, false or null");
    // nlohmann alone would stop at the NUL and accept this.
    EXPECT_EQ(documentError(std::string("{}\0{", 4)),
              "t.json:1:3: syntax error: expected end of input after the JSON value, found byte "
              "0x00");
    EXPECT_EQ(documentError("{} x"),
              "t.json:1:4: syntax error: expected end of input after the JSON value, found 'x'");
}

TEST(JsonDocument, SyntaxErrorMessages) {
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"[1,]", "1:4: syntax error: expected a value, found ']'"},
        {"{,}", "1:2: syntax error: expected a string key, found ','"},
        {"{\"a\":1,}", "1:8: syntax error: expected a string key, found '}'"},
        {"[01]", "1:3: syntax error: expected ',' or ']' after an array element, found '1'"},
        {"-x", "1:2: syntax error: expected a digit after '-', found 'x'"},
        {"1.e5", "1:3: syntax error: expected a digit after the decimal point, found 'e'"},
        {"1e+", "1:4: syntax error: expected a digit in the exponent, found end of input"},
        {"\"\\q\"",
         "1:3: syntax error: invalid escape in a string (expected one of \\\" \\\\ \\/ \\b \\f "
         "\\n \\r \\t \\uXXXX)"},
        {"\"\\u12G4\"", "1:6: syntax error: expected 4 hex digits after \\u, found 'G'"},
        {"\"\\udc00\"", "1:2: syntax error: unpaired surrogate \\udc00"},
        {"\"\\ud800\\u0041\"",
         "1:8: syntax error: a surrogate \\uD800-\\uDBFF must be followed by \\uDC00-\\uDFFF"},
        {"[\x01]", "1:2: syntax error: expected a value, found byte 0x01"},
        {"\xEF\xBB", "1:1: syntax error: incomplete UTF-8 byte order mark"},
        {"nul", "1:4: syntax error: invalid literal: expected true, false or null"},
        {"{\"a\"", "1:5: syntax error: expected ':' after the key, found end of input"},
        {"[", "1:2: syntax error: expected a value, found end of input"},
    };
    for (const auto& [text, message] : cases) {
        EXPECT_EQ(documentError(text), "t.json:" + std::string(message)) << text;
    }
}

TEST(JsonDocument, SyntaxErrorsAfterSeparators) {
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"[1,,2]", "1:4: syntax error: expected a value, found ','"},
        {"{\"a\":1,,}", "1:8: syntax error: expected a string key, found ','"},
        {"{\"a\":}", "1:6: syntax error: expected a value, found '}'"},
        {"{\"a\"::1}", "1:6: syntax error: expected a value, found ':'"},
        {"[1,\n\n]", "3:1: syntax error: expected a value, found ']'"},
        {"{\"a\": [],\r\n  }", "2:3: syntax error: expected a string key, found '}'"},
        {"[[]\n  [1]]", "2:3: syntax error: expected ',' or ']' after an array element, found '['"},
    };
    for (const auto& [text, message] : cases) {
        EXPECT_EQ(documentError(text), "t.json:" + std::string(message)) << text;
    }
}

TEST(JsonDocument, BadTokensWhereSomethingElseWasExpected) {
    // nlohmann's lexer refuses these tokens; what was expected is the better message.
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"{\"a\" tru}", "1:6: syntax error: expected ':' after the key, found 't'"},
        {"[1 \"x\\q\"]",
         "1:4: syntax error: expected ',' or ']' after an array element, found '\"'"},
        {"{\"a\":1 -}", "1:8: syntax error: expected ',' or '}' after an object member, found '-'"},
        {"{-1: 2}", "1:2: syntax error: expected a string key, found '-'"},
        {"[] \xFF",
         "1:4: syntax error: expected end of input after the JSON value, found byte "
         "0xFF"},
        {"[/* no comments */]", "1:2: syntax error: expected a value, found '/'"},
    };
    for (const auto& [text, message] : cases) {
        EXPECT_EQ(documentError(text), "t.json:" + std::string(message)) << text;
    }
}

TEST(JsonDocument, BadKeysAreReportedLikeBadStrings) {
    EXPECT_EQ(documentError(R"({"a\q": 1})"),
              "t.json:1:5: syntax error: invalid escape in a string (expected one of \\\" \\\\ "
              "\\/ \\b \\f \\n \\r \\t \\uXXXX)");
    EXPECT_EQ(documentError("{\"a\": 1,\n \"b\xFF\": 2}"),
              "t.json:2:4: syntax error: invalid UTF-8 in a string");
    EXPECT_EQ(documentError("{\"k"),
              "t.json:1:4: syntax error: unterminated string (missing closing quote)");
}

TEST(JsonDocument, WhatFollowsANumber) {
    EXPECT_EQ(documentError("01"),
              "t.json:1:2: syntax error: expected end of input after the JSON value, found '1'");
    EXPECT_EQ(documentError("[-01]"),
              "t.json:1:4: syntax error: expected ',' or ']' after an array element, found '1'");
    EXPECT_EQ(documentError(std::string("1\0", 2)),
              "t.json:1:2: syntax error: expected end of input after the JSON value, found byte "
              "0x00");
    EXPECT_EQ(documentError("[1\r\n\r\n2]"),
              "t.json:3:1: syntax error: expected ',' or ']' after an array element, found '2'");
}

TEST(JsonDocument, SurrogateErrorsAreAtTheEndOfTheHighSurrogate) {
    const std::string message =
        "syntax error: a surrogate \\uD800-\\uDBFF must be followed by \\uDC00-\\uDFFF";
    EXPECT_EQ(documentError(R"("\ud800\n")"), "t.json:1:8: " + message);  // '\' but no 'u'
    EXPECT_EQ(documentError(R"("\uD800\uD800")"), "t.json:1:8: " + message);
    EXPECT_EQ(documentError(R"("\ud800)"), "t.json:1:8: " + message);
    EXPECT_EQ(documentError("[\n\"\\uDFFF\"]"),
              "t.json:2:2: syntax error: unpaired surrogate \\uDFFF");
}

TEST(JsonDocument, TruncatedInput) {
    EXPECT_EQ(documentError("{\"a\": [1, 2"),
              "t.json:1:12: syntax error: expected ',' or ']' after an array element, found end "
              "of input");
    EXPECT_EQ(documentError("{\"a\": \"abc"),
              "t.json:1:11: syntax error: unterminated string (missing closing quote)");
    EXPECT_EQ(documentError("{\"a\": \"abc\\"),
              "t.json:1:12: syntax error: unterminated string (missing closing quote)");
}

TEST(JsonDocument, EmptyInput) {
    EXPECT_EQ(documentError(""), "t.json:1:1: empty input: expected a JSON value");
    EXPECT_EQ(documentError(" \r\n\t "), "t.json:1:1: empty input: expected a JSON value");
}

TEST(JsonDocument, InvalidStringsHaveAPosition) {
    EXPECT_EQ(documentError("[\"ok\",\n \"a\xFF\"]"),
              "t.json:2:4: syntax error: invalid UTF-8 in a string");
    EXPECT_EQ(documentError("[\"a\nb\"]"),  // at the line feed itself, the end of line 1
              "t.json:1:4: syntax error: control character in a string (write it as an escape "
              "such as \\n)");
    EXPECT_EQ(documentError(R"(["\ud800x"])"),
              "t.json:1:9: syntax error: a surrogate \\uD800-\\uDBFF must be followed by "
              "\\uDC00-\\uDFFF");
    // Overlong encodings and encoded surrogates are invalid UTF-8 too.
    EXPECT_EQ(documentError("\"\xC0\xAF\""), "t.json:1:2: syntax error: invalid UTF-8 in a string");
    EXPECT_EQ(documentError("\"\xED\xA0\x80\""),
              "t.json:1:2: syntax error: invalid UTF-8 in a string");
    EXPECT_EQ(documentError("\"\xF4\x90\x80\x80\""),
              "t.json:1:2: syntax error: invalid UTF-8 in a string");
    EXPECT_EQ(documentError("\"\xE2\x82\xAC \xF0\x9F\x98\x80\""), "no error");
}

TEST(JsonDocument, DeepNestingIsRefusedWithoutCrash) {
    EXPECT_EQ(documentError(std::string(100000, '[')),
              "t.json:1:257: nested deeper than 256 arrays/objects");
    std::string objects;
    for (int i = 0; i < 100000; ++i)
        objects += "{\"a\":";
    EXPECT_EQ(documentError(objects), "t.json:1:1281: nested deeper than 256 arrays/objects");
    const std::string limit =
        std::string(JsonPositions::kMaxDepth, '[') + std::string(JsonPositions::kMaxDepth, ']');
    EXPECT_EQ(documentError(limit), "no error");
    // The largest accepted text: the parse stops at the 257th '[' and reads no further.
    EXPECT_EQ(documentError(std::string(JsonDocument::kMaxBytes, '[')),
              "t.json:1:257: nested deeper than 256 arrays/objects");
}

TEST(JsonDocument, OversizeIsRefused) {
    const std::string huge(JsonDocument::kMaxBytes + 1, ' ');
    EXPECT_EQ(documentError(huge), "t.json:1:1: file too large: 67108865 bytes (at most 67108864)");
}

TEST(JsonDocument, DuplicateKeysAreRefusedAtTheSecondOccurrence) {
    EXPECT_EQ(documentError("{\n \"a\": 1,\n \"b\": {\"x\": 1, \"x\": 2}\n}"),
              "t.json:3:16: b.x: duplicate key 'x'");
    EXPECT_EQ(documentError(R"({"a": 1, "\u0061": 2})"), "t.json:1:10: a: duplicate key 'a'");
    // A syntax error after a duplicate: the duplicate comes first in the text.
    EXPECT_EQ(documentError(R"({"a": 1, "a": 2, })"), "t.json:1:10: a: duplicate key 'a'");
    // Also when the second value is where the syntax error is.
    EXPECT_EQ(documentError("{\"a\": 1, \"a\": \"x\ny\"}"), "t.json:1:10: a: duplicate key 'a'");
    EXPECT_EQ(documentError(R"({"a": 1, "a": tru})"), "t.json:1:10: a: duplicate key 'a'");
    EXPECT_EQ(documentError(R"({"a": 1, "a": ]})"),
              "t.json:1:15: syntax error: expected a value, found ']'");
}

TEST(JsonDocument, NumberTooLargeForADouble) {
    EXPECT_EQ(documentError(R"({"x": [1, 1e400]})"), "t.json:1:11: x[1]: number too large: 1e400");
    EXPECT_EQ(documentError("-" + std::string(400, '9')).substr(0, 38),
              "t.json:1:1: number too large: -9999999");
    EXPECT_EQ(documentError("[1e-400, 0e99999, 1.7976931348623157e308]"), "no error");
    EXPECT_EQ(documentError("[\r\n 1,\r\n 1e999]"), "t.json:3:2: [1]: number too large: 1e999");
    // The number as nlohmann read it: it ends where it cannot go on, or at the end of the text.
    EXPECT_EQ(documentError(R"({"a": 1.0e352.0e35})"), "t.json:1:7: a: number too large: 1.0e352");
    EXPECT_EQ(documentError("[1e999,2]"), "t.json:1:2: [0]: number too large: 1e999");
    EXPECT_EQ(documentError("  1e999"), "t.json:1:3: number too large: 1e999");
    EXPECT_EQ(documentError("{\"a\": 1, \"a\": 1e999}"), "t.json:1:10: a: duplicate key 'a'");
}

TEST(JsonDocument, AcceptsAByteOrderMark) {
    const JsonDocument doc("\xEF\xBB\xBF{\"a\": 1}", "t.json");
    EXPECT_EQ(doc.valuePos("a"), at(1, 10));  // byte columns: the BOM takes 3
}

// --- InputError ---

TEST(InputError, MessageForms) {
    const InputError withPath("f.json", at(12, 18), "steps[3].address", "expected a string");
    EXPECT_STREQ(withPath.what(), "f.json:12:18: steps[3].address: expected a string");
    EXPECT_EQ(withPath.detail(), "expected a string");
    EXPECT_EQ(withPath.path(), "steps[3].address");
    EXPECT_EQ(withPath.file(), "f.json");
    EXPECT_EQ(withPath.pos(), at(12, 18));

    const InputError atRoot("f.json", at(1, 1), "", "expected an object");
    EXPECT_STREQ(atRoot.what(), "f.json:1:1: expected an object");
    const InputError noFile("", at(2, 3), "a", "expected an object");
    EXPECT_STREQ(noFile.what(), "2:3: a: expected an object");
}

// --- JsonReader: objects and arrays ---

TEST(JsonReader, WalksTheScenario) {
    const JsonDocument doc(kScenario, "fork_cow.json");
    const JsonReader root = JsonReader::root(doc);
    EXPECT_EQ(root.path(), "");
    EXPECT_EQ(root.pos(), at(1, 1));
    root.allowOnly({"name", "machine", "steps"});
    EXPECT_EQ(root.at("name").asString(), "fork");
    EXPECT_EQ(root.at("machine").at("frames").asUint(1, 64), 8u);
    const JsonReader steps = root.at("steps");
    ASSERT_EQ(steps.size(), 2u);
    const JsonReader step = steps.at(0);
    EXPECT_EQ(step.path(), "steps[0]");
    EXPECT_EQ(step.at("address").path(), "steps[0].address");
    EXPECT_EQ(step.at("address").pos(), at(8, 33));
    EXPECT_EQ(step.at("address").asAddress(), 0x1000u);
    EXPECT_EQ(step.at("op").asEnum({"touch", "fork"}), "touch");
    EXPECT_TRUE(root.has("steps"));
    EXPECT_FALSE(root.has("nope"));
    EXPECT_FALSE(steps.has("nope"));
    EXPECT_FALSE(root.find("nope"));
    EXPECT_EQ(root.find("name")->asString(), "fork");

    try {
        steps.at(1).at("op").asAddress();
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_STREQ(e.what(),
                     "fork_cow.json:9:11: steps[1].op: expected an unsigned integer or hex string");
        EXPECT_EQ(e.detail(), "expected an unsigned integer or hex string");
        EXPECT_EQ(e.path(), "steps[1].op");
        EXPECT_EQ(e.pos(), at(9, 11));
    }
}

TEST(JsonReader, TypeErrors) {
    EXPECT_EQ(readerError("[1]", [](const JsonReader& r) { r.requireObject(); }),
              "t.json:1:1: expected an object");
    EXPECT_EQ(readerError("{}", [](const JsonReader& r) { r.requireArray(); }),
              "t.json:1:1: expected an array");
    EXPECT_EQ(readerError("{}", [](const JsonReader& r) { r.size(); }),
              "t.json:1:1: expected an array");
    EXPECT_EQ(readerError("[]", [](const JsonReader& r) { r.at("a"); }),
              "t.json:1:1: expected an object");
    EXPECT_EQ(readerError("[]", [](const JsonReader& r) { r.keys(); }),
              "t.json:1:1: expected an object");
    EXPECT_EQ(valueError("1", [](const JsonReader& r) { r.asString(); }),
              "t.json:1:7: v: expected a string");
    EXPECT_EQ(valueError("\"true\"", [](const JsonReader& r) { r.asBool(); }),
              "t.json:1:7: v: expected a boolean");
    EXPECT_EQ(valueError("null", [](const JsonReader& r) { r.asNumber(); }),
              "t.json:1:7: v: expected a number");
    EXPECT_EQ(valueError("\"5\"", [](const JsonReader& r) { r.asUint(); }),
              "t.json:1:7: v: expected an unsigned integer");
    EXPECT_EQ(valueError("[5]", [](const JsonReader& r) { r.asInt(); }),
              "t.json:1:7: v: expected an integer");
}

TEST(JsonReader, Scalars) {
    const JsonDocument doc(
        R"({"s": "x", "t": true, "f": false, "n": -2.5, "u": 7, "i": -7, "z": -0, "big": 18446744073709551615})",
        "t.json");
    const auto root = JsonReader::root(doc);
    EXPECT_EQ(root.at("s").asString(), "x");
    EXPECT_TRUE(root.at("t").asBool());
    EXPECT_FALSE(root.at("f").asBool());
    EXPECT_DOUBLE_EQ(root.at("n").asNumber(), -2.5);
    EXPECT_DOUBLE_EQ(root.at("u").asNumber(), 7.0);
    EXPECT_EQ(root.at("u").asUint(), 7u);
    EXPECT_EQ(root.at("u").asUint(7, 7), 7u);
    EXPECT_EQ(root.at("u").asInt(), 7);
    EXPECT_EQ(root.at("i").asInt(-7, 0), -7);
    EXPECT_EQ(root.at("z").asUint(), 0u);
    EXPECT_EQ(root.at("big").asUint(), UINT64_MAX);
    EXPECT_TRUE(root.at("s").isString());
    EXPECT_TRUE(root.isObject());
}

TEST(JsonReader, UnsignedIntegerErrors) {
    const auto asUint = [](const JsonReader& r) { r.asUint(); };
    const auto asFrames = [](const JsonReader& r) { r.asUint(1, 64); };
    EXPECT_EQ(valueError("-3", asUint), "t.json:1:7: v: expected an unsigned integer, found -3");
    EXPECT_EQ(valueError("3.0", asUint), "t.json:1:7: v: expected an unsigned integer, found 3.0");
    EXPECT_EQ(valueError("1e3", asUint),
              "t.json:1:7: v: expected an unsigned integer, found 1000.0");
    EXPECT_EQ(valueError("100", asFrames),
              "t.json:1:7: v: expected an unsigned integer from 1 to 64, found 100");
    EXPECT_EQ(valueError("0", asFrames),
              "t.json:1:7: v: expected an unsigned integer from 1 to 64, found 0");
    EXPECT_EQ(valueError("\"8\"", asFrames),
              "t.json:1:7: v: expected an unsigned integer from 1 to 64");
    EXPECT_EQ(valueError("18446744073709551616", asUint),
              "t.json:1:7: v: expected an unsigned integer, found 1.8446744073709552e+19");
}

TEST(JsonReader, IntegerErrors) {
    const auto asInt = [](const JsonReader& r) { r.asInt(); };
    EXPECT_EQ(valueError("9223372036854775808", asInt),
              "t.json:1:7: v: expected an integer, found 9223372036854775808");
    EXPECT_EQ(valueError("-1.5", asInt), "t.json:1:7: v: expected an integer, found -1.5");
    EXPECT_EQ(valueError("-6", [](const JsonReader& r) { r.asInt(-5, 5); }),
              "t.json:1:7: v: expected an integer from -5 to 5, found -6");
    EXPECT_EQ(valueError("-9223372036854775808", asInt), "no error");
}

TEST(JsonReader, Addresses) {
    const auto address = [](std::string_view value) {
        const JsonDocument doc("{\"v\": " + std::string(value) + "}", "t.json");
        return JsonReader::root(doc).at("v").asAddress();
    };
    EXPECT_EQ(address("4096"), 4096u);
    EXPECT_EQ(address("\"0x7f0000001000\""), 0x7f0000001000u);
    EXPECT_EQ(address("\"0X1fA\""), 0x1fau);
    EXPECT_EQ(address("\"0xffffffffffffffff\""), UINT64_MAX);
    EXPECT_EQ(address("\"0x0000000000000001\""), 1u);
    EXPECT_EQ(address("\"4096\""), 4096u);
    EXPECT_EQ(address("\"18446744073709551615\""), UINT64_MAX);

    const auto asAddress = [](const JsonReader& r) { r.asAddress(); };
    const std::string bad = "t.json:1:7: v: expected an unsigned integer or hex string";
    for (const std::string_view value :
         {"\"0x\"", "\"0x1_000\"", "\"0xg\"", "\"0x10000000000000000\"", "\"-1\"", "\"\"",
          "\" 12\"", "\"12 \"", "\"18446744073709551616\"", "\"x10\"", "true", "[]", "null"}) {
        EXPECT_EQ(valueError(value, asAddress), bad) << value;
    }
    EXPECT_EQ(valueError("-1", asAddress), bad + ", found -1");
    EXPECT_EQ(valueError("1.5", asAddress), bad + ", found 1.5");
}

TEST(JsonReader, SizesWithUnits) {
    const auto size = [](std::string_view value, std::uint64_t max = UINT64_MAX) {
        const JsonDocument doc("{\"v\": " + std::string(value) + "}", "t.json");
        return JsonReader::root(doc).at("v").asSize(max);
    };
    EXPECT_EQ(size("4096"), 4096u);
    EXPECT_EQ(size("\"4096\""), 4096u);
    EXPECT_EQ(size("\"5 B\""), 5u);
    EXPECT_EQ(size("\"4 KiB\""), 4096u);
    EXPECT_EQ(size("\"1MiB\""), 1u << 20);
    EXPECT_EQ(size("\"16GiB\""), 16ull << 30);
    EXPECT_EQ(size("\"2TiB\""), 2ull << 40);
    EXPECT_EQ(size("\"3 K\""), 3u << 10);
    EXPECT_EQ(size("\"3k\""), 3u << 10);
    EXPECT_EQ(size("\"7M\""), 7u << 20);
    EXPECT_EQ(size("\"1 G\""), 1u << 30);
    EXPECT_EQ(size("\"1T\""), 1ull << 40);
    EXPECT_EQ(size("\"16777215 TiB\""), 16777215ull << 40);
    EXPECT_EQ(size("\"1 GiB\"", 1u << 30), 1u << 30);
}

TEST(JsonReader, SizeErrors) {
    const auto asSize = [](const JsonReader& r) { r.asSize(); };
    const std::string bad =
        "t.json:1:7: v: expected a size such as 4096, \"4 KiB\", \"1MiB\" or \"16GiB\"";
    for (const std::string_view value :
         {"\"16 EiB\"", "\"4 kib\"", "\"4 KIB\"", "\"4KB\"", "\"1.5 GiB\"", "\"\"", "\" 4\"",
          "\"4  KiB\"", "\"4 \"", "\"KiB\"", "\"-1\"", "\"0x10\"", "true", "{}"}) {
        EXPECT_EQ(valueError(value, asSize), bad) << value;
    }
    EXPECT_EQ(valueError("-1", asSize), bad + ", found -1");
    EXPECT_EQ(valueError("1.5", asSize), bad + ", found 1.5");

    const std::string overflow =
        "t.json:1:7: v: size too large: more than 18446744073709551615 bytes (at most "
        "18446744073709551615)";
    EXPECT_EQ(valueError("\"99999999999 TiB\"", asSize), overflow);
    EXPECT_EQ(valueError("\"16777216 TiB\"", asSize), overflow);
    EXPECT_EQ(valueError("\"99999999999999999999999\"", asSize), overflow);
    EXPECT_EQ(valueError("\"2GiB\"", [](const JsonReader& r) { r.asSize(1u << 30); }),
              "t.json:1:7: v: size too large: 2147483648 bytes (at most 1073741824)");
    EXPECT_EQ(valueError("4096", [](const JsonReader& r) { r.asSize(4095); }),
              "t.json:1:7: v: size too large: 4096 bytes (at most 4095)");
}

TEST(JsonReader, Enums) {
    const auto policy = [](const JsonReader& r) { r.asEnum({"fifo", "lru", "clock"}); };
    EXPECT_EQ(valueError("\"lru\"", policy), "no error");
    EXPECT_EQ(valueError("\"LRU\"", policy), "t.json:1:7: v: expected one of: fifo, lru, clock");
    EXPECT_EQ(valueError("3", policy), "t.json:1:7: v: expected one of: fifo, lru, clock");
}

TEST(JsonReader, MissingKeyIsReportedAtTheObject) {
    EXPECT_EQ(readerError("{\"machine\":\n  {\"tlb\": 4}}",
                          [](const JsonReader& r) { r.at("machine").at("frames"); }),
              "t.json:2:3: machine: missing required key 'frames'");
    EXPECT_EQ(readerError("{}", [](const JsonReader& r) { r.at("frames"); }),
              "t.json:1:1: missing required key 'frames'");
}

TEST(JsonReader, MissingElement) {
    EXPECT_EQ(readerError("{\"a\": [1, 2, 3]}", [](const JsonReader& r) { r.at("a").at(5); }),
              "t.json:1:7: a: missing element [5] (the array has 3 elements)");
}

TEST(JsonReader, AllowOnlyReportsTheUnknownKeyWithASuggestion) {
    const std::string text = "{\n  \"foo\": 1,\n  \"fo\": 2,\n  \"bar\": 3\n}";
    EXPECT_EQ(readerError(text,
                          [](const JsonReader& r) {
                              r.allowOnly({"foo", "bar"});
                          }),
              "t.json:3:3: fo: unknown key 'fo' (expected one of: foo, bar); did you mean 'foo'?");
    EXPECT_EQ(readerError(text,
                          [](const JsonReader& r) {
                              r.allowOnly(std::vector<std::string>{"foo", "baz", "fo"});
                          }),
              "t.json:4:3: bar: unknown key 'bar' (expected one of: foo, baz, fo); did you mean "
              "'baz'?");
    EXPECT_EQ(readerError(text,
                          [](const JsonReader& r) {
                              r.allowOnly({"foo", "fo", "zzz"});
                          }),
              "t.json:4:3: bar: unknown key 'bar' (expected one of: foo, fo, zzz)");
    EXPECT_EQ(readerError(text,
                          [](const JsonReader& r) {
                              r.allowOnly({"foo", "fo", "bar"});
                          }),
              "no error");
    // Reported in document order, not in nlohmann's sorted order ("b" < "z").
    EXPECT_EQ(readerError(R"({"z": 1, "b": 2})", [](const JsonReader& r) { r.allowOnly({"q"}); }),
              "t.json:1:2: z: unknown key 'z' (expected one of: q)");
    // No suggestion without anything in common.
    EXPECT_EQ(readerError(R"({"x": 1})", [](const JsonReader& r) { r.allowOnly({"op"}); }),
              "t.json:1:2: x: unknown key 'x' (expected one of: op)");
    EXPECT_EQ(readerError("[]", [](const JsonReader& r) { r.allowOnly({"a"}); }),
              "t.json:1:1: expected an object");
}

TEST(JsonReader, KeysInDocumentOrder) {
    const JsonDocument doc(R"({"zeta": 1, "alpha": 2, "mid": {"b": 1, "a": 2}})", "t.json");
    const auto root = JsonReader::root(doc);
    EXPECT_EQ(root.keys(), (std::vector<std::string>{"zeta", "alpha", "mid"}));
    EXPECT_EQ(root.at("mid").keys(), (std::vector<std::string>{"b", "a"}));
}

TEST(JsonReader, FailAtKeyAndValue) {
    const JsonDocument doc("{\n  \"frames\":   9\n}", "t.json");
    const auto frames = JsonReader::root(doc).at("frames");
    try {
        frames.failAtKey("custom");
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_STREQ(e.what(), "t.json:2:3: frames: custom");
    }
    try {
        frames.fail("custom");
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_STREQ(e.what(), "t.json:2:15: frames: custom");
    }
}

}  // namespace
}  // namespace pfviz::json
