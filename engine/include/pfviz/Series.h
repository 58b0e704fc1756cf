#pragma once
// The time series: snapshots of the cumulative counters and the memory gauges, one per
// simulated-time bucket. Charts and CSV read it; rates are differences of neighbours.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "pfviz/Counters.h"
#include "pfviz/Machine.h"
#include "pfviz/Types.h"

namespace pfviz {

/// One process's memory in a sample (the per-process RSS/swap chart).
struct ProcessSample {
    std::uint32_t pid{};
    std::uint32_t rssPages{};   // VmRSS in pages
    std::uint32_t swapPages{};  // VmSwap in pages
    bool operator==(const ProcessSample&) const = default;
};

struct Sample {
    /// At most this many processes are kept per sample (the first running ones in creation
    /// order), so a sample stays small whatever the scenario spawns.
    static constexpr std::size_t kMaxProcesses = 16;

    SimTime time{};
    std::uint64_t step{};  // steps done when the sample was taken
    Counters counters{};
    std::uint64_t framesFree{};
    std::uint64_t framesAnon{};
    std::uint64_t framesPageTable{};
    std::uint64_t rssPages{};    // sum over running processes (shared pages counted per process)
    std::uint64_t framesZram{};  // RAM holding zram's compressed pages (S7)
    std::uint64_t swapUsed{};    // swap slots in use
    std::uint64_t swapTotal{};
    Watermarks watermarks{};
    PressureLevel level{PressureLevel::Normal};
    bool kswapdAwake{false};
    std::array<std::uint64_t, 3> psiSome{};  // memory some avg10/60/300, hundredths of a percent
    std::array<std::uint64_t, 3> psiFull{};
    std::uint64_t psiTotalNs{};
    std::uint8_t vmpressure{};             // VmpressureLevel of the last 512-page window
    std::vector<ProcessSample> processes;  // running processes sorted by pid, at most kMaxProcesses
    std::uint64_t framesPageCache{};       // page-cache pages (file pages, §5)
    bool operator==(const Sample&) const = default;
};

class Series {
public:
    explicit Series(std::uint64_t bucketNs = 1000, std::size_t maxSamples = 200000)
        : m_bucketNs(bucketNs == 0 ? 1 : bucketNs), m_max(maxSamples) {}

    /// Records `s` if it starts a new bucket (or replaces the last sample of the same bucket).
    void record(const Sample& s);
    /// Drops samples taken after `step` steps (step back).
    void truncateAfterStep(std::uint64_t step);
    void clear() { m_samples.clear(); }

    const std::vector<Sample>& samples() const { return m_samples; }
    std::uint64_t bucketNs() const { return m_bucketNs; }

    /// CSV with a header line; one row per sample.
    std::string toCsv() const;
    static std::string csvHeader();

private:
    std::uint64_t m_bucketNs;
    std::size_t m_max;
    std::vector<Sample> m_samples;
};

}  // namespace pfviz
