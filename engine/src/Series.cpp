#include "pfviz/Series.h"

#include <algorithm>
#include <sstream>

namespace pfviz {

void Series::record(const Sample& s) {
    if (!m_samples.empty() && m_samples.back().time / m_bucketNs == s.time / m_bucketNs &&
        m_samples.size() > 1) {
        m_samples.back() = s;  // the bucket's sample is its last state
        return;
    }
    m_samples.push_back(s);
    if (m_samples.size() > m_max) {
        // Too many buckets: double their width, keeping the last sample of each new bucket.
        m_bucketNs *= 2;
        std::vector<Sample> kept;
        kept.reserve(m_samples.size() / 2 + 2);
        kept.push_back(m_samples.front());  // the initial state stays
        for (std::size_t i = 1; i < m_samples.size(); ++i) {
            const bool lastOfBucket =
                i + 1 == m_samples.size() ||
                m_samples[i + 1].time / m_bucketNs != m_samples[i].time / m_bucketNs;
            if (lastOfBucket) kept.push_back(m_samples[i]);
        }
        m_samples = std::move(kept);
    }
}

void Series::truncateAfterStep(std::uint64_t step) {
    while (!m_samples.empty() && m_samples.back().step > step)
        m_samples.pop_back();
}

std::string Series::csvHeader() {
    return "time_ns,step,accesses,tlb_hits,tlb_misses,walks,minor,major,invalid,protection,"
           "cow_copy,cow_reuse,zero_page,tlb_flushes,oom_kills,frames_free,frames_anon,"
           "frames_page_table,rss_pages,frames_zram,swap_used,swap_total,swap_ins,swap_outs,"
           "swap_cache_hits,kswapd_wakeups,kswapd_awake,direct_reclaims,direct_reclaim_ns,"
           "pages_scanned,pages_reclaimed,wmark_min,wmark_low,wmark_high,pressure_level,"
           "psi_some_avg10,psi_some_avg60,psi_some_avg300,psi_full_avg10,psi_full_avg60,"
           "psi_full_avg300,psi_total_ns,vmpressure,frames_page_cache,page_cache_hits,"
           "page_cache_misses,writebacks";
}

std::string Series::toCsv() const {
    std::ostringstream out;
    out << csvHeader() << '\n';
    for (const Sample& s : m_samples) {
        const Counters& c = s.counters;
        out << s.time << ',' << s.step << ',' << c.accesses << ',' << c.tlbHits << ','
            << c.tlbMisses << ',' << c.walks << ',' << c.faults.minor << ',' << c.faults.major
            << ',' << c.faults.invalid << ',' << c.faults.protection << ',' << c.faults.cowCopy
            << ',' << c.faults.cowReuse << ',' << c.faults.zeroPage << ',' << c.tlbFlushes << ','
            << c.oomKills << ',' << s.framesFree << ',' << s.framesAnon << ',' << s.framesPageTable
            << ',' << s.rssPages << ',' << s.framesZram << ',' << s.swapUsed << ',' << s.swapTotal
            << ',' << c.swapIns << ',' << c.swapOuts << ',' << c.swapCacheHits << ','
            << c.kswapdWakeups << ',' << (s.kswapdAwake ? 1 : 0) << ',' << c.directReclaims << ','
            << c.directReclaimNs << ',' << c.pagesScanned << ',' << c.pagesReclaimed << ','
            << s.watermarks.min << ',' << s.watermarks.low << ',' << s.watermarks.high << ','
            << pressureLevelId(s.level);
        auto pct = [&](std::uint64_t h) {
            out << ',' << h / 100 << '.' << (h % 100 < 10 ? "0" : "") << h % 100;
        };
        for (std::uint64_t h : s.psiSome)
            pct(h);
        for (std::uint64_t h : s.psiFull)
            pct(h);
        out << ',' << s.psiTotalNs << ','
            << vmpressureLevelId(static_cast<VmpressureLevel>(s.vmpressure)) << ','
            << s.framesPageCache << ',' << c.pageCacheHits << ',' << c.pageCacheMisses << ','
            << c.writebacks << '\n';
    }
    return out.str();
}

}  // namespace pfviz
