#pragma once
#include <QString>
#include <memory>
#include <string>

#include "BuiltinScenarios.h"
#include "charts/ChartData.h"
#include "pfviz/ScenarioIo.h"
#include "pfviz/Simulator.h"

namespace pfviz::test {

inline std::unique_ptr<Simulator> builtinSimulator(const std::string& name) {
    for (const auto& b : builtinScenarios())
        if (b.name == name)
            return std::make_unique<Simulator>(
                parseScenario(b.json, std::string(b.name) + ".json"));
    return nullptr;
}

/// The chart data of a built-in scenario run to the end.
inline ui::ChartData runChartData(ui::ChartKind kind, const std::string& scenario = "fork_cow") {
    auto sim = builtinSimulator(scenario);
    sim->runToEnd();
    ui::ChartData d(kind);
    d.sync(sim->series());
    return d;
}

}  // namespace pfviz::test
