#include "charts/ChartData.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace pfviz::ui {

namespace {

// Free functions of namespace pfviz::ui: lupdate files these under the context "pfviz::ui".
QString tr(const char* text) {
    return QCoreApplication::translate("pfviz::ui", text);
}

double perSecond(const Sample* prev, const Sample& cur, std::uint64_t a, std::uint64_t b) {
    if (prev == nullptr || cur.time <= prev->time || b < a) return 0.0;
    return static_cast<double>(b - a) * 1e9 / static_cast<double>(cur.time - prev->time);
}

template <typename Get>
std::function<double(const Sample*, const Sample&)> rate(Get get) {
    return [get](const Sample* prev, const Sample& cur) {
        return prev ? perSecond(prev, cur, get(*prev), get(cur)) : 0.0;
    };
}

template <typename Get>
std::function<double(const Sample*, const Sample&)> gauge(Get get) {
    return [get](const Sample*, const Sample& cur) { return static_cast<double>(get(cur)); };
}

}  // namespace

std::optional<ChartKind> chartFromName(const QString& name) {
    if (name == QLatin1String("faults")) return ChartKind::Faults;
    if (name == QLatin1String("memory")) return ChartKind::Memory;
    if (name == QLatin1String("tlb")) return ChartKind::Tlb;
    if (name == QLatin1String("rss")) return ChartKind::Rss;
    if (name == QLatin1String("workingset")) return ChartKind::WorkingSet;
    return std::nullopt;
}

QString chartName(ChartKind kind) {
    switch (kind) {
        case ChartKind::Faults:
            return QStringLiteral("faults");
        case ChartKind::Memory:
            return QStringLiteral("memory");
        case ChartKind::Tlb:
            return QStringLiteral("tlb");
        case ChartKind::Rss:
            return QStringLiteral("rss");
        case ChartKind::WorkingSet:
            return QStringLiteral("workingset");
    }
    return {};
}

QString chartTitle(ChartKind kind) {
    switch (kind) {
        case ChartKind::Faults:
            return tr("Page faults per simulated second");
        case ChartKind::Memory:
            return tr("Physical memory");
        case ChartKind::Tlb:
            return tr("TLB hit rate");
        case ChartKind::Rss:
            return tr("Resident set size per process");
        case ChartKind::WorkingSet:
            return tr("Working set");
    }
    return {};
}

