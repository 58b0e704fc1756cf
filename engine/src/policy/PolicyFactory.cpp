#include "pfviz/policy/PolicyFactory.h"

#include "pfviz/policy/ClockPolicy.h"
#include "pfviz/policy/FifoPolicy.h"
#include "pfviz/policy/LfuPolicy.h"
#include "pfviz/policy/LinuxTwoListPolicy.h"
#include "pfviz/policy/LruPolicy.h"
#include "pfviz/policy/MruPolicy.h"
#include "pfviz/policy/OptPolicy.h"
#include "pfviz/policy/RandomPolicy.h"

namespace pfviz::policy {

std::unique_ptr<ReplacementPolicy> makePolicy(PolicyKind kind, std::uint64_t seed) {
    switch (kind) {
        case PolicyKind::Fifo:
            return std::make_unique<FifoPolicy>();
        case PolicyKind::Lru:
            return std::make_unique<LruPolicy>();
        case PolicyKind::Opt:
            return std::make_unique<OptPolicy>();
        case PolicyKind::Clock:
            return std::make_unique<ClockPolicy>();
        case PolicyKind::Lfu:
            return std::make_unique<LfuPolicy>();
        case PolicyKind::Mru:
            return std::make_unique<MruPolicy>();
        case PolicyKind::Random:
            return std::make_unique<RandomPolicy>(seed);
        case PolicyKind::Linux:
            return std::make_unique<LinuxTwoListPolicy>();
    }
    return nullptr;
}

}  // namespace pfviz::policy
