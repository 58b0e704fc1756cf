#include "pfviz/trace/ScenarioWorkingSet.h"

#include <algorithm>
#include <map>

#include "pfviz/Simulator.h"

namespace pfviz::trace {

ScenarioReferences scenarioReferences(const Scenario& scenario, std::uint64_t seed,
                                      std::uint64_t maxReferences) {
    SimulatorOptions options;
    options.seed = seed;
    options.history = false;
    Simulator sim(scenario, options);
    const unsigned pageBits = scenario.machine.geometry.pageBits;
    std::map<std::uint32_t, ProcessReferences> byPid;
    std::uint64_t total = 0;
    ScenarioReferences out;
    while (!sim.atEnd()) {
        for (const Event& e : sim.step()) {
            if (e.kind != EventKind::AccessStart) continue;
            if (total == maxReferences) {
                out.truncated = true;
                break;
            }
            ProcessReferences& p = byPid[e.pid.value];
            p.pid = e.pid.value;
            p.pages.push_back(e.va >> pageBits);
            p.times.push_back(e.time);
            p.steps.push_back(e.step);
            ++total;
        }
        if (out.truncated) break;
    }
    for (auto& [pid, p] : byPid)
        out.processes.push_back(std::move(p));
    return out;
}

std::vector<ProcessWorkingSet> workingSets(const ScenarioReferences& refs, std::uint64_t tau,
                                           std::uint64_t stride) {
    std::vector<ProcessWorkingSet> out;
    for (const ProcessReferences& p : refs.processes) {
        ProcessWorkingSet w;
        w.pid = p.pid;
        w.tau = tau;
        w.points = workingSetSeries(policy::DenseReferences(p.pages), tau, stride);
        w.times.reserve(w.points.size());
        w.steps.reserve(w.points.size());
        for (const WorkingSetPoint& pt : w.points) {
            w.times.push_back(p.times[pt.reference - 1]);
            w.steps.push_back(p.steps[pt.reference - 1]);
        }
        out.push_back(std::move(w));
    }
    return out;
}

}  // namespace pfviz::trace
