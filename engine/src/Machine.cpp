#include "pfviz/Machine.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

namespace pfviz {

std::uint64_t intSqrt(std::uint64_t x) {
    std::uint64_t r = 0;
    for (std::uint64_t bit = std::uint64_t{1} << 62; bit != 0; bit >>= 2) {
        if (x >= r + bit) {
            x -= r + bit;
            r = (r >> 1) + bit;
        } else {
            r >>= 1;
        }
    }
    return r;
}

std::uint64_t defaultMinFreeKbytes(std::uint64_t lowmemKb) {
    return std::clamp<std::uint64_t>(intSqrt(lowmemKb * 16), 128, 262144);
}

Watermarks computeWatermarks(std::uint64_t managedPages, std::uint64_t minFreeKbytes,
                             std::uint32_t scaleFactor, unsigned pageBits) {
    // pages_min = min_free_kbytes >> (PAGE_SHIFT - 10); one zone gets all of it.
    const std::uint64_t minPages =
        pageBits >= 10 ? minFreeKbytes >> (pageBits - 10) : minFreeKbytes << (10 - pageBits);
    Watermarks w;
    w.min = minPages;
    const std::uint64_t gap = std::max(w.min / 4, managedPages * scaleFactor / 10000);
    w.low = w.min + gap;
    w.high = w.min + 2 * gap;
    return w;
}

ScanWeights scanWeights(std::uint32_t swappiness, std::uint64_t anonCost, std::uint64_t fileCost) {
    const std::uint64_t total = anonCost + fileCost;
    ScanWeights w;
    w.ap = swappiness * (3 * total + 1) / (total + anonCost + 1);
    w.fp = (200 - swappiness) * (3 * total + 1) / (total + fileCost + 1);
    return w;
}

std::uint32_t Machine::fileIndex(const std::string& name) const {
    for (std::size_t i = 0; i < config.files.size(); ++i)
        if (config.files[i].name == name) return static_cast<std::uint32_t>(i);
    return kNoFile;
}

std::uint64_t Machine::filePages(std::uint32_t file) const {
    const std::uint64_t ps = config.geometry.pageSize();
    return (config.files[file].size + ps - 1) / ps;
}

Machine::Machine(const MachineConfig& cfg, std::uint64_t seed)
    : config(cfg), memory(cfg.frames), tlb(cfg.tlb), rng(seed) {
    // A huge TLB entry covers one PMD-level leaf: 2^(index bits of the leaf table) pages (H1).
    if (cfg.geometry.levels() >= 2) tlb.setHugeOrder(cfg.geometry.levelBits.back());
    for (std::uint32_t i = 0; i < cfg.files.size(); ++i)
        pageCache.emplace_back(filePages(i), kNoFrame);
    const unsigned pageBits = cfg.geometry.pageBits;
    const std::uint64_t lowmemKb =
        pageBits >= 10 ? cfg.frames << (pageBits - 10) : cfg.frames >> (10 - pageBits);
    const std::uint64_t mfk =
        cfg.minFreeKbytes != 0 ? cfg.minFreeKbytes : defaultMinFreeKbytes(lowmemKb);
    watermarks = computeWatermarks(cfg.frames, mfk, cfg.watermarkScaleFactor, pageBits);
    // Simplification for toy memory sizes: the 128 KiB floor of W1 would reserve a large share
    // of a machine of a few hundred KiB (or all of one with 16-byte pages), so the default is
    // capped at 1/16 of memory there. Real sizes (>= 16 MiB) are never affected.
    if (cfg.minFreeKbytes == 0 && watermarks.min > cfg.frames / 16) {
        watermarks.min = cfg.frames / 16;
        const std::uint64_t gap =
            std::max(watermarks.min / 4, cfg.frames * cfg.watermarkScaleFactor / 10000);
        watermarks.low = watermarks.min + gap;
        watermarks.high = watermarks.min + 2 * gap;
    }
    for (const SwapConfig& sc : cfg.swap) {
        if (sc.kind == SwapKind::None || sc.pages == 0) continue;
        SwapArea a;
        a.kind = sc.kind;
        a.priority = sc.priority;
        a.compressionPercent = sc.compressionPercent;
        a.pageCluster = sc.pageCluster;
        a.first = static_cast<std::uint32_t>(swap.slotTable.size());
        a.pages = static_cast<std::uint32_t>(sc.pages);
        a.free.reserve(sc.pages);
        for (std::uint32_t s = a.pages; s-- > 0;)
            a.free.push_back(a.first + s);
        swap.slotTable.resize(swap.slotTable.size() + sc.pages);
        swap.areas.push_back(std::move(a));
    }
    memory.setMemcgCount(cfg.cgroups.size());
    memcgs.resize(cfg.cgroups.size());
}

const SwapArea& SwapDevice::areaOf(std::uint32_t slot) const {
    for (const SwapArea& a : areas)
        if (a.owns(slot)) return a;
    throw std::logic_error("swap slot " + std::to_string(slot) + " belongs to no device");
}

SwapArea& SwapDevice::areaOf(std::uint32_t slot) {
    return const_cast<SwapArea&>(std::as_const(*this).areaOf(slot));
}

std::size_t SwapDevice::nextArea() const {
    // get_swap_pages(): the highest priority first; a device of equal priority is requeued
    // behind its peers after use, so they take turns.
    std::size_t best = areas.size();
    for (std::size_t i = 0; i < areas.size(); ++i) {
        const SwapArea& a = areas[i];
        if (a.free.empty()) continue;
        if (best == areas.size() || a.priority > areas[best].priority ||
            (a.priority == areas[best].priority && a.lastPick < areas[best].lastPick))
            best = i;
    }
    return best;
}

std::uint32_t SwapDevice::takeSlot() {
    const std::size_t i = nextArea();
    if (i == areas.size()) return kNoSlot;
    SwapArea& a = areas[i];
    const std::uint32_t slot = a.free.back();
    a.free.pop_back();
    a.lastPick = ++picks;
    slotTable[slot].used = true;
    return slot;
}

void SwapDevice::freeSlot(std::uint32_t slot) {
    slotTable[slot] = SwapSlot{};
    areaOf(slot).free.push_back(slot);
}

void PressureSignals::advance(SimTime now) {
    while (now - periodStart >= kPsiPeriodNs) {
        const std::uint64_t s = std::min<std::uint64_t>(pendingStallNs, kPsiPeriodNs);
        pendingStallNs -= s;
        some.period(s, kPsiPeriodNs);
        full.period(s, kPsiPeriodNs);
        periodStart += kPsiPeriodNs;
        someAvg10Max = std::max(someAvg10Max, some.hundredths(0));
        fullAvg10Max = std::max(fullAvg10Max, full.hundredths(0));
    }
}

bool PressureSignals::reclaimed(std::uint64_t scanned, std::uint64_t got) {
    windowScanned += scanned;
    windowReclaimed += got;
    if (windowScanned < 512) return false;  // vmpressure_win = SWAP_CLUSTER_MAX * 16
    const VmpressureLevel l = vmpressureLevel(vmpressure(windowScanned, windowReclaimed));
    ++vmpressureEvents[static_cast<int>(l)];
    lastVmpressure = static_cast<std::uint8_t>(l);
    windowScanned = 0;
    windowReclaimed = 0;
    return true;
}

const char* pressureLevelId(PressureLevel l) {
    switch (l) {
        case PressureLevel::Normal:
            return "normal";
        case PressureLevel::Caution:
            return "caution";
        case PressureLevel::Warning:
            return "warning";
        case PressureLevel::Danger:
            return "danger";
        case PressureLevel::Critical:
            return "critical";
    }
    return "normal";
}

PressureLevel Machine::pressureLevel() const {
    const PressureThresholds& t = config.pressure;
    const std::uint64_t total = memory.total();
    const std::uint64_t usedPct = total == 0 ? 0 : (total - memory.freeCount()) * 100 / total;
    const std::uint64_t swapTotal = swap.slotTable.size();
    const std::uint64_t swapUsed = swap.used();
    if (swapTotal > 0 && swapUsed * 100 >= swapTotal * t.criticalSwap)
        return PressureLevel::Critical;
    // "danger: > 95 % with swapping". Without swap there is nothing to swap, so a full machine
    // is shown as danger as well (the OOM killer is next).
    if (usedPct > t.danger && (swapUsed > 0 || swapTotal == 0)) return PressureLevel::Danger;
    if (usedPct >= t.warning) return PressureLevel::Warning;
    if (usedPct >= t.caution) return PressureLevel::Caution;
    return PressureLevel::Normal;
}

Process* Machine::process(Pid pid) {
    for (Process& p : processes)
        if (p.pid == pid) return &p;
    return nullptr;
}

const Process* Machine::process(Pid pid) const {
    for (const Process& p : processes)
        if (p.pid == pid) return &p;
    return nullptr;
}

double Machine::pssPages(const Process& p) const {
    double pss = 0;
    const auto huge = static_cast<double>(hugePages());
    forEachLeaf(p, [&](VirtAddr, const Pte& e) {
        if (!e.mapped() || e.has(pte::ZeroPage)) return;
        const std::uint32_t sharers =
            std::max<std::uint32_t>(memory.frame(Pfn{e.target}).mapcount, 1);
        pss += (e.huge() ? huge : 1.0) / sharers;
    });
    return pss;
}

const Pte* Machine::leafPte(const Process& p, VirtAddr va) const {
    const Geometry& g = config.geometry;
    if (p.root == kNoNode || (g.vaBits() < 64 && va >= g.vaEnd())) return nullptr;
    std::uint32_t node = p.root;
    for (unsigned level = 0; level + 1 < g.levels(); ++level) {
        const Pte& e = tables.node(node).entries[g.indexAt(va, level)];
        if (e.huge()) return &e;  // a huge-page leaf at the PMD level (H2)
        if (!e.present()) return nullptr;
        node = static_cast<std::uint32_t>(e.target);
    }
    return &tables.node(node).entries[g.indexAt(va, g.levels() - 1)];
}

Pte* Machine::leafPte(const Process& p, VirtAddr va) {
    return const_cast<Pte*>(static_cast<const Machine*>(this)->leafPte(p, va));
}

}  // namespace pfviz
