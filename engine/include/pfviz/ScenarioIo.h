#pragma once
// Scenario files (JSON, "format": "pfviz-scenario/1") -> Scenario. The only place that reads
// scenario JSON; errors are json::InputError naming file, line:column, JSON path and what was
// expected. The format is documented in scenarios/README.md and scenarios/schema.json.
#include <string>
#include <string_view>

#include "pfviz/Scenario.h"
#include "pfviz/json/JsonReader.h"

namespace pfviz {

inline constexpr std::string_view kScenarioFormat = "pfviz-scenario/1";
inline constexpr std::uint64_t kMaxSteps = std::uint64_t{1} << 32;

using ScenarioError = json::InputError;

/// Parses and checks a scenario. `file` is used in messages (and stored in Scenario::file).
Scenario parseScenario(std::string_view text, const std::string& file);
/// Reads a file and parses it; a file that cannot be read is an InputError at 1:1.
Scenario loadScenarioFile(const std::string& path);

/// The operation names of the format, in the order the schema lists them.
const std::vector<std::string>& scenarioOpNames();

}  // namespace pfviz
