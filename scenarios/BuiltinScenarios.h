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

}  // namespace pfviz
