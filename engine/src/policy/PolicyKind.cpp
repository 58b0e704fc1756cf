#include "pfviz/policy/PolicyKind.h"

namespace pfviz::policy {

std::string_view policyName(PolicyKind kind) {
    switch (kind) {
        case PolicyKind::Fifo:
            return "fifo";
        case PolicyKind::Lru:
            return "lru";
        case PolicyKind::Opt:
            return "opt";
        case PolicyKind::Clock:
            return "clock";
        case PolicyKind::Lfu:
            return "lfu";
        case PolicyKind::Mru:
            return "mru";
        case PolicyKind::Random:
            return "random";
        case PolicyKind::Linux:
            return "linux";
    }
    return "?";
}

std::optional<PolicyKind> parsePolicyKind(std::string_view name) {
    for (PolicyKind kind : kAllPolicies) {
        if (policyName(kind) == name) return kind;
    }
    return std::nullopt;
}

}  // namespace pfviz::policy
