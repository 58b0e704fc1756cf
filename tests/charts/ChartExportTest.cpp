// Export: SVG is XML with the series in it, PDF has the requested page, PNG the requested size,
// CSV one row per sample; decimation keeps spikes; a failed export leaves no file behind.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXYSeries>
#include <QXmlStreamReader>
#include <chrono>
#include <cstdio>

#include "TestSupport.h"
#include "charts/ChartExport.h"
#include "charts/Decimate.h"

using namespace pfviz;
using namespace pfviz::ui;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

TEST(ChartExport, SvgIsXmlAndNamesTheSeries) {
    QTemporaryDir dir;
    ExportOptions opt;
    opt.format = "svg";
    const QString path = dir.filePath("faults.svg");
    QString error;
    ASSERT_TRUE(exportChart(test::runChartData(ChartKind::Faults), opt, path, &error))
        << error.toStdString();
    const QByteArray svg = readAll(path);
    QXmlStreamReader xml(svg);
    int elements = 0;
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement) ++elements;
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_GT(elements, 10);
    EXPECT_TRUE(svg.contains(">minor<") || svg.contains("minor")) << "legend name missing";
    EXPECT_TRUE(svg.contains("CoW copy"));
    EXPECT_TRUE(svg.contains("good ≤ 1000/s")) << "threshold label missing";
}

TEST(ChartExport, PdfHasThePageOfTheRequestedSize) {
    QTemporaryDir dir;
    ExportOptions opt;
    opt.format = "pdf";
    opt.size = QSize(1920, 1080);
    opt.dpi = 96;
    const QString path = dir.filePath("memory.pdf");
    QString error;
    ASSERT_TRUE(exportChart(test::runChartData(ChartKind::Memory), opt, path, &error))
        << error.toStdString();
    const QByteArray pdf = readAll(path);
    ASSERT_TRUE(pdf.startsWith("%PDF"));
    // 1920x1080 px at 96 dpi = 1440x810 pt.
    const QRegularExpression box(QStringLiteral("/MediaBox \\[\\s*0 0 ([0-9.]+) ([0-9.]+)\\s*\\]"));
    const auto m = box.match(QString::fromLatin1(pdf));
    ASSERT_TRUE(m.hasMatch());
    EXPECT_NEAR(m.captured(1).toDouble(), 1440.0, 0.5);
    EXPECT_NEAR(m.captured(2).toDouble(), 810.0, 0.5);
    EXPECT_EQ(pdf.count("/Type /Page\n") + pdf.count("/Type /Page "), 1);
}

TEST(ChartExport, PngHasTheRequestedPixelSizeAndDpi) {
    QTemporaryDir dir;
    ExportOptions opt;
    opt.format = "png";
    opt.size = QSize(1280, 720);
    opt.dpi = 192;
    const QString path = dir.filePath("tlb.png");
    QString error;
    ASSERT_TRUE(exportChart(test::runChartData(ChartKind::Tlb), opt, path, &error))
        << error.toStdString();
    QImage img(path);
    ASSERT_FALSE(img.isNull());
    EXPECT_EQ(img.size(), QSize(1280, 720));
    EXPECT_NEAR(img.dotsPerMeterX() * 0.0254, 192.0, 1.0);
}

TEST(ChartExport, CsvHasOneRowPerSampleAndTheHeader) {
    QTemporaryDir dir;
    auto sim = test::builtinSimulator("demand_paging");
    sim->runToEnd();
    const QString path = dir.filePath("series.csv");
    QString error;
    ASSERT_TRUE(writeSeriesCsv(*sim, path, &error)) << error.toStdString();
    const QList<QByteArray> lines = readAll(path).trimmed().split('\n');
    ASSERT_FALSE(lines.isEmpty());
    EXPECT_EQ(lines.front().toStdString(), Series::csvHeader());
    EXPECT_EQ(static_cast<std::size_t>(lines.size() - 1), sim->series().samples().size());
}

