#include "pfviz/Simulator.h"

#include <algorithm>

#include "pfviz/FaultThresholds.h"
#include "pfviz/Kernel.h"

namespace pfviz {

struct Simulator::Keyframe {
    std::uint64_t step;
    Cursor cursor;
    Machine machine;
    std::size_t mismatches;
    const Operation* lastOp;
};

namespace {
std::uint64_t alignDown(std::uint64_t v, std::uint64_t a) {
    return v / a * a;
}
std::uint64_t alignUp(std::uint64_t v, std::uint64_t a) {
    return (v + a - 1) / a * a;
}

/// Rough size of a machine copy, to keep keyframes within their memory budget.
std::uint64_t machineBytes(const Machine& m) {
    std::uint64_t bytes = sizeof(Machine) + m.memory.total() * (sizeof(Frame) + 4) +
                          m.swap.slotTable.size() * (sizeof(SwapSlot) + 4);
    bytes += m.tables.liveCount() * (sizeof(PtNode) + sizeof(Pte) * 512);
    bytes += m.tlb.entries().size() * sizeof(TlbEntry);
    for (const Process& p : m.processes)
        bytes += sizeof(Process) + p.vmas.size() * sizeof(Vma);
    return bytes;
}
}  // namespace

Simulator::Simulator(Scenario scenario, SimulatorOptions options)
    : m_scenario(std::move(scenario)),
      m_options(options),
      m_seed(options.seed.value_or(m_scenario.seed)),
      m_initial(m_scenario.machine, m_seed),
      m_machine(m_initial),
      m_series(m_scenario.machine.seriesBucketNs),
      m_total(pfviz::totalSteps(m_scenario)) {
    reset();
}

Simulator::~Simulator() = default;

void Simulator::reset() {
    m_machine = m_initial;
    m_cursor = {};
    m_step = 0;
    m_lastOp = nullptr;
    m_events.clear();
    m_mismatches.clear();
    m_series.clear();
    m_series.record(sample());
    m_keyframes.clear();
    m_keyframeInterval = 64;
    if (m_options.history)
        m_keyframes.push_back(
            std::make_unique<Keyframe>(Keyframe{0, m_cursor, m_machine, 0, nullptr}));
}

const Operation* Simulator::currentOp() const {
    if (m_scenario.ops.empty()) return nullptr;
    const std::uint64_t i = std::min<std::uint64_t>(m_cursor.op, m_scenario.ops.size() - 1);
    return &m_scenario.ops[i];
}

const Caption* Simulator::caption() const {
    // The narration of the operation being shown; before the first step, the first one's.
    const Operation* op = m_lastOp != nullptr ? m_lastOp : currentOp();
    if (op == nullptr) return nullptr;
    // A caption stays up until the next one: look back for the nearest.
    for (auto i = static_cast<std::size_t>(op - m_scenario.ops.data()) + 1; i-- > 0;)
        if (!m_scenario.ops[i].caption.empty()) return &m_scenario.ops[i].caption;
    return nullptr;
}

Sample Simulator::sample() const {
    Sample s;
    s.time = m_machine.now;
    s.step = m_step;
    s.counters = m_machine.counters;
    s.framesFree = m_machine.memory.freeCount();
    s.framesAnon = m_machine.memory.countOf(FrameUse::Anon);
    s.framesPageTable = m_machine.memory.countOf(FrameUse::PageTable);
    for (const Process& p : m_machine.processes)
        s.rssPages += p.counters.rssPages;
    s.framesZram = m_machine.memory.countOf(FrameUse::Zram);
    s.framesPageCache = m_machine.memory.countOf(FrameUse::PageCache);
    s.swapUsed = m_machine.swap.used();
    s.swapTotal = m_machine.swap.slotTable.size();
    s.watermarks = m_machine.watermarks;
    s.level = m_machine.pressureLevel();
    s.kswapdAwake = m_machine.kswapdAwake;
    const PressureSignals& ps = m_machine.pressure;
    for (int i = 0; i < 3; ++i) {
        s.psiSome[i] = ps.some.hundredths(i);
        s.psiFull[i] = ps.full.hundredths(i);
    }
    s.psiTotalNs = ps.totalStallNs;
    s.vmpressure = ps.lastVmpressure;
    for (const Process& p : m_machine.processes) {
        if (!p.running()) continue;
        if (s.processes.size() == Sample::kMaxProcesses) break;
        s.processes.push_back({p.pid.value, static_cast<std::uint32_t>(p.counters.rssPages),
                               static_cast<std::uint32_t>(p.counters.swapPages)});
    }
    std::sort(s.processes.begin(), s.processes.end(),
              [](const ProcessSample& a, const ProcessSample& b) { return a.pid < b.pid; });
    return s;
}

void Simulator::execute(const Operation& op, std::uint64_t sub, Kernel& k) {
    const std::uint64_t ps = m_machine.geometry().pageSize();
    switch (op.kind) {
        case OpKind::Spawn:
            k.spawn(op.pid, op.name, op.uid, op.oomScoreAdj, op.memcg);
            return;
        case OpKind::Sleep:
            k.sleep(op.durationNs);
            return;
        case OpKind::Checkpoint:
            k.checkpoint();
            return;
        default:
            break;
    }
    Process* p = m_machine.process(op.pid);
    if (p == nullptr || !p->running()) {
        k.skipped(op.pid);
        return;
    }
    const Region* region = op.name.empty() ? nullptr : p->findRegion(op.name);
    const bool needsRegion = op.kind == OpKind::Touch || op.kind == OpKind::Munmap ||
                             op.kind == OpKind::Populate || op.kind == OpKind::MadviseDontneed ||
                             op.kind == OpKind::MadviseHuge || op.kind == OpKind::Mprotect ||
                             op.kind == OpKind::Msync || op.kind == OpKind::MadviseRandom ||
                             op.kind == OpKind::Mlock || op.kind == OpKind::MadviseFree;
    if (needsRegion && region == nullptr) {
        k.skipped(op.pid);  // the region was never created (its mmap failed) or is gone
        return;
    }
    // Byte range [lo, hi) of a region operation, page aligned.
    auto range = [&]() -> std::pair<VirtAddr, std::uint64_t> {
        const VirtAddr start = region->start + op.offset;
        const std::uint64_t len = op.length != 0 ? op.length : region->length - op.offset;
        const VirtAddr lo = alignDown(start, ps);
        return {lo, alignUp(start + len, ps) - lo};
    };
    switch (op.kind) {
        case OpKind::Mmap: {
            const auto start =
                op.file.empty()
                    ? k.mmap(op.pid, op.length, op.addr, op.prot, op.populate, op.name, op.shared)
                    : k.mmapFile(op.pid, op.length, op.addr, op.prot, op.shared, op.file,
                                 op.fileOffset, op.populate, op.name);
            if (start) m_machine.process(op.pid)->regions.push_back({op.name, *start, op.length});
            return;
        }
        case OpKind::Malloc:
            k.malloc(op.pid, op.length, op.name);
            return;
        case OpKind::Free:
            k.free(op.pid, op.name);
            return;
        case OpKind::Munmap: {
            const auto [lo, len] = range();
            k.munmap(op.pid, lo, len);
            return;
        }
        case OpKind::Populate: {
            const auto [lo, len] = range();
            k.populate(op.pid, lo, len);
            return;
        }
        case OpKind::MadviseDontneed: {
            const auto [lo, len] = range();
            k.madviseDontneed(op.pid, lo, len);
            return;
        }
        case OpKind::MadviseHuge: {
            const auto [lo, len] = range();
            k.madviseHuge(op.pid, lo, len, op.advice);
            return;
        }
        case OpKind::Mlock: {
            const auto [lo, len] = range();
            k.mlock(op.pid, lo, len);
            return;
        }
        case OpKind::MadviseFree: {
            const auto [lo, len] = range();
            k.madviseFree(op.pid, lo, len);
            return;
        }
        case OpKind::Cgroup:
            k.joinCgroup(op.pid, op.memcg);
            return;
        case OpKind::Mprotect: {
            const auto [lo, len] = range();
            k.mprotect(op.pid, lo, len, op.prot);
            return;
        }
        case OpKind::Touch: {
            const std::uint64_t perPass = accessesPerPass(op);
            const std::uint64_t passes = op.access == TouchAccess::ReadThenWrite ? 2 : 1;
            const std::uint64_t inRepeat = sub % (perPass * passes);
            const std::uint64_t pass = inRepeat / perPass;
            const std::uint64_t j = inRepeat % perPass;
            std::uint64_t page = j;
            switch (op.pattern) {
                case Pattern::Sequential:
                    page = j;
                    break;
                case Pattern::Reverse:
                    page = op.pages - 1 - j;
                    break;
                case Pattern::Stride:
                    page = j * op.stride;
                    break;
                case Pattern::Random:
                    page = m_machine.rng.below(op.pages);
                    break;
            }
            Access a = Access::Read;
            switch (op.access) {
                case TouchAccess::Read:
                    a = Access::Read;
                    break;
                case TouchAccess::Write:
                    a = Access::Write;
                    break;
                case TouchAccess::Execute:
                    a = Access::Execute;
                    break;
                case TouchAccess::ReadThenWrite:
                    a = pass == 0 ? Access::Read : Access::Write;
                    break;
            }
            k.access(op.pid, region->start + op.offset + page * ps, a);
            return;
        }
        case OpKind::Access: {
            const Access a = op.access == TouchAccess::Write     ? Access::Write
                             : op.access == TouchAccess::Execute ? Access::Execute
                                                                 : Access::Read;
            k.access(op.pid, op.addr.value_or(0), a);
            return;
        }
        case OpKind::Fork:
            k.fork(op.pid, op.child, op.name);
            return;
        case OpKind::Exit:
            k.exit(op.pid);
            return;
        case OpKind::Switch:
            k.contextSwitch(op.pid);
            return;
        case OpKind::Read:
            k.readFile(op.pid, op.file, op.fileOffset, op.length);
            return;
        case OpKind::Msync: {
            const auto [lo, len] = range();
            k.msync(op.pid, lo, len);
            return;
        }
        case OpKind::MadviseRandom: {
            const auto [lo, len] = range();
            k.madviseRandom(op.pid, lo, len);
            return;
        }
        case OpKind::Spawn:
        case OpKind::Sleep:
        case OpKind::Checkpoint:
            return;
    }
}

const std::vector<Event>& Simulator::step() {
    m_events.clear();
    if (atEnd()) return m_events;
    const std::uint64_t opIndex = m_cursor.op;
    const Operation& op = m_scenario.ops[opIndex];
    const std::uint64_t sub = m_cursor.sub;
    {
        Kernel k(m_machine, m_events, m_step);
        execute(op, sub, k);
        if (sub == 0 && op.pause && op.kind != OpKind::Checkpoint) k.checkpoint();
        k.kswapd();                                 // W5: background reclaim between steps
        m_machine.pressure.advance(m_machine.now);  // M3: fold elapsed 2 s PSI periods
        const PressureLevel level = m_machine.pressureLevel();
        if (level > m_machine.maxPressure) m_machine.maxPressure = level;
    }
    m_lastOp = &op;
    ++m_step;
    if (++m_cursor.sub >= stepsOf(op)) {
        m_cursor.sub = 0;
        ++m_cursor.op;
        finishOp(op, opIndex);
    }
    m_series.record(sample());
    if (!m_replaying) {
        maybeKeyframe();
        if (m_sink) m_sink(m_events);
    }
    return m_events;
}

void Simulator::finishOp(const Operation& op, std::uint64_t opIndex) {
    if (!op.expect) return;
    const auto found = checkExpect(*op.expect, summary(),
                                   op.where.empty() ? "op " + std::to_string(opIndex) : op.where);
    m_mismatches.insert(m_mismatches.end(), found.begin(), found.end());
}

nlohmann::json Simulator::summary() const {
    nlohmann::json j = summaryJson(m_machine, m_scenario.name, m_seed, m_step);
    j["fault_rate_thresholds"] = faultThresholdsJson(m_series);  // time over the seed's thresholds
    return j;
}

std::vector<ExpectMismatch> Simulator::checkExpectations() const {
    std::vector<ExpectMismatch> all = m_mismatches;
    if (atEnd() && m_scenario.expect) {
        const auto end = checkExpect(*m_scenario.expect, summary(), "end");
        all.insert(all.end(), end.begin(), end.end());
    }
    return all;
}

void Simulator::maybeKeyframe() {
    if (!m_options.history) return;
    if (m_step == 1) {
        // Copying a keyframe should cost about as much as the steps it covers: a big machine
        // (tens of MB) gets a keyframe every few thousand steps, a classroom one every 64.
        m_keyframeInterval = 64;
        while (m_keyframeInterval < (std::uint64_t{1} << 20) &&
               machineBytes(m_machine) / m_keyframeInterval > 16384)
            m_keyframeInterval *= 2;
    }
    if (m_step % m_keyframeInterval != 0) return;
    if (!m_keyframes.empty() && m_keyframes.back()->step >= m_step) return;
    m_keyframes.push_back(std::make_unique<Keyframe>(
        Keyframe{m_step, m_cursor, m_machine, m_mismatches.size(), m_lastOp}));
    const std::uint64_t bytes = machineBytes(m_machine);
    while (m_keyframes.size() > 2 && m_keyframes.size() * bytes > m_options.keyframeBudgetBytes) {
        // Over budget: keep every other keyframe (the initial state always stays).
        m_keyframeInterval *= 2;
        std::erase_if(m_keyframes, [&](const std::unique_ptr<Keyframe>& k) {
            return k->step % m_keyframeInterval != 0;
        });
    }
}

void Simulator::restore(const Keyframe& k) {
    m_machine = k.machine;
    m_cursor = k.cursor;
    m_step = k.step;
    m_mismatches.resize(k.mismatches);
    m_lastOp = k.lastOp;
    m_events.clear();
    m_series.truncateAfterStep(k.step);
}

bool Simulator::stepBack() {
    if (m_step == 0) return false;
    seek(m_step - 1);
    return true;
}

void Simulator::seek(std::uint64_t target) {
    target = std::min(target, m_total);
    if (target == m_step) return;
    if (target > m_step) {
        while (m_step < target)
            step();
        return;
    }
    if (target == 0 && m_options.history) {
        restore(*m_keyframes.front());
        return;
    }
    if (!m_options.history) {
        // Without keyframes, replay from the start.
        m_keyframes.push_back(std::make_unique<Keyframe>(Keyframe{0, {}, m_initial, 0, nullptr}));
    }
    // The newest keyframe strictly before the target, so that at least one step is replayed
    // and lastEvents() holds the target step's events (at 0 there are none).
    const Keyframe* best = m_keyframes.front().get();
    for (const auto& k : m_keyframes)
        if ((k->step < target || target == 0) && k->step >= best->step && k->step <= target)
            best = k.get();
    restore(*best);
    m_replaying = true;
    while (m_step < target)
        step();
    m_replaying = false;
    if (!m_options.history) m_keyframes.clear();
}

std::uint64_t Simulator::runUntil(const std::function<bool(const std::vector<Event>&)>& stop,
                                  std::uint64_t limit) {
    std::uint64_t n = 0;
    while (!atEnd() && n < limit) {
        const auto& ev = step();
        ++n;
        if (stop && stop(ev)) break;
    }
    return n;
}

}  // namespace pfviz