std::vector<SeriesDef> seriesDefs(ChartKind kind) {
    switch (kind) {
        case ChartKind::Faults:
            return {
                {tr("minor"), 0, AxisSide::Left, false, true,
                 rate([](const Sample& s) { return s.counters.faults.minor; })},
                {tr("major"), 1, AxisSide::Left, false, true,
                 rate([](const Sample& s) { return s.counters.faults.major; })},
                {tr("invalid"), 2, AxisSide::Left, false, true,
                 rate([](const Sample& s) { return s.counters.faults.invalid; })},
                {tr("CoW copy"), 3, AxisSide::Left, false, true,
                 rate([](const Sample& s) { return s.counters.faults.cowCopy; })},
            };
        case ChartKind::Memory: {
            // Stacked bottom to top, free first: its top edge is then the free count itself, which
            // the watermark lines (thresholds on free frames) can be read against.
            std::vector<SeriesDef> d{
                {tr("free"), 4, AxisSide::Left, true, false,
                 gauge([](const Sample& s) { return s.framesFree; })},
                {tr("page tables"), 5, AxisSide::Left, true, false,
                 gauge([](const Sample& s) { return s.framesPageTable; })},
                {tr("zram"), 7, AxisSide::Left, true, false,
                 gauge([](const Sample& s) { return s.framesZram; })},
                {tr("page cache (file)"), 2, AxisSide::Left, true, false,
                 gauge([](const Sample& s) { return s.framesPageCache; })},
                {tr("anonymous"), 0, AxisSide::Left, true, false,
                 gauge([](const Sample& s) { return s.framesAnon; })},
                {tr("swap used"), 1, AxisSide::Left, false, false,
                 gauge([](const Sample& s) { return s.swapUsed; })},
                {tr("PSI some avg10"), 6, AxisSide::Right, false, false,
                 [](const Sample*, const Sample& s) {
                     return static_cast<double>(s.psiSome[0]) / 100.0;
                 }},
                {tr("PSI full avg10"), 3, AxisSide::Right, false, false,
                 [](const Sample*, const Sample& s) {
                     return static_cast<double>(s.psiFull[0]) / 100.0;
                 }},
                {tr("high"), 6, AxisSide::Left, false, false,
                 gauge([](const Sample& s) { return s.watermarks.high; })},
                {tr("low"), 6, AxisSide::Left, false, false,
                 gauge([](const Sample& s) { return s.watermarks.low; })},
                {tr("min"), 6, AxisSide::Left, false, false,
                 gauge([](const Sample& s) { return s.watermarks.min; })},
                {tr("pressure level"), 0, AxisSide::Left, false, false,
                 [](const Sample*, const Sample& s) { return static_cast<double>(s.level); }},
            };
            const char* const ids[] = {"free",           "page_tables",    "zram",
                                       "page_cache",     "anonymous",      "swap_used",
                                       "psi_some_avg10", "psi_full_avg10", "wmark_high",
                                       "wmark_low",      "wmark_min",      "pressure_level"};
            for (std::size_t i = 0; i < d.size(); ++i)
                d[i].id = QLatin1String(ids[i]);
            for (std::size_t i = 8; i < 11; ++i)
                d[i].inLegend = false;
            d[11].inLegend = false;
            d[11].band = true;
            return d;
        }
        case ChartKind::Tlb:
            return {
                {tr("TLB hit rate"), 0, AxisSide::Left, false, true,
                 [](const Sample* prev, const Sample& cur) {
                     if (prev == nullptr) return 0.0;
                     const double hits = double(cur.counters.tlbHits - prev->counters.tlbHits);
                     const double misses =
                         double(cur.counters.tlbMisses - prev->counters.tlbMisses);
                     // A bucket without translations has no hit rate: no point, not 100 %.
                     return hits + misses > 0 ? 100.0 * hits / (hits + misses)
                                              : std::numeric_limits<double>::quiet_NaN();
                 }},
                {tr("TLB misses / s"), 1, AxisSide::Right, false, true,
                 rate([](const Sample& s) { return s.counters.tlbMisses; })},
            };
        case ChartKind::Rss: {
            // Per-process RSS and swap lines are added by sync() as processes appear.
            std::vector<SeriesDef> d{{tr("Σ RSS (all processes)"), 6, AxisSide::Left, false, false,
                                      gauge([](const Sample& s) { return s.rssPages; })}};
            d[0].id = QStringLiteral("rss_total");
            return d;
        }
        case ChartKind::WorkingSet:
            return {};  // one line per process, from setWorkingSets()
    }
    return {};
}

ChartData::ChartData(ChartKind kind) : m_kind(kind) {
    for (auto& d : seriesDefs(kind))
        m_lines.push_back({std::move(d), {}, {}, {}});
}

void ChartData::truncateSamples(std::size_t keep) {
    if (keep >= m_times.size()) return;
    m_times.resize(keep);
    m_steps.resize(keep);
    // By time, not by count: a line may have no point for some samples (no data in a bucket).
    for (Line& l : m_lines) {
        if (!l.def.value) continue;  // working-set lines follow the step in showWorkingSetsUntil
        if (keep == 0) {
            l.points.clear();
        } else {
            const double cutoff = xOf(m_times.back());
            while (!l.points.isEmpty() && l.points.last().x() > cutoff)
                l.points.removeLast();
        }
        trimCoarse(l);
    }
}

void ChartData::appendSample(const Sample* prev, const Sample& cur) {
    m_times.push_back(cur.time);
    m_steps.push_back(cur.step);
    const double x = xOf(cur.time);
    double stackTop = 0.0;
    for (Line& l : m_lines) {
        if (!l.def.value || (l.def.rate && prev == nullptr)) continue;
        double y = l.def.value(prev, cur);
        if (std::isnan(y)) continue;  // nothing to show for this bucket
        if (l.def.stacked) {
            stackTop += y;
            y = stackTop;
        }
        l.points.append(QPointF(x, y));
    }
}

