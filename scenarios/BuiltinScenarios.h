#pragma once
// The scenario files of this folder, embedded at build time (see embed.cmake).
#include <string_view>
#include <vector>

namespace pfviz {

struct BuiltinScenario {
    std::string_view name;  // file name without ".json"
    std::string_view json;  // the file's text
};

const std::vector<BuiltinScenario>& builtinScenarios();

/// The text of tour/tour.json: the scenarios in teaching order, each with a one-paragraph
/// introduction in English and Korean ({"tour": [{"scenario", "title": {"en","ko"},
/// "text": {"en","ko"}}, ...]}). Entries may name scenarios that are not built in (yet).
std::string_view builtinTourJson();

}  // namespace pfviz
