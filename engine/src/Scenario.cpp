#include "pfviz/Scenario.h"

namespace pfviz {

std::uint64_t accessesPerPass(const Operation& op) {
    switch (op.pattern) {
        case Pattern::Sequential:
        case Pattern::Reverse:
            return op.pages;
        case Pattern::Stride: {
            const std::uint64_t s = op.stride == 0 ? 1 : op.stride;
            return (op.pages + s - 1) / s;
        }
        case Pattern::Random:
            return op.count == 0 ? op.pages : op.count;
    }
    return op.pages;
}

std::uint64_t stepsOf(const Operation& op) {
    if (op.kind != OpKind::Touch) return 1;
    const std::uint64_t passes = op.access == TouchAccess::ReadThenWrite ? 2 : 1;
    return accessesPerPass(op) * passes * op.repeat;
}

std::uint64_t totalSteps(const Scenario& s) {
    std::uint64_t n = 0;
    for (const Operation& op : s.ops)
        n += stepsOf(op);
    return n;
}

}  // namespace pfviz
