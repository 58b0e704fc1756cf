// The legacy OOM heuristic of Linux 2.6 up to 2.6.35 (O6), kept for the historical comparison.
// Rule ids refer to shared/docs/linux-vm-semantics.md.
#include "pfviz/Kernel.h"

namespace pfviz {

std::int64_t Kernel::legacyBadness(const LegacyOomInput& in) {
    if (in.oomAdj <= -17) return 0;     // OOM_DISABLE: never killed
    std::uint64_t points = in.totalVm;  // virtual size, not RSS
    for (const std::uint64_t child : in.childrenVm)
        points += child / 2 + 1;
    // cpu_time = (utime + stime) >> (SHIFT_HZ + 3); SHIFT_HZ is 10 at HZ = 1000.
    const std::uint64_t cpuTime = in.cpuJiffies >> 13;
    const std::uint64_t runTime = in.runSeconds >> 10;
    if (const std::uint64_t d = intSqrt(cpuTime); d != 0) points /= d;  // divisions by 0 skipped
    if (const std::uint64_t d = intSqrt(intSqrt(runTime)); d != 0) points /= d;
    if (in.nice > 0) points *= 2;
    if (in.root) points /= 4;
    if (in.rawio) points /= 4;
    if (!in.cpusetOverlaps) points /= 8;
    if (in.oomAdj > 0) {
        points <<= in.oomAdj;
    } else if (in.oomAdj < 0) {
        points >>= -in.oomAdj;
    }
    return static_cast<std::int64_t>(points);
}

std::int32_t Kernel::legacyOomAdj(std::int32_t oomScoreAdj) {
    if (oomScoreAdj <= -1000) return -17;
    if (oomScoreAdj >= 1000) return 15;
    return oomScoreAdj * 17 / 1000;
}

std::int64_t Kernel::legacyBadness(const Machine& m, const Process& p) {
    LegacyOomInput in;
    in.totalVm = p.virtualPages(m.geometry().pageBits);
    for (const Process& c : m.processes)
        if (c.running() && c.parent == p.pid)
            in.childrenVm.push_back(c.virtualPages(m.geometry().pageBits));
    in.cpuJiffies = p.cpuNs / 1000000;  // jiffies at HZ = 1000
    in.runSeconds = (m.now - p.startTime) / 1000000000;
    in.root = p.uid == 0;  // simplification: a root task counts once (no separate CAP_SYS_RAWIO)
    in.oomAdj = legacyOomAdj(p.oomScoreAdj);
    return legacyBadness(in);
}

}  // namespace pfviz
