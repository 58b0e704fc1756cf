#pragma once
// Display decimation: at most a few points per pixel column, keeping each column's first, minimum,
// maximum and last point (in x order) so single-sample spikes survive. Exports of data (CSV/JSON)
// never go through this; only what is drawn does.
#include <QList>
#include <QPointF>
#include <algorithm>
#include <array>
#include <cmath>

namespace pfviz::ui {

/// Points of `in` (sorted by x) that fall in [x0, x1], plus one neighbour on each side so lines
/// reach the edges, reduced to <= 4 points per column of `columns` columns.
inline QList<QPointF> decimateMinMax(const QList<QPointF>& in, double x0, double x1, int columns) {
    if (in.isEmpty() || columns <= 0 || !(x1 > x0)) return in;
    auto lo = std::lower_bound(in.begin(), in.end(), x0,
                               [](const QPointF& p, double x) { return p.x() < x; });
    auto hi = std::upper_bound(in.begin(), in.end(), x1,
                               [](double x, const QPointF& p) { return x < p.x(); });
    if (lo != in.begin()) --lo;
    if (hi != in.end()) ++hi;
    const auto count = std::distance(lo, hi);
    QList<QPointF> out;
    if (count <= 4LL * columns) {
        out.reserve(count);
        for (auto it = lo; it != hi; ++it)
            out.append(*it);
        return out;
    }
    out.reserve(4 * columns + 4);
    const double width = (x1 - x0) / columns;
    auto it = lo;
    while (it != hi) {
        const double col = std::floor((it->x() - x0) / width);
        auto first = it, minIt = it, maxIt = it, last = it;
        for (++it; it != hi && std::floor((it->x() - x0) / width) == col; ++it) {
            if (it->y() < minIt->y()) minIt = it;
            if (it->y() > maxIt->y()) maxIt = it;
            last = it;
        }
        // Emit in x order without duplicates.
        std::array<decltype(it), 4> keep{first, minIt, maxIt, last};
        std::sort(keep.begin(), keep.end(), [](auto a, auto b) { return a < b; });
        for (std::size_t i = 0; i < keep.size(); ++i)
            if (i == 0 || keep[i] != keep[i - 1]) out.append(*keep[i]);
    }
    return out;
}

}  // namespace pfviz::ui
