#include "charts/ChartView.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QRubberBand>
#include <QValueAxis>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "charts/ChartExport.h"
#include "charts/Decimate.h"
#include "charts/ExportDialog.h"
#include "charts/Thresholds.h"
#include "pfviz/Simulator.h"

namespace pfviz::ui {

namespace {
constexpr double kLogFloor = 1.0;  // zero rates are drawn at this value on a log axis

// The log axis is drawn as log10(y) on a QCategoryAxis with a label per decade: QLogValueAxis
// (Qt 6.4) breaks the chart layout with large fonts (labels wrapped digit by digit, title cut).
double log10Floor(double y) {
    return std::log10(std::max(y, kLogFloor));
}

QString decadeLabel(int e) {
    static const char* const kSuffix[] = {"", "k", "M", "G", "T"};
    if (e < 0) return QString::number(std::pow(10.0, e));
    const int group = std::min(e / 3, 4);
    return QString::number(static_cast<qint64>(std::pow(10.0, e - 3 * group))) +
           QLatin1String(kSuffix[group]);
}
constexpr int kClickSlop = 4;       // pixels a press may move and still be a click
constexpr double kBandLow = 0.92;   // the pressure band: top 8 % of the plot (band axis 0..1)
constexpr double kHeadroom = 0.88;  // memory chart: data stays below the band
constexpr int kLevels = 5;          // PressureLevel normal .. critical

// Pressure levels: green to dark red, readable on white and dark backgrounds.
QColor levelColor(int level) {
    static const QRgb kColors[kLevels] = {0xff8fd1b5, 0xfff0e442, 0xffe69f00, 0xffd55e00,
                                          0xff8b0000};
    return QColor::fromRgb(kColors[std::clamp(level, 0, kLevels - 1)]);
}
QColor levelTextColor(int level) {
    return level >= 3 ? Qt::white : Qt::black;
}
QString levelName(int level) {
    switch (level) {
        case 0:
            return QCoreApplication::translate("pfviz::ui::ChartView", "normal");
        case 1:
            return QCoreApplication::translate("pfviz::ui::ChartView", "caution");
        case 2:
            return QCoreApplication::translate("pfviz::ui::ChartView", "warning");
        case 3:
            return QCoreApplication::translate("pfviz::ui::ChartView", "danger");
        default:
            return QCoreApplication::translate("pfviz::ui::ChartView", "critical");
    }
}
const char* const kLevelIds[kLevels] = {"normal", "caution", "warning", "danger", "critical"};

/// A round tick interval giving about `ticks` intervals over [0, max].
double niceInterval(double max, int ticks) {
    if (max <= 0) return 1.0;
    const double raw = max / ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (raw <= m * mag) return m * mag;
    return 10.0 * mag;
}

/// Range and tick interval together, in the order that never asks Qt for a huge number of ticks
/// in between (a small interval over the old, wide range would create them all).
void applyTicks(QValueAxis* a, double lo, double hi, double interval) {
    const bool dynamic = a->tickType() == QValueAxis::TicksDynamic;
    if (dynamic && interval < a->tickInterval()) {
        a->setRange(lo, hi);
        a->setTickInterval(interval);
    } else {
        a->setTickInterval(interval);
        a->setRange(lo, hi);
    }
    a->setTickAnchor(0.0);
    if (!dynamic) a->setTickType(QValueAxis::TicksDynamic);
}

/// Simulated time on the x axis: x stays in microseconds (ChartData, cursor, clicks); only the
/// labels change unit. The unit is the largest of s, ms, µs that the tick interval is a whole
/// multiple of or more, so a 5 s run reads 0, 1, 2 ... s instead of 0, 1000000 ... µs.
struct TimeUnit {
    double us;          // microseconds per unit
    const char* title;  // axis title (translated in the ChartView context)
};
const TimeUnit& timeUnitFor(double intervalUs) {
    static const TimeUnit kUnits[] = {
        {1e6, QT_TRANSLATE_NOOP("pfviz::ui::ChartView", "simulated time (s)")},
        {1e3, QT_TRANSLATE_NOOP("pfviz::ui::ChartView", "simulated time (ms)")},
        {1.0, QT_TRANSLATE_NOOP("pfviz::ui::ChartView", "simulated time (µs)")},
    };
    for (const TimeUnit& u : kUnits)
        if (intervalUs >= u.us * (1.0 - 1e-9)) return u;
    return kUnits[2];
}

void setDynamicTicks(QValueAxis* a, double max, int ticks) {
    applyTicks(a, 0.0, max, niceInterval(max, ticks));
}

QFont pixelFont(double px, bool bold = false) {
    QFont f;
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(px))));
    f.setBold(bold);
    return f;
}
}  // namespace

