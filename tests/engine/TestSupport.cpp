#include "TestSupport.h"

#include <algorithm>

namespace pfviz::test {

std::string scenarioJson(const std::string& steps, const std::string& machine, int processes) {
    std::string procs;
    for (int i = 1; i <= processes; ++i)
        procs += (i > 1 ? "," : "") + std::string("{\"pid\":") + std::to_string(i) +
                 ",\"name\":\"p" + std::to_string(i) + "\"}";
    return "{\"format\":\"pfviz-scenario/1\",\"name\":\"test\",\"seed\":5,"
           "\"machine\":" +
           (machine.empty() ? std::string("{\"memory\":\"16 MiB\"}") : machine) +
           ",\"processes\":[" + procs + "],\"steps\":" + steps + "}";
}

void stepChecked(Simulator& sim, std::uint64_t n) {
    // The checker walks the whole machine: after every step for classroom sizes, and 200 times
    // spread over the run (plus the end) for big ones.
    const std::uint64_t every = std::max<std::uint64_t>(1, sim.totalSteps() / 200);
    while (sim.stepIndex() < n && !sim.atEnd()) {
        sim.step();
        if (sim.totalSteps() > 5000 && sim.stepIndex() % every != 0 && !sim.atEnd()) continue;
        const auto bad = checkInvariants(sim.machine());
        ASSERT_TRUE(bad.empty()) << "after step " << sim.stepIndex() << ": " << bad.front();
    }
}

std::unique_ptr<Simulator> runChecked(const std::string& json, SimulatorOptions options) {
    auto sim = std::make_unique<Simulator>(parseScenario(json, "test.json"), options);
    stepChecked(*sim, sim->totalSteps());
    return sim;
}

const Process& proc(const Simulator& sim, std::uint32_t pid) {
    const Process* p = sim.machine().process(Pid{pid});
    if (p == nullptr) throw std::runtime_error("no such process in test");
    return *p;
}

std::uint64_t countEvents(const std::string& json, EventKind kind) {
    Simulator sim(parseScenario(json, "test.json"), SimulatorOptions{.seed = {}, .history = false});
    std::uint64_t n = 0;
    while (!sim.atEnd())
        for (const Event& e : sim.step())
            n += e.kind == kind ? 1 : 0;
    return n;
}

}  // namespace pfviz::test
