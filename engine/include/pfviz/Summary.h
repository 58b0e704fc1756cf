#pragma once
// The run summary (`pfviz-cli run --json`) and the `expect` blocks checked against it.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pfviz/Event.h"
#include "pfviz/Machine.h"

namespace pfviz {

/// A mismatch between an `expect` block and what the run produced.
struct ExpectMismatch {
    std::string where;  // "end", or "steps[3]" for a per-operation expect
    std::string path;   // "faults.minor", "processes.child.rss_pages"
    std::string expected;
    std::string actual;
    bool operator==(const ExpectMismatch&) const = default;
};

/// The summary object of the CLI contract:
/// {"scenario", "seed", "steps", "sim_time_ns", "faults": {...}, "tlb": {...}, "memory": {...},
///  "processes": [...]}
nlohmann::json summaryJson(const Machine& m, const std::string& scenarioName, std::uint64_t seed,
                           std::uint64_t steps);

/// Compares `expect` with `summary`: every leaf of `expect` must equal the summary's value at
/// the same path. `processes` in `expect` is an object keyed by process name or pid, whose
/// values are checked against that process's entry.
std::vector<ExpectMismatch> checkExpect(const nlohmann::json& expect, const nlohmann::json& summary,
                                        const std::string& where);

/// One event as a JSON object (for --events JSONL and determinism hashes).
nlohmann::json eventJson(const Event& e);

/// The keys an `expect` block may use (for the scenario checker), as paths "faults.minor".
bool isExpectPath(const std::string& path);
/// Whether some expect path starts with `prefix` + "." ("faults", "processes.*.tlb").
bool isExpectPrefix(const std::string& prefix);

}  // namespace pfviz
