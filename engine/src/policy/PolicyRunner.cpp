#include "pfviz/policy/PolicyRunner.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace pfviz::policy {
namespace {

constexpr std::uint32_t kNotResident = 0xffffffffu;

struct Memory {
    std::vector<std::uint32_t> frameOf;  // page id -> frame, or kNotResident
    std::vector<std::uint32_t> pageIn;   // frame -> page id, for frames 0 .. used-1
    std::uint32_t used{};
};

// The hot loop. Record = false only counts; Record = true also fills the sequence and victims.
template <bool Record>
std::uint64_t runLoop(ReplacementPolicy& policy, const DenseReferences& refs,
                      std::uint32_t capacity, Memory& mem, PolicyRun& run, std::size_t from,
                      std::size_t to, std::uint64_t hits) {
    const std::vector<std::uint32_t>& ids = refs.ids();
    for (std::size_t t = from; t < to; ++t) {
        const std::uint32_t id = ids[t];
        if (mem.frameOf[id] != kNotResident) {
            policy.hit(t, id);
            ++hits;
            if constexpr (Record) {
                run.sequence.push_back('H');
                run.victims.emplace_back();
            }
        } else if (mem.used < capacity) {
            policy.insert(t, id);
            mem.frameOf[id] = mem.used;
            mem.pageIn[mem.used++] = id;
            if constexpr (Record) {
                run.sequence.push_back('M');
                run.victims.emplace_back();
            }
        } else {
            const std::uint32_t victim = policy.replace(t, id);
            const std::uint32_t frame = mem.frameOf[victim];
            mem.frameOf[victim] = kNotResident;
            mem.frameOf[id] = frame;
            mem.pageIn[frame] = id;
            if constexpr (Record) {
                run.sequence.push_back('M');
                run.victims.emplace_back(refs.pageOf(victim));
            }
        }
    }
    return hits;
}

}  // namespace

PolicyRun runPolicy(ReplacementPolicy& policy, const DenseReferences& refs, std::uint64_t frames,
                    const RunOptions& options) {
    if (frames < 1 || frames > kMaxLabFrames) {
        throw std::invalid_argument("frame count " + std::to_string(frames) + " is outside 1.." +
                                    std::to_string(kMaxLabFrames));
    }
    PolicyRun run;
    run.policy = policy.kind();
    run.frames = frames;
    run.references = refs.size();
    if (refs.empty()) return run;

    // Frames beyond the number of distinct pages never fill; don't allocate them.
    const auto capacity =
        static_cast<std::uint32_t>(std::min<std::uint64_t>(frames, refs.distinct()));
    Memory mem;
    mem.frameOf.assign(refs.distinct(), kNotResident);
    mem.pageIn.assign(capacity, kNotResident);
    policy.reset(refs, capacity);

    // The recorded prefix, then the rest without recording.
    const std::size_t recorded =
        options.recordSequence ? std::min(options.recordLimit, refs.size()) : 0;
    run.sequence.reserve(recorded);
    run.victims.reserve(recorded);
    run.hits = runLoop<true>(policy, refs, capacity, mem, run, 0, recorded, 0);
    run.hits = runLoop<false>(policy, refs, capacity, mem, run, recorded, refs.size(), run.hits);
    run.misses = run.references - run.hits;
    run.finalMemory.reserve(mem.used);
    for (std::uint32_t f = 0; f < mem.used; ++f)
        run.finalMemory.push_back(refs.pageOf(mem.pageIn[f]));
    return run;
}

}  // namespace pfviz::policy
