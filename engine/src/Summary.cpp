#include "pfviz/Summary.h"

#include <set>

#include "pfviz/Kernel.h"

namespace pfviz {

namespace {
const char* stateId(ProcState s) {
    switch (s) {
        case ProcState::Running:
            return "running";
        case ProcState::Exited:
            return "exited";
        case ProcState::Killed:
            return "killed";
    }
    return "running";
}

nlohmann::json cgroupName(const Machine& m, std::uint16_t id) {
    return id == 0 ? nlohmann::json(nullptr) : nlohmann::json(m.config.cgroups[id - 1u].name);
}

const char* oomPolicyId(OomPolicy p) {
    return p == OomPolicy::Legacy ? "legacy" : "modern";
}

const char* reclaimPolicyId(ReclaimPolicy p) {
    switch (p) {
        case ReclaimPolicy::Fifo:
            return "fifo";
        case ReclaimPolicy::Lru:
            return "lru";
        case ReclaimPolicy::Clock:
            return "clock";
        case ReclaimPolicy::TwoList:
            break;
    }
    return "linux";
}

nlohmann::json faultsJson(const FaultCounters& f) {
    return {{"minor", f.minor},
            {"major", f.major},
            {"invalid", f.invalid},
            {"protection", f.protection},
            {"cow_copy", f.cowCopy},
            {"cow_reuse", f.cowReuse},
            {"zero_page", f.zeroPage},
            {"segv_maperr", f.segvMaperr},
            {"segv_accerr", f.segvAccerr},
            {"sigbus", f.sigbus}};
}

void collectPaths(const nlohmann::json& j, const std::string& prefix, std::set<std::string>& out) {
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string p = prefix.empty() ? it.key() : prefix + "." + it.key();
        if (it->is_object())
            collectPaths(*it, p, out);
        else
            out.insert(p);
    }
}

void compare(const nlohmann::json& expect, const nlohmann::json& actual, const std::string& path,
             const std::string& where, std::vector<ExpectMismatch>& out) {
    if (expect.is_object()) {
        for (auto it = expect.begin(); it != expect.end(); ++it) {
            const std::string p = path.empty() ? it.key() : path + "." + it.key();
            if (!actual.is_object() || !actual.contains(it.key())) {
                out.push_back({where, p, it->dump(), "(absent)"});
                continue;
            }
            compare(*it, actual.at(it.key()), p, where, out);
        }
        return;
    }
    if (expect != actual) out.push_back({where, path, expect.dump(), actual.dump()});
}

const char* swapKindId(SwapKind k) {
    switch (k) {
        case SwapKind::Ssd:
            return "ssd";
        case SwapKind::Hdd:
            return "hdd";
        case SwapKind::Zram:
            return "zram";
        case SwapKind::None:
            break;
    }
    return "none";
}

nlohmann::json swapDevices(const Machine& m) {
    nlohmann::json out = nlohmann::json::array();
    for (const SwapArea& a : m.swap.areas)
        out.push_back({{"kind", swapKindId(a.kind)},
                       {"priority", a.priority},
                       {"total_pages", a.pages},
                       {"used_pages", a.used()},
                       {"ins", a.ins},
                       {"outs", a.outs}});
    return out;
}
}  // namespace

