#pragma once
// Export of charts (PNG, SVG, PDF; vector output stays vector) and of their data (CSV, JSON of
// the full Series; JSONL of events). Every file is written through QSaveFile: a failed export
// leaves the old file, or nothing, never a partial file. Needs a QApplication (Qt Charts).
#include <QImage>
#include <QSize>
#include <QString>
#include <vector>

#include "charts/ChartData.h"
#include "charts/ChartView.h"

namespace pfviz {
class Simulator;
struct Event;
}  // namespace pfviz

namespace pfviz::ui {

struct ExportOptions {
    QString format{QStringLiteral("png")};  // png, svg or pdf
    QSize size{1920, 1080};                 // pixels (PDF page: size at `dpi`)
    int dpi{96};
    ChartStyle style{ThemeKind::Slide, true, {}, {}};
};

/// Renders `data` as a chart into an image of opt.size (caption included).
QImage renderChartImage(const ChartData& data, const ExportOptions& opt);
/// Writes the chart in opt.format to `path`. On failure returns false and sets `error`.
bool exportChart(const ChartData& data, const ExportOptions& opt, const QString& path,
                 QString* error);
/// The chart's bytes in opt.format (png, svg, pdf); empty on an unknown format.
QByteArray renderChartBytes(const ChartData& data, const ExportOptions& opt);
void copyChartToClipboard(const ChartData& data, const ExportOptions& opt);

/// The full series (every sample, no decimation) as CSV (Series::toCsv()).
bool writeSeriesCsv(const Simulator& sim, const QString& path, QString* error);
/// {"header": {scenario, seed, bucket_ns, steps, columns, units}, "series": {column: [values]}}
bool writeSeriesJson(const Simulator& sim, const QString& path, QString* error);
QByteArray seriesJson(const Simulator& sim);
/// Working sets: CSV `pid,reference,time_ns,step,tau,working_set_pages`, one row per point.
QByteArray workingSetCsv(const std::vector<trace::ProcessWorkingSet>& sets);
/// {"header": {format, scenario, seed, tau}, "processes": [{pid, reference[], time_ns[], step[],
/// working_set_pages[]}]}
QByteArray workingSetJson(const Simulator& sim, const std::vector<trace::ProcessWorkingSet>& sets);

/// One JSON object per line (eventJson) for the event log the caller kept.
bool writeEventsJsonl(const std::vector<Event>& events, const QString& path, QString* error);

/// QSaveFile: temp file + rename on commit.
bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error);

}  // namespace pfviz::ui
