#pragma once
// Checks the accounting that must hold after every step. Tests call it after each one.
#include <string>
#include <vector>

#include "pfviz/Machine.h"

namespace pfviz {

/// Returns one line per violated invariant (empty when the machine is consistent):
/// - frame accounting: free list, per-use counts and frame states agree;
/// - every frame's mapcount equals the number of PTEs mapping it (the C2 sharer count);
/// - no PTE points at a free frame or a page-table frame;
/// - every page-table node lives in a PageTable frame of its owner; per-process counts match;
/// - RSS of each process equals its mapped non-zero-page PTEs;
/// - TLB entries exist only for present translations with the same frame and no more rights;
/// - processes that ended own nothing.
std::vector<std::string> checkInvariants(const Machine& m);

}  // namespace pfviz
