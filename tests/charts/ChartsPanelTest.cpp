// ChartsPanel live behaviour: stepping grows the plotted series, seeking back shrinks them and
// moves the cursor, a click asks for the step of the nearest sample.
#include <gtest/gtest.h>

#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include "TestSupport.h"
#include "charts/ChartsPanel.h"

using namespace pfviz;
using namespace pfviz::ui;

namespace {

/// Grabs the panel to $PFVIZ_CHART_SHOTS/<name>.png when that variable is set (for looking).
void maybeShoot(ChartsPanel& panel, const QString& name) {
    const QString dir = qEnvironmentVariable("PFVIZ_CHART_SHOTS");
    if (dir.isEmpty()) return;
    QCoreApplication::processEvents();  // the pending relayout after new axis labels
    panel.grab().save(QDir(dir).filePath(name + ".png"));
}

}  // namespace

TEST(ChartsPanel, FollowsStepsAndStepBack) {
    auto sim = test::builtinSimulator("fork_cow");
    ChartsPanel panel;
    panel.resize(1000, 600);
    panel.show();
    panel.setSimulator(sim.get());
    ChartView* faults = panel.chart(ChartKind::Faults);
    ASSERT_NE(faults, nullptr);

    sim->seek(400);
    panel.refreshNow();
    const auto at400 = faults->data().lines()[0].points.size();
    const auto shown400 = faults->displayedPointCount(0);
    const auto cursor400 = faults->cursorX();
    ASSERT_TRUE(cursor400.has_value());
    EXPECT_DOUBLE_EQ(*cursor400, xOf(sim->machine().now));

    sim->seek(900);
    panel.refreshNow();
    const auto at900 = faults->data().lines()[0].points.size();
    EXPECT_GT(at900, at400);
    EXPECT_GT(faults->displayedPointCount(0), shown400);
    EXPECT_GT(*faults->cursorX(), *cursor400);
    maybeShoot(panel, "panel_fork_cow_faults");
    panel.setCurrentChart(ChartKind::Memory);
    maybeShoot(panel, "panel_fork_cow_memory");
    panel.setCurrentChart(ChartKind::Faults);

    sim->seek(300);  // the engine truncates its series; the charts hide the future
    panel.refreshNow();
    EXPECT_LT(faults->data().lines()[0].points.size(), at400);
    EXPECT_LT(*faults->cursorX(), *cursor400);
    EXPECT_EQ(faults->data().sampleCount(), sim->series().samples().size());
    EXPECT_LE(faults->data().xMax(), xOf(sim->machine().now));
}

TEST(ChartsPanel, IncrementalSyncEqualsAFreshSync) {
    auto sim = test::builtinSimulator("demand_paging");
    ChartData live(ChartKind::Memory);
    for (int i = 0; i < 500; ++i) {
        sim->step();
        if (i % 7 == 0) live.sync(sim->series());
    }
    sim->seek(123);
    live.sync(sim->series());
    sim->seek(450);
    live.sync(sim->series());
    ChartData fresh(ChartKind::Memory);
    fresh.sync(sim->series());
    ASSERT_EQ(live.lines().size(), fresh.lines().size());
    for (std::size_t i = 0; i < live.lines().size(); ++i) {
        EXPECT_EQ(live.lines()[i].points, fresh.lines()[i].points) << i;
        EXPECT_EQ(live.lines()[i].coarse, fresh.lines()[i].coarse) << i;
        EXPECT_FALSE(fresh.lines()[i].coarse.isEmpty()) << i;
    }
}

TEST(ChartsPanel, ClickRequestsTheNearestSamplesStep) {
    auto sim = test::builtinSimulator("demand_paging");
    ChartsPanel panel;
    panel.resize(1000, 600);
    panel.show();
    panel.setSimulator(sim.get());
    sim->runToEnd();
    panel.refreshNow();
    ChartView* view = panel.chart(ChartKind::Faults);
    QSignalSpy steps(&panel, &ChartsPanel::stepRequested);
    QSignalSpy times(&panel, &ChartsPanel::timeClicked);
    const QRectF plot = view->chart()->plotArea();
    const QPoint mid = plot.center().toPoint();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, mid);
    ASSERT_EQ(steps.count(), 1);
    ASSERT_EQ(times.count(), 1);
    const auto step = steps.first().first().value<std::uint64_t>();
    EXPECT_GT(step, 0u);
    EXPECT_LT(step, sim->stepIndex());
    EXPECT_FALSE(view->isZoomed()) << "a click must not zoom";
}

TEST(ChartsPanel, RefreshIsRateLimitedButNotLost) {
    auto sim = test::builtinSimulator("fork_cow");
    ChartsPanel panel;
    panel.setSimulator(sim.get());
    sim->seek(200);
    panel.refresh();  // right after setSimulator's redraw: deferred
    panel.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(panel.chart(ChartKind::Faults)->data().sampleCount(),
                              sim->series().samples().size(), 1000);
}

TEST(ChartsPanel, RssChartHasALinePerProcess) {
    auto sim = test::builtinSimulator("fork_cow");
    ChartsPanel panel;
    panel.setSimulator(sim.get());
    panel.setCurrentChart(ChartKind::Rss);
    while (!sim->atEnd()) {
        for (int i = 0; i < 50 && !sim->atEnd(); ++i)
            sim->step();
        panel.refreshNow();
    }
    const auto& lines = panel.chart(ChartKind::Rss)->data().lines();
    EXPECT_GE(lines.size(), 3u);  // the total plus parent and child
    maybeShoot(panel, "panel_fork_cow_rss");
}

TEST(ChartsPanel, DemandPagingShot) {
    auto sim = test::builtinSimulator("demand_paging");
    ChartsPanel panel;
    panel.resize(1000, 600);
    panel.show();
    panel.setSimulator(sim.get());
    sim->seek(sim->totalSteps() / 2);
    panel.refreshNow();
    maybeShoot(panel, "panel_demand_paging_faults");
    panel.setCurrentChart(ChartKind::Memory);
    maybeShoot(panel, "panel_demand_paging_memory");
    EXPECT_GT(panel.chart(ChartKind::Memory)->displayedPointCount(0), 10);
}
