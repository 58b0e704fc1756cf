#pragma once
// Which Linux the engine is faithful to: the behavioural reference
// (shared/docs/linux-vm-semantics.md) paraphrases the rules of these kernel sources, and its
// measurements (section 13) were taken on the measured kernel. Shown in Help > About and
// pfviz-cli --version; where the two kernels differ, the rule in the reference says which one
// the engine follows.
#include <string_view>

namespace pfviz {

inline constexpr std::string_view kReferenceLinuxVersion = "6.12";
inline constexpr std::string_view kMeasuredLinuxVersion = "6.18";

}  // namespace pfviz