nlohmann::json summaryJson(const Machine& m, const std::string& scenarioName, std::uint64_t seed,
                           std::uint64_t steps) {
    const std::uint64_t kib = m.geometry().pageSize() / 1024;
    nlohmann::json procs = nlohmann::json::array();
    for (const Process& p : m.processes) {
        const Counters& c = p.counters.c;
        // AnonHugePages of /proc/PID/smaps_rollup: memory this process maps with huge PMDs.
        std::uint64_t hugeMapped = 0;
        m.forEachLeaf(p, [&](VirtAddr, const Pte& e) {
            if (e.huge() && !e.has(pte::ZeroPage)) hugeMapped += m.hugePages();
        });
        procs.push_back({
            {"pid", p.pid.value},
            {"name", p.name},
            {"parent", p.parent.value},
            {"state", stateId(p.state)},
            {"exit_signal", p.exitSignal == SigCode::None
                                ? nlohmann::json(nullptr)
                                : nlohmann::json(sigCodeId(p.exitSignal))},
            {"rss_pages", p.counters.rssPages},
            {"rss_anon_pages", p.counters.rssPages - p.counters.rssFilePages},
            {"rss_file_pages", p.counters.rssFilePages},
            {"swap_pages", p.counters.swapPages},
            // smaps_rollup's Pss line: kB, truncated.
            {"pss_kib", static_cast<std::uint64_t>(
                            m.pssPages(p) * static_cast<double>(m.geometry().pageSize()) / 1024.0)},
            {"page_table_pages", p.counters.pageTablePages},
            {"virtual_pages", p.virtualPages(m.geometry().pageBits)},
            {"minor_faults", c.faults.minor},
            {"major_faults", c.faults.major},
            {"faults", faultsJson(c.faults)},
            {"tlb", {{"hits", c.tlbHits}, {"misses", c.tlbMisses}}},
            {"thp",
             {{"fault_alloc", c.thpFaultAlloc},
              {"split_pmd", c.thpSplitPmd},
              {"anon_huge_pages_kib", hugeMapped * kib}}},
            {"oom_score_adj", p.oomScoreAdj},
            {"oom_score", p.running() ? Kernel::oomScore(m, p) : 0},
            {"cgroup", cgroupName(m, p.memcg)},
        });
    }
    const Counters& c = m.counters;
    // AnonHugePages of /proc/meminfo: THP memory that some PMD still maps (each frame once).
    std::uint64_t hugeFrames = 0;
    std::uint64_t shmemFrames = 0;
    for (const Frame& f : m.memory.frames()) {
        hugeFrames += f.pmdMaps > 0 ? 1 : 0;
        shmemFrames += f.shmem != kNoShmem ? 1 : 0;
    }
    std::uint64_t dirtyPages = 0;
    for (const Frame& f : m.memory.frames())
        dirtyPages += f.use == FrameUse::PageCache && f.dirty ? 1 : 0;
    nlohmann::json oomKills = nlohmann::json::array();
    for (const OomReport& r : m.oomReports)
        for (const OomCandidate& k : r.candidates)
            if (k.pid == r.victim)
                oomKills.push_back({{"pid", k.pid.value},
                                    {"name", k.name},
                                    {"badness", k.badness},
                                    {"oom_score", k.oomScore}});
    // Every OOM kill with its constraint (global or a memcg, O1/O5) and the policy that scored it.
    nlohmann::json oomReports = nlohmann::json::array();
    for (const OomReport& r : m.oomReports)
        for (const OomCandidate& k : r.candidates)
            if (k.pid == r.victim)
                oomReports.push_back({{"pid", k.pid.value},
                                      {"name", k.name},
                                      {"requester", r.requester.value},
                                      {"constraint", r.memcg != 0 ? "memcg" : "global"},
                                      {"cgroup", cgroupName(m, r.memcg)},
                                      {"policy", oomPolicyId(r.policy)},
                                      {"total_pages", r.totalPages},
                                      {"badness", k.badness},
                                      {"candidates", r.candidates.size()}});
    nlohmann::json cgroups = nlohmann::json::object();
    for (std::size_t i = 0; i < m.config.cgroups.size(); ++i) {
        const CgroupConfig& cg = m.config.cgroups[i];
        const MemcgState& st = m.memcgs[i];
        const auto id = static_cast<std::uint16_t>(i + 1);
        std::uint64_t members = 0;
        for (const Process& p : m.processes)
            if (p.running() && p.memcg == id) ++members;
        cgroups[cg.name] = {{"limit_pages", cg.maxPages},
                            {"usage_pages", m.memory.charged(id)},
                            {"peak_pages", st.peakPages},
                            {"swappiness", cg.swappiness},
                            {"oom_total_pages", m.memcgTotalPages(id)},
                            {"max_events", st.maxEvents},
                            {"reclaims", st.reclaims},
                            {"pages_scanned", st.pagesScanned},
                            {"pages_reclaimed", st.pagesReclaimed},
                            {"oom_kills", st.oomKills},
                            {"processes", members}};
    }
    return {
        {"scenario", scenarioName},
        {"seed", seed},
        {"steps", steps},
        {"sim_time_ns", m.now},
        {"faults", faultsJson(c.faults)},
        {"tlb",
         {{"hits", c.tlbHits},
          {"misses", c.tlbMisses},
          {"walks", c.walks},
          {"flushes", c.tlbFlushes},
          {"pages_flushed", c.pagesFlushed},
          {"reach_kib", m.tlb.reachPages() * kib}}},
        {"memory",
         {{"frames_total", m.memory.total()},
          {"frames_free", m.memory.freeCount()},
          {"frames_anon", m.memory.countOf(FrameUse::Anon)},
          {"page_table_frames", m.memory.countOf(FrameUse::PageTable)},
          {"page_cache_frames", m.memory.countOf(FrameUse::PageCache)},
          {"unevictable_pages", m.memory.lruSize(Lru::Unevictable)},  // mlocked (L1)
          {"lazy_free_pages", m.memory.lazyFreeCount()},              // MADV_FREE (A5)
          {"page_size", m.geometry().pageSize()},
          {"shmem_kib", shmemFrames * kib}}},
        {"thp",
         {{"fault_alloc", c.thpFaultAlloc},
          {"fault_fallback", c.thpFaultFallback},
          {"zero_page_maps", c.thpZeroPageMaps},
          {"split_pmd", c.thpSplitPmd},
          {"anon_huge_pages_kib", hugeFrames * kib}}},
        {"accesses", c.accesses},
        {"oom_kill_count", c.oomKills},
        {"oom_kills", oomKills},
        {"oom_policy", oomPolicyId(m.config.oomPolicy)},
        {"reclaim_policy", reclaimPolicyId(m.config.reclaimPolicy)},
        {"oom_reports", oomReports},
        {"cgroups", cgroups},

        {"swap",
         {{"ins", c.swapIns},
          {"outs", c.swapOuts},
          {"cache_hits", c.swapCacheHits},
          {"used_pages", m.swap.used()},
          {"total_pages", m.swap.slotTable.size()},
          {"zram_frames", m.memory.countOf(FrameUse::Zram)},
          {"devices", swapDevices(m)}}},
        {"reclaim",
         {{"kswapd_wakeups", c.kswapdWakeups},
          {"direct_reclaims", c.directReclaims},
          {"direct_reclaim_ns", c.directReclaimNs},
          {"pages_scanned", c.pagesScanned},
          {"pages_reclaimed", c.pagesReclaimed}}},
        {"page_cache",
         {{"hits", c.pageCacheHits},
          {"misses", c.pageCacheMisses},
          {"pages", m.memory.countOf(FrameUse::PageCache)},
          {"dirty_pages", dirtyPages},
          {"readahead_pages", c.readaheadPages},
          {"writebacks", c.writebacks},
          {"dropped", c.pagesDropped}}},
        {"watermarks",
         {{"min", m.watermarks.min}, {"low", m.watermarks.low}, {"high", m.watermarks.high}}},
        {"pressure",
         {{"level", pressureLevelId(m.pressureLevel())},
          {"max_level", pressureLevelId(m.maxPressure)},
          {"psi_some_avg10_max", static_cast<double>(m.pressure.someAvg10Max) / 100.0},
          {"psi_full_avg10_max", static_cast<double>(m.pressure.fullAvg10Max) / 100.0},
          {"psi_total_stall_ns", m.pressure.totalStallNs},
          {"vmpressure",
           {{"low", m.pressure.vmpressureEvents[0]},
            {"medium", m.pressure.vmpressureEvents[1]},
            {"critical", m.pressure.vmpressureEvents[2]}}}}},
        {"processes", procs},
    };
}

