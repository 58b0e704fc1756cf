#pragma once
// Processes and their address spaces (VMAs).
#include <cstdint>
#include <string>
#include <vector>

#include "pfviz/Config.h"
#include "pfviz/Counters.h"
#include "pfviz/Event.h"
#include "pfviz/PageTables.h"
#include "pfviz/PhysicalMemory.h"
#include "pfviz/Types.h"

namespace pfviz {

enum class VmaKind : std::uint8_t { Anonymous, File };

/// A virtual memory area: [start, end), page aligned.
struct Vma {
    VirtAddr start{};
    VirtAddr end{};
    Prot prot{};
    bool shared{false};
    VmaKind kind{VmaKind::Anonymous};
    std::string file;            // File: the backing file's name
    std::uint64_t fileOffset{};  // File: offset of `start` in the file, bytes
    std::string name;            // label shown in the UI ("heap", a scenario region name)
    /// Shared anonymous mapping: index into Machine::shmem, and the page of `start` in it (C6).
    std::uint32_t shmem{kNoShmem};
    std::uint64_t shmemPage{};
    /// madvise(MADV_HUGEPAGE / MADV_NOHUGEPAGE) on this range (H2).
    ThpAdvice thpAdvice{ThpAdvice::None};
    bool isShmem() const { return shmem != kNoShmem; }
    bool randomAccess{false};  // MADV_RANDOM: no readahead on faults (P2)
    bool locked{false};        // VM_LOCKED (mlock): its pages are unevictable (L1)
    bool contains(VirtAddr va) const { return va >= start && va < end; }
    bool operator==(const Vma&) const = default;
};

/// A named allocation made by the scenario (malloc/mmap result), in bytes.
struct Region {
    std::string name;
    VirtAddr start{};
    std::uint64_t length{};
    bool operator==(const Region&) const = default;
};

enum class ProcState : std::uint8_t { Running, Exited, Killed };

struct Process {
    Pid pid{};
    std::string name;
    Pid parent{};
    std::uint32_t uid{1000};
    std::int32_t oomScoreAdj{0};
    SimTime startTime{};
    ProcState state{ProcState::Running};
    SigCode exitSignal{SigCode::None};
    std::vector<Vma> vmas;  // sorted by start, non-overlapping
    std::vector<Region> regions;
    std::uint32_t root{kNoNode};  // top-level page-table node
    VirtAddr brkStart{};          // heap VMA [brkStart, brkEnd); malloc bump pointer heapTop
    VirtAddr brkEnd{};
    VirtAddr heapTop{};
    ProcessCounters counters{};
    std::uint64_t cpuNs{};  // simulated CPU time charged to it (O6 uses it; sleeps excluded)
    std::uint16_t memcg{};  // memory cgroup (0 = root; i = MachineConfig::cgroups[i - 1])

    bool running() const { return state == ProcState::Running; }
    const Vma* findVma(VirtAddr va) const;
    Vma* findVma(VirtAddr va);
    const Region* findRegion(const std::string& regionName) const;
    std::uint64_t virtualPages(unsigned pageBits) const;
    bool operator==(const Process&) const = default;
};

}  // namespace pfviz
