#pragma once
// The page-reference stream of a scenario, per process, and Denning's working set W(t, tau) over
// it. The stream is what the CPU issues: one reference per access step (its AccessStart event),
// read from a private, history-free run of the scenario with the same seed, so it is exactly the
// run the window shows. t counts each process's own references (Denning's process virtual time).
#include <cstdint>
#include <vector>

#include "pfviz/Scenario.h"
#include "pfviz/Types.h"
#include "pfviz/trace/WorkingSet.h"

namespace pfviz::trace {

struct ProcessReferences {
    std::uint32_t pid{};
    std::vector<std::uint64_t> pages;  // virtual page numbers, in order
    std::vector<SimTime> times;        // simulated time at which each reference was issued
    std::vector<std::uint64_t> steps;  // the step (0-based) that issued it
};

struct ScenarioReferences {
    std::vector<ProcessReferences> processes;  // by pid
    bool truncated{false};                     // stopped at `maxReferences`
};

/// Runs `scenario` with `seed` and collects every access, at most `maxReferences` in all.
ScenarioReferences scenarioReferences(const Scenario& scenario, std::uint64_t seed,
                                      std::uint64_t maxReferences = std::uint64_t{1} << 22);

struct ProcessWorkingSet {
    std::uint32_t pid{};
    std::uint64_t tau{};
    std::vector<WorkingSetPoint> points;  // W(t, tau) for every t of the stride
    std::vector<SimTime> times;           // time of reference t
    std::vector<std::uint64_t> steps;     // step of reference t
};

/// W(t, tau) of each process's references, for t = stride, 2·stride, ... (tau, stride >= 1).
std::vector<ProcessWorkingSet> workingSets(const ScenarioReferences& refs, std::uint64_t tau,
                                           std::uint64_t stride = 1);

}  // namespace pfviz::trace
