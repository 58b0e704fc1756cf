#include "pfviz/FaultThresholds.h"

namespace pfviz {

std::array<std::uint64_t, kFaultThresholds.size()> timeOverThresholds(const Series& series) {
    std::array<std::uint64_t, kFaultThresholds.size()> ns{};
    const auto& s = series.samples();
    for (std::size_t i = 1; i < s.size(); ++i) {
        if (s[i].time <= s[i - 1].time) continue;
        const std::uint64_t dt = s[i].time - s[i - 1].time;
        const FaultCounters& a = s[i - 1].counters.faults;
        const FaultCounters& b = s[i].counters.faults;
        for (std::size_t k = 0; k < kFaultThresholds.size(); ++k) {
            const FaultThreshold& t = kFaultThresholds[k];
            const std::uint64_t faults =
                t.rate == RateKind::Minor ? b.minor - a.minor : b.major - a.major;
            // faults / dt > perSecond / 1e9, in integers: no rounding at the threshold itself.
            if (faults * 1'000'000'000ull > t.perSecond * dt) ns[k] += dt;
        }
    }
    return ns;
}

nlohmann::json faultThresholdsJson(const Series& series) {
    const auto ns = timeOverThresholds(series);
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t k = 0; k < kFaultThresholds.size(); ++k) {
        const FaultThreshold& t = kFaultThresholds[k];
        out.push_back({{"rate", t.rate == RateKind::Minor ? "minor" : "major"},
                       {"per_second", t.perSecond},
                       {"good", t.good},
                       {"ns_above", ns[k]}});
    }
    return out;
}

}  // namespace pfviz
