#include "pfviz/Process.h"

#include <algorithm>

namespace pfviz {

const Vma* Process::findVma(VirtAddr va) const {
    // vmas are sorted by start: the candidate is the last one starting at or below va.
    auto it = std::upper_bound(vmas.begin(), vmas.end(), va,
                               [](VirtAddr a, const Vma& v) { return a < v.start; });
    if (it == vmas.begin()) return nullptr;
    --it;
    return it->contains(va) ? &*it : nullptr;
}

Vma* Process::findVma(VirtAddr va) {
    return const_cast<Vma*>(static_cast<const Process*>(this)->findVma(va));
}

const Region* Process::findRegion(const std::string& regionName) const {
    for (const Region& r : regions)
        if (r.name == regionName) return &r;
    return nullptr;
}

std::uint64_t Process::virtualPages(unsigned pageBits) const {
    std::uint64_t pages = 0;
    for (const Vma& v : vmas)
        pages += (v.end - v.start) >> pageBits;
    return pages;
}

}  // namespace pfviz
