#pragma once
// The charts next to the simulation: fault rates, memory, TLB and per-process RSS as tabs, live
// and in sync with the Simulator. The controller owns the Simulator and calls refresh() after it
// stepped (as often as it likes: the panel redraws at most ~30 times a second).
#include <QElapsedTimer>
#include <QWidget>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>

#include "pfviz/trace/ScenarioWorkingSet.h"

#include "charts/ChartExport.h"
#include "charts/ChartView.h"
#include "pfviz/Types.h"

class QTabWidget;
class QTimer;

namespace pfviz {
class Simulator;
}

namespace pfviz::ui {

class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget* parent = nullptr);

    /// The simulator to plot (not owned; may be null). Clears the charts and plots what it has.
    void setSimulator(const Simulator* sim);
    const Simulator* simulator() const { return m_sim; }

    ChartView* chart(ChartKind kind) const;
    ChartView* currentChart() const;
    void setCurrentChart(ChartKind kind);
    void setTheme(ThemeKind theme);

    /// How the panel reads the simulator outside refresh(): `withLock(f)` runs f while the
    /// owner's read lock is held and returns true, or returns false without running it (the
    /// lock was busy). Without one, reads happen unguarded (tests, single-threaded use).
    using ReadLock = std::function<bool(const std::function<void()>&)>;
    void setReadLock(ReadLock withLock) { m_withLock = std::move(withLock); }

    /// Working-set window tau (references). Recomputes the working-set chart.
    void setWorkingSetTau(std::uint64_t tau);
    std::uint64_t workingSetTau() const { return m_tau; }
    static constexpr std::uint64_t kDefaultTau = 100;

    /// For the main window's menu: export the visible chart or the data.
    bool exportCurrentChart(const QString& path, const ExportOptions& opt, QString* error) const;
    bool exportSeriesCsv(const QString& path, QString* error) const;
    bool exportSeriesJson(const QString& path, QString* error) const;
    void copyCurrentChartToClipboard() const;
    /// After a language switch: tab labels, chart titles, axis and series names are rebuilt in
    /// the new language (hold the controller's read guard, as for setSimulator()).
    void retranslate();

    /// Minimum time between two redraws (ms).
    static constexpr int kMinRefreshIntervalMs = 33;

public slots:
    /// Catches up with the simulator: appends only samples newer than the last plotted and drops
    /// those the engine truncated after a step back; one replace() per series. Rate-limited: a
    /// call within kMinRefreshIntervalMs of the last redraw is deferred, not lost.
    void refresh();
    /// refresh() without the rate limit.
    void refreshNow();
    /// Moves the time cursor to the simulated time of `step` (steps done).
    void setCursorStep(std::uint64_t step);

signals:
    /// The user clicked a chart at simulated time `t` (ns).
    void timeClicked(pfviz::SimTime t);
    /// ... and this is the step of the sample nearest to that time: the window can seek there.
    void stepRequested(std::uint64_t step);

private:
    void onPlotClicked(ChartKind kind, double x);
    /// Computes the working sets of the scenario (once per scenario; again when tau changes).
    void ensureWorkingSets();

    ReadLock m_withLock;
    std::uint64_t m_tau{kDefaultTau};
    std::optional<trace::ScenarioReferences> m_references;
    bool m_workingSetsStale{true};
    const Simulator* m_sim{nullptr};
    QTabWidget* m_tabs;
    std::map<ChartKind, ChartView*> m_charts;
    QElapsedTimer m_sinceRedraw;
    QTimer* m_deferred;
};

}  // namespace pfviz::ui
