#include "ui/MemoryMapWidget.h"

#include <QHelpEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>
#include <cmath>

#include "ui/EventText.h"
#include "ui/Theme.h"

namespace pfviz::ui {

MemoryMapWidget::MemoryMapWidget(const SimulationController& ctl, QWidget* parent)
    : QWidget(parent), m_ctl(ctl) {
    setMouseTracking(true);
    setMinimumSize(160, 120);
    connect(&ctl, &SimulationController::stateChanged, this, [this] {
        relayout();
        renderCache();
    });
    connect(&Theme::instance(), &Theme::changed, this, [this] {
        relayout();
        renderCache();
    });
}

void MemoryMapWidget::setZoom(double zoom) {
    m_zoom = std::clamp(zoom, 1.0, 4096.0);
    m_scroll = 0;
    relayout();
    renderCache();
}

void MemoryMapWidget::relayout() {
    const auto* sim = m_ctl.sim();
    m_frames = sim ? sim->machine().memory.total() : 0;
    const double s = Theme::instance().scale();
    {
        const QFontMetrics fm(Theme::instance().font(0.9));
        const char* const texts[] = {QT_TR_NOOP("free"),
                                     QT_TR_NOOP("zero page"),
                                     QT_TR_NOOP("page table"),
                                     QT_TR_NOOP("private (colour = owner)"),
                                     QT_TR_NOOP("shared CoW (×sharers)"),
                                     QT_TR_NOOP("page cache (file)")};
        int x = 2, lines = 1;
        for (const char* t : texts) {
            const int w = fm.height() + 6 + fm.horizontalAdvance(tr(t)) + 14;
            if (x + w > width() && x > 2) {
                x = 2;
                ++lines;
            }
            x += w;
        }
        m_legendHeight = lines * (fm.height() + 2) + 6;
    }
    const double w = std::max(1, width() - 4);
    const double h = std::max(1, height() - m_legendHeight - 4);
    if (m_frames == 0) return;
    // Fit every frame in the area at zoom 1; zooming enlarges the cells (and scrolls).
    double cell = std::sqrt(w * h / double(m_frames)) * m_zoom;
    cell = std::min(cell, 72.0 * s);
    m_perCell = 1;
    const double minCell = 3.0;
    if (cell < minCell) {
        m_perCell = std::uint64_t(std::ceil((minCell * minCell) / (cell * cell)));
        cell = minCell;
    }
    m_cell = cell;
    m_cols = std::max(1, int(w / cell));
    const std::uint64_t cells = (m_frames + m_perCell - 1) / m_perCell;
    const int rows = int((cells + std::uint64_t(m_cols) - 1) / std::uint64_t(m_cols));
    const int visibleRows = std::max(1, int(h / cell));
    m_scroll = std::clamp(m_scroll, 0, std::max(0, rows - visibleRows));
}

void MemoryMapWidget::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    relayout();
    renderCache();
}

void MemoryMapWidget::wheelEvent(QWheelEvent* e) {
    if (e->modifiers() & Qt::ControlModifier) {
        setZoom(m_zoom * (e->angleDelta().y() > 0 ? 1.25 : 0.8));
    } else {
        m_scroll += e->angleDelta().y() > 0 ? -3 : 3;
        relayout();
        renderCache();
    }
    e->accept();
}

QColor MemoryMapWidget::colorOf(const pfviz::Frame& f) const {
    switch (f.use) {
        case pfviz::FrameUse::Free:
            return Theme::freeColor();
        case pfviz::FrameUse::ZeroPage:
            return okabe::Yellow;
        case pfviz::FrameUse::PageTable:
            return okabe::Blue;
        case pfviz::FrameUse::Anon:
            return f.mapcount >= 2 ? okabe::Vermillion : Theme::processColor(f.owner.value);
        case pfviz::FrameUse::Zram:
            return okabe::ReddishPurple;
        case pfviz::FrameUse::PageCache:
            return Theme::frameColor(pfviz::FrameUse::PageCache);
    }
    return Theme::freeColor();
}

qint64 MemoryMapWidget::frameAt(QPoint pos) const {
    if (m_frames == 0 || pos.y() < m_legendHeight) return -1;
    const int col = int((pos.x() - 2) / m_cell);
    const int row = int((pos.y() - m_legendHeight - 2) / m_cell) + m_scroll;
    if (col < 0 || col >= m_cols || row < 0) return -1;
    const std::uint64_t frame =
        (std::uint64_t(row) * std::uint64_t(m_cols) + std::uint64_t(col)) * m_perCell;
    return frame < m_frames ? qint64(frame) : -1;
}

