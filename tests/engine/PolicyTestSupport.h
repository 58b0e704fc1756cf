#pragma once
// Small helpers shared by the policy tests.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pfviz/policy/DenseReferences.h"
#include "pfviz/policy/PolicyFactory.h"
#include "pfviz/policy/PolicyRunner.h"

namespace pfviz::policy::test {

inline PolicyRun run(PolicyKind kind, const std::vector<std::uint64_t>& pages, std::uint64_t frames,
                     std::uint64_t seed = 1) {
    const DenseReferences refs(pages);
    const auto policy = makePolicy(kind, seed);
    return runPolicy(*policy, refs, frames, RunOptions{true});
}

inline std::uint64_t faults(PolicyKind kind, const std::vector<std::uint64_t>& pages,
                            std::uint64_t frames, std::uint64_t seed = 1) {
    return run(kind, pages, frames, seed).misses;
}

/// Victims written as in the tests' expectations: -1 for "no eviction".
inline std::vector<long long> victims(const PolicyRun& r) {
    std::vector<long long> out;
    for (const auto& v : r.victims)
        out.push_back(v ? static_cast<long long>(*v) : -1);
    return out;
}

}  // namespace pfviz::policy::test
