#pragma once
#include <QString>
#include <memory>
#include <string>

#include "BuiltinScenarios.h"
#include "pfviz/ScenarioIo.h"
#include "pfviz/Simulator.h"

namespace pfviz::test {

inline std::unique_ptr<Simulator> builtinSimulator(const std::string& name) {
    for (const auto& b : builtinScenarios())
        if (b.name == name)
            return std::make_unique<Simulator>(parseScenario(b.json, std::string(b.name) + ".json"));
    return nullptr;
}

}  // namespace pfviz::test