ChartView::ChartView(ChartKind kind, QWidget* parent)
    : ChartView(ChartData(kind), ChartStyle{}, parent) {}

ChartView::ChartView(const ChartData& data, const ChartStyle& style, QWidget* parent)
    : QChartView(parent), m_data(data), m_style(style) {
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::NoRubberBand);  // our own: a click must not zoom
    m_band = new QRubberBand(QRubberBand::Rectangle, this);
    rebuild();
}

ChartView::~ChartView() = default;

void ChartView::setStyle(const ChartStyle& style) {
    m_style = style;
    rebuild();
}

void ChartView::rebuild() {
    const bool wasZoomed = m_zoomed;
    std::optional<std::pair<double, double>> xRange;
    if (wasZoomed && m_x) {
        auto* ax = static_cast<QValueAxis*>(m_x);
        xRange = std::make_pair(ax->min(), ax->max());
    }
    m_updating = true;  // range changes while building are not the user's zoom
    auto* chart = new QChart();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_shown.clear();
    m_lower.clear();
    m_top.clear();
    m_refs.clear();
    m_endLabels.clear();
    m_bandLine.reset();
    m_bandAxis = nullptr;
    m_bandAreas.clear();
    m_bandLabels.clear();
    m_bandRuns.clear();
    m_structure = m_data.structureVersion();

    // Labels at round times in a readable unit (setTimeTicks): a category axis labels exactly the
    // values we give it, while x itself stays in µs.
    auto* x = new QCategoryAxis(chart);
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setTitleText(tr("simulated time (µs)"));
    m_xTicks.clear();
    chart->addAxis(x, Qt::AlignBottom);
    m_x = x;

    const ChartKind kind = m_data.kind();
    const bool log = m_style.logY && kind == ChartKind::Faults;
    m_logY = log;
    m_logTop = -1;
    m_logLabelledTop = -1;
    m_logStep = 0;
    if (log) {
        auto* y = new QCategoryAxis(chart);
        y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        y->setRange(0.0, 6.0);
        y->setTitleText(tr("faults/s (log)"));
        m_yLeft = y;
    } else {
        auto* y = new QValueAxis(chart);
        y->setLabelFormat(QStringLiteral("%g"));
        switch (kind) {
            case ChartKind::Faults:
                y->setTitleText(tr("faults / simulated s"));
                break;
            case ChartKind::Memory:
                y->setTitleText(tr("pages"));
                break;
            case ChartKind::Tlb:
                y->setTitleText(tr("hit rate (%)"));
                break;
            case ChartKind::Rss:
                y->setTitleText(tr("resident pages"));
                break;
            case ChartKind::WorkingSet:
                y->setTitleText(tr("distinct pages W(t, τ)"));
                break;
        }
        m_yLeft = y;
    }
    chart->addAxis(m_yLeft, Qt::AlignLeft);
    m_yRight = nullptr;
    const bool needsRight =
        std::any_of(m_data.lines().begin(), m_data.lines().end(),
                    [](const auto& l) { return l.def.axis == AxisSide::Right; });
    if (needsRight) {
        auto* y = new QValueAxis(chart);
        y->setLabelFormat(QStringLiteral("%g"));
        y->setTitleText(kind == ChartKind::Memory ? tr("PSI avg10 (%)")
                                                  : tr("TLB misses / simulated s"));
        chart->addAxis(y, Qt::AlignRight);
        m_yRight = y;
    }

    QXYSeries* lowerOfNext = nullptr;
    for (const auto& line : m_data.lines()) {
        QAbstractAxis* yAxis = line.def.axis == AxisSide::Right ? m_yRight : m_yLeft;
        if (line.def.band) {
            m_bandLine = m_shown.size();
            m_shown.push_back(nullptr);
            m_lower.push_back(nullptr);
            m_top.push_back(nullptr);
            continue;
        }
        if (line.def.stacked) {
            auto* upper = new QLineSeries(chart);
            QLineSeries* lower = nullptr;
            if (lowerOfNext) {
                lower = new QLineSeries(chart);
            }
            auto* area = new QAreaSeries(upper, lower);
            area->setName(line.def.name);
            area->setObjectName(line.def.id);
            chart->addSeries(area);
            area->attachAxis(x);
            area->attachAxis(yAxis);
            m_shown.push_back(upper);
            m_lower.push_back(lower);
            m_top.push_back(area);
            lowerOfNext = upper;
        } else {
            auto* s = new QLineSeries(chart);
            s->setObjectName(line.def.id);
            if (line.def.inLegend) s->setName(line.def.name);  // unnamed: see the thresholds
            chart->addSeries(s);
            s->attachAxis(x);
            s->attachAxis(yAxis);
            if (!line.def.inLegend) {
                chart->legend()->markers(s).first()->setVisible(false);
                auto* label = new QGraphicsSimpleTextItem(line.def.name, chart);
                label->setZValue(10);
                m_endLabels.push_back({m_shown.size(), label});
            }
            m_shown.push_back(s);
            m_lower.push_back(nullptr);
            m_top.push_back(s);
        }
    }

    if (kind == ChartKind::Faults) {
        for (const Threshold& t : kFaultThresholds) {
            auto* s = new QLineSeries(chart);
            chart->addSeries(s);  // unnamed: hidden legend entries still take room in the layout
            s->attachAxis(x);
            s->attachAxis(m_yLeft);
            chart->legend()->markers(s).first()->setVisible(false);
            auto* label = new QGraphicsSimpleTextItem(t.label(), chart);
            label->setZValue(10);
            m_refs.push_back({s, label, t.perSecond});
        }
    }

    if (m_bandLine) {
        auto* band = new QValueAxis(chart);
        band->setRange(0.0, 1.0);
        band->setVisible(false);
        chart->addAxis(band, Qt::AlignLeft);
        m_bandAxis = band;
        for (int level = 0; level < kLevels; ++level) {
            auto* area = new QAreaSeries(new QLineSeries(chart), new QLineSeries(chart));
            area->setObjectName(
                QStringLiteral("pressure_band_%1").arg(QLatin1String(kLevelIds[level])));
            chart->addSeries(area);
            area->attachAxis(x);
            area->attachAxis(band);
            chart->legend()->markers(area).first()->setVisible(false);
            m_bandAreas.push_back(area);
        }
    }

    m_cursor = new QLineSeries(chart);
    chart->addSeries(m_cursor);
    m_cursor->attachAxis(x);
    m_cursor->attachAxis(m_yLeft);
    chart->legend()->markers(m_cursor).first()->setVisible(false);

    // Clicking a legend marker toggles its series; the marker stays, dimmed.
    for (QLegendMarker* marker : chart->legend()->markers()) {
        connect(marker, &QLegendMarker::clicked, this, [this, marker] {
            QAbstractSeries* s = marker->series();
            s->setVisible(!s->isVisible());
            marker->setVisible(true);
            QColor c = marker->labelBrush().color();
            c.setAlphaF(s->isVisible() ? 1.0 : 0.4);
            marker->setLabelBrush(c);
            if (auto* a = qobject_cast<QAreaSeries*>(s))
                if (a->lowerSeries()) a->lowerSeries()->setVisible(s->isVisible());
        });
    }

    connect(chart, &QChart::plotAreaChanged, this, [this] {
        updateLogLabels();
        placeLabels();
    });
    connect(x, &QValueAxis::rangeChanged, this, [this] {
        if (!m_updating) {
            m_zoomed = true;
            updateDisplay();
        }
    });

    QChart* old = m_chart;
    m_chart = chart;
    setChart(chart);
    delete old;
    applyTheme();
    if (xRange) {
        x->setRange(xRange->first, xRange->second);
    }
    m_updating = false;
    m_zoomed = wasZoomed;
    updateDisplay();
}