TEST(ChartExport, JsonHasHeaderAndFullColumns) {
    auto sim = test::builtinSimulator("fork_cow");
    sim->runToEnd();
    const auto j = nlohmann::json::parse(seriesJson(*sim).toStdString());
    EXPECT_EQ(j.at("header").at("scenario"), sim->scenario().name);
    EXPECT_EQ(j.at("header").at("samples"), sim->series().samples().size());
    EXPECT_EQ(j.at("series").at("minor").size(), sim->series().samples().size());
    EXPECT_EQ(j.at("series").at("minor").back(),
              sim->series().samples().back().counters.faults.minor);
}

TEST(ChartExport, UnwritablePathFailsCleanlyAndLeavesNoFile) {
    QTemporaryDir dir;
    ExportOptions opt;
    const ChartData data = test::runChartData(ChartKind::Faults);
    QString error;
    const QString missingDir = dir.filePath("no/such/dir/chart.png");
    EXPECT_FALSE(exportChart(data, opt, missingDir, &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(QFile::exists(missingDir));
    // The target is a directory: nothing may be left beside it either.
    ASSERT_TRUE(QDir(dir.path()).mkdir("taken"));
    error.clear();
    EXPECT_FALSE(exportChart(data, opt, dir.filePath("taken"), &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
              QStringList{"taken"});
}

TEST(ChartExport, ExistingFileSurvivesAFailedExport) {
    QTemporaryDir dir;
    const QString path = dir.filePath("keep.png");
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("old");
    }
    ExportOptions opt;
    opt.format = "bmp";  // unknown: fails before writing
    QString error;
    EXPECT_FALSE(exportChart(test::runChartData(ChartKind::Faults), opt, path, &error));
    EXPECT_EQ(readAll(path), QByteArray("old"));
}

TEST(Decimate, KeepsTheMaximumOfASingleSampleSpike) {
    QList<QPointF> pts;
    for (int i = 0; i < 100000; ++i)
        pts.append(QPointF(i, i == 54321 ? 1e6 : 1.0));
    const QList<QPointF> d = decimateMinMax(pts, 0, 99999, 500);
    EXPECT_LE(d.size(), 4 * 500 + 4);
    const auto top = std::max_element(
        d.begin(), d.end(), [](const QPointF& a, const QPointF& b) { return a.y() < b.y(); });
    EXPECT_EQ(top->y(), 1e6);
    EXPECT_EQ(top->x(), 54321.0);
    EXPECT_TRUE(std::is_sorted(d.begin(), d.end(),
                               [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); }));
}

TEST(Decimate, ChartViewShowsTheSpikeOfAMillionSamples) {
    // A synthetic million-sample series with one fault burst in a single bucket.
    Series series(1000, 2'000'000);
    Sample s;
    for (std::uint64_t i = 0; i < 1'000'000; ++i) {
        s.time = i * 1000;
        s.step = i;
        s.counters.faults.minor += (i == 777'777) ? 500 : (i % 2);
        series.record(s);
    }
    ChartView view(ChartKind::Faults);
    view.resize(1200, 600);
    const auto t0 = std::chrono::steady_clock::now();
    view.data().sync(series);
    const auto t1 = std::chrono::steady_clock::now();
    view.prepareForRender(QSize(1200, 600));
    const auto t2 = std::chrono::steady_clock::now();
    view.updateDisplay();
    const auto t3 = std::chrono::steady_clock::now();
    using ms = std::chrono::duration<double, std::milli>;
    std::printf(
        "1M samples: sync %.1f ms, first display %.1f ms, refresh %.1f ms, %lld points drawn\n",
        ms(t1 - t0).count(), ms(t2 - t1).count(), ms(t3 - t2).count(),
        static_cast<long long>(view.displayedPointCount(0)));
    EXPECT_EQ(view.data().lines()[0].points.size(), 999'999);
    EXPECT_LE(view.displayedPointCount(0), 4 * 1200 + 8);
    // The burst's rate (500 faults in 1 µs = 5e8/s) is drawn (as log10 on the log axis).
    auto* chart = view.chart();
    double top = 0;
    for (auto* series0 : chart->series())
        if (auto* xy = qobject_cast<QXYSeries*>(series0);
            xy && xy->name() == QStringLiteral("minor"))
            for (const QPointF& p : xy->points())
                top = std::max(top, p.y());
    EXPECT_NEAR(top, std::log10(5e8), 1e-9);
}