QString MemoryMapWidget::describeFrame(std::uint64_t pfn) const {
    const auto guard = m_ctl.readGuard();
    const auto* sim = m_ctl.sim();
    if (!guard.owns_lock() || !sim || pfn >= sim->machine().memory.total()) return {};
    const auto& m = sim->machine();
    const auto& f = m.memory.frame(pfviz::Pfn{pfn});
    QString use;
    switch (f.use) {
        case pfviz::FrameUse::Free:
            use = tr("free");
            break;
        case pfviz::FrameUse::ZeroPage:
            use = tr("the shared zero page");
            break;
        case pfviz::FrameUse::PageTable:
            use = tr("page table, level %1").arg(f.level);
            break;
        case pfviz::FrameUse::Anon:
            use = tr("anonymous memory");
            break;
        case pfviz::FrameUse::Zram:
            use = tr("zram: compressed swapped-out pages");
            break;
        case pfviz::FrameUse::PageCache:
            use = f.file < m.config.files.size()
                      ? tr("page cache: page %1 of %2%3")
                            .arg(f.vpn.value)
                            .arg(QString::fromStdString(m.config.files[f.file].name))
                            .arg(f.dirty ? tr(" (dirty)") : QString())
                      : tr("page cache");
            break;
    }
    QStringList lines;
    lines << tr("Frame %1: %2").arg(pfn).arg(use);
    if (f.use == pfviz::FrameUse::Anon || f.use == pfviz::FrameUse::PageTable)
        lines << tr("Allocated for %1").arg(EventText::processName(m, f.owner));
    if (f.use == pfviz::FrameUse::Anon || f.use == pfviz::FrameUse::PageCache) {
        lines << tr("Mapped by %n page(s)", nullptr, int(f.mapcount));
        // Scan the page tables for the pages that map it (only on hover, a few at most).
        int shown = 0;
        for (const auto& p : m.processes) {
            if (shown >= 8) break;
            m.forEachLeaf(p, [&](pfviz::VirtAddr va, const pfviz::Pte& e) {
                if (shown >= 8 || !e.mapped() || e.has(pfviz::pte::ZeroPage)) return;
                // A huge PMD maps hugePages() frames from its target (H2).
                const std::uint64_t n = e.huge() ? m.hugePages() : 1;
                if (pfn >= e.target && pfn < e.target + n) {
                    const pfviz::VirtAddr at = va + ((pfn - e.target) << m.geometry().pageBits);
                    lines << (e.huge() ? tr("  %1 at %2 (huge page)") : tr("  %1 at %2"))
                                 .arg(EventText::processName(m, p.pid), EventText::hex(at));
                    ++shown;
                }
            });
        }
    }
    if (m_perCell > 1) lines << tr("(this cell aggregates %1 frames starting here)").arg(m_perCell);
    return lines.join(QLatin1Char('\n'));
}

