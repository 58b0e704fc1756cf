#include "charts/ChartTheme.h"

#include <array>

namespace pfviz::ui {

namespace {
// Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision
// deficiency. Yellow comes late because it is weak on white.
constexpr std::array<QRgb, 8> kOkabeIto{0xff0072B2, 0xffD55E00, 0xff009E73, 0xffCC79A7,
                                        0xff56B4E9, 0xffE69F00, 0xff000000, 0xffF0E442};
constexpr std::array<Qt::PenStyle, 5> kDashes{Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                              Qt::DashDotLine, Qt::DashDotDotLine};
}  // namespace

ChartTheme ChartTheme::make(ThemeKind kind) {
    ChartTheme t;
    t.kind = kind;
    switch (kind) {
        case ThemeKind::Slide:
            t.background = Qt::white;
            t.plotBackground = Qt::white;
            t.text = Qt::black;
            t.grid = QColor(0xcc, 0xcc, 0xcc);
            t.titlePx = 48;
            t.labelPx = 30;
            t.legendPx = 30;
            t.lineWidth = 5;
            t.dashes = true;
            break;
        case ThemeKind::Dark:
            t.background = QColor(0x20, 0x22, 0x26);
            t.plotBackground = QColor(0x20, 0x22, 0x26);
            t.text = QColor(0xe8, 0xe8, 0xe8);
            t.grid = QColor(0x50, 0x54, 0x5a);
            t.titlePx = 30;
            t.labelPx = 20;
            t.legendPx = 20;
            t.lineWidth = 2;
            t.dashes = false;
            break;
        case ThemeKind::Screen:
            t.background = Qt::white;
            t.plotBackground = Qt::white;
            t.text = QColor(0x20, 0x20, 0x20);
            t.grid = QColor(0xe0, 0xe0, 0xe0);
            t.titlePx = 30;
            t.labelPx = 20;
            t.legendPx = 20;
            t.lineWidth = 2;
            t.dashes = false;
            break;
    }
    return t;
}

QColor ChartTheme::color(int i) const {
    QColor c = QColor::fromRgb(kOkabeIto[static_cast<std::size_t>(i) % kOkabeIto.size()]);
    if (kind == ThemeKind::Dark && c == Qt::black) c = QColor(0xe8, 0xe8, 0xe8);
    return c;
}

Qt::PenStyle ChartTheme::dash(int i) const {
    return dashes ? kDashes[static_cast<std::size_t>(i) % kDashes.size()] : Qt::SolidLine;
}

std::optional<ThemeKind> themeFromName(const QString& name) {
    if (name == QLatin1String("screen")) return ThemeKind::Screen;
    if (name == QLatin1String("dark")) return ThemeKind::Dark;
    if (name == QLatin1String("slide")) return ThemeKind::Slide;
    return std::nullopt;
}

QString themeName(ThemeKind kind) {
    switch (kind) {
        case ThemeKind::Dark:
            return QStringLiteral("dark");
        case ThemeKind::Slide:
            return QStringLiteral("slide");
        case ThemeKind::Screen:
            break;
    }
    return QStringLiteral("screen");
}

}  // namespace pfviz::ui
