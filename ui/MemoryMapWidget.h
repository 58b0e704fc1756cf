#pragma once
// Physical memory as a grid of cells, one per frame, coloured by use and owner. Only the visible
// cells are painted; when a cell would be smaller than 3 px, frames are aggregated into bins and
// drawn as a heat map. Ctrl+wheel (or +/-) zooms.
#include <QImage>
#include <QWidget>

#include "ui/SimulationController.h"

namespace pfviz::ui {

class MemoryMapWidget : public QWidget {
    Q_OBJECT
public:
    explicit MemoryMapWidget(const SimulationController& ctl, QWidget* parent = nullptr);

    /// Frames per drawn cell (1 unless aggregated) and the cell size in pixels.
    std::uint64_t framesPerCell() const { return m_perCell; }
    double cellSize() const { return m_cell; }
    /// Frame under a widget position, or -1.
    qint64 frameAt(QPoint pos) const;
    /// The tooltip text of a frame (owners and the virtual pages that map it).
    QString describeFrame(std::uint64_t pfn) const;
    void setZoom(double zoom);
    double zoom() const { return m_zoom; }
    QSize sizeHint() const override { return {420, 300}; }

protected:
    void paintEvent(QPaintEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;
    void wheelEvent(QWheelEvent* e) override;
    bool event(QEvent* e) override;

private:
    void relayout();
    /// Draws the cells into m_cache (GUI thread, between worker batches); paintEvent only blits
    /// it, so painting never waits for the engine.
    void renderCache();
    QColor colorOf(const pfviz::Frame& f) const;
    void drawLegend(QPainter& p, const QRect& r);

    const SimulationController& m_ctl;
    double m_zoom{1.0};
    double m_cell{8};
    std::uint64_t m_perCell{1};
    int m_cols{1};
    int m_scroll{0};  // first visible row of cells
    int m_legendHeight{40};
    std::uint64_t m_frames{0};
    QImage m_cache;
};

}  // namespace pfviz::ui