bool ChartData::sync(const Series& series) {
    const auto& s = series.samples();
    const std::size_t before = m_times.size();
    if (series.bucketNs() != m_bucketNs) {  // re-bucketed: every sample changed
        truncateSamples(0);
        m_bucketNs = series.bucketNs();
    }
    std::size_t keep = std::min(m_times.size(), s.size());
    while (keep > 0 &&
           (s[keep - 1].time != m_times[keep - 1] || s[keep - 1].step != m_steps[keep - 1]))
        --keep;
    // The engine overwrites the last sample of a bucket in place, so always redo the last one.
    if (keep > 0 && keep == m_times.size()) --keep;
    const bool changed = keep != before || s.size() != keep;
    truncateSamples(keep);
    // Big catch-ups (a finished run handed over) reserve once; small live increments must not,
    // since an exact reserve on every refresh would reallocate every time.
    const std::size_t more = s.size() - keep;
    if (more > 4096) {
        m_times.reserve(s.size());
        m_steps.reserve(s.size());
        for (Line& l : m_lines)
            if (l.def.value) l.points.reserve(l.points.size() + static_cast<qsizetype>(more));
    }
    for (std::size_t i = keep; i < s.size(); ++i) {
        if (m_kind == ChartKind::Rss) addProcessLines(s[i]);
        appendSample(i ? &s[i - 1] : nullptr, s[i]);
    }
    if (m_kind == ChartKind::WorkingSet) showWorkingSetsUntil(s.empty() ? 0 : s.back().step);
    updateCoarse();
    return changed || m_times.size() != before || m_kind == ChartKind::WorkingSet;
}

void ChartData::addProcessLines(const Sample& cur) {
    for (const ProcessSample& p : cur.processes) {
        if (m_processLine.count(p.pid)) continue;
        const int slot = static_cast<int>(m_processLine.size());
        const std::uint32_t pid = p.pid;
        auto find = [pid](const Sample& s) -> const ProcessSample* {
            const auto it =
                std::lower_bound(s.processes.begin(), s.processes.end(), pid,
                                 [](const ProcessSample& a, std::uint32_t b) { return a.pid < b; });
            return it != s.processes.end() && it->pid == pid ? &*it : nullptr;
        };
        SeriesDef rss;
        rss.name = tr("pid %1 RSS").arg(pid);
        rss.id = QStringLiteral("rss_%1").arg(pid);
        rss.colorSlot = slot;
        rss.value = [find](const Sample*, const Sample& s) {
            const ProcessSample* q = find(s);
            return q ? static_cast<double>(q->rssPages) : std::numeric_limits<double>::quiet_NaN();
        };
        SeriesDef swap = rss;
        swap.name = tr("pid %1 swap").arg(pid);
        swap.id = QStringLiteral("swap_%1").arg(pid);
        swap.dashed = true;
        swap.value = [find](const Sample*, const Sample& s) {
            const ProcessSample* q = find(s);
            return q ? static_cast<double>(q->swapPages) : std::numeric_limits<double>::quiet_NaN();
        };
        m_processLine.emplace(pid, m_lines.size());
        m_lines.push_back({std::move(rss), {}, {}, {}});
        m_lines.push_back({std::move(swap), {}, {}, {}});
        ++m_structure;
    }
}

void ChartData::setWorkingSets(const std::vector<trace::ProcessWorkingSet>& sets) {
    m_lines.clear();
    m_ws.clear();
    m_tau = sets.empty() ? 1 : sets.front().tau;
    int slot = 0;
    for (const trace::ProcessWorkingSet& w : sets) {
        SeriesDef def;
        def.name = tr("pid %1").arg(w.pid);
        def.id = QStringLiteral("ws_%1").arg(w.pid);
        def.colorSlot = slot++;
        WorkingSetLine l{m_lines.size(), {}, w.steps};
        l.all.reserve(static_cast<qsizetype>(w.points.size()));
        for (std::size_t i = 0; i < w.points.size(); ++i)
            l.all.append(QPointF(xOf(w.times[i]), static_cast<double>(w.points[i].size)));
        m_lines.push_back({std::move(def), {}, {}, {}});
        m_ws.push_back(std::move(l));
    }
    ++m_structure;
    showWorkingSetsUntil(m_steps.empty() ? 0 : m_steps.back());
}

