#pragma once
// The interface every replacement policy implements. The caller (PolicyRunner) owns the frames and
// decides hit or miss; a policy only keeps the bookkeeping it needs to choose a victim.
//
// Textbook conventions (shared by all policies): memory starts empty, every miss is a page fault
// (cold misses included), frames fill before anything is evicted, and a victim is chosen only on a
// miss when every frame is full.
#include <cstdint>

#include "pfviz/policy/DenseReferences.h"
#include "pfviz/policy/PolicyKind.h"

namespace pfviz::policy {

class ReplacementPolicy {
public:
    virtual ~ReplacementPolicy() = default;

    virtual PolicyKind kind() const = 0;

    /// Starts a run over `refs` with `frames` frames (1 <= frames <= refs.distinct()); memory is
    /// empty. `refs` must outlive the run.
    virtual void reset(const DenseReferences& refs, std::uint32_t frames) = 0;

    /// Reference number `t` to page `id`, which is resident.
    virtual void hit(std::size_t t, std::uint32_t id) = 0;
    /// Reference number `t` to page `id`, which is not resident; a frame is free. The policy
    /// starts tracking `id`.
    virtual void insert(std::size_t t, std::uint32_t id) = 0;
    /// Reference number `t` to page `id`, which is not resident; all frames are full. Returns the
    /// resident page to evict; the policy stops tracking it and starts tracking `id`.
    virtual std::uint32_t replace(std::size_t t, std::uint32_t id) = 0;
};

}  // namespace pfviz::policy
