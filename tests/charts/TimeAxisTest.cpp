// The time axis reads in a unit that fits the range: a 5.2 s run (swap_storm) is labelled in s or
// ms with short labels, a run of a few hundred µs (fork_cow) stays in µs. x itself stays in µs, so
// the labels must name the value at which they are drawn.
#include <gtest/gtest.h>

#include <QCategoryAxis>
#include <QChart>

#include "TestSupport.h"
#include "charts/ChartView.h"

using namespace pfviz;
using namespace pfviz::ui;

namespace {

QCategoryAxis* timeAxis(ChartView& view) {
    const auto axes = view.chart()->axes(Qt::Horizontal);
    return axes.size() == 1 ? qobject_cast<QCategoryAxis*>(axes.front()) : nullptr;
}

double unitUs(const QString& title) {
    if (title == QStringLiteral("simulated time (s)")) return 1e6;
    if (title == QStringLiteral("simulated time (ms)")) return 1e3;
    if (title == QStringLiteral("simulated time (µs)")) return 1.0;
    return 0.0;
}

// Each label is its own position (µs) in the axis' unit, at least 3 labels, all in the range.
void expectLabelsNameTheirValues(QCategoryAxis* ax) {
    const double unit = unitUs(ax->titleText());
    ASSERT_GT(unit, 0.0) << ax->titleText().toStdString();
    const QStringList labels = ax->categoriesLabels();
    EXPECT_GE(labels.size(), 3);
    for (const QString& l : labels) {
        const double at = ax->endValue(l);
        EXPECT_NEAR(l.toDouble() * unit, at, 1e-6 * unit) << l.toStdString();
        EXPECT_GE(at, ax->min() - 1e-9);
        EXPECT_LE(at, ax->max() + 1e-9);
    }
}

}  // namespace

TEST(TimeAxis, LongRunIsLabelledInSecondsOrMsWithShortLabels) {
    const ChartData data = test::runChartData(ChartKind::Memory, "swap_storm");
    ASSERT_GT(data.xMax(), 5e6);  // the run lasts over 5 simulated seconds
    ChartView view(data, ChartStyle{ThemeKind::Slide, false, {}, {}});
    view.prepareForRender(QSize(1920, 1080));
    QCategoryAxis* ax = timeAxis(view);
    ASSERT_NE(ax, nullptr);
    const QString title = ax->titleText();
    EXPECT_TRUE(title == "simulated time (s)" || title == "simulated time (ms)")
        << title.toStdString();
    for (const QString& l : ax->categoriesLabels())
        EXPECT_LE(l.size(), 6) << l.toStdString();
    expectLabelsNameTheirValues(ax);
    EXPECT_TRUE(ax->categoriesLabels().contains("0"));
}

TEST(TimeAxis, ShortRunStaysInMicroseconds) {
    const ChartData data = test::runChartData(ChartKind::Faults, "fork_cow");
    ASSERT_LT(data.xMax(), 1e4);  // well under 10 ms
    ChartView view(data, ChartStyle{ThemeKind::Slide, true, {}, {}});
    view.prepareForRender(QSize(1920, 1080));
    QCategoryAxis* ax = timeAxis(view);
    ASSERT_NE(ax, nullptr);
    EXPECT_EQ(ax->titleText(), "simulated time (µs)");
    expectLabelsNameTheirValues(ax);
}

TEST(TimeAxis, ZoomingInSwitchesToAFinerUnitAndBack) {
    ChartView view(test::runChartData(ChartKind::Memory, "swap_storm"), ChartStyle{});
    view.prepareForRender(QSize(1200, 600));
    QCategoryAxis* ax = timeAxis(view);
    ASSERT_NE(ax, nullptr);
    const double coarse = unitUs(ax->titleText());
    ax->setRange(1000.0, 3000.0);  // a 2 ms window: the user's zoom
    ASSERT_TRUE(view.isZoomed());
    EXPECT_LT(unitUs(ax->titleText()), coarse);
    EXPECT_LE(unitUs(ax->titleText()), 1e3);
    expectLabelsNameTheirValues(ax);
    view.resetZoom();
    EXPECT_EQ(unitUs(ax->titleText()), coarse);
    expectLabelsNameTheirValues(ax);
}
