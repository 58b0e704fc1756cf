#pragma once
// The page-replacement policies of the policy lab, and their command-line names.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace pfviz::policy {

enum class PolicyKind : std::uint8_t { Fifo, Lru, Opt, Clock, Lfu, Mru, Random, Linux };

inline constexpr std::array<PolicyKind, 8> kAllPolicies{
    PolicyKind::Fifo, PolicyKind::Lru, PolicyKind::Opt,    PolicyKind::Clock,
    PolicyKind::Lfu,  PolicyKind::Mru, PolicyKind::Random, PolicyKind::Linux};

/// The lower-case name used on the command line and in JSON ("fifo", "lru", ...).
std::string_view policyName(PolicyKind kind);

/// Inverse of policyName(); exact, lower-case match. nullopt for an unknown name.
std::optional<PolicyKind> parsePolicyKind(std::string_view name);

}  // namespace pfviz::policy