void ChartView::applyTheme() {
    const ChartTheme t = ChartTheme::make(m_style.theme);
    const double scale = std::max(height(), 200) / 1080.0;
    const double minPx = 11.0;
    auto px = [&](double base) { return std::max(base * scale, minPx); };
    QChart* c = m_chart;
    c->setBackgroundBrush(t.background);
    c->setBackgroundRoundness(0);
    c->setPlotAreaBackgroundBrush(t.plotBackground);
    c->setPlotAreaBackgroundVisible(true);
    QString title = m_style.title.isEmpty() ? chartTitle(m_data.kind()) : m_style.title;
    if (m_style.title.isEmpty() && m_data.hasWorkingSets())
        title = tr("Working set W(t, τ = %1 references)").arg(m_data.workingSetTau());
    c->setTitle(title);
    c->setTitleBrush(t.text);
    c->setTitleFont(pixelFont(px(t.titlePx), true));
    c->legend()->setLabelColor(t.text);
    c->legend()->setFont(pixelFont(px(t.legendPx)));
    c->setMargins(QMargins(int(px(12)), int(px(8)), int(px(12)), int(px(8))));
    for (QAbstractAxis* a : c->axes()) {
        a->setLabelsBrush(t.text);
        a->setLabelsFont(pixelFont(px(t.labelPx)));
        a->setTitleBrush(t.text);
        a->setTitleFont(pixelFont(px(t.labelPx)));
        a->setGridLineColor(t.grid);
        a->setLinePenColor(t.text);
        a->setMinorGridLineColor(t.grid.lighter(110));
    }
    const double lw =
        std::max(1.0, t.lineWidth * (m_style.theme == ThemeKind::Slide ? scale : 1.0));
    for (std::size_t i = 0; i < m_shown.size(); ++i) {
        if (!m_shown[i]) continue;
        const auto& def = m_data.lines()[i].def;
        const QColor col = t.color(def.colorSlot);
        const Qt::PenStyle style = def.dashed                        ? Qt::DashLine
                                   : m_data.kind() == ChartKind::Rss ? Qt::SolidLine
                                   : !def.inLegend                   ? Qt::DashDotLine
                                                                     : t.dash(def.colorSlot);
        QPen pen(col, def.inLegend ? lw : std::max(1.0, lw * 0.6), style, Qt::RoundCap,
                 Qt::RoundJoin);
        if (auto* area = qobject_cast<QAreaSeries*>(m_top[i])) {
            QColor fill = col;
            fill.setAlphaF(m_style.theme == ThemeKind::Dark ? 0.55 : 0.45);
            area->setBrush(fill);
            area->setPen(QPen(col, std::max(1.0, lw / 2)));
        } else {
            m_shown[i]->setPen(pen);
        }
    }
    for (std::size_t i = 0; i < m_refs.size(); ++i) {
        const Threshold& th = kFaultThresholds[i];
        const int slot = th.series == RateSeries::Minor ? 0 : 1;
        QPen pen(t.color(slot), std::max(1.0, lw * 0.6), th.good ? Qt::DashLine : Qt::DotLine);
        m_refs[i].series->setPen(pen);
        m_refs[i].label->setBrush(t.color(slot));
        m_refs[i].label->setFont(pixelFont(px(t.labelPx * 0.8), true));
    }
    for (const EndLabel& e : m_endLabels) {
        e.label->setBrush(t.color(m_data.lines()[e.line].def.colorSlot));
        e.label->setFont(pixelFont(px(t.labelPx * 0.8), true));
    }
    for (int level = 0; level < static_cast<int>(m_bandAreas.size()); ++level) {
        m_bandAreas[static_cast<std::size_t>(level)]->setBrush(levelColor(level));
        m_bandAreas[static_cast<std::size_t>(level)]->setPen(Qt::NoPen);
    }
    for (QGraphicsSimpleTextItem* l : m_bandLabels)
        l->setFont(pixelFont(px(t.labelPx * 0.7), true));
    m_cursor->setPen(QPen(t.text, std::max(1.0, lw * 0.6), Qt::SolidLine));
    placeLabels();
}

