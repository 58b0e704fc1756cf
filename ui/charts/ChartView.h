#pragma once
// One chart: a QChartView that draws a ChartData with a theme. It decimates for display (min/max
// per pixel column), keeps the user's zoom while data arrives, draws the seed's thresholds and the
// time cursor, toggles series from the legend and offers export from its context menu.
#include <QChartView>
#include <QPointer>
#include <optional>
#include <vector>

#include "charts/ChartData.h"
#include "charts/ChartTheme.h"

class QAbstractAxis;
class QAbstractSeries;
class QAreaSeries;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QRubberBand;
class QXYSeries;

namespace pfviz {
class Simulator;
}

namespace pfviz::ui {

struct ChartStyle {
    ThemeKind theme{ThemeKind::Screen};
    bool logY{true};  // fault-rate chart only: rates span orders of magnitude
    QString title;    // empty: the chart's default title
    QString caption;  // drawn under the chart in exports; empty: none
};

class ChartView : public QChartView {
    Q_OBJECT
public:
    explicit ChartView(ChartKind kind, QWidget* parent = nullptr);
    /// A view of a copy of `data` (exports build one of these, never shown).
    ChartView(const ChartData& data, const ChartStyle& style, QWidget* parent = nullptr);
    ~ChartView() override;

    ChartData& data() { return m_data; }
    const ChartData& data() const { return m_data; }
    const ChartStyle& style() const { return m_style; }
    void setStyle(const ChartStyle& style);

    /// The simulator whose series the context-menu CSV/JSON exports write (may be null).
    void setSimulator(const Simulator* sim) { m_sim = sim; }

    /// Pushes the data to the chart: one replace() per series, decimated to the plot width.
    void updateDisplay();
    /// Cursor at simulated time x (µs); nullopt hides it.
    void setCursorX(std::optional<double> x);
    /// True while the user has zoomed or panned (live data then keeps the user's range).
    bool isZoomed() const { return m_zoomed; }
    void resetZoom();
    /// The export dialogs of the context menu, also offered by the main window's File menu.
    void exportChartDialog();
    void exportDataDialog(const QString& format);
    void copyToClipboard();
    /// Runs of the pressure band currently drawn: [x0, x1] at `level` (memory chart).
    std::vector<std::pair<std::pair<double, double>, int>> bandRuns() const;
    /// Points currently handed to the chart for line `i` (after decimation).
    qsizetype displayedPointCount(std::size_t i) const;
    std::optional<double> cursorX() const { return m_cursorX; }

    /// Lays out the chart for `size` without showing it (exports).
    void prepareForRender(const QSize& size);

signals:
    /// The user clicked the plot at simulated time x (µs).
    void plotClicked(double x);
    /// Working-set chart: the user picked another window tau (references).
    void workingSetTauRequested(std::uint64_t tau);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void rebuild();
    void applyTheme();
    void placeLabels();
    void autoRange();

    ChartData m_data;
    ChartStyle m_style;
    const Simulator* m_sim{nullptr};
    QChart* m_chart{nullptr};  // owned by the view
    QAbstractAxis* m_x{nullptr};
    QAbstractAxis* m_yLeft{nullptr};
    QAbstractAxis* m_yRight{nullptr};
    std::vector<QXYSeries*> m_shown;      // per data line: the series that gets the points
    std::vector<QXYSeries*> m_lower;      // per data line: area lower boundary (or null)
    std::vector<QAbstractSeries*> m_top;  // per data line: what the legend shows
    struct RefLine {
        QLineSeries* series;
        QGraphicsSimpleTextItem* label;
        double y;
    };
    std::vector<RefLine> m_refs;
    struct EndLabel {  // a data line labelled at its right end instead of in the legend
        std::size_t line;
        QGraphicsSimpleTextItem* label;
    };
    std::vector<EndLabel> m_endLabels;
    // The pressure band: a strip along the top of the plot, one area per level, on its own
    // hidden 0..1 axis; the level's name is written into runs wide enough to hold it.
    std::optional<std::size_t> m_bandLine;
    QAbstractAxis* m_bandAxis{nullptr};
    std::vector<QAreaSeries*> m_bandAreas;  // per PressureLevel
    std::vector<QGraphicsSimpleTextItem*> m_bandLabels;
    struct BandRun {
        double x0, x1;
        int level;
    };
    std::vector<BandRun> m_bandRuns;
    void updateBand(double x0, double x1, int columns);
    QLineSeries* m_cursor{nullptr};
    std::optional<double> m_cursorX;
    int m_structure{0};
    bool m_zoomed{false};
    bool m_logY{false};
    int m_logTop{-1};          // decades on the log axis
    int m_logLabelledTop{-1};  // the categories now on the axis: up to this decade ...
    int m_logStep{0};          // ... every m_logStep-th one
    void updateLogLabels();
    /// The x range [lo, hi] (µs) with a label every `interval` µs, in the unit that reads best.
    void setTimeTicks(double lo, double hi, double interval);
    std::vector<std::pair<double, QString>> m_xTicks;  // the x labels now on the axis
    bool m_updating{false};
    QRubberBand* m_band{nullptr};
    QPoint m_pressPos;
    QPoint m_lastPanPos;
    bool m_panning{false};
    bool m_pressed{false};
};

}  // namespace pfviz::ui
