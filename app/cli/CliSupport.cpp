#include "CliSupport.h"

#include <filesystem>

#include "BuiltinScenarios.h"
#include "pfviz/ScenarioIo.h"

namespace pfviz::cli {

std::vector<std::string> builtinNames() {
    std::vector<std::string> names;
    for (const auto& b : builtinScenarios())
        names.emplace_back(b.name);
    return names;
}

Scenario loadScenarioArg(const std::string& fileOrName) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(fileOrName, ec)) return loadScenarioFile(fileOrName);
    for (const auto& b : builtinScenarios())
        if (b.name == fileOrName) return parseScenario(b.json, std::string(b.name) + ".json");
    std::string names;
    for (const auto& n : builtinNames())
        names += (names.empty() ? "" : ", ") + n;
    throw ScenarioError(
        fileOrName, {1, 1}, "",
        "no such file, and no built-in scenario of that name (built-ins: " + names + ")");
}

}  // namespace pfviz::cli
