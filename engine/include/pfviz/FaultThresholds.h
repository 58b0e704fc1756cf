#pragma once
// The seed's fault-rate thresholds, as data (the UI words them): minor faults are fine at or
// below 1000/s and bad at or above 5000/s; major faults fine at or below 10/s, bad at or above
// 100/s. The fault chart draws them; the run summary reports how long the rates spent over them.
#include <array>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "pfviz/Series.h"

namespace pfviz {

enum class RateKind : std::uint8_t { Minor, Major };

struct FaultThreshold {
    RateKind rate;
    std::uint64_t perSecond;  // faults per simulated second
    bool good;                // true: "at or below is fine"; false: "at or above is bad"
};

inline constexpr std::array<FaultThreshold, 4> kFaultThresholds{{
    {RateKind::Minor, 1000, true},
    {RateKind::Minor, 5000, false},
    {RateKind::Major, 10, true},
    {RateKind::Major, 100, false},
}};

/// Simulated ns during which each rate was above each threshold (index as kFaultThresholds):
/// the rate of a bucket is its fault count over its length, as the fault chart plots it.
std::array<std::uint64_t, kFaultThresholds.size()> timeOverThresholds(const Series& series);

/// [{"rate": "minor", "per_second": 1000, "good": true, "ns_above": N}, ...]
nlohmann::json faultThresholdsJson(const Series& series);

}  // namespace pfviz
