#include "pfviz/Machine.h"

namespace pfviz {

Machine::Machine(const MachineConfig& cfg, std::uint64_t seed)
    : config(cfg), memory(cfg.frames), tlb(cfg.tlb), rng(seed) {}

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

const Pte* Machine::leafPte(const Process& p, VirtAddr va) const {
    const Geometry& g = config.geometry;
    if (p.root == kNoNode || (g.vaBits() < 64 && va >= g.vaEnd())) return nullptr;
    std::uint32_t node = p.root;
    for (unsigned level = 0; level + 1 < g.levels(); ++level) {
        const Pte& e = tables.node(node).entries[g.indexAt(va, level)];
        if (!e.present()) return nullptr;
        node = static_cast<std::uint32_t>(e.target);
    }
    return &tables.node(node).entries[g.indexAt(va, g.levels() - 1)];
}

Pte* Machine::leafPte(const Process& p, VirtAddr va) {
    return const_cast<Pte*>(static_cast<const Machine*>(this)->leafPte(p, va));
}

}  // namespace pfviz