void ChartView::placeLabels() {
    if (!m_chart || !m_x) return;
    const QRectF plot = m_chart->plotArea();
    const auto* ax = static_cast<QValueAxis*>(m_x);
    std::vector<QRectF> placed;  // on a linear axis thresholds crowd together: skip overlaps
    for (const RefLine& r : m_refs) {
        const QPointF p =
            m_chart->mapToPosition(QPointF(ax->max(), m_logY ? log10Floor(r.y) : r.y), r.series);
        const QRectF br = r.label->boundingRect();
        const QPointF at(plot.right() - br.width() - 6, p.y() - br.height() - 2);
        const QRectF rect(at, br.size());
        const bool inside = p.y() >= plot.top() && p.y() <= plot.bottom();
        const bool overlaps = std::any_of(placed.begin(), placed.end(),
                                          [&](const QRectF& o) { return o.intersects(rect); });
        const bool show = inside && !overlaps && r.series->isVisible();
        r.label->setVisible(show);
        r.label->setPos(at);
        if (show) placed.push_back(rect);
    }
    // Watermarks and other end-labelled lines: above their last point at the right edge; a label
    // that would overlap one already placed moves left of it.
    for (const EndLabel& e : m_endLabels) {
        QXYSeries* s = m_shown[e.line];
        const QList<QPointF> pts = s->points();
        if (pts.isEmpty() || !s->isVisible()) {
            e.label->setVisible(false);
            continue;
        }
        const QPointF p = m_chart->mapToPosition(pts.last(), s);
        const QRectF br = e.label->boundingRect();
        QRectF rect(QPointF(plot.right() - br.width() - 6, p.y() - br.height() - 1), br.size());
        for (bool moved = true; moved;) {
            moved = false;
            for (const QRectF& o : placed)
                if (o.intersects(rect)) {
                    rect.moveRight(o.left() - br.height() * 0.5);
                    moved = true;
                }
        }
        const bool show =
            p.y() >= plot.top() && p.y() <= plot.bottom() && rect.left() > plot.left();
        e.label->setVisible(show);
        e.label->setPos(rect.topLeft());
        if (show) placed.push_back(rect);
    }
    // Pressure band: the level's name in every run wide enough for it.
    std::size_t used = 0;
    if (!m_bandAreas.empty()) {
        const double yTop = m_chart->mapToPosition(QPointF(0, 1.0), m_bandAreas.front()).y();
        const double yLow = m_chart->mapToPosition(QPointF(0, kBandLow), m_bandAreas.front()).y();
        for (const BandRun& r : m_bandRuns) {
            const double px0 = m_chart->mapToPosition(QPointF(r.x0, 1.0), m_bandAreas.front()).x();
            const double px1 = m_chart->mapToPosition(QPointF(r.x1, 1.0), m_bandAreas.front()).x();
            if (used == m_bandLabels.size()) {
                if (used >= 64) break;
                auto* l = new QGraphicsSimpleTextItem(m_chart);
                l->setZValue(11);
                const ChartTheme t = ChartTheme::make(m_style.theme);
                l->setFont(pixelFont(
                    std::max(t.labelPx * 0.7 * std::max(height(), 200) / 1080.0, 11.0), true));
                m_bandLabels.push_back(l);
            }
            QGraphicsSimpleTextItem* l = m_bandLabels[used];
            l->setText(levelName(r.level));
            const QRectF br = l->boundingRect();
            if (px1 - px0 < br.width() + 8 || br.height() > (yLow - yTop) * 1.4) continue;
            l->setBrush(levelTextColor(r.level));
            l->setPos((px0 + px1 - br.width()) / 2, (yTop + yLow - br.height()) / 2);
            l->setVisible(true);
            ++used;
        }
    }
    for (std::size_t i = used; i < m_bandLabels.size(); ++i)
        m_bandLabels[i]->setVisible(false);
}

