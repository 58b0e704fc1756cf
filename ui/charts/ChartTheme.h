#pragma once
// Chart looks: the normal screen theme, a dark theme and the slide theme (white, large fonts,
// thick lines, Okabe-Ito colours with a distinct dash pattern per series, for projectors and
// colour-blind readers). Sizes are for a 1080-pixel-high canvas and scale with the height.
#include <QColor>
#include <QString>
#include <optional>

class QChart;

namespace pfviz::ui {

enum class ThemeKind { Screen, Dark, Slide };

struct ChartTheme {
    ThemeKind kind{ThemeKind::Screen};
    QColor background;
    QColor plotBackground;
    QColor text;
    QColor grid;
    double titlePx{};  // font pixel sizes at 1080 px height
    double labelPx{};
    double legendPx{};
    double lineWidth{};
    bool dashes{};  // distinct dash pattern per series

    static ChartTheme make(ThemeKind kind);
    /// Colour and dash of the i-th series (Okabe-Ito order, black last).
    QColor color(int i) const;
    Qt::PenStyle dash(int i) const;
};

std::optional<ThemeKind> themeFromName(const QString& name);  // "screen", "dark", "slide"
QString themeName(ThemeKind kind);

}  // namespace pfviz::ui
