#pragma once
// The seed's fault-rate thresholds as the fault-rate chart draws them: the numbers are the
// engine's table (pfviz/FaultThresholds.h, also used by the run summary); this adds the words.
#include <QCoreApplication>
#include <QString>
#include <array>

#include "pfviz/FaultThresholds.h"

namespace pfviz::ui {

enum class RateSeries { Minor, Major };

struct Threshold {
    RateSeries series;  // the series the threshold applies to (picks the colour)
    double perSecond;   // faults per simulated second
    const char* text;   // untranslated label; shown through label()
    bool good;          // true: "at or below is fine"; false: "at or above is bad"

    QString label() const { return QCoreApplication::translate("pfviz::ui::Threshold", text); }
};

namespace detail {
inline constexpr std::array<const char*, pfviz::kFaultThresholds.size()> kThresholdTexts{{
    QT_TRANSLATE_NOOP("pfviz::ui::Threshold", "minor: good ≤ 1000/s"),
    QT_TRANSLATE_NOOP("pfviz::ui::Threshold", "minor: bad ≥ 5000/s"),
    QT_TRANSLATE_NOOP("pfviz::ui::Threshold", "major: good ≤ 10/s"),
    QT_TRANSLATE_NOOP("pfviz::ui::Threshold", "major: bad ≥ 100/s"),
}};
static_assert(pfviz::kFaultThresholds[0].perSecond == 1000 &&
                  pfviz::kFaultThresholds[1].perSecond == 5000 &&
                  pfviz::kFaultThresholds[2].perSecond == 10 &&
                  pfviz::kFaultThresholds[3].perSecond == 100,
              "the labels above quote the engine's numbers");
constexpr std::array<Threshold, pfviz::kFaultThresholds.size()> makeThresholds() {
    std::array<Threshold, pfviz::kFaultThresholds.size()> out{};
    for (std::size_t i = 0; i < out.size(); ++i) {
        const FaultThreshold& t = pfviz::kFaultThresholds[i];
        out[i] = {t.rate == RateKind::Minor ? RateSeries::Minor : RateSeries::Major,
                  static_cast<double>(t.perSecond), kThresholdTexts[i], t.good};
    }
    return out;
}
}  // namespace detail

/// Same order as the engine's kFaultThresholds (the texts above follow it).
inline constexpr std::array<Threshold, pfviz::kFaultThresholds.size()> kFaultThresholds =
    detail::makeThresholds();

}  // namespace pfviz::ui