void ChartView::updateBand(double x0, double x1, int columns) {
    m_bandRuns.clear();
    if (!m_bandLine || m_bandAreas.empty()) return;
    const QList<QPointF>& pts = m_data.lines()[*m_bandLine].points;
    // The level during (x[i-1], x[i]] is the one sampled at x[i] (the state at the bucket's end).
    const auto first = std::lower_bound(pts.begin(), pts.end(), x0,
                                        [](const QPointF& p, double x) { return p.x() < x; });
    std::vector<BandRun> raw;
    for (auto it = first == pts.begin() ? first + (pts.isEmpty() ? 0 : 1) : first; it != pts.end();
         ++it) {
        const double a = std::max((it - 1)->x(), x0), b = std::min(it->x(), x1);
        if (b > a) raw.push_back({a, b, static_cast<int>(it->y())});
        if (it->x() >= x1) break;
    }
    // More runs than pixels: each pixel column shows the worst level in it, so a short spike of
    // pressure stays visible.
    const double w = (x1 - x0) / std::max(columns, 1);
    std::vector<BandRun> cols;
    if (raw.size() > static_cast<std::size_t>(columns) && w > 0) {
        std::vector<int> worst(static_cast<std::size_t>(columns), -1);
        for (const BandRun& r : raw) {
            const auto c0 =
                static_cast<std::size_t>(std::clamp(int((r.x0 - x0) / w), 0, columns - 1));
            const auto c1 =
                static_cast<std::size_t>(std::clamp(int((r.x1 - x0) / w), 0, columns - 1));
            for (std::size_t c = c0; c <= c1; ++c)
                worst[c] = std::max(worst[c], r.level);
        }
        for (std::size_t c = 0; c < worst.size(); ++c)
            if (worst[c] >= 0)
                cols.push_back({x0 + double(c) * w, x0 + double(c + 1) * w, worst[c]});
        raw = std::move(cols);
    }
    for (const BandRun& r : raw) {
        if (!m_bandRuns.empty() && m_bandRuns.back().level == r.level &&
            m_bandRuns.back().x1 >= r.x0 - 1e-9)
            m_bandRuns.back().x1 = r.x1;
        else
            m_bandRuns.push_back(r);
    }
    for (int level = 0; level < kLevels; ++level) {
        QList<QPointF> upper;
        upper.reserve(static_cast<qsizetype>(m_bandRuns.size()) * 2);
        for (const BandRun& r : m_bandRuns) {
            const double y = r.level == level ? 1.0 : kBandLow;
            upper.append(QPointF(r.x0, y));
            upper.append(QPointF(r.x1, y));
        }
        QList<QPointF> lower;
        if (!m_bandRuns.empty())
            lower = {QPointF(m_bandRuns.front().x0, kBandLow),
                     QPointF(m_bandRuns.back().x1, kBandLow)};
        QAreaSeries* a = m_bandAreas[static_cast<std::size_t>(level)];
        a->upperSeries()->replace(upper);
        a->lowerSeries()->replace(lower);
    }
}

