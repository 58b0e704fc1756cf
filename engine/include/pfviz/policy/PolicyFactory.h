#pragma once
// Creates a policy object from its kind; the seed is used by Random only.
#include <cstdint>
#include <memory>

#include "pfviz/policy/ReplacementPolicy.h"

namespace pfviz::policy {

std::unique_ptr<ReplacementPolicy> makePolicy(PolicyKind kind, std::uint64_t seed = 1);

}  // namespace pfviz::policy