bool MemoryMapWidget::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(e);
        const qint64 f = frameAt(he->pos());
        if (f >= 0)
            QToolTip::showText(he->globalPos(), describeFrame(std::uint64_t(f)), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void MemoryMapWidget::drawLegend(QPainter& p, const QRect& r) {
    struct Item {
        QColor color;
        QString text;
        Qt::BrushStyle pattern;
    };
    const Item items[] = {
        {Theme::freeColor(), tr("free"), Qt::NoBrush},
        {okabe::Yellow, tr("zero page"), Qt::NoBrush},
        {okabe::Blue, tr("page table"), Qt::NoBrush},
        {okabe::SkyBlue, tr("private (colour = owner)"), Qt::NoBrush},
        {okabe::Vermillion, tr("shared CoW (×sharers)"), Qt::BDiagPattern},
        {Theme::frameColor(pfviz::FrameUse::PageCache), tr("page cache (file)"), Qt::NoBrush},
    };
    p.setFont(Theme::instance().font(0.9));
    const QFontMetrics fm(p.font());
    const int box = fm.height() - 2;
    int x = r.left() + 2;
    int y = r.top() + 2;
    for (const auto& it : items) {
        const int w = box + 6 + fm.horizontalAdvance(it.text) + 14;
        if (x + w > r.right() && x > r.left() + 2) {
            x = r.left() + 2;
            y += fm.height() + 2;
        }
        p.fillRect(QRect(x, y, box, box), it.color);
        if (it.pattern != Qt::NoBrush)
            p.fillRect(QRect(x, y, box, box), QBrush(Qt::black, it.pattern));
        p.setPen(Qt::black);
        p.drawRect(QRect(x, y, box, box));
        p.drawText(QPoint(x + box + 6, y + fm.ascent() - 1), it.text);
        x += w;
    }
}

void MemoryMapWidget::paintEvent(QPaintEvent* ev) {
    QPainter p(this);
    if (m_cache.size() != size()) renderCache();
    p.drawImage(ev->rect(), m_cache, ev->rect());
}

void MemoryMapWidget::renderCache() {
    if (width() <= 0 || height() <= 0) return;
    if (m_ctl.workerActive()) {  // the engine is busy: keep the last picture, repaint later
        update();
        return;
    }
    m_cache = QImage(size(), QImage::Format_RGB32);
    QPainter p(&m_cache);
    p.fillRect(rect(), palette().window());
    drawLegend(p, QRect(0, 0, width(), m_legendHeight));
    const auto guard = m_ctl.readGuard();
    const auto* sim = m_ctl.sim();
    if (!sim || m_frames == 0) {
        update();
        return;
    }
    const auto& frames = sim->machine().memory.frames();
    const int top = m_legendHeight + 2;
    // Only the visible rows are drawn.
    const int rowsVisible = int((height() - top) / m_cell) + 1;
    const int firstRow = m_scroll;
    const int lastRow = m_scroll + rowsVisible;
    const bool labels = m_perCell == 1 && m_cell >= 26;
    const bool outlines = m_perCell == 1 && m_cell >= 6;
    QFont small = Theme::instance().font(m_cell >= 44 ? 0.8 : 0.6);
    p.setFont(small);
    const QPen gridPen(QColor(0x60, 0x60, 0x60), 1);
    for (int row = firstRow; row <= lastRow; ++row) {
        for (int col = 0; col < m_cols; ++col) {
            const std::uint64_t first =
                (std::uint64_t(row) * std::uint64_t(m_cols) + std::uint64_t(col)) * m_perCell;
            if (first >= m_frames) break;
            const QRectF cell(2 + col * m_cell, top + (row - m_scroll) * m_cell, m_cell, m_cell);
            if (m_perCell == 1) {
                const auto& f = frames[first];
                p.fillRect(cell, colorOf(f));
                if (f.use == pfviz::FrameUse::Anon && f.mapcount >= 2)
                    p.fillRect(cell, QBrush(QColor(0, 0, 0, 110), Qt::BDiagPattern));
                if (outlines) {
                    p.setPen(gridPen);
                    p.drawRect(cell.adjusted(0, 0, -1, -1));
                }
                if (labels) {
                    p.setPen(f.use == pfviz::FrameUse::PageTable ? Qt::white : Qt::black);
                    QString text = QString::number(first);
                    if (f.use == pfviz::FrameUse::Anon && f.mapcount >= 2)
                        text += QStringLiteral("\n×%1").arg(f.mapcount);
                    else if (f.use == pfviz::FrameUse::Anon)
                        text += QStringLiteral("\n%1").arg(f.owner.value);
                    else if (f.use == pfviz::FrameUse::PageTable)
                        text += QStringLiteral("\nL%1").arg(f.level);
                    else if (f.use == pfviz::FrameUse::ZeroPage)
                        text += QStringLiteral("\n0");
                    p.drawText(cell, Qt::AlignCenter, text);
                }
            } else {
                // Heat map: the bin takes the colour of its most common use, its lightness the
                // fraction of frames in use.
                const std::uint64_t last = std::min(m_frames, first + m_perCell);
                int counts[pfviz::kFrameUseCount] = {};
                int shared = 0;
                for (std::uint64_t i = first; i < last; ++i) {
                    ++counts[int(frames[i].use)];
                    shared += frames[i].use == pfviz::FrameUse::Anon && frames[i].mapcount >= 2;
                }
                const int n = int(last - first);
                const int used = n - counts[int(pfviz::FrameUse::Free)];
                QColor c = Theme::freeColor();
                if (used > 0) {
                    int best = 1;
                    for (int u = 2; u < pfviz::kFrameUseCount; ++u)
                        if (counts[u] > counts[best]) best = u;
                    c = shared * 2 > n ? okabe::Vermillion
                                       : Theme::frameColor(pfviz::FrameUse(best));
                    const double frac = double(used) / n;
                    c = QColor::fromRgbF(1 - (1 - c.redF()) * (0.35 + 0.65 * frac),
                                         1 - (1 - c.greenF()) * (0.35 + 0.65 * frac),
                                         1 - (1 - c.blueF()) * (0.35 + 0.65 * frac));
                }
                p.fillRect(cell, c);
            }
        }
    }
    if (m_perCell > 1) {
        p.setPen(Qt::black);
        p.setFont(Theme::instance().font(0.8));
        const QString note =
            tr("%1 frames, %2 per cell (Ctrl+wheel to zoom)").arg(m_frames).arg(m_perCell);
        const QRect nr(4, height() - QFontMetrics(p.font()).height() - 4, width() - 8,
                       QFontMetrics(p.font()).height() + 2);
        p.fillRect(nr, QColor(255, 255, 255, 200));
        p.drawText(nr, Qt::AlignLeft | Qt::AlignVCenter, note);
    }
    update();
}

}  // namespace pfviz::ui
