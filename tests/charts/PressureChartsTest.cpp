// The memory chart draws the pressure engine's series (watermarks, pressure-level band, PSI), the
// RSS chart per-process swap, and the working-set chart Denning's W(t, tau) over a scenario's
// page references, in the window and in exports.
#include <gtest/gtest.h>

#include <QAbstractSeries>
#include <QAreaSeries>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QXYSeries>
#include <QXmlStreamReader>
#include <set>

#include "TestSupport.h"
#include "charts/ChartExport.h"
#include "charts/ChartsPanel.h"

using namespace pfviz;
using namespace pfviz::ui;

namespace {

const ChartData::Line* lineById(const ChartData& d, const QString& id) {
    for (const auto& l : d.lines())
        if (l.def.id == id) return &l;
    return nullptr;
}

std::set<QString> seriesIds(const ChartView& v) {
    std::set<QString> ids;
    for (QAbstractSeries* s : v.chart()->series())
        ids.insert(s->objectName());
    return ids;
}

double maxY(const QList<QPointF>& pts) {
    double m = 0;
    for (const QPointF& p : pts)
        m = std::max(m, p.y());
    return m;
}

}  // namespace

TEST(MemoryChart, SwapStormHasWatermarkLinesAndAPressureBand) {
    auto sim = test::builtinSimulator("swap_storm");
    sim->runToEnd();
    ChartData data(ChartKind::Memory);
    data.sync(sim->series());
    ChartView view(data, ChartStyle{ThemeKind::Slide, false, {}, {}});
    view.prepareForRender(QSize(1920, 1080));
    const auto ids = seriesIds(view);
    for (const char* id : {"free", "anonymous", "page_tables", "page_cache", "swap_used",
                           "wmark_min", "wmark_low", "wmark_high", "psi_some_avg10",
                           "psi_full_avg10", "pressure_band_normal", "pressure_band_critical"})
        EXPECT_TRUE(ids.count(QLatin1String(id))) << id;

    // The watermark lines carry the machine's watermarks (W1: min < low < high).
    const Watermarks& w = sim->machine().watermarks;
    ASSERT_GT(w.high, w.low);
    EXPECT_EQ(lineById(view.data(), "wmark_high")->points.last().y(), double(w.high));
    EXPECT_EQ(lineById(view.data(), "wmark_low")->points.last().y(), double(w.low));
    EXPECT_EQ(lineById(view.data(), "wmark_min")->points.last().y(), double(w.min));
    // swap_storm swaps: the swap line rises, and the band leaves "normal" where the run did.
    EXPECT_GT(maxY(lineById(view.data(), "swap_used")->points), 0.0);
    const auto runs = view.bandRuns();
    ASSERT_FALSE(runs.empty());
    int worst = 0;
    for (const auto& r : runs)
        worst = std::max(worst, r.second);
    // Sampled per bucket, so a peak shorter than a bucket may not show; never above the peak.
    EXPECT_LE(worst, static_cast<int>(sim->machine().maxPressure));
    EXPECT_GT(worst, 0) << "swap_storm should reach at least caution";
    // Free frames are the bottom layer: their top is the free count (readable against the lines).
    EXPECT_EQ(lineById(view.data(), "free")->points.last().y(),
              double(sim->machine().memory.freeCount()));
}

TEST(MemoryChart, SvgExportParsesAndHoldsWatermarksAndBand) {
    QTemporaryDir dir;
    ExportOptions opt;
    opt.format = "svg";
    const QString path = dir.filePath("memory.svg");
    QString error;
    ASSERT_TRUE(exportChart(test::runChartData(ChartKind::Memory, "swap_storm"), opt, path, &error))
        << error.toStdString();
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray svg = f.readAll();
    QXmlStreamReader xml(svg);
    QStringList texts;
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::Characters)
            texts << xml.text().toString().trimmed();
    ASSERT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    for (const char* label : {"high", "low", "min", "swap used", "PSI some avg10", "critical"})
        EXPECT_TRUE(texts.contains(QLatin1String(label))) << label;
    // The band's colours: normal (green) at the start, critical (dark red) at the end.
    EXPECT_TRUE(svg.contains("#8fd1b5")) << "normal band missing";
    EXPECT_TRUE(svg.contains("#8b0000")) << "critical band missing";
}

