#include "charts/ChartExport.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QPainter>
#include <QPdfWriter>
#include <QResizeEvent>
#include <QSaveFile>
#include <QSvgGenerator>
#include <cmath>
#include <sstream>

#include "pfviz/Simulator.h"
#include "pfviz/Summary.h"

namespace pfviz::ui {

namespace {

// Free functions of namespace pfviz::ui: lupdate files these under the context "pfviz::ui".
QString tr(const char* text) {
    return QCoreApplication::translate("pfviz::ui", text);
}

int captionHeight(const ExportOptions& opt) {
    if (opt.style.caption.isEmpty()) return 0;
    const ChartTheme t = ChartTheme::make(opt.style.theme);
    return static_cast<int>(std::lround(t.labelPx * opt.size.height() / 1080.0 * 2.2));
}

/// Paints the chart (and caption) into `p`, whose device is opt.size pixels.
void paintChart(QPainter& p, const ChartData& data, const ExportOptions& opt) {
    const ChartTheme theme = ChartTheme::make(opt.style.theme);
    const int capH = captionHeight(opt);
    const QSize chartSize(opt.size.width(), opt.size.height() - capH);
    p.fillRect(QRect(QPoint(0, 0), opt.size), theme.background);
    ChartView view(data, opt.style);  // never shown; its own chart, no OpenGL
    view.prepareForRender(chartSize);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    view.render(&p, QRectF(QPointF(0, 0), chartSize), QRect(QPoint(0, 0), chartSize),
                Qt::IgnoreAspectRatio);
    if (capH > 0) {
        QFont f;
        f.setPixelSize(std::max(
            11, static_cast<int>(std::lround(theme.labelPx * opt.size.height() / 1080.0))));
        p.setFont(f);
        p.setPen(theme.text);
        p.drawText(QRect(0, chartSize.height(), opt.size.width(), capH),
                   Qt::AlignCenter | Qt::TextWordWrap, opt.style.caption);
    }
}

QString chartTitleFor(const ChartData& data, const ExportOptions& opt) {
    return opt.style.title.isEmpty() ? chartTitle(data.kind()) : opt.style.title;
}

}  // namespace

QImage renderChartImage(const ChartData& data, const ExportOptions& opt) {
    QImage img(opt.size, QImage::Format_ARGB32_Premultiplied);
    const int dpm = static_cast<int>(std::lround(opt.dpi / 0.0254));
    img.setDotsPerMeterX(dpm);
    img.setDotsPerMeterY(dpm);
    img.fill(Qt::white);
    QPainter p(&img);
    paintChart(p, data, opt);
    p.end();
    return img;
}

QByteArray renderChartBytes(const ChartData& data, const ExportOptions& opt) {
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    if (opt.format == QLatin1String("png")) {
        renderChartImage(data, opt).save(&buf, "PNG");
    } else if (opt.format == QLatin1String("svg")) {
        QSvgGenerator gen;
        gen.setOutputDevice(&buf);
        gen.setSize(opt.size);
        gen.setViewBox(QRect(QPoint(0, 0), opt.size));
        gen.setResolution(opt.dpi);
        gen.setTitle(chartTitleFor(data, opt));
        gen.setDescription(opt.style.caption.isEmpty() ? tr("pfviz chart") : opt.style.caption);
        QPainter p(&gen);
        paintChart(p, data, opt);
        p.end();
    } else if (opt.format == QLatin1String("pdf")) {
        QPdfWriter pdf(&buf);
        pdf.setCreator(QStringLiteral("pfviz"));
        pdf.setTitle(chartTitleFor(data, opt));
        // The page is the requested size: pixels at `dpi`, in points.
        const QSizeF pt(opt.size.width() * 72.0 / opt.dpi, opt.size.height() * 72.0 / opt.dpi);
        pdf.setPageSize(QPageSize(pt, QPageSize::Point, QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(opt.dpi);  // QPdfWriter's default is 1200 dpi
        QPainter p(&pdf);
        const QRect vp = p.viewport();
        const double s = std::min(double(vp.width()) / opt.size.width(),
                                  double(vp.height()) / opt.size.height());
        p.scale(s, s);
        paintChart(p, data, opt);
        p.end();
    } else {
        return {};
    }
    buf.close();
    return bytes;
}

bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error) *error = tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    if (f.write(bytes) != bytes.size() || !f.commit()) {
        if (error) *error = tr("cannot write %1: %2").arg(path, f.errorString());
        f.cancelWriting();
        return false;
    }
    return true;
}

bool exportChart(const ChartData& data, const ExportOptions& opt, const QString& path,
                 QString* error) {
    if (opt.size.width() < 16 || opt.size.height() < 16 || opt.size.width() > 16384 ||
        opt.size.height() > 16384) {
        if (error) *error = tr("size must be between 16x16 and 16384x16384 pixels");
        return false;
    }
    if (opt.dpi < 10 || opt.dpi > 2400) {
        if (error) *error = tr("dpi must be between 10 and 2400");
        return false;
    }
    const QByteArray bytes = renderChartBytes(data, opt);
    if (bytes.isEmpty()) {
        if (error) *error = tr("unknown chart format '%1' (png, svg or pdf)").arg(opt.format);
        return false;
    }
    return writeFileAtomically(path, bytes, error);
}

void copyChartToClipboard(const ChartData& data, const ExportOptions& opt) {
    QGuiApplication::clipboard()->setImage(renderChartImage(data, opt));
}

bool writeSeriesCsv(const Simulator& sim, const QString& path, QString* error) {
    return writeFileAtomically(path, QByteArray::fromStdString(sim.series().toCsv()), error);
}

QByteArray seriesJson(const Simulator& sim) {
    // Built from the CSV so that both exports always have the same columns and values.
    std::istringstream in(sim.series().toCsv());
    std::string line;
    std::getline(in, line);
    std::vector<std::string> names;
    {
        std::istringstream h(line);
        for (std::string n; std::getline(h, n, ',');)
            names.push_back(n);
    }
    std::vector<nlohmann::json> cols(names.size(), nlohmann::json::array());
    while (std::getline(in, line)) {
        std::istringstream r(line);
        std::size_t i = 0;
        for (std::string v; std::getline(r, v, ',') && i < cols.size(); ++i) {
            // Counters are integers, PSI averages decimals, levels words.
            auto value = nlohmann::json::parse(v, nullptr, false);
            cols[i].push_back(value.is_discarded() ? nlohmann::json(v) : std::move(value));
        }
    }
    nlohmann::json j;
    j["header"] = {
        {"format", "pfviz-series"},
        {"version", 1},
        {"scenario", sim.scenario().name},
        {"seed", sim.seed()},
        {"steps", sim.stepIndex()},
        {"bucket_ns", sim.series().bucketNs()},
        {"samples", sim.series().samples().size()},
        {"columns", names},
        {"note", "counters are cumulative; rates are differences of neighbouring samples"}};
    nlohmann::json c = nlohmann::json::object();
    for (std::size_t i = 0; i < names.size(); ++i)
        c[names[i]] = std::move(cols[i]);
    j["series"] = std::move(c);
    return QByteArray::fromStdString(j.dump(1) + "\n");
}

bool writeSeriesJson(const Simulator& sim, const QString& path, QString* error) {
    return writeFileAtomically(path, seriesJson(sim), error);
}

QByteArray workingSetCsv(const std::vector<trace::ProcessWorkingSet>& sets) {
    std::ostringstream out;
    out << "pid,reference,time_ns,step,tau,working_set_pages\n";
    for (const auto& w : sets)
        for (std::size_t i = 0; i < w.points.size(); ++i)
            out << w.pid << ',' << w.points[i].reference << ',' << w.times[i] << ',' << w.steps[i]
                << ',' << w.tau << ',' << w.points[i].size << '\n';
    return QByteArray::fromStdString(out.str());
}

QByteArray workingSetJson(const Simulator& sim, const std::vector<trace::ProcessWorkingSet>& sets) {
    nlohmann::json procs = nlohmann::json::array();
    for (const auto& w : sets) {
        nlohmann::json refs = nlohmann::json::array(), sizes = nlohmann::json::array();
        for (const auto& p : w.points) {
            refs.push_back(p.reference);
            sizes.push_back(p.size);
        }
        procs.push_back({{"pid", w.pid},
                         {"reference", std::move(refs)},
                         {"time_ns", w.times},
                         {"step", w.steps},
                         {"working_set_pages", std::move(sizes)}});
    }
    nlohmann::json j;
    j["header"] = {
        {"format", "pfviz-working-set"},
        {"version", 1},
        {"scenario", sim.scenario().name},
        {"seed", sim.seed()},
        {"tau", sets.empty() ? 0 : sets.front().tau},
        {"note", "W(t, tau): distinct pages among a process's last tau references up to its t-th"}};
    j["processes"] = std::move(procs);
    return QByteArray::fromStdString(j.dump(1) + "\n");
}

bool writeEventsJsonl(const std::vector<Event>& events, const QString& path, QString* error) {
    std::string out;
    for (const Event& e : events)
        out += eventJson(e).dump() + "\n";
    return writeFileAtomically(path, QByteArray::fromStdString(out), error);
}

}  // namespace pfviz::ui
