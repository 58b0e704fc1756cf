#include "pfviz/Pressure.h"

namespace pfviz {

std::uint64_t psiCalcLoad(std::uint64_t load, std::uint64_t exp, std::uint64_t active) {
    std::uint64_t n = load * exp + active * (kPsiFixed1 - exp);
    if (active >= load) n += kPsiFixed1 - 1;
    return n / kPsiFixed1;
}

void PsiAverages::period(std::uint64_t stallNs, std::uint64_t periodNs) {
    if (periodNs == 0) return;
    if (stallNs > periodNs) stallNs = periodNs;
    const std::uint64_t pct = stallNs * 100 / periodNs * kPsiFixed1;
    for (int i = 0; i < 3; ++i)
        avg[i] = psiCalcLoad(avg[i], kPsiExp[i], pct);
}

std::uint64_t PsiAverages::hundredths(int i, bool rounded) const {
    const std::uint64_t x = avg[i];
    if (rounded) return (x * 100 + kPsiFixed1 / 2) / kPsiFixed1;
    return (x >> 11) * 100 + (((x & (kPsiFixed1 - 1)) * 100) >> 11);
}

PsiState psiState(unsigned stalledTasks, unsigned productiveTasks) {
    return {stalledTasks > 0, stalledTasks > 0 && productiveTasks == 0};
}

std::uint64_t vmpressure(std::uint64_t scanned, std::uint64_t reclaimed) {
    if (scanned == 0 || reclaimed >= scanned) return 0;
    const std::uint64_t scale = scanned + reclaimed;
    const std::uint64_t pressure = scale - (reclaimed * scale / scanned);
    return pressure * 100 / scale;
}

VmpressureLevel vmpressureLevel(std::uint64_t pressure) {
    if (pressure >= 95) return VmpressureLevel::Critical;
    if (pressure >= 60) return VmpressureLevel::Medium;
    return VmpressureLevel::Low;
}

const char* vmpressureLevelId(VmpressureLevel l) {
    switch (l) {
        case VmpressureLevel::Low:
            return "low";
        case VmpressureLevel::Medium:
            return "medium";
        case VmpressureLevel::Critical:
            return "critical";
    }
    return "low";
}

}  // namespace pfviz
