#pragma once
// What each chart plots, as data: a table of series definitions (name, colour slot, axis and an
// accessor on Sample), and ChartData, which keeps the full-resolution points of one chart in step
// with a pfviz::Series: new samples are appended, samples the engine dropped (step back,
// re-bucketing) are dropped here too. Display decimation happens later, in ChartView.
#include <QList>
#include <QPointF>
#include <QString>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "pfviz/Machine.h"
#include "pfviz/Series.h"
#include "pfviz/trace/ScenarioWorkingSet.h"

namespace pfviz::ui {

enum class ChartKind { Faults, Memory, Tlb, Rss, WorkingSet };

std::optional<ChartKind> chartFromName(const QString& name);  // faults|memory|tlb|rss|workingset
QString chartName(ChartKind kind);
QString chartTitle(ChartKind kind);  // translated default title

enum class AxisSide { Left, Right };

struct SeriesDef {
    QString name;  // translated legend name
    int colorSlot{};
    AxisSide axis{AxisSide::Left};
    bool stacked{};  // a layer of the stacked area (memory); points hold the cumulative top
    bool rate{};     // per simulated second from neighbouring samples; no point at sample 0
    /// The plotted value of `cur`; `prev` is the previous sample (null for the first one).
    /// NaN means "no point for this sample" (e.g. a hit rate in a bucket without accesses).
    std::function<double(const Sample* prev, const Sample& cur)> value;
    QString id{};         // stable object name of the chart series (tests, styling)
    bool inLegend{true};  // false: labelled at its right end instead (watermarks)
    bool band{false};     // the pressure band: value is the PressureLevel (0..4)
    bool dashed{false};   // always dashed (per-process swap next to its RSS line)
};

/// The series of a chart, in drawing order. Adding a line (e.g. a file-cache layer once Sample
/// has the field) is one more entry here. Per-process lines (RSS chart) and working-set lines are
/// added by ChartData as processes appear.
std::vector<SeriesDef> seriesDefs(ChartKind kind);

/// Simulated time on the x axis: microseconds.
inline double xOf(SimTime t) {
    return static_cast<double>(t) / 1000.0;
}

class ChartData {
public:
    struct Line {
        SeriesDef def;
        QList<QPointF> points;  // full resolution, sorted by x
        // Level of detail for huge series: per block of kBlock points its first, minimum,
        // maximum and last point (real points, x order), kept up to date incrementally.
        QList<QPointF> coarse;
        std::vector<qsizetype> coarseEnd;  // coarse.size() after each complete block
    };
    static constexpr qsizetype kBlock = 64;

    /// The points to decimate for [x0, x1] at `columns` pixel columns: the raw points, or the
    /// block summaries plus the raw tail when the range holds far more points than pixels.
    /// Extremes are kept either way.
    QList<QPointF> pointsForDisplay(std::size_t line, double x0, double x1, int columns) const;

    explicit ChartData(ChartKind kind);

    ChartKind kind() const { return m_kind; }
    const std::vector<Line>& lines() const { return m_lines; }

    /// Catches up with `series`. Returns true if any point changed.
    bool sync(const Series& series);
    /// Working-set chart: W(t, tau) of every process of the run, with the step of each point.
    /// sync() shows the points up to the series' last step (a step back hides the future).
    void setWorkingSets(const std::vector<trace::ProcessWorkingSet>& sets);
    std::uint64_t workingSetTau() const { return m_tau; }
    bool hasWorkingSets() const { return m_tau != 0; }
    /// Bumps when lines are added (the view must rebuild its chart).
    int structureVersion() const { return m_structure; }

    std::size_t sampleCount() const { return m_times.size(); }
    SimTime sampleTime(std::size_t i) const { return m_times[i]; }
    std::uint64_t sampleStep(std::size_t i) const { return m_steps[i]; }
    /// Index of the sample nearest to x (µs).
    std::optional<std::size_t> nearestSample(double x) const;
    /// Index of the last sample with step <= `step`.
    std::optional<std::size_t> sampleAtStep(std::uint64_t step) const;
    double xMax() const;

private:
    void truncateSamples(std::size_t keep);
    void appendSample(const Sample* prev, const Sample& cur);
    static void trimCoarse(Line& l);
    static void extendCoarse(Line& l);
    void updateCoarse();

    ChartKind m_kind;
    std::vector<Line> m_lines;
    std::vector<SimTime> m_times;
    std::vector<std::uint64_t> m_steps;
    std::uint64_t m_bucketNs{0};
    void addProcessLines(const Sample& cur);
    void showWorkingSetsUntil(std::uint64_t step);

    std::map<std::uint32_t, std::size_t> m_processLine;  // pid -> index of its RSS line
    struct WorkingSetLine {
        std::size_t line;                  // index in m_lines
        QList<QPointF> all;                // every point of the run
        std::vector<std::uint64_t> steps;  // step of each point
    };
    std::vector<WorkingSetLine> m_ws;
    std::uint64_t m_tau{0};
    int m_structure{0};
};

}  // namespace pfviz::ui
