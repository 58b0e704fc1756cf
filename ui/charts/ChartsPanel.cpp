#include "charts/ChartsPanel.h"

#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "pfviz/Simulator.h"

namespace pfviz::ui {

ChartsPanel::ChartsPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs);
    const std::pair<ChartKind, QString> tabs[] = {{ChartKind::Faults, tr("Faults")},
                                                  {ChartKind::Memory, tr("Memory")},
                                                  {ChartKind::Tlb, tr("TLB")},
                                                  {ChartKind::Rss, tr("RSS")},
                                                  {ChartKind::WorkingSet, tr("Working set")}};
    for (const auto& [kind, label] : tabs) {
        auto* view = new ChartView(kind, m_tabs);
        m_charts[kind] = view;
        m_tabs->addTab(view, label);
        connect(view, &ChartView::plotClicked, this,
                [this, k = kind](double x) { onPlotClicked(k, x); });
        connect(view, &ChartView::workingSetTauRequested, this, &ChartsPanel::setWorkingSetTau);
    }
    // A tab switch catches the new chart up with the simulator, which a full-speed run may be
    // stepping on a worker thread: read it only under the owner's lock.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        const bool done = m_withLock ? m_withLock([this] { refreshNow(); }) : (refreshNow(), true);
        if (!done)
            if (auto* v = currentChart())
                v->updateDisplay();  // what it has; the next refresh catches up
    });
    m_deferred = new QTimer(this);
    m_deferred->setSingleShot(true);
    connect(m_deferred, &QTimer::timeout, this, &ChartsPanel::refreshNow);
}

void ChartsPanel::retranslate() {
    const std::pair<ChartKind, QString> tabs[] = {{ChartKind::Faults, tr("Faults")},
                                                  {ChartKind::Memory, tr("Memory")},
                                                  {ChartKind::Tlb, tr("TLB")},
                                                  {ChartKind::Rss, tr("RSS")},
                                                  {ChartKind::WorkingSet, tr("Working set")}};
    for (const auto& [kind, label] : tabs)
        if (auto* v = chart(kind)) m_tabs->setTabText(m_tabs->indexOf(v), label);
    setSimulator(m_sim);
}

void ChartsPanel::setSimulator(const Simulator* sim) {
    m_sim = sim;
    m_references.reset();
    m_workingSetsStale = true;
    for (auto& [kind, view] : m_charts) {
        ChartStyle style = view->style();
        view->data() = ChartData(kind);
        view->setSimulator(sim);
        view->setStyle(style);  // rebuilds with the empty data
        view->resetZoom();
    }
    refreshNow();
}

ChartView* ChartsPanel::chart(ChartKind kind) const {
    auto it = m_charts.find(kind);
    return it == m_charts.end() ? nullptr : it->second;
}

ChartView* ChartsPanel::currentChart() const {
    return qobject_cast<ChartView*>(m_tabs->currentWidget());
}

void ChartsPanel::setCurrentChart(ChartKind kind) {
    if (auto* v = chart(kind)) m_tabs->setCurrentWidget(v);
}

void ChartsPanel::setTheme(ThemeKind theme) {
    for (auto& [kind, view] : m_charts) {
        ChartStyle s = view->style();
        s.theme = theme;
        view->setStyle(s);
    }
}

void ChartsPanel::refresh() {
    if (m_sinceRedraw.isValid() && m_sinceRedraw.elapsed() < kMinRefreshIntervalMs) {
        if (!m_deferred->isActive())
            m_deferred->start(kMinRefreshIntervalMs - static_cast<int>(m_sinceRedraw.elapsed()));
        return;
    }
    refreshNow();
}

void ChartsPanel::refreshNow() {
    m_deferred->stop();
    m_sinceRedraw.start();
    if (!m_sim) return;
    ChartView* current = currentChart();
    // The working sets come from a private run of the scenario: computed when first shown.
    if (current == chart(ChartKind::WorkingSet)) ensureWorkingSets();
    for (auto& [kind, view] : m_charts) {
        const bool changed = view->data().sync(m_sim->series());
        // Only the visible chart is redrawn; the others catch up when their tab is shown.
        if (view == current && changed) view->updateDisplay();
    }
    setCursorStep(m_sim->stepIndex());
}

void ChartsPanel::setCursorStep(std::uint64_t step) {
    for (auto& [kind, view] : m_charts) {
        std::optional<double> x;
        if (m_sim && m_sim->stepIndex() == step) {
            x = xOf(m_sim->machine().now);
        } else if (auto i = view->data().sampleAtStep(step)) {
            x = xOf(view->data().sampleTime(*i));
        }
        view->setCursorX(x);
    }
}

void ChartsPanel::setWorkingSetTau(std::uint64_t tau) {
    if (tau == 0 || tau == m_tau) return;
    m_tau = tau;
    m_workingSetsStale = true;
    if (currentChart() == chart(ChartKind::WorkingSet)) {
        if (m_withLock)
            m_withLock([this] { refreshNow(); });  // busy: the next refresh recomputes
        else
            refreshNow();
    }
}

void ChartsPanel::ensureWorkingSets() {
    if (!m_sim || !m_workingSetsStale) return;
    m_workingSetsStale = false;
    // The scenario and seed never change while a simulator lives: safe to read beside a run.
    if (!m_references) m_references = trace::scenarioReferences(m_sim->scenario(), m_sim->seed());
    std::uint64_t longest = 0;
    for (const auto& p : m_references->processes)
        longest = std::max<std::uint64_t>(longest, p.pages.size());
    const std::uint64_t stride = std::max<std::uint64_t>(1, longest / 20000);  // display only
    ChartView* v = chart(ChartKind::WorkingSet);
    v->data().setWorkingSets(trace::workingSets(*m_references, m_tau, stride));
    v->updateDisplay();
}

void ChartsPanel::onPlotClicked(ChartKind kind, double x) {
    ChartView* view = chart(kind);
    const auto i = view->data().nearestSample(x);
    if (!i) return;
    emit timeClicked(view->data().sampleTime(*i));
    emit stepRequested(view->data().sampleStep(*i));
}

bool ChartsPanel::exportCurrentChart(const QString& path, const ExportOptions& opt,
                                     QString* error) const {
    const ChartView* v = currentChart();
    return v && exportChart(v->data(), opt, path, error);
}

bool ChartsPanel::exportSeriesCsv(const QString& path, QString* error) const {
    if (!m_sim) {
        if (error) *error = tr("no simulation to export");
        return false;
    }
    return writeSeriesCsv(*m_sim, path, error);
}

bool ChartsPanel::exportSeriesJson(const QString& path, QString* error) const {
    if (!m_sim) {
        if (error) *error = tr("no simulation to export");
        return false;
    }
    return writeSeriesJson(*m_sim, path, error);
}

void ChartsPanel::copyCurrentChartToClipboard() const {
    if (const ChartView* v = currentChart()) {
        ExportOptions opt;
        opt.style = v->style();
        opt.size = v->size();
        copyChartToClipboard(v->data(), opt);
    }
}

}  // namespace pfviz::ui
