#pragma once
// The few settings that more than one widget reads, in one place (QSettings keys live here).
#include <QString>
#include <QStringList>

#include "pfviz/Scenario.h"

namespace pfviz::ui {

class AppSettings {
public:
    /// The language in effect, "en" or "ko", for the window and the narration together. An
    /// override (--lang) wins over the stored choice; "system" follows the system locale.
    static QString language();
    static void setLanguageOverride(const QString& lang);
    static QString languageOverride();
    /// The stored choice: "system" (the default), "en" or "ko".
    static QString languageChoice();
    /// Stores the choice (in memory only when not persistent) and drops the --lang override.
    /// Language::apply() then makes it take effect.
    static void setLanguageChoice(const QString& choice);
    /// What "system" means here: "ko" for a Korean system locale, otherwise "en".
    static QString systemLanguage();

    /// The tour: shown once on the first start.
    static bool tourSeen();
    static void setTourSeen(bool seen);
    /// The caption text in the current language, falling back to English.
    static QString captionText(const pfviz::Caption& c);

    static QStringList recentFiles();
    static void addRecentFile(const QString& path);

    /// False in tests and screenshot runs: nothing is read from or written to QSettings.
    static bool persistent();
    static void setPersistent(bool on);
};

}  // namespace pfviz::ui
