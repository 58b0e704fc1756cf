#pragma once
// Colours, strokes and the presenter scale factor, shared by every view. Colours come from the
// Okabe-Ito palette (distinguishable with the common colour-vision deficiencies); outcomes also
// differ by dash pattern and a text label, never by colour alone.
#include <QColor>
#include <QFont>
#include <QObject>
#include <QString>

#include "pfviz/Event.h"
#include "pfviz/PhysicalMemory.h"

namespace pfviz::ui {

/// The outcome of one access, as the flow view and the legend show it.
enum class Outcome { None, TlbHit, TlbMiss, Minor, Major, Cow, Segv, Syscall };

namespace okabe {
inline const QColor Black{0, 0, 0};
inline const QColor Orange{0xE6, 0x9F, 0x00};
inline const QColor SkyBlue{0x56, 0xB4, 0xE9};
inline const QColor BluishGreen{0x00, 0x9E, 0x73};
inline const QColor Yellow{0xF0, 0xE4, 0x42};
inline const QColor Blue{0x00, 0x72, 0xB2};
inline const QColor Vermillion{0xD5, 0x5E, 0x00};
inline const QColor ReddishPurple{0xCC, 0x79, 0xA7};
}  // namespace okabe

class Theme : public QObject {
    Q_OBJECT
public:
    static Theme& instance();

    bool presenter() const { return m_presenter; }
    /// Global scale for fonts, strokes and cells: 1 normally, larger in presenter mode.
    double scale() const { return m_presenter ? 1.6 : 1.0; }
    void setPresenter(bool on);

    /// Base point size of body text before scaling.
    QFont font(double relative = 1.0, bool bold = false) const;
    double stroke(double w = 1.0) const { return w * scale(); }

    static QColor outcomeColor(Outcome o);
    static Qt::PenStyle outcomePen(Outcome o);
    static QString outcomeLabel(Outcome o);
    /// A colour per process, stable for a pid.
    static QColor processColor(std::uint32_t pid);
    static QColor frameColor(FrameUse use);
    static QColor freeColor() { return QColor(0xE8, 0xE8, 0xE8); }
    static QColor greyedColor() { return QColor(0xB0, 0xB0, 0xB0); }

signals:
    void changed();

private:
    Theme() = default;
    bool m_presenter{false};
};

}  // namespace pfviz::ui
