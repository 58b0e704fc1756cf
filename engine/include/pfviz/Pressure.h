#pragma once
// Pressure signals (§10): PSI running averages (M1-M3) and vmpressure levels (M4), with the
// kernel's fixed-point arithmetic so that the doc's example numbers come out exactly.
#include <array>
#include <cstdint>

#include "pfviz/Types.h"

namespace pfviz {

inline constexpr std::uint64_t kPsiFixed1 = 2048;  // FIXED_1 (1 << FSHIFT)
inline constexpr std::array<std::uint64_t, 3> kPsiExp = {1677, 1981, 2034};  // EXP_10s/60s/300s
inline constexpr SimTime kPsiPeriodNs = 2'000'000'000;  // PSI_FREQ: 2 s (the kernel adds 1 tick)

/// calc_load() of include/linux/sched/loadavg.h.
std::uint64_t psiCalcLoad(std::uint64_t load, std::uint64_t exp, std::uint64_t active);

/// The three running averages of one PSI line (some or full), in FIXED_1 fixed point.
struct PsiAverages {
    std::array<std::uint64_t, 3> avg{};
    /// Folds one 2 s period with `stallNs` of stall time (calc_avgs()).
    void period(std::uint64_t stallNs, std::uint64_t periodNs);
    /// avg10/60/300 in hundredths of a percent, as /proc/pressure shows them
    /// (LOAD_INT.LOAD_FRAC truncates; `rounded` rounds to the nearest hundredth instead).
    std::uint64_t hundredths(int i, bool rounded = false) const;
    bool operator==(const PsiAverages&) const = default;
};

/// M2 on one CPU: SOME when a task is memory-stalled; FULL when, in addition, no runnable task
/// is productive.
struct PsiState {
    bool some{};
    bool full{};
};
PsiState psiState(unsigned stalledTasks, unsigned productiveTasks);

/// M4: vmpressure_calc_level(): 100 x (1 - reclaimed / scanned) with the kernel's integer steps.
std::uint64_t vmpressure(std::uint64_t scanned, std::uint64_t reclaimed);
enum class VmpressureLevel : std::uint8_t { Low, Medium, Critical };
VmpressureLevel vmpressureLevel(std::uint64_t pressure);
const char* vmpressureLevelId(VmpressureLevel l);

}  // namespace pfviz
