#pragma once
// The Simulator drives a Scenario through a Machine one step at a time, keeps the time series,
// and can go back exactly (keyframes + deterministic replay).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "pfviz/Event.h"
#include "pfviz/Machine.h"
#include "pfviz/Scenario.h"
#include "pfviz/Series.h"
#include "pfviz/Summary.h"

namespace pfviz {

/// Where the script is: operation index and the access index inside it.
struct Cursor {
    std::uint64_t op{};
    std::uint64_t sub{};
    bool operator==(const Cursor&) const = default;
};

struct SimulatorOptions {
    std::optional<std::uint64_t> seed;  // overrides the scenario's seed
    bool history{true};                 // keep keyframes for stepBack()/seek()
    std::uint64_t keyframeBudgetBytes{256ull << 20};
};

class Simulator {
public:
    explicit Simulator(Scenario scenario, SimulatorOptions options = {});
    ~Simulator();
    Simulator(const Simulator&) = delete;
    Simulator& operator=(const Simulator&) = delete;

    const Scenario& scenario() const { return m_scenario; }
    const Machine& machine() const { return m_machine; }
    const Series& series() const { return m_series; }
    std::uint64_t seed() const { return m_seed; }

    std::uint64_t stepIndex() const { return m_step; }  // steps done so far
    std::uint64_t totalSteps() const { return m_total; }
    bool atEnd() const { return m_step >= m_total; }
    const Cursor& cursor() const { return m_cursor; }
    /// The operation the next step belongs to (or the last one at the end).
    const Operation* currentOp() const;
    /// The operation that produced the last step, if any.
    const Operation* lastOp() const { return m_lastOp; }

    /// Executes one step. Returns its events (valid until the next call). At the end: empty.
    const std::vector<Event>& step();
    /// The events of the last executed step.
    const std::vector<Event>& lastEvents() const { return m_events; }
    /// Goes back one step; the machine equals what it was before that step. False at step 0.
    bool stepBack();
    /// Moves to exactly `target` steps done (forward by stepping, backward by replay).
    void seek(std::uint64_t target);
    void reset();

    /// Steps until `stop(events)` returns true after a step, the end, or `limit` steps.
    /// Returns the number of steps executed.
    std::uint64_t runUntil(const std::function<bool(const std::vector<Event>&)>& stop,
                           std::uint64_t limit = ~std::uint64_t{0});
    std::uint64_t runToEnd() { return runUntil(nullptr); }

    /// Mismatches found so far by per-operation `expect` blocks (checked when an operation ends).
    const std::vector<ExpectMismatch>& expectMismatches() const { return m_mismatches; }
    /// The per-operation mismatches plus, at the end, those of the scenario's `expect` block.
    std::vector<ExpectMismatch> checkExpectations() const;
    /// The run summary as the CLI prints it.
    nlohmann::json summary() const;
    /// The caption to show now: that of the operation of the last step (or the first one).
    const Caption* caption() const;
    /// A snapshot of the counters and gauges (what the series records).
    Sample sample() const;

    /// Called after every step with its events (for streaming to a file); not copied on replay.
    void setEventSink(std::function<void(const std::vector<Event>&)> sink) {
        m_sink = std::move(sink);
    }

private:
    struct Keyframe;
    void restore(const Keyframe& k);
    void maybeKeyframe();
    void finishOp(const Operation& op, std::uint64_t opIndex);
    void execute(const Operation& op, std::uint64_t sub, class Kernel& k);

    Scenario m_scenario;
    SimulatorOptions m_options;
    std::uint64_t m_seed{};
    Machine m_initial;
    Machine m_machine;
    Series m_series;
    Cursor m_cursor{};
    std::uint64_t m_step{};
    std::uint64_t m_total{};
    const Operation* m_lastOp{nullptr};
    std::vector<Event> m_events;
    std::vector<ExpectMismatch> m_mismatches;
    std::function<void(const std::vector<Event>&)> m_sink;
    std::vector<std::unique_ptr<Keyframe>> m_keyframes;
    std::uint64_t m_keyframeInterval{256};
    bool m_replaying{false};
};

}  // namespace pfviz
