#pragma once
// A scenario: machine configuration, processes and a script of operations. This is what a
// scenario file becomes once ScenarioIo has parsed and checked it; nothing after it sees JSON,
// except the `expect` blocks, which are compared against the run summary as JSON on purpose.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pfviz/Config.h"
#include "pfviz/Types.h"

namespace pfviz {

/// Narration in the scenario's languages (English is required, Korean expected).
struct Caption {
    std::string en;
    std::string ko;
    bool empty() const { return en.empty() && ko.empty(); }
    bool operator==(const Caption&) const = default;
};

enum class OpKind : std::uint8_t {
    Spawn,     // start a new process (no parent)
    Mmap,      // reserve a VMA (A1)
    Malloc,    // glibc-like: >= 128 KiB -> mmap, else from the brk heap
    Munmap,    // unmap a region (A6)
    Free,      // free a malloc'ed region (munmap for mmap'ed blocks; heap memory stays mapped)
    Touch,     // access a range of pages with a pattern: one step per access
    Access,    // one access at an address
    Fork,      // fork (C1)
    Exit,      // process exits
    Populate,  // prefault a region (MAP_POPULATE / MADV_POPULATE_WRITE) (F4)
    MadviseDontneed,  // (A5)
    Mprotect,
    Switch,         // context switch
    Sleep,          // simulated time passes
    Checkpoint,     // pause point
    MadviseHuge,    // MADV_HUGEPAGE / MADV_NOHUGEPAGE (H2)
    Read,           // read() of a file through the page cache: no faults (P4)
    Msync,          // msync(MS_SYNC) of a region: write back its dirty file pages (P6)
    MadviseRandom,  // madvise(MADV_RANDOM): no readahead on faults in the range (P2)
    Mlock,          // mlock a region: faulted in and unevictable (L1, F4)
    Cgroup,         // move the process into a memory cgroup (W7)
    MadviseFree,    // MADV_FREE (A5)
};

enum class Pattern : std::uint8_t { Sequential, Reverse, Stride, Random };
enum class TouchAccess : std::uint8_t { Read, Write, ReadThenWrite, Execute };

struct Operation {
    OpKind kind{};
    Pid pid{};
    std::string name;  // region name (mmap/malloc/munmap/touch...), or process name (spawn/fork)
    Pid child{};       // fork: child's pid; spawn: the new pid is `pid`
    std::uint64_t length{};        // bytes (mmap/malloc/touch subrange); 0 = whole region
    std::uint64_t offset{};        // bytes into the region (touch/populate/madvise/mprotect)
    std::optional<VirtAddr> addr;  // mmap hint (MAP_FIXED_NOREPLACE semantics) / access address
    Prot prot{true, true, false};
    bool shared{false};
    ThpAdvice advice{ThpAdvice::None};  // MadviseHuge
    bool populate{false};               // mmap with MAP_POPULATE
    TouchAccess access{TouchAccess::Read};
    Pattern pattern{Pattern::Sequential};
    std::uint64_t stride{1};  // pages, for Pattern::Stride
    std::uint64_t count{};    // Random: accesses per pass (0 = one per page)
    std::uint64_t repeat{1};
    std::uint64_t durationNs{};   // sleep
    std::uint32_t uid{1000};      // spawn
    std::int32_t oomScoreAdj{0};  // spawn
    std::uint16_t memcg{0};       // spawn / cgroup: memory cgroup id (0 = root)
    Caption caption;
    bool pause{false};  // a checkpoint: the player stops after this operation's first step
    std::string label;  // checkpoint label
    std::optional<nlohmann::json> expect;  // checked against the summary after this operation
    std::uint64_t sourceLine{};            // line in the scenario file, for messages
    std::string where;                     // "steps[3]" or "processes[0]", for messages
    /// Touch/Populate: pages in the range, resolved by the loader (a touch accesses
    /// start + i * pageSize for i < pages, like `for (i = 0; i < len; i += 4096) p[i] = 1`).
    std::uint64_t pages{};
    std::string file;            // mmap of a file / read: the file's name
    std::uint64_t fileOffset{};  // mmap / read: offset in the file, bytes
    bool operator==(const Operation&) const = default;
};

struct Scenario {
    std::string format{"pfviz-scenario/1"};
    std::string name;
    std::string file;  // where it was loaded from ("" for built-ins)
    Caption title;
    Caption description;
    std::uint64_t seed{0};
    MachineConfig machine{};
    std::vector<Operation> ops;
    std::optional<nlohmann::json> expect;  // totals checked by `pfviz-cli run --check`
};

/// Accesses in one pass of a Touch (pages, pages / stride, or the random count).
std::uint64_t accessesPerPass(const Operation& op);
/// Number of steps an operation takes (one per access for Touch, one otherwise).
std::uint64_t stepsOf(const Operation& op);
/// Total steps of a scenario.
std::uint64_t totalSteps(const Scenario& s);

}  // namespace pfviz