std::vector<std::pair<std::pair<double, double>, int>> ChartView::bandRuns() const {
    std::vector<std::pair<std::pair<double, double>, int>> out;
    for (const BandRun& r : m_bandRuns)
        out.push_back({{r.x0, r.x1}, r.level});
    return out;
}

void ChartView::autoRange() {
    auto* ax = static_cast<QValueAxis*>(m_x);
    const double xMax = std::max(m_data.xMax(), 1.0);
    if (!m_zoomed) {
        m_updating = true;
        ax->setRange(0.0, xMax);
        m_updating = false;
    }
    // y follows the visible x range.
    double left = 0.0, right = 0.0;
    for (std::size_t i = 0; i < m_shown.size(); ++i) {
        if (!m_shown[i] || !m_top[i]->isVisible()) continue;
        double& m = m_data.lines()[i].def.axis == AxisSide::Right ? right : left;
        for (const QPointF& p : m_shown[i]->points())
            m = std::max(m, m_logY && &m == &left ? std::pow(10.0, p.y()) : p.y());
    }
    if (m_data.kind() == ChartKind::Faults)
        for (const Threshold& t : kFaultThresholds)
            left = std::max(left, t.perSecond);
    if (m_logY) {
        auto* lg = static_cast<QCategoryAxis*>(m_yLeft);
        const int top = static_cast<int>(std::ceil(std::log10(std::max(left, 10.0) * 1.5)));
        m_logTop = top;
        updateLogLabels();
        lg->setRange(0.0, top);
    } else if (auto* lin = qobject_cast<QValueAxis*>(m_yLeft)) {
        if (m_bandLine)
            setDynamicTicks(lin, std::max(left, 1.0) / kHeadroom, 5);  // the band keeps the top
        else if (m_data.kind() == ChartKind::Tlb)
            lin->setRange(0.0, 100.0);
        else
            lin->setRange(0.0, left > 0 ? left * 1.1 : 1.0);
        if (!m_bandLine) lin->applyNiceNumbers();
    }
    if (auto* r = qobject_cast<QValueAxis*>(m_yRight)) {
        if (m_bandLine) {
            setDynamicTicks(r, std::max(right, 1.0) / kHeadroom, 5);
        } else {
            r->setRange(0.0, right > 0 ? right * 1.1 : 1.0);
            r->applyNiceNumbers();
        }
    }
}

void ChartView::updateLogLabels() {
    if (!m_logY || m_logTop < 0) return;
    auto* lg = static_cast<QCategoryAxis*>(m_yLeft);
    // Qt elides a category label taller than its category: on a short chart (the window's dock)
    // label every k-th decade only, so each label has room (1, 100, 10k ... instead of "…").
    const double perDecade = m_chart->plotArea().height() / std::max(m_logTop, 1);
    const double need = QFontMetricsF(lg->labelsFont()).height() * 2.0;
    const int step = perDecade > 0 ? std::max(1, static_cast<int>(std::ceil(need / perDecade))) : 1;
    if (m_logTop == m_logLabelledTop && step == m_logStep) return;
    m_logLabelledTop = m_logTop;
    m_logStep = step;
    for (const QString& l : lg->categoriesLabels())
        lg->remove(l);
    for (int e = 0; e <= m_logTop; e += step)
        lg->append(decadeLabel(e), e);
    lg->setStartValue(0.0);
}

void ChartView::updateDisplay() {
    if (!m_chart) return;
    if (m_data.structureVersion() != m_structure) {
        rebuild();  // calls back here
        return;
    }
    m_updating = true;
    auto* ax = static_cast<QValueAxis*>(m_x);
    {
        // Round time ticks (0, 1, 2 s ...), fewer on a narrow chart so labels never collide.
        const double lo = m_zoomed ? ax->min() : 0.0;
        const double hi = m_zoomed ? ax->max() : std::max(m_data.xMax(), 1.0);
        setTimeTicks(lo, hi, niceInterval(hi - lo, std::clamp(width() / 220, 2, 8)));
    }
    const double x0 = ax->min(), x1 = ax->max();
    const int columns = std::max(100, static_cast<int>(m_chart->plotArea().width()));
    const bool log = m_logY;
    QList<QPointF> previousTop;
    for (std::size_t i = 0; i < m_shown.size(); ++i) {
        if (!m_shown[i]) continue;
        QList<QPointF> pts =
            decimateMinMax(m_data.pointsForDisplay(i, x0, x1, columns), x0, x1, columns);
        if (log)
            for (QPointF& p : pts)
                p.setY(log10Floor(p.y()));
        if (m_lower[i]) m_lower[i]->replace(previousTop);
        previousTop = pts;
        m_shown[i]->replace(pts);
    }
    updateBand(x0, x1, columns);
    autoRange();
    for (const RefLine& r : m_refs) {
        const double y = log ? log10Floor(r.y) : r.y;
        r.series->replace({QPointF(x0, y), QPointF(x1, y)});
    }
    setCursorX(m_cursorX);
    m_updating = false;
    placeLabels();
}

