#include "charts/ChartView.h"

#include <QAreaSeries>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QResizeEvent>
#include <QFileDialog>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QCategoryAxis>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
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
double log10Floor(double y) { return std::log10(std::max(y, kLogFloor)); }

QString decadeLabel(int e) {
    static const char* const kSuffix[] = {"", "k", "M", "G", "T"};
    if (e < 0) return QString::number(std::pow(10.0, e));
    const int group = std::min(e / 3, 4);
    return QString::number(static_cast<qint64>(std::pow(10.0, e - 3 * group))) + QLatin1String(kSuffix[group]);
}
constexpr int kClickSlop = 4;      // pixels a press may move and still be a click

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
    m_structure = m_data.structureVersion();

    auto* x = new QValueAxis(chart);
    x->setTitleText(tr("simulated time (µs)"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    m_x = x;

    const ChartKind kind = m_data.kind();
    const bool log = m_style.logY && kind == ChartKind::Faults;
    m_logY = log;
    m_logTop = -1;
    if (log) {
        auto* y = new QCategoryAxis(chart);
        y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        y->setRange(0.0, 6.0);
        y->setTitleText(tr("faults / simulated s (log; 0 drawn at 1)"));
        m_yLeft = y;
    } else {
        auto* y = new QValueAxis(chart);
        y->setLabelFormat(QStringLiteral("%g"));
        switch (kind) {
        case ChartKind::Faults: y->setTitleText(tr("faults / simulated s")); break;
        case ChartKind::Memory: y->setTitleText(tr("frames")); break;
        case ChartKind::Tlb: y->setTitleText(tr("hit rate (%)")); break;
        case ChartKind::Rss: y->setTitleText(tr("resident pages")); break;
        case ChartKind::WorkingSet: y->setTitleText(tr("pages")); break;
        }
        m_yLeft = y;
    }
    chart->addAxis(m_yLeft, Qt::AlignLeft);
    m_yRight = nullptr;
    const bool needsRight = std::any_of(m_data.lines().begin(), m_data.lines().end(),
                                        [](const auto& l) { return l.def.axis == AxisSide::Right; });
    if (needsRight) {
        auto* y = new QValueAxis(chart);
        y->setLabelFormat(QStringLiteral("%g"));
        y->setTitleText(tr("TLB misses / simulated s"));
        chart->addAxis(y, Qt::AlignRight);
        m_yRight = y;
    }

    QXYSeries* lowerOfNext = nullptr;
    for (const auto& line : m_data.lines()) {
        QAbstractAxis* yAxis = line.def.axis == AxisSide::Right ? m_yRight : m_yLeft;
        if (line.def.stacked) {
            auto* upper = new QLineSeries(chart);
            QLineSeries* lower = nullptr;
            if (lowerOfNext) {
                lower = new QLineSeries(chart);
            }
            auto* area = new QAreaSeries(upper, lower);
            area->setName(line.def.name);
            chart->addSeries(area);
            area->attachAxis(x);
            area->attachAxis(yAxis);
            m_shown.push_back(upper);
            m_lower.push_back(lower);
            m_top.push_back(area);
            lowerOfNext = upper;
        } else {
            auto* s = new QLineSeries(chart);
            s->setName(line.def.name);
            chart->addSeries(s);
            s->attachAxis(x);
            s->attachAxis(yAxis);
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

    connect(chart, &QChart::plotAreaChanged, this, [this] { placeLabels(); });
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
    c->setTitle(m_style.title.isEmpty() ? chartTitle(m_data.kind()) : m_style.title);
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
    const double lw = std::max(1.0, t.lineWidth * (m_style.theme == ThemeKind::Slide ? scale : 1.0));
    for (std::size_t i = 0; i < m_shown.size(); ++i) {
        const auto& def = m_data.lines()[i].def;
        const QColor col = t.color(def.colorSlot);
        QPen pen(col, lw, t.dash(def.colorSlot), Qt::RoundCap, Qt::RoundJoin);
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
    m_cursor->setPen(QPen(t.text, std::max(1.0, lw * 0.6), Qt::SolidLine));
    placeLabels();
}

void ChartView::placeLabels() {
    if (!m_chart || !m_x) return;
    const QRectF plot = m_chart->plotArea();
    const auto* ax = static_cast<QValueAxis*>(m_x);
    std::vector<QRectF> placed;  // on a linear axis thresholds crowd together: skip overlaps
    for (const RefLine& r : m_refs) {
        const QPointF p = m_chart->mapToPosition(QPointF(ax->max(), m_logY ? log10Floor(r.y) : r.y), r.series);
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
        if (!m_top[i]->isVisible()) continue;
        double& m = m_data.lines()[i].def.axis == AxisSide::Right ? right : left;
        for (const QPointF& p : m_shown[i]->points())
            m = std::max(m, m_logY && &m == &left ? std::pow(10.0, p.y()) : p.y());
    }
    if (m_data.kind() == ChartKind::Faults)
        for (const Threshold& t : kFaultThresholds) left = std::max(left, t.perSecond);
    if (m_logY) {
        auto* lg = static_cast<QCategoryAxis*>(m_yLeft);
        const int top = static_cast<int>(std::ceil(std::log10(std::max(left, 10.0) * 1.5)));
        if (top != m_logTop) {
            m_logTop = top;
            for (const QString& l : lg->categoriesLabels()) lg->remove(l);
            for (int e = 0; e <= top; ++e) lg->append(decadeLabel(e), e);
            lg->setStartValue(0.0);
        }
        lg->setRange(0.0, top);
    } else if (auto* lin = qobject_cast<QValueAxis*>(m_yLeft)) {
        if (m_data.kind() == ChartKind::Tlb)
            lin->setRange(0.0, 100.0);
        else
            lin->setRange(0.0, left > 0 ? left * 1.1 : 1.0);
        lin->applyNiceNumbers();
    }
    if (auto* r = qobject_cast<QValueAxis*>(m_yRight)) {
        r->setRange(0.0, right > 0 ? right * 1.1 : 1.0);
        r->applyNiceNumbers();
    }
}

void ChartView::updateDisplay() {
    if (!m_chart) return;
    if (m_data.structureVersion() != m_structure) {
        rebuild();  // calls back here
        return;
    }
    m_updating = true;
    auto* ax = static_cast<QValueAxis*>(m_x);
    if (!m_zoomed) ax->setRange(0.0, std::max(m_data.xMax(), 1.0));
    const double x0 = ax->min(), x1 = ax->max();
    const int columns = std::max(100, static_cast<int>(m_chart->plotArea().width()));
    const bool log = m_logY;
    QList<QPointF> previousTop;
    for (std::size_t i = 0; i < m_shown.size(); ++i) {
        QList<QPointF> pts = decimateMinMax(m_data.pointsForDisplay(i, x0, x1, columns), x0, x1, columns);
        if (log)
            for (QPointF& p : pts) p.setY(log10Floor(p.y()));
        if (m_lower[i]) m_lower[i]->replace(previousTop);
        previousTop = pts;
        m_shown[i]->replace(pts);
    }
    autoRange();
    for (const RefLine& r : m_refs) {
        const double y = log ? log10Floor(r.y) : r.y;
        r.series->replace({QPointF(x0, y), QPointF(x1, y)});
    }
    setCursorX(m_cursorX);
    m_updating = false;
    placeLabels();
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
    return i < m_shown.size() ? m_shown[i]->count() : 0;
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
            const QPointF v = m_chart->mapToValue(event->position(), m_shown.empty() ? nullptr : m_shown.front());
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
        menu.addAction(tr("Export data as CSV…"), this, [this] { exportDataDialog(QStringLiteral("csv")); });
        menu.addAction(tr("Export data as JSON…"), this, [this] { exportDataDialog(QStringLiteral("json")); });
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