TEST(RssChart, PerProcessSwapIsNonZeroInSwapStorm) {
    const ChartData d = test::runChartData(ChartKind::Rss, "swap_storm");
    double swap = 0;
    int swapLines = 0;
    for (const auto& l : d.lines())
        if (l.def.id.startsWith("swap_")) {
            ++swapLines;
            swap = std::max(swap, maxY(l.points));
        }
    EXPECT_GE(swapLines, 1);
    EXPECT_GT(swap, 0.0);
}

TEST(RssChart, SamplesCarryPerProcessRssAndSwapBounded) {
    auto sim = test::builtinSimulator("swap_storm");
    sim->runToEnd();
    std::uint64_t maxSwap = 0;
    for (const Sample& s : sim->series().samples()) {
        EXPECT_LE(s.processes.size(), Sample::kMaxProcesses);
        std::uint64_t rss = 0;
        for (const ProcessSample& p : s.processes) {
            rss += p.rssPages;
            maxSwap = std::max<std::uint64_t>(maxSwap, p.swapPages);
        }
        if (s.processes.size() < Sample::kMaxProcesses) {
            EXPECT_EQ(rss, s.rssPages);
        }
    }
    EXPECT_GT(maxSwap, 0u);
    // The process swap entries add up to the swap in use (each swapped page has one owner here).
    const Sample& last = sim->series().samples().back();
    std::uint64_t swap = 0;
    for (const ProcessSample& p : last.processes)
        swap += p.swapPages;
    EXPECT_LE(swap, last.swapUsed);
}

TEST(WorkingSetChart, FollowsTheStepAndTauChangesIt) {
    auto sim = test::builtinSimulator("demand_paging");
    ChartsPanel panel;
    panel.resize(1000, 600);
    int locked = 0;
    panel.setReadLock([&](const std::function<void()>& f) {
        ++locked;
        f();
        return true;
    });
    panel.setSimulator(sim.get());
    sim->seek(sim->totalSteps() / 2);
    panel.setCurrentChart(ChartKind::WorkingSet);
    EXPECT_GE(locked, 1) << "a tab switch reads the simulator under the read lock";
    ChartView* ws = panel.chart(ChartKind::WorkingSet);
    ASSERT_FALSE(ws->data().lines().empty());
    auto pointCount = [ws] {
        qsizetype n = 0;
        for (const auto& l : ws->data().lines())
            n += l.points.size();
        return n;
    };
    const auto half = pointCount();
    EXPECT_GT(half, 0);
    EXPECT_LE(ws->data().xMax(), xOf(sim->machine().now));
    sim->runToEnd();
    panel.refreshNow();
    const auto full = pointCount();
    EXPECT_GT(full, half);
    sim->seek(sim->totalSteps() / 2);  // step back hides the future
    panel.refreshNow();
    EXPECT_EQ(pointCount(), half);
    // W(t, tau) <= tau, and a bigger window never sees fewer pages.
    panel.setWorkingSetTau(10);
    const double small = maxY(ws->data().lines()[0].points);
    EXPECT_LE(small, 10.0);
    panel.setWorkingSetTau(1000);
    EXPECT_GE(maxY(ws->data().lines()[0].points), small);
    EXPECT_EQ(ws->data().workingSetTau(), 1000u);
}

TEST(WorkingSetExport, CliCsvHasOneRowPerReference) {
    QTemporaryDir dir;
    const QString out = dir.filePath("ws.csv");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PFVIZ_CLI), {"export", "swap_storm", "--chart", "workingset", "--format",
                                        "csv", "--out", out, "--tau", "50"});
    ASSERT_TRUE(p.waitForFinished(60000));
    ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    QFile f(out);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    EXPECT_EQ(lines.first(), QByteArray("pid,reference,time_ns,step,tau,working_set_pages"));
    // One row per page reference (= per access step) of the run.
    auto sim = test::builtinSimulator("swap_storm");
    std::size_t accesses = 0;
    while (!sim->atEnd())
        for (const Event& e : sim->step())
            accesses += e.kind == EventKind::AccessStart;
    EXPECT_EQ(static_cast<std::size_t>(lines.size() - 1), accesses);
    for (int i = 1; i < lines.size(); i += 97) {
        const auto cols = lines[i].split(',');
        ASSERT_EQ(cols.size(), 6);
        EXPECT_EQ(cols[4], QByteArray("50"));
        EXPECT_LE(cols[5].toInt(), 50);
        EXPECT_LE(cols[5].toULongLong(), cols[1].toULongLong());  // W(t, tau) <= t
    }
}