void ChartView::setTimeTicks(double lo, double hi, double interval) {
    auto* ax = static_cast<QCategoryAxis*>(m_x);
    // A category axis draws only its categories (it ignores the tick interval), so the range can
    // be set first: there is no dynamic tick interval for Qt to expand over a wide range.
    ax->setRange(lo, hi);
    const TimeUnit& unit = timeUnitFor(interval);
    const double step = interval / unit.us;  // 1, 2, 2.5, 5 ... units
    const int decimals = std::abs(step - std::round(step)) > 1e-9 ? 1 : 0;
    const auto first = static_cast<qint64>(std::ceil(lo / interval - 1e-9));
    const auto last = static_cast<qint64>(std::floor(hi / interval + 1e-9));
    std::vector<std::pair<double, QString>> ticks;
    for (qint64 k = first; k <= last && ticks.size() < 64; ++k)
        ticks.emplace_back(static_cast<double>(k) * interval,
                           QString::number(static_cast<double>(k) * step, 'f', decimals));
    if (ticks == m_xTicks) return;  // live growth within the same ticks: nothing to redo
    m_xTicks = ticks;
    ax->setTitleText(tr(unit.title));
    for (const QString& l : ax->categoriesLabels())
        ax->remove(l);
    if (ticks.empty()) return;
    ax->setStartValue(ticks.front().first);  // the first label sits on the start value
    for (const auto& [value, label] : ticks)
        ax->append(label, value);
    ax->setStartValue(ticks.front().first);
}

void ChartView::setCursorX(std::optional<double> x) {
    m_cursorX = x;
    if (!m_cursor) return;
    if (!x) {
        m_cursor->clear();
        return;
    }
    double lo = 0.0, hi = 1.0;
    if (auto* lin = qobject_cast<QValueAxis*>(m_yLeft)) {
        lo = lin->min();
        hi = lin->max();
    }
    m_cursor->replace({QPointF(*x, lo), QPointF(*x, hi)});
}

void ChartView::resetZoom() {
    m_zoomed = false;
    updateDisplay();
}

qsizetype ChartView::displayedPointCount(std::size_t i) const {
    return i < m_shown.size() && m_shown[i] ? m_shown[i]->count() : 0;
}

void ChartView::prepareForRender(const QSize& size) {
    const QSize old = this->size();
    resize(size);
    QResizeEvent ev(size, old);  // a hidden widget gets its resize event only when shown
    QCoreApplication::sendEvent(this, &ev);
    m_chart->resize(size);
    m_chart->layout()->activate();
    applyTheme();
    updateDisplay();
    // Fonts and axis ranges changed after the first layout: lay out again, now, before painting.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    m_chart->layout()->invalidate();
    m_chart->layout()->activate();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    placeLabels();
}

void ChartView::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    if (m_chart) {
        applyTheme();
        updateDisplay();
    }
}

void ChartView::mousePressEvent(QMouseEvent* event) {
    m_pressPos = event->position().toPoint();
    if (event->button() == Qt::LeftButton && m_chart->plotArea().contains(event->position())) {
        m_pressed = true;
        m_band->setGeometry(QRect(m_pressPos, QSize()));
        event->accept();
        return;
    }
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_lastPanPos = m_pressPos;
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void ChartView::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (m_panning) {
        const QPoint d = pos - m_lastPanPos;
        m_lastPanPos = pos;
        m_zoomed = true;
        m_chart->scroll(-d.x(), 0);
        return;
    }
    if (m_pressed && (pos - m_pressPos).manhattanLength() > kClickSlop) {
        const QRectF plot = m_chart->plotArea();
        // Zoom on time only: the band spans the plot's height.
        QRect r(QPoint(std::min(pos.x(), m_pressPos.x()), int(plot.top())),
                QPoint(std::max(pos.x(), m_pressPos.x()), int(plot.bottom())));
        m_band->setGeometry(r);
        m_band->show();
        return;
    }
    QChartView::mouseMoveEvent(event);
}

