#pragma once
// Helpers for engine tests: small scenarios written inline as JSON, run with the invariant
// checker after every step.
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "pfviz/Invariants.h"
#include "pfviz/Kernel.h"
#include "pfviz/ScenarioIo.h"
#include "pfviz/Simulator.h"

namespace pfviz::test {

/// Wraps a steps array (and optional machine object) into a scenario with processes 1..n.
std::string scenarioJson(const std::string& steps, const std::string& machine = "",
                         int processes = 1);
/// Parses `json`, runs it to the end, checking invariants after every step.
std::unique_ptr<Simulator> runChecked(const std::string& json, SimulatorOptions options = {});
/// Runs steps until `n` steps are done, checking invariants (after every step up to 5000).
void stepChecked(Simulator& sim, std::uint64_t n);
/// The summary entry of process `pid` (JSON), for brevity in assertions.
const Process& proc(const Simulator& sim, std::uint32_t pid);
/// Count of events of a kind in the whole run so far is not kept by the engine; this runs a
/// scenario and counts events of `kind` over all steps.
std::uint64_t countEvents(const std::string& json, EventKind kind);

}  // namespace pfviz::test
