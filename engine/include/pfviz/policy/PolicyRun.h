#pragma once
// The outcome of running one policy over one reference string with a fixed number of frames.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pfviz/policy/PolicyKind.h"

namespace pfviz::policy {

struct PolicyRun {
    PolicyKind policy{};
    std::uint64_t frames{};
    std::uint64_t references{};
    std::uint64_t hits{};
    std::uint64_t misses{};  // = page faults, cold misses included
    /// One 'H' or 'M' per recorded reference (RunOptions::recordSequence).
    std::string sequence;
    /// victims[i]: the page evicted by reference i, if any (recorded references only).
    std::vector<std::optional<std::uint64_t>> victims;
    /// Pages in frame 0, 1, ... at the end; frames never filled are left out. With `victims`
    /// this gives every intermediate state too: frames fill in order, and a new page takes its
    /// victim's frame.
    std::vector<std::uint64_t> finalMemory;
};

struct RunOptions {
    bool recordSequence{false};         // fill `sequence` and `victims` ...
    std::size_t recordLimit{SIZE_MAX};  // ... for the first recordLimit references only
};

}  // namespace pfviz::policy
