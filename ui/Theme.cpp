#include "ui/Theme.h"

#include <QApplication>

namespace pfviz::ui {

Theme& Theme::instance() {
    static Theme t;
    return t;
}

void Theme::setPresenter(bool on) {
    if (on == m_presenter) return;
    m_presenter = on;
    emit changed();
}

QFont Theme::font(double relative, bool bold) const {
    QFont f = QApplication::font();
    // Presenter: 13 pt * 1.6 ~ 21 pt ~ 28 px at 96 dpi, well above the 20 px floor.
    const double base = m_presenter ? 16.0 * scale() : 10.0;
    f.setPointSizeF(base * relative);
    f.setBold(bold);
    return f;
}

QColor Theme::outcomeColor(Outcome o) {
    switch (o) {
        case Outcome::TlbHit:
            return okabe::BluishGreen;
        case Outcome::TlbMiss:
            return okabe::Blue;
        case Outcome::Minor:
            return okabe::Orange;
        case Outcome::Major:
            return okabe::ReddishPurple;
        case Outcome::Cow:
            return okabe::ReddishPurple;
        case Outcome::Segv:
            return okabe::Vermillion;
        case Outcome::Syscall:
            return okabe::SkyBlue;
        case Outcome::None:
            break;
    }
    return okabe::Black;
}

Qt::PenStyle Theme::outcomePen(Outcome o) {
    switch (o) {
        case Outcome::TlbHit:
            return Qt::SolidLine;
        case Outcome::TlbMiss:
            return Qt::DashLine;
        case Outcome::Minor:
            return Qt::DashDotLine;
        case Outcome::Major:
            return Qt::DashDotDotLine;
        case Outcome::Cow:
            return Qt::DotLine;
        case Outcome::Segv:
            return Qt::SolidLine;
        case Outcome::Syscall:
        case Outcome::None:
            break;
    }
    return Qt::SolidLine;
}

QString Theme::outcomeLabel(Outcome o) {
    switch (o) {
        case Outcome::TlbHit:
            return tr("TLB hit");
        case Outcome::TlbMiss:
            return tr("TLB miss, page walk");
        case Outcome::Minor:
            return tr("minor fault");
        case Outcome::Major:
            return tr("major fault");
        case Outcome::Cow:
            return tr("copy-on-write fault");
        case Outcome::Segv:
            return tr("SIGSEGV: invalid access");
        case Outcome::Syscall:
            return tr("system call");
        case Outcome::None:
            break;
    }
    return {};
}

QColor Theme::processColor(std::uint32_t pid) {
    // Blue, yellow and vermillion are reserved for page tables, the zero page and shared CoW.
    static const QColor colors[] = {okabe::SkyBlue, okabe::BluishGreen, okabe::Orange,
                                    okabe::ReddishPurple};
    return colors[pid % 4];
}

QColor Theme::frameColor(FrameUse use) {
    switch (use) {
        case FrameUse::Free:
            return freeColor();
        case FrameUse::ZeroPage:
            return okabe::Yellow;
        case FrameUse::PageTable:
            return okabe::Blue;
        case FrameUse::Anon:
            return okabe::SkyBlue;
        case FrameUse::Zram:
            return okabe::ReddishPurple;
        case FrameUse::PageCache:
            return QColor(0x99, 0x77, 0x44);  // brown: file data, apart from the owner colours
    }
    return freeColor();
}

}  // namespace pfviz::ui