void ChartView::mouseReleaseEvent(QMouseEvent* event) {
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        return;
    }
    if (m_pressed && event->button() == Qt::LeftButton) {
        m_pressed = false;
        if (m_band->isVisible()) {
            m_band->hide();
            const QRect r = m_band->geometry();
            if (r.width() > kClickSlop) {
                m_zoomed = true;
                m_chart->zoomIn(QRectF(r.left(), m_chart->plotArea().top(), r.width(),
                                       m_chart->plotArea().height()));
            }
        } else {
            const QPointF v =
                m_chart->mapToValue(event->position(), m_shown.empty() ? nullptr : m_shown.front());
            emit plotClicked(v.x());
        }
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void ChartView::wheelEvent(QWheelEvent* event) {
    const double factor = event->angleDelta().y() > 0 ? 0.8 : 1.25;
    auto* ax = static_cast<QValueAxis*>(m_x);
    const QRectF plot = m_chart->plotArea();
    const double frac = std::clamp((event->position().x() - plot.left()) / plot.width(), 0.0, 1.0);
    const double at = ax->min() + frac * (ax->max() - ax->min());
    const double lo = at - (at - ax->min()) * factor;
    const double hi = at + (ax->max() - at) * factor;
    m_zoomed = true;
    ax->setRange(std::max(0.0, lo), hi);
    event->accept();
}

void ChartView::mouseDoubleClickEvent(QMouseEvent* event) {
    resetZoom();
    event->accept();
}

void ChartView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("Export chart…"), this, [this] { exportChartDialog(); });
    menu.addAction(tr("Copy chart to clipboard"), this, [this] { copyToClipboard(); });
    if (m_sim) {
        menu.addAction(tr("Export data as CSV…"), this,
                       [this] { exportDataDialog(QStringLiteral("csv")); });
        menu.addAction(tr("Export data as JSON…"), this,
                       [this] { exportDataDialog(QStringLiteral("json")); });
    }
    menu.addSeparator();
    if (m_data.kind() == ChartKind::Faults) {
        QAction* log = menu.addAction(tr("Logarithmic axis"));
        log->setCheckable(true);
        log->setChecked(m_style.logY);
        connect(log, &QAction::toggled, this, [this](bool on) {
            ChartStyle s = m_style;
            s.logY = on;
            setStyle(s);
        });
    }
    if (m_data.kind() == ChartKind::WorkingSet) {
        QMenu* taus = menu.addMenu(tr("Window τ (references)"));
        for (std::uint64_t tau : {10u, 100u, 1000u, 10000u}) {
            QAction* a = taus->addAction(QString::number(tau));
            a->setCheckable(true);
            a->setChecked(m_data.workingSetTau() == tau);
            connect(a, &QAction::triggered, this,
                    [this, tau] { emit workingSetTauRequested(tau); });
        }
    }
    QMenu* themes = menu.addMenu(tr("Theme"));
    const std::pair<ThemeKind, QString> names[] = {{ThemeKind::Screen, tr("Screen")},
                                                   {ThemeKind::Dark, tr("Dark")},
                                                   {ThemeKind::Slide, tr("Slide")}};
    for (const auto& [kind, name] : names) {
        QAction* a = themes->addAction(name);
        a->setCheckable(true);
        a->setChecked(m_style.theme == kind);
        connect(a, &QAction::triggered, this, [this, k = kind] {
            ChartStyle s = m_style;
            s.theme = k;
            setStyle(s);
        });
    }
    QAction* reset = menu.addAction(tr("Reset zoom"), this, [this] { resetZoom(); });
    reset->setEnabled(m_zoomed);
    menu.exec(event->globalPos());
}

void ChartView::exportChartDialog() {
    ExportDialog dlg(m_data.kind(), m_style, this);
    if (dlg.exec() != QDialog::Accepted) return;
    const ExportOptions opt = dlg.options();
    const QString filter = tr("%1 files (*.%2)").arg(opt.format.toUpper(), opt.format);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export chart"), chartName(m_data.kind()) + QLatin1Char('.') + opt.format, filter);
    if (path.isEmpty()) return;
    QString error;
    if (!exportChart(m_data, opt, path, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

void ChartView::exportDataDialog(const QString& format) {
    if (!m_sim) return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export data"), chartName(m_data.kind()) + QLatin1Char('.') + format,
        tr("%1 files (*.%2)").arg(format.toUpper(), format));
    if (path.isEmpty()) return;
    QString error;
    const bool ok = format == QLatin1String("csv") ? writeSeriesCsv(*m_sim, path, &error)
                                                   : writeSeriesJson(*m_sim, path, &error);
    if (!ok) QMessageBox::warning(this, tr("Export failed"), error);
}

void ChartView::copyToClipboard() {
    ExportOptions opt;
    opt.style = m_style;
    opt.size = size();
    copyChartToClipboard(m_data, opt);
}

}  // namespace pfviz::ui