std::vector<ExpectMismatch> checkExpect(const nlohmann::json& expect, const nlohmann::json& summary,
                                        const std::string& where) {
    std::vector<ExpectMismatch> out;
    for (auto it = expect.begin(); it != expect.end(); ++it) {
        if (it.key() != "processes") {
            if (!summary.contains(it.key())) {
                out.push_back({where, it.key(), it->dump(), "(absent)"});
                continue;
            }
            compare(*it, summary.at(it.key()), it.key(), where, out);
            continue;
        }
        for (auto pe = it->begin(); pe != it->end(); ++pe) {
            const nlohmann::json* proc = nullptr;
            for (const auto& p : summary.at("processes"))
                if (p.at("name") == pe.key() ||
                    std::to_string(p.at("pid").get<std::uint32_t>()) == pe.key())
                    proc = &p;  // the last process with that name: the newest
            const std::string path = "processes." + pe.key();
            if (proc == nullptr) {
                out.push_back({where, path, pe->dump(), "(no such process)"});
                continue;
            }
            compare(*pe, *proc, path, where, out);
        }
    }
    return out;
}

nlohmann::json eventJson(const Event& e) {
    nlohmann::json j = {{"step", e.step},
                        {"time_ns", e.time},
                        {"cost_ns", e.cost},
                        {"kind", eventKindId(e.kind)},
                        {"pid", e.pid.value}};
    // Only the fields that mean something are written, to keep the stream readable.
    if (e.va != 0 || e.kind == EventKind::AccessStart) j["va"] = e.va;
    if (e.kind == EventKind::AccessStart || e.kind == EventKind::PageFault ||
        e.kind == EventKind::MinorFault || e.kind == EventKind::MajorFault ||
        e.kind == EventKind::InvalidAccess)
        j["access"] = accessId(e.access);
    if (e.reason != FaultReason::None) j["reason"] = faultReasonId(e.reason);
    if (e.code != SigCode::None) j["signal"] = sigCodeId(e.code);
    if (e.otherPid.valid()) j["other_pid"] = e.otherPid.value;
    if (e.frame.valid()) j["frame"] = e.frame.value;
    if (e.oldFrame.valid()) j["old_frame"] = e.oldFrame.value;
    if (e.tableFrame.valid()) j["table_frame"] = e.tableFrame.value;
    if (e.kind == EventKind::WalkLevel || e.kind == EventKind::PageTableAlloc) j["level"] = e.level;
    if (e.kind == EventKind::WalkLevel) {
        j["index"] = e.index;
        j["present"] = e.present;
    }
    if (e.kind == EventKind::PageFault || e.kind == EventKind::SwapIn ||
        e.kind == EventKind::SwapOut || e.kind == EventKind::Reclaim)
        j["present"] = e.present;
    if (e.kind == EventKind::SwapIn || e.kind == EventKind::SwapOut ||
        e.kind == EventKind::OomKill || e.kind == EventKind::Reclaim)
        j["index"] = e.index;
    if (e.kind == EventKind::TlbFill || e.kind == EventKind::PteSet || e.kind == EventKind::TlbHit)
        j["writable"] = e.writable;
    if (e.kind == EventKind::TlbFlush || e.kind == EventKind::ContextSwitch) j["full"] = e.full;
    if (e.kind == EventKind::MemcgReclaim || e.kind == EventKind::Mlock ||
        e.kind == EventKind::MadviseFree)
        j["index"] = e.index;
    if (e.memcg != 0) j["memcg"] = e.memcg;  // the memory cgroup (1-based, machine.cgroups order)
    if (e.count != 0) j["count"] = e.count;
    return j;
}

namespace {
const std::set<std::string>& expectPaths() {
    static const std::set<std::string> paths = [] {
        MachineConfig cfg;
        cfg.cgroups.push_back(CgroupConfig{"*", 1, 60});  // gives the paths "cgroups.*.<key>"
        Machine m(cfg);
        Process p;
        p.pid = Pid{1};
        m.processes.push_back(p);
        const auto j = summaryJson(m, "", 0, 0);
        std::set<std::string> out;
        nlohmann::json top = j;
        top.erase("processes");
        collectPaths(top, "", out);
        std::set<std::string> procPaths;
        collectPaths(j.at("processes").at(0), "", procPaths);
        for (const auto& pp : procPaths)
            out.insert("processes.*." + pp);
        return out;
    }();
    return paths;
}
}  // namespace

bool isExpectPath(const std::string& path) {
    return expectPaths().count(path) > 0;
}

bool isExpectPrefix(const std::string& prefix) {
    const auto& paths = expectPaths();
    const auto it = paths.lower_bound(prefix + ".");
    return it != paths.end() && it->rfind(prefix + ".", 0) == 0;
}

}  // namespace pfviz
