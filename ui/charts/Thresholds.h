#pragma once
// The seed's fault-rate thresholds, drawn on the fault-rate chart. This table is the only place
// that knows them; the chart, the legend and the export read it.
#include <QCoreApplication>
#include <QString>
#include <array>

namespace pfviz::ui {

enum class RateSeries { Minor, Major };

struct Threshold {
    RateSeries series;  // the series the threshold applies to (picks the colour)
    double perSecond;   // faults per simulated second
    const char* text;   // untranslated label; shown through label()
    bool good;          // true: "at or below is fine"; false: "at or above is bad"

    QString label() const { return QCoreApplication::translate("pfviz::ui::Threshold", text); }
};

inline constexpr std::array<Threshold, 4> kFaultThresholds{{
    {RateSeries::Minor, 1000.0, QT_TRANSLATE_NOOP("pfviz::ui::Threshold", "minor: good ≤ 1000/s"), true},
    {RateSeries::Minor, 5000.0, QT_TRANSLATE_NOOP("pfviz::ui::Threshold", "minor: bad ≥ 5000/s"), false},
    {RateSeries::Major, 10.0, QT_TRANSLATE_NOOP("pfviz::ui::Threshold", "major: good ≤ 10/s"), true},
    {RateSeries::Major, 100.0, QT_TRANSLATE_NOOP("pfviz::ui::Threshold", "major: bad ≥ 100/s"), false},
}};

}  // namespace pfviz::ui
