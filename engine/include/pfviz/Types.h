#pragma once
// Strong types for the quantities that are easiest to mix up. Unwrap `.value` only at the edges
// (formatting, hashing, JSON).
#include <compare>
#include <cstdint>
#include <limits>

namespace pfviz {

using VirtAddr = std::uint64_t;  // a user virtual address, in bytes
using SimTime = std::uint64_t;   // simulated time in nanoseconds since the scenario started

/// Virtual page number: VirtAddr >> pageBits.
struct Vpn {
    std::uint64_t value{};
    auto operator<=>(const Vpn&) const = default;
};

/// Physical frame number. `Pfn::none()` marks "no frame".
struct Pfn {
    std::uint64_t value{std::numeric_limits<std::uint64_t>::max()};
    static constexpr Pfn none() { return Pfn{}; }
    constexpr bool valid() const { return value != std::numeric_limits<std::uint64_t>::max(); }
    auto operator<=>(const Pfn&) const = default;
};

/// Process id. 0 means "no process" (the kernel itself, or not applicable).
struct Pid {
    std::uint32_t value{};
    constexpr bool valid() const { return value != 0; }
    auto operator<=>(const Pid&) const = default;
};

enum class Access : std::uint8_t { Read, Write, Execute };

/// VMA protection bits, as PROT_READ / PROT_WRITE / PROT_EXEC.
struct Prot {
    bool read{false};
    bool write{false};
    bool exec{false};
    bool operator==(const Prot&) const = default;
    bool allows(Access a) const {
        switch (a) {
            case Access::Read:
                return read;
            case Access::Write:
                return write;
            case Access::Execute:
                return exec;
        }
        return false;
    }
    bool none() const { return !read && !write && !exec; }
};

}  // namespace pfviz
