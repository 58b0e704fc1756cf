#pragma once
// The few settings that more than one widget reads, in one place (QSettings keys live here).
#include <QString>
#include <QStringList>

#include "pfviz/Scenario.h"

namespace pfviz::ui {

class AppSettings {
public:
    /// Narration language: "en" or "ko". An override (--lang) wins over the stored setting.
    static QString language();
    static void setLanguageOverride(const QString& lang);
    /// The caption text in the current language, falling back to English.
    static QString captionText(const pfviz::Caption& c);

    static QStringList recentFiles();
    static void addRecentFile(const QString& path);

    /// False in tests and screenshot runs: nothing is read from or written to QSettings.
    static bool persistent();
    static void setPersistent(bool on);
};

}  // namespace pfviz::ui
