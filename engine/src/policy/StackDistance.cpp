#include "pfviz/policy/StackDistance.h"

namespace pfviz::policy {
namespace {

// Fenwick tree over reference positions; position p holds 1 while p is the latest reference of
// its page, so a range sum counts the distinct pages referenced in that range.
class Fenwick {
public:
    explicit Fenwick(std::size_t n) : m_tree(n + 1, 0) {}
    void add(std::size_t i, std::int32_t delta) {
        for (++i; i < m_tree.size(); i += i & (~i + 1))
            m_tree[i] += delta;
    }
    /// Sum of positions 0 .. i-1.
    std::int64_t prefix(std::size_t i) const {
        std::int64_t s = 0;
        for (; i > 0; i -= i & (~i + 1))
            s += m_tree[i];
        return s;
    }

private:
    std::vector<std::int32_t> m_tree;
};

}  // namespace

std::vector<std::uint64_t> lruDistanceHistogram(const DenseReferences& refs) {
    constexpr std::uint32_t kNone = 0xffffffffu;
    std::vector<std::uint64_t> histogram(static_cast<std::size_t>(refs.distinct()) + 1, 0);
    std::vector<std::uint32_t> lastAt(refs.distinct(), kNone);
    Fenwick latest(refs.size());
    for (std::size_t t = 0; t < refs.size(); ++t) {
        const std::uint32_t id = refs.idAt(t);
        const std::uint32_t p = lastAt[id];
        if (p != kNone) {
            // Distinct pages referenced strictly between p and t, plus the page itself.
            const auto distance =
                static_cast<std::size_t>(latest.prefix(t) - latest.prefix(p + 1) + 1);
            ++histogram[distance];
            latest.add(p, -1);
        }
        latest.add(t, +1);
        lastAt[id] = static_cast<std::uint32_t>(t);
    }
    return histogram;
}

}  // namespace pfviz::policy
