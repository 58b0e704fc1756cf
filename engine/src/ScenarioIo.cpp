#include "pfviz/ScenarioIo.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "pfviz/Summary.h"

namespace pfviz {

using json::JsonDocument;
using json::JsonReader;

namespace {

const std::vector<std::string> kOpNames = {"spawn",   "mmap",     "malloc", "free",  "munmap",
                                           "touch",   "access",   "fork",   "exit",  "populate",
                                           "madvise", "mprotect", "switch", "sleep", "checkpoint",
                                           "read",    "msync",    "mlock",  "cgroup"};

/// Largest file of a scenario, in pages (its page-cache index is kept as a vector).
constexpr std::uint64_t kMaxFilePages = std::uint64_t{1} << 24;

/// The scenario's files: [{"name": ..., "size": ...}] (§5).
std::vector<FileSpec> parseFiles(const JsonReader& r, std::uint64_t pageSize) {
    r.requireArray();
    std::vector<FileSpec> files;
    for (std::size_t i = 0; i < r.size(); ++i) {
        const JsonReader f = r.at(i);
        f.requireObject();
        f.allowOnly({"name", "size"});
        FileSpec spec;
        spec.name = f.at("name").asString();
        if (spec.name.empty()) f.at("name").fail("expected a non-empty file name");
        for (const FileSpec& o : files)
            if (o.name == spec.name)
                f.at("name").fail("file '" + spec.name + "' is declared twice");
        spec.size = f.at("size").asSize(kMaxFilePages * pageSize);
        files.push_back(std::move(spec));
    }
    return files;
}

const FileSpec& requireFile(const JsonReader& r, const MachineConfig& cfg, std::string& name) {
    const JsonReader fr = r.at("file");
    name = fr.asString();
    for (const FileSpec& f : cfg.files)
        if (f.name == name) return f;
    std::string names;
    for (const FileSpec& f : cfg.files)
        names += (names.empty() ? "" : ", ") + f.name;
    fr.fail("no file '" + name +
            "' in the scenario's \"files\" (files: " + (names.empty() ? "none" : names) + ")");
}

std::string joined(const std::set<std::string>& names) {
    std::string s;
    for (const auto& n : names)
        s += (s.empty() ? "" : ", ") + n;
    return s.empty() ? "none" : s;
}

Caption parseCaption(const JsonReader& r) {
    Caption c;
    if (r.isString()) {
        c.en = r.asString();
        return c;
    }
    r.requireObject();
    r.allowOnly({"en", "ko"});
    c.en = r.at("en").asString();
    if (auto ko = r.find("ko")) c.ko = ko->asString();
    return c;
}

Prot parseProt(const JsonReader& r) {
    const std::string s = r.asString();
    if (s == "none") return Prot{};
    Prot p;
    std::set<char> seen;
    for (char ch : s) {
        if (!seen.insert(ch).second)
            r.fail("expected a protection such as \"r\", \"rw\", \"rx\" or \"none\"");
        if (ch == 'r')
            p.read = true;
        else if (ch == 'w')
            p.write = true;
        else if (ch == 'x')
            p.exec = true;
        else
            r.fail("expected a protection such as \"r\", \"rw\", \"rx\" or \"none\"");
    }
    if (s.empty()) r.fail("expected a protection such as \"r\", \"rw\", \"rx\" or \"none\"");
    // x86 cannot map a page writable but not readable; Linux gives such a mapping read access.
    if (p.write) p.read = true;
    return p;
}

void parseCosts(const JsonReader& r, CostModel& c) {
    r.requireObject();
    const std::vector<std::pair<std::string, std::uint64_t CostModel::*>> fields = {
        {"tlb_hit_ns", &CostModel::tlbHit},
        {"walk_level_ns", &CostModel::walkLevel},
        {"minor_fault_ns", &CostModel::faultAnonZeroFill},
        {"zero_page_read_ns", &CostModel::faultZeroPageMap},
        {"zero_page_write_ns", &CostModel::faultZeroPageWrite},
        {"cow_copy_ns", &CostModel::faultCowCopy},
        {"cow_reuse_ns", &CostModel::faultCowReuse},
        {"page_table_alloc_ns", &CostModel::pageTableAlloc},
        {"tlb_flush_page_ns", &CostModel::tlbFlushPage},
        {"tlb_flush_full_ns", &CostModel::tlbFlushFull},
        {"signal_kill_ns", &CostModel::signalKill},
        {"syscall_ns", &CostModel::syscall},
        {"per_page_unmap_ns", &CostModel::perPageUnmap},
        {"fork_base_ns", &CostModel::forkBase},
        {"fork_per_pte_ns", &CostModel::forkPerPte},
        {"context_switch_ns", &CostModel::contextSwitch},
        {"swap_in_ssd_ns", &CostModel::swapInSsd},
        {"swap_in_hdd_ns", &CostModel::swapInHdd},
        {"swap_in_zram_ns", &CostModel::swapInZram},
        {"swap_cache_hit_ns", &CostModel::swapCacheHit},
        {"reclaim_scan_page_ns", &CostModel::reclaimScanPage},
        {"swap_out_disk_ns", &CostModel::swapOutDisk},
        {"swap_out_zram_ns", &CostModel::swapOutZram},
        {"fault_thp_alloc_ns", &CostModel::faultThpAlloc},
        {"thp_split_ns", &CostModel::thpSplit},
        {"file_read_ns", &CostModel::fileRead},
        {"file_cache_hit_ns", &CostModel::fileCacheHit},
        {"file_copy_page_ns", &CostModel::fileCopyPage},
        {"writeback_page_ns", &CostModel::writebackPage},
    };
    std::vector<std::string> keys;
    for (const auto& f : fields)
        keys.push_back(f.first);
    r.allowOnly(keys);
    for (const auto& [key, field] : fields)
        if (auto v = r.find(key)) c.*field = v->asUint(0, std::uint64_t{1} << 40);
}

MachineConfig parseMachine(const JsonReader& r) {
    MachineConfig cfg;
    r.requireObject();
    r.allowOnly({"memory", "frames", "page_size", "paging", "tlb", "costs", "series_bucket_ns",
                 "swap", "swappiness", "min_free_kbytes", "watermark_scale_factor",
                 "pressure_levels", "thp", "read_ahead_kb", "cgroups", "oom_policy",
                 "reclaim_policy"});
    Geometry& g = cfg.geometry;
    if (auto ps = r.find("page_size")) {
        const std::uint64_t size = ps->asSize(std::uint64_t{1} << 30);
        if (size < 16 || (size & (size - 1)) != 0)
            ps->fail("expected a power of two from 16 bytes to 1 GiB, found " +
                     std::to_string(size));
        g.pageBits = 0;
        while ((std::uint64_t{1} << g.pageBits) < size)
            ++g.pageBits;
    }
    if (auto pg = r.find("paging")) {
        if (pg->isString()) {
            const std::string preset = pg->asEnum({"x86-64", "x86-64-la57", "i386"});
            const unsigned pageBits = g.pageBits;
            g = preset == "x86-64" ? Geometry::x86_64()
                : preset == "i386" ? Geometry::i386()
                                   : Geometry::x86_64_la57();
            if (r.has("page_size") && pageBits != g.pageBits)
                r.at("page_size")
                    .fail("the \"" + preset +
                          "\" paging preset uses 4 KiB pages; "
                          "give \"paging\": {\"levels\": [...]} for other page sizes");
        } else {
            pg->requireObject();
            pg->allowOnly({"levels"});
            const JsonReader levels = pg->at("levels");
            levels.requireArray();
            if (levels.size() < 1 || levels.size() > 5)
                levels.fail("expected 1 to 5 levels, found " + std::to_string(levels.size()));
            g.levelBits.clear();
            for (std::size_t i = 0; i < levels.size(); ++i)
                g.levelBits.push_back(static_cast<unsigned>(levels.at(i).asUint(1, 12)));
        }
    }
    if (g.vaBits() > 57)
        r.fail("the page size and paging levels give a " + std::to_string(g.vaBits()) +
               "-bit address space; at most 57 bits are supported");
    const std::uint64_t pageSize = g.pageSize();
    if (r.has("memory") && r.has("frames"))
        r.at("frames").failAtKey("give either \"memory\" or \"frames\", not both");
    std::uint64_t frames = cfg.frames;
    if (auto mem = r.find("memory")) {
        const std::uint64_t bytes = mem->asSize();
        if (bytes % pageSize != 0)
            mem->fail("expected a whole number of pages of " + std::to_string(pageSize) + " bytes");
        frames = bytes / pageSize;
        if (frames < kMinFrames || frames > kMaxFrames)
            mem->fail("memory of " + std::to_string(frames) + " pages is out of range (" +
                      std::to_string(kMinFrames) + " to " + std::to_string(kMaxFrames) + " pages)");
    } else if (auto fr = r.find("frames")) {
        frames = fr->asUint(kMinFrames, kMaxFrames);
    }
    cfg.frames = frames;
    if (auto sw = r.find("swap")) {
        // One device as an object, or several (`swapon -p`) as an array.
        const auto device = [&](const JsonReader& d, std::int32_t defaultPriority) {
            d.requireObject();
            d.allowOnly({"size", "kind", "compression_ratio", "page_cluster", "priority"});
            SwapConfig sc;
            const JsonReader size = d.at("size");
            const std::uint64_t bytes = size.asSize();
            if (bytes % pageSize != 0)
                size.fail("expected a whole number of pages of " + std::to_string(pageSize) +
                          " bytes");
            sc.pages = bytes / pageSize;
            if (sc.pages > kMaxFrames)
                size.fail("swap of " + std::to_string(sc.pages) + " pages is too large (at most " +
                          std::to_string(kMaxFrames) + ")");
            sc.kind = SwapKind::Ssd;
            if (auto k = d.find("kind")) {
                const std::string kind = k->asEnum({"ssd", "hdd", "zram"});
                sc.kind = kind == "hdd"    ? SwapKind::Hdd
                          : kind == "zram" ? SwapKind::Zram
                                           : SwapKind::Ssd;
            }
            if (sc.pages == 0) sc.kind = SwapKind::None;
            if (auto c = d.find("compression_ratio")) {
                const double ratio = c->asNumber();
                if (!(ratio >= 1.0 && ratio <= 100.0))
                    c->fail("expected a compression ratio from 1.0 to 100.0");
                sc.compressionPercent = static_cast<std::uint32_t>(ratio * 100.0 + 0.5);
            }
            if (auto c = d.find("page_cluster"))
                sc.pageCluster = static_cast<std::uint32_t>(c->asUint(0, 5));
            sc.priority = defaultPriority;
            if (auto pr = d.find("priority"))
                sc.priority = static_cast<std::int32_t>(pr->asInt(-1000, 32767));
            return sc;
        };
        if (sw->isArray()) {
            // swapon without -p gives -2, -3, ... in order.
            std::uint64_t total = 0;
            for (std::size_t i = 0; i < sw->size(); ++i) {
                cfg.swap.push_back(device(sw->at(i), -2 - static_cast<std::int32_t>(i)));
                total += cfg.swap.back().pages;
                if (total > kMaxFrames)
                    sw->at(i).at("size").fail("swap devices of " + std::to_string(total) +
                                              " pages in all are too large (at most " +
                                              std::to_string(kMaxFrames) + ")");
            }
        } else {
            cfg.swap.push_back(device(*sw, -2));
        }
    }
    if (auto v = r.find("thp")) {
        const std::string mode = v->asEnum({"never", "madvise", "always"});
        cfg.thp = mode == "always"    ? ThpMode::Always
                  : mode == "madvise" ? ThpMode::Madvise
                                      : ThpMode::Never;
    }
    if (auto v = r.find("read_ahead_kb"))
        cfg.readAheadKb = static_cast<std::uint32_t>(v->asUint(0, std::uint64_t{1} << 20));
    if (auto v = r.find("swappiness"))
        cfg.swappiness = static_cast<std::uint32_t>(v->asUint(0, 200));
    if (auto v = r.find("min_free_kbytes"))
        cfg.minFreeKbytes = v->asUint(1, std::uint64_t{1} << 30);
    if (auto v = r.find("watermark_scale_factor"))
        cfg.watermarkScaleFactor = static_cast<std::uint32_t>(v->asUint(1, 3000));
    if (auto pl = r.find("pressure_levels")) {
        pl->requireObject();
        pl->allowOnly({"caution", "warning", "danger", "critical_swap"});
        auto pct = [&](const char* key, std::uint32_t& field) {
            if (auto v = pl->find(key)) field = static_cast<std::uint32_t>(v->asUint(0, 100));
        };
        pct("caution", cfg.pressure.caution);
        pct("warning", cfg.pressure.warning);
        pct("danger", cfg.pressure.danger);
        pct("critical_swap", cfg.pressure.criticalSwap);
    }
    if (auto t = r.find("tlb")) {
        t->requireObject();
        t->allowOnly({"entries", "ways", "tagging", "asid_slots"});
        if (auto e = t->find("entries"))
            cfg.tlb.entries = static_cast<std::uint32_t>(e->asUint(1, kMaxTlbEntries));
        cfg.tlb.ways = cfg.tlb.entries < 4 ? cfg.tlb.entries : 4;
        if (auto w = t->find("ways")) {
            if (w->isString()) {
                w->asEnum({"full"});
                cfg.tlb.ways = cfg.tlb.entries;
            } else {
                cfg.tlb.ways = static_cast<std::uint32_t>(w->asUint(1, cfg.tlb.entries));
            }
            if (cfg.tlb.entries % cfg.tlb.ways != 0)
                w->fail("expected a number of ways that divides the " +
                        std::to_string(cfg.tlb.entries) + " entries (or \"full\")");
        } else if (cfg.tlb.entries % cfg.tlb.ways != 0) {
            cfg.tlb.ways = cfg.tlb.entries;
        }
        if (auto tg = t->find("tagging"))
            cfg.tlb.tagging =
                tg->asEnum({"asid", "flush"}) == "asid" ? TlbTagging::Asid : TlbTagging::Flush;
        if (auto s = t->find("asid_slots"))
            cfg.tlb.asidSlots = static_cast<std::uint32_t>(s->asUint(1, 4096));
    }
    if (auto c = r.find("costs")) parseCosts(*c, cfg.costs);
    if (auto op = r.find("oom_policy"))
        cfg.oomPolicy =
            op->asEnum({"modern", "legacy"}) == "legacy" ? OomPolicy::Legacy : OomPolicy::Modern;
    if (auto rp = r.find("reclaim_policy")) {
        const std::string v = rp->asEnum({"linux", "fifo", "lru", "clock"});
        cfg.reclaimPolicy = v == "fifo"    ? ReclaimPolicy::Fifo
                            : v == "lru"   ? ReclaimPolicy::Lru
                            : v == "clock" ? ReclaimPolicy::Clock
                                           : ReclaimPolicy::TwoList;
    }
    if (auto cgs = r.find("cgroups")) {
        cgs->requireArray();
        if (cgs->size() > 64) cgs->fail("too many cgroups (at most 64)");
        for (std::size_t i = 0; i < cgs->size(); ++i) {
            const JsonReader c = cgs->at(i);
            c.requireObject();
            c.allowOnly({"name", "memory_max", "swappiness"});
            CgroupConfig cg;
            const JsonReader name = c.at("name");
            cg.name = name.asString();
            if (cg.name.empty()) name.fail("expected a non-empty cgroup name");
            for (const CgroupConfig& other : cfg.cgroups)
                if (other.name == cg.name) name.fail("cgroup '" + cg.name + "' is declared twice");
            const JsonReader max = c.at("memory_max");
            const std::uint64_t bytes = max.asSize();
            if (bytes % pageSize != 0 || bytes == 0)
                max.fail("expected a positive whole number of pages of " +
                         std::to_string(pageSize) + " bytes");
            cg.maxPages = bytes / pageSize;
            cg.swappiness = cfg.swappiness;  // a child group inherits the parent's swappiness
            if (auto v = c.find("swappiness"))
                cg.swappiness = static_cast<std::uint32_t>(v->asUint(0, 200));
            cfg.cgroups.push_back(std::move(cg));
        }
    }
    if (auto b = r.find("series_bucket_ns"))
        cfg.seriesBucketNs = b->asUint(1, std::uint64_t{1} << 40);
    return cfg;
}

void checkExpectKeys(const JsonReader& r, const std::string& prefix) {
    r.requireObject();
    for (const std::string& key : r.keys()) {
        const JsonReader v = r.at(key);
        std::string path = prefix.empty() ? key : prefix + "." + key;
        if (prefix == "processes") {
            // keyed by process name or pid
            v.requireObject();
            for (const std::string& k2 : v.keys()) {
                const JsonReader leaf = v.at(k2);
                const std::string pp = "processes.*." + k2;
                if (leaf.isObject()) {
                    for (const std::string& k3 : leaf.keys())
                        if (!isExpectPath(pp + "." + k3))
                            leaf.at(k3).failAtKey("unknown expect key '" + k3 + "'");
                } else if (!isExpectPath(pp)) {
                    leaf.failAtKey("unknown expect key '" + k2 + "'");
                }
            }
            continue;
        }
        if (key == "processes" && prefix.empty()) {
            checkExpectKeys(v, "processes");
            continue;
        }
        if (key == "cgroups" && prefix.empty()) {
            // keyed by cgroup name
            v.requireObject();
            for (const std::string& name : v.keys()) {
                const JsonReader g = v.at(name);
                g.requireObject();
                for (const std::string& k3 : g.keys())
                    if (!isExpectPath("cgroups.*." + k3))
                        g.at(k3).failAtKey("unknown expect key '" + k3 + "'");
            }
            continue;
        }
        if (v.isObject()) {
            if (!isExpectPrefix(path)) v.failAtKey("unknown expect key '" + key + "'");
            checkExpectKeys(v, path);
            continue;
        }
        if (!isExpectPath(path)) v.failAtKey("unknown expect key '" + key + "'");
    }
}

std::optional<nlohmann::json> parseExpect(const JsonReader& r) {
    checkExpectKeys(r, "");
    return r.raw();
}

/// The memcg id of the cgroup named by `r` (1-based index into cfg.cgroups).
std::uint16_t parseCgroupName(const JsonReader& r, const MachineConfig& cfg) {
    const std::string name = r.asString();
    for (std::size_t i = 0; i < cfg.cgroups.size(); ++i)
        if (cfg.cgroups[i].name == name) return static_cast<std::uint16_t>(i + 1);
    std::set<std::string> names;
    for (const CgroupConfig& c : cfg.cgroups)
        names.insert(c.name);
    r.fail("unknown cgroup '" + name + "' (declared in \"machine\".\"cgroups\": " + joined(names) +
           ")");
}

/// What the loader knows statically while it reads the script: live pids and their regions.
struct StaticState {
    std::map<std::uint32_t, std::map<std::string, std::uint64_t>> regions;  // pid -> name -> bytes
    std::set<std::pair<std::uint32_t, std::string>> fromMalloc;  // regions made by malloc
    std::set<std::uint32_t> everUsed;
    std::set<std::uint32_t> alive;
};

Pid requireLivePid(const JsonReader& op, const StaticState& st) {
    const JsonReader pr = op.at("pid");
    const auto pid = static_cast<std::uint32_t>(pr.asUint(1, 0xffffffffu));
    if (!st.alive.count(pid)) {
        std::set<std::string> live;
        for (auto p : st.alive)
            live.insert(std::to_string(p));
        pr.fail("no running process " + std::to_string(pid) +
                " at this point (running: " + joined(live) + ")");
    }
    return Pid{pid};
}

std::uint64_t requireRegion(const JsonReader& op, const StaticState& st, Pid pid,
                            std::string& name) {
    const JsonReader rr = op.at("region");
    name = rr.asString();
    const auto& regs = st.regions.at(pid.value);
    const auto it = regs.find(name);
    if (it == regs.end()) {
        std::set<std::string> names;
        for (const auto& [n, len] : regs)
            names.insert(n);
        rr.fail("process " + std::to_string(pid.value) + " has no region '" + name +
                "' at this point (regions: " + joined(names) + ")");
    }
    return it->second;
}

/// Resolves offset/length of a region operation; returns the byte length of the range.
std::uint64_t parseRange(const JsonReader& op, Operation& o, std::uint64_t regionLen) {
    if (auto off = op.find("offset")) {
        o.offset = off->asSize();
        if (o.offset >= regionLen)
            off->fail("offset " + std::to_string(o.offset) + " is beyond the region's " +
                      std::to_string(regionLen) + " bytes");
    }
    std::uint64_t len = regionLen - o.offset;
    if (auto l = op.find("length")) {
        o.length = l->asSize();
        if (o.length == 0) l->fail("expected a length of at least 1 byte");
        if (o.length > regionLen - o.offset)
            l->fail("the range ends beyond the region (" + std::to_string(regionLen) +
                    " bytes from offset 0)");
        len = o.length;
    }
    return len;
}

Operation parseOp(const JsonReader& r, StaticState& st, const MachineConfig& cfg) {
    r.requireObject();
    Operation o;
    o.sourceLine = r.pos().line;
    const std::string kind =
        r.at("op").asEnum({"spawn", "mmap", "malloc", "free", "munmap", "touch", "access", "fork",
                           "exit", "populate", "madvise", "mprotect", "switch", "sleep",
                           "checkpoint", "read", "msync", "mlock", "cgroup"});
    std::vector<std::string> allowed = {"op", "caption", "pause", "expect", "label", "pid"};
    auto allow = [&](std::initializer_list<const char*> more) {
        for (const char* k : more)
            allowed.emplace_back(k);
        r.allowOnly(allowed);
    };
    const std::uint64_t pageSize = cfg.geometry.pageSize();
    if (auto c = r.find("caption")) o.caption = parseCaption(*c);
    if (auto p = r.find("pause")) o.pause = p->asBool();
    if (auto l = r.find("label")) o.label = l->asString();
    if (auto e = r.find("expect")) o.expect = parseExpect(*e);

    if (kind == "spawn") {
        allow({"name", "uid", "oom_score_adj", "cgroup"});
        o.kind = OpKind::Spawn;
        if (auto c = r.find("cgroup")) o.memcg = parseCgroupName(*c, cfg);
        const JsonReader pr = r.at("pid");
        o.pid = Pid{static_cast<std::uint32_t>(pr.asUint(1, 0xffffffffu))};
        if (st.everUsed.count(o.pid.value))
            pr.fail("pid " + std::to_string(o.pid.value) +
                    " is already used (pids are never reused)");
        if (st.everUsed.size() >= kMaxProcesses) pr.fail("too many processes (at most 4096)");
        o.name = r.has("name") ? r.at("name").asString() : "proc" + std::to_string(o.pid.value);
        if (auto u = r.find("uid")) o.uid = static_cast<std::uint32_t>(u->asUint(0, 0xffffffffu));
        if (auto a = r.find("oom_score_adj"))
            o.oomScoreAdj = static_cast<std::int32_t>(a->asInt(-1000, 1000));
        st.everUsed.insert(o.pid.value);
        st.alive.insert(o.pid.value);
        st.regions[o.pid.value];
        return o;
    }
    if (kind == "sleep") {
        allow({"ns"});
        o.kind = OpKind::Sleep;
        o.durationNs = r.at("ns").asUint(0, std::uint64_t{1} << 50);
        if (r.has("pid")) o.pid = requireLivePid(r, st);
        return o;
    }
    if (kind == "checkpoint") {
        allow({});
        o.kind = OpKind::Checkpoint;
        o.pause = !r.has("pause") || o.pause;  // a checkpoint pauses unless told not to
        if (r.has("pid")) o.pid = requireLivePid(r, st);
        return o;
    }
    o.pid = requireLivePid(r, st);
    auto& regions = st.regions[o.pid.value];
    if (kind == "mmap" || kind == "malloc") {
        o.kind = kind == "mmap" ? OpKind::Mmap : OpKind::Malloc;
        if (o.kind == OpKind::Mmap)
            allow({"region", "size", "addr", "prot", "populate", "shared", "file", "offset"});
        else
            allow({"region", "size"});
        const JsonReader name = r.at("region");
        o.name = name.asString();
        if (o.name.empty()) name.fail("expected a non-empty region name");
        if (regions.count(o.name))
            name.fail("process " + std::to_string(o.pid.value) + " already has a region '" +
                      o.name + "'");
        const FileSpec* file = nullptr;
        if (r.has("file")) {
            file = &requireFile(r, cfg, o.file);
            if (auto off = r.find("offset")) {
                o.fileOffset = off->asSize();
                if (o.fileOffset % pageSize != 0)
                    off->fail("expected a file offset that is a multiple of the page size (" +
                              std::to_string(pageSize) + ")");
            }
        } else if (r.has("offset")) {
            r.at("offset").failAtKey("\"offset\" needs \"file\"");
        }
        if (file != nullptr && !r.has("size")) {
            // The whole file from the offset.
            if (o.fileOffset >= file->size)
                r.at("offset").fail("the offset is at or beyond the end of file '" + o.file +
                                    "'; give \"size\"");
            o.length = file->size - o.fileOffset;
        } else {
            const JsonReader size = r.at("size");
            o.length = size.asSize(cfg.geometry.vaEnd());
            if (o.length == 0) size.fail("expected a size of at least 1 byte");
        }
        if (auto a = r.find("addr")) {
            o.addr = a->asAddress();
            if (*o.addr % pageSize != 0)
                a->fail("expected a page-aligned address (page size " + std::to_string(pageSize) +
                        ")");
        }
        if (auto p = r.find("prot")) o.prot = parseProt(*p);
        if (auto p = r.find("populate")) o.populate = p->asBool();
        // File given: MAP_SHARED of the file (P6). No file: shared anonymous memory (shmem),
        // never copied on fork (C6).
        if (auto s = r.find("shared")) o.shared = s->asBool();
        regions[o.name] = o.length;
        if (o.kind == OpKind::Malloc) st.fromMalloc.insert({o.pid.value, o.name});
        return o;
    }
    if (kind == "free") {
        allow({"region"});
        o.kind = OpKind::Free;
        requireRegion(r, st, o.pid, o.name);
        if (!st.fromMalloc.count({o.pid.value, o.name}))
            r.at("region").fail("region '" + o.name + "' was made by mmap; release it with munmap");
        regions.erase(o.name);
        return o;
    }
    if (kind == "cgroup") {
        allow({"cgroup"});
        o.kind = OpKind::Cgroup;
        o.memcg = parseCgroupName(r.at("cgroup"), cfg);
        return o;
    }
    if (kind == "read") {
        allow({"file", "offset", "length"});
        o.kind = OpKind::Read;
        const FileSpec& file = requireFile(r, cfg, o.file);
        if (auto off = r.find("offset")) {
            o.fileOffset = off->asSize();
            if (o.fileOffset > file.size)
                off->fail("offset " + std::to_string(o.fileOffset) +
                          " is beyond the end of file '" + o.file + "' (" +
                          std::to_string(file.size) + " bytes)");
        }
        o.length = file.size - o.fileOffset;
        if (auto l = r.find("length")) {
            o.length = l->asSize();
            if (o.length == 0) l->fail("expected a length of at least 1 byte");
        }
        return o;
    }
    if (kind == "munmap" || kind == "populate" || kind == "madvise" || kind == "mprotect" ||
        kind == "touch" || kind == "msync" || kind == "mlock") {
        if (kind == "munmap") {
            allow({"region", "offset", "length"});
            o.kind = OpKind::Munmap;
        } else if (kind == "populate") {
            allow({"region", "offset", "length"});
            o.kind = OpKind::Populate;
        } else if (kind == "madvise") {
            allow({"region", "offset", "length", "advice"});
            o.kind = OpKind::MadviseDontneed;
            const std::string advice =
                r.at("advice").asEnum({"dontneed", "hugepage", "nohugepage", "random", "free"});
            if (advice == "random") {
                o.kind = OpKind::MadviseRandom;
            } else if (advice == "free") {
                o.kind = OpKind::MadviseFree;
            } else if (advice != "dontneed") {
                o.kind = OpKind::MadviseHuge;
                o.advice = advice == "hugepage" ? ThpAdvice::Huge : ThpAdvice::NoHuge;
            }
        } else if (kind == "msync") {
            allow({"region", "offset", "length"});
            o.kind = OpKind::Msync;
        } else if (kind == "mlock") {
            allow({"region", "offset", "length"});
            o.kind = OpKind::Mlock;
        } else if (kind == "mprotect") {
            allow({"region", "offset", "length", "prot"});
            o.kind = OpKind::Mprotect;
            o.prot = parseProt(r.at("prot"));
        } else {
            allow({"region", "offset", "length", "access", "pattern", "stride", "count", "repeat"});
            o.kind = OpKind::Touch;
        }
        const std::uint64_t regionLen = requireRegion(r, st, o.pid, o.name);
        if (o.kind == OpKind::Munmap && st.fromMalloc.count({o.pid.value, o.name}))
            r.at("region").fail("region '" + o.name + "' was made by malloc; release it with free");
        const std::uint64_t len = parseRange(r, o, regionLen);
        o.pages = (len + pageSize - 1) / pageSize;
        if (o.kind == OpKind::Munmap && !r.has("offset") && !r.has("length")) regions.erase(o.name);
        if (o.kind != OpKind::Touch) return o;
        if (o.pages > kMaxTouchPages)
            r.at("region").fail("a touch of " + std::to_string(o.pages) +
                                " pages is refused (at most 2^32)");
        if (auto a = r.find("access")) {
            const std::string s = a->asEnum({"read", "write", "read_then_write", "execute"});
            o.access = s == "read"      ? TouchAccess::Read
                       : s == "write"   ? TouchAccess::Write
                       : s == "execute" ? TouchAccess::Execute
                                        : TouchAccess::ReadThenWrite;
        }
        if (auto p = r.find("pattern")) {
            const std::string s = p->asEnum({"sequential", "reverse", "stride", "random"});
            o.pattern = s == "sequential" ? Pattern::Sequential
                        : s == "reverse"  ? Pattern::Reverse
                        : s == "stride"   ? Pattern::Stride
                                          : Pattern::Random;
        }
        if (auto s = r.find("stride")) {
            if (o.pattern != Pattern::Stride)
                s->failAtKey("\"stride\" needs \"pattern\": \"stride\"");
            o.stride = s->asUint(1, kMaxTouchPages);
        }
        if (auto c = r.find("count")) {
            if (o.pattern != Pattern::Random)
                c->failAtKey("\"count\" needs \"pattern\": \"random\"");
            o.count = c->asUint(1, kMaxTouchPages);
        }
        if (auto rep = r.find("repeat")) o.repeat = rep->asUint(1, kMaxTouchPages);
        return o;
    }
    if (kind == "access") {
        allow({"addr", "access"});
        o.kind = OpKind::Access;
        o.addr = r.at("addr").asAddress();
        if (auto a = r.find("access")) {
            const std::string s = a->asEnum({"read", "write", "execute"});
            o.access = s == "read"    ? TouchAccess::Read
                       : s == "write" ? TouchAccess::Write
                                      : TouchAccess::Execute;
        }
        return o;
    }
    if (kind == "fork") {
        allow({"child", "name"});
        o.kind = OpKind::Fork;
        const JsonReader c = r.at("child");
        o.child = Pid{static_cast<std::uint32_t>(c.asUint(1, 0xffffffffu))};
        if (st.everUsed.count(o.child.value))
            c.fail("pid " + std::to_string(o.child.value) +
                   " is already used (pids are never reused)");
        if (st.everUsed.size() >= kMaxProcesses) c.fail("too many processes (at most 4096)");
        if (auto n = r.find("name")) o.name = n->asString();
        st.everUsed.insert(o.child.value);
        st.alive.insert(o.child.value);
        st.regions[o.child.value] = regions;
        for (const auto& [name, len] : regions)
            if (st.fromMalloc.count({o.pid.value, name}))
                st.fromMalloc.insert({o.child.value, name});
        return o;
    }
    if (kind == "exit") {
        allow({});
        o.kind = OpKind::Exit;
        st.alive.erase(o.pid.value);
        st.regions[o.pid.value].clear();
        return o;
    }
    // switch
    allow({});
    o.kind = OpKind::Switch;
    return o;
}

}  // namespace

const std::vector<std::string>& scenarioOpNames() {
    return kOpNames;
}

Scenario parseScenario(std::string_view text, const std::string& file) {
    const JsonDocument doc(text, file);
    const JsonReader root = JsonReader::root(doc);
    root.requireObject();
    root.allowOnly({"$schema", "format", "name", "title", "description", "seed", "machine",
                    "processes", "steps", "expect", "files"});
    Scenario s;
    s.file = file;
    const JsonReader fmt = root.at("format");
    if (fmt.asString() != kScenarioFormat)
        fmt.fail("expected \"" + std::string(kScenarioFormat) +
                 "\" (this pfviz reads that format)");
    s.name = root.at("name").asString();
    if (s.name.empty()) root.at("name").fail("expected a non-empty name");
    if (auto t = root.find("title")) s.title = parseCaption(*t);
    if (auto d = root.find("description")) s.description = parseCaption(*d);
    if (auto sd = root.find("seed")) s.seed = sd->asUint();
    if (auto m = root.find("machine")) s.machine = parseMachine(*m);
    if (auto f = root.find("files"))
        s.machine.files = parseFiles(*f, s.machine.geometry.pageSize());

    StaticState st;
    if (auto procs = root.find("processes")) {
        procs->requireArray();
        for (std::size_t i = 0; i < procs->size(); ++i) {
            const JsonReader p = procs->at(i);
            p.requireObject();
            p.allowOnly({"pid", "name", "uid", "oom_score_adj", "cgroup"});
            // A declared process is a spawn at the start of the script.
            Operation o;
            o.kind = OpKind::Spawn;
            const JsonReader pr = p.at("pid");
            o.pid = Pid{static_cast<std::uint32_t>(pr.asUint(1, 0xffffffffu))};
            if (st.everUsed.count(o.pid.value))
                pr.fail("pid " + std::to_string(o.pid.value) + " is declared twice");
            if (st.everUsed.size() >= kMaxProcesses) pr.fail("too many processes (at most 4096)");
            o.name = p.has("name") ? p.at("name").asString() : "proc" + std::to_string(o.pid.value);
            if (auto u = p.find("uid"))
                o.uid = static_cast<std::uint32_t>(u->asUint(0, 0xffffffffu));
            if (auto a = p.find("oom_score_adj"))
                o.oomScoreAdj = static_cast<std::int32_t>(a->asInt(-1000, 1000));
            if (auto c = p.find("cgroup")) o.memcg = parseCgroupName(*c, s.machine);
            o.sourceLine = p.pos().line;
            o.where = p.path();
            st.everUsed.insert(o.pid.value);
            st.alive.insert(o.pid.value);
            st.regions[o.pid.value];
            s.ops.push_back(std::move(o));
        }
    }
    const JsonReader steps = root.at("steps");
    steps.requireArray();
    if (steps.size() == 0) steps.fail("expected at least one step");
    std::uint64_t total = s.ops.size();
    for (std::size_t i = 0; i < steps.size(); ++i) {
        Operation o = parseOp(steps.at(i), st, s.machine);
        o.where = steps.at(i).path();
        total += stepsOf(o);
        if (total > kMaxSteps)
            steps.at(i).fail("the scenario would run more than 2^32 steps; refused");
        s.ops.push_back(std::move(o));
    }
    if (auto e = root.find("expect")) s.expect = parseExpect(*e);
    return s;
}

Scenario loadScenarioFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ScenarioError(path, {1, 1}, "", "cannot open the file");
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::uint64_t>(in.tellg());
    if (size > JsonDocument::kMaxBytes)
        throw ScenarioError(
            path, {1, 1}, "",
            "file of " + std::to_string(size) + " bytes is too large for a scenario");
    in.seekg(0);
    std::string text(size, '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    return parseScenario(text, path);
}

}  // namespace pfviz
