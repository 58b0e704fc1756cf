#pragma once
// The whole simulated machine: one CPU, physical memory, page tables, TLB and processes.
// Machine is a value: it copies and compares with ==, which is how step-back is verified.
#include <cstdint>
#include <vector>

#include "pfviz/Config.h"
#include "pfviz/Counters.h"
#include "pfviz/PageTables.h"
#include "pfviz/PhysicalMemory.h"
#include "pfviz/Process.h"
#include "pfviz/Rng.h"
#include "pfviz/Tlb.h"

namespace pfviz {

struct Machine {
    explicit Machine(const MachineConfig& cfg = {}, std::uint64_t seed = 0);

    MachineConfig config;
    PhysicalMemory memory;
    PageTables tables;
    Tlb tlb;
    std::vector<Process> processes;  // in creation order; a pid is never reused
    Pid current{};                   // process on the CPU
    SimTime now{};
    Counters counters{};
    Rng rng;

    Process* process(Pid pid);
    const Process* process(Pid pid) const;
    const Geometry& geometry() const { return config.geometry; }
    Vpn vpnOf(VirtAddr va) const { return Vpn{va >> config.geometry.pageBits}; }

    /// Leaf PTE for `va` in `p`, or nullptr when a table on the way is missing.
    const Pte* leafPte(const Process& p, VirtAddr va) const;
    Pte* leafPte(const Process& p, VirtAddr va);
    /// Visits every present-or-not leaf PTE slot that is non-empty: f(va, pte).
    template <typename F>
    void forEachLeaf(const Process& p, F&& f) const {
        if (p.root != kNoNode) visitLeaves(p.root, 0, 0, f);
    }

    bool operator==(const Machine&) const = default;

private:
    template <typename F>
    void visitLeaves(std::uint32_t nodeIndex, unsigned level, VirtAddr base, F& f) const {
        const PtNode& n = tables.node(nodeIndex);
        const unsigned shift = config.geometry.shiftOf(level);
        const bool leaf = level + 1 == config.geometry.levels();
        for (std::size_t i = 0; i < n.entries.size(); ++i) {
            const Pte& e = n.entries[i];
            if (e.flags == 0 && e.target == 0) continue;
            const VirtAddr va = base | (static_cast<VirtAddr>(i) << shift);
            if (leaf)
                f(va, e);
            else if (e.present())
                visitLeaves(static_cast<std::uint32_t>(e.target), level + 1, va, f);
        }
    }
};

}  // namespace pfviz