void ChartData::showWorkingSetsUntil(std::uint64_t step) {
    // A reference issued by step k is done once k + 1 steps are: show those, hide the rest.
    for (WorkingSetLine& w : m_ws) {
        const auto n = static_cast<qsizetype>(
            std::lower_bound(w.steps.begin(), w.steps.end(), step) - w.steps.begin());
        QList<QPointF>& pts = m_lines[w.line].points;
        if (pts.size() == n) continue;
        pts = w.all.first(n);
        trimCoarse(m_lines[w.line]);  // the points are a prefix of `all`: whole blocks stay valid
    }
}

void ChartData::trimCoarse(Line& l) {
    const auto blocks = static_cast<std::size_t>(l.points.size() / kBlock);
    if (l.coarseEnd.size() > blocks) {
        l.coarseEnd.resize(blocks);
        l.coarse.resize(blocks == 0 ? 0 : l.coarseEnd.back());
    }
}

void ChartData::extendCoarse(Line& l) {
    const auto blocks = static_cast<std::size_t>(l.points.size() / kBlock);
    for (std::size_t b = l.coarseEnd.size(); b < blocks; ++b) {
        const qsizetype first = static_cast<qsizetype>(b) * kBlock, last = first + kBlock - 1;
        const QList<QPointF>& pts = l.points;  // const: no detach check per access
        qsizetype lo = first, hi = first;
        for (qsizetype i = first + 1; i <= last; ++i) {
            if (pts[i].y() < pts[lo].y()) lo = i;
            if (pts[i].y() > pts[hi].y()) hi = i;
        }
        std::array<qsizetype, 4> keep{first, lo, hi, last};
        std::sort(keep.begin(), keep.end());
        for (std::size_t k = 0; k < keep.size(); ++k)
            if (k == 0 || keep[k] != keep[k - 1]) l.coarse.append(pts[keep[k]]);
        l.coarseEnd.push_back(l.coarse.size());
    }
}

void ChartData::updateCoarse() {
    for (Line& l : m_lines) {
        trimCoarse(l);
        extendCoarse(l);
    }
}

QList<QPointF> ChartData::pointsForDisplay(std::size_t line, double x0, double x1,
                                           int columns) const {
    const Line& l = m_lines[line];
    const auto before = [](const QPointF& p, double x) { return p.x() < x; };
    const auto lo = std::lower_bound(l.points.begin(), l.points.end(), x0, before);
    const auto hi = std::lower_bound(lo, l.points.end(), x1, before);
    if (std::distance(lo, hi) < 2 * kBlock * std::max(columns, 1) || l.coarseEnd.empty())
        return l.points;  // the decimator picks the range itself
    QList<QPointF> out;
    const qsizetype tail = static_cast<qsizetype>(l.coarseEnd.size()) * kBlock;
    out.reserve(l.coarse.size() + (l.points.size() - tail));
    out.append(l.coarse);
    out.append(l.points.sliced(tail));
    return out;
}

std::optional<std::size_t> ChartData::nearestSample(double x) const {
    if (m_times.empty()) return std::nullopt;
    const auto t = static_cast<SimTime>(std::max(0.0, x) * 1000.0);
    auto it = std::lower_bound(m_times.begin(), m_times.end(), t);
    if (it == m_times.end()) return m_times.size() - 1;
    std::size_t i = static_cast<std::size_t>(it - m_times.begin());
    if (i > 0 && t - m_times[i - 1] < *it - t) --i;
    return i;
}

std::optional<std::size_t> ChartData::sampleAtStep(std::uint64_t step) const {
    auto it = std::upper_bound(m_steps.begin(), m_steps.end(), step);
    if (it == m_steps.begin()) return std::nullopt;
    return static_cast<std::size_t>(it - m_steps.begin()) - 1;
}

double ChartData::xMax() const {
    double x = m_times.empty() ? 0.0 : xOf(m_times.back());
    for (const Line& l : m_lines)
        if (!l.points.isEmpty()) x = std::max(x, l.points.last().x());
    return x;
}

}  // namespace pfviz::ui
