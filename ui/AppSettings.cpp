#include "ui/AppSettings.h"

#include <QLocale>
#include <QSettings>

namespace pfviz::ui {
namespace {
QString g_langOverride;
QString g_langChoice = QStringLiteral("en");  // when not persistent (tests, screenshots)
bool g_tourSeen = true;                       // when not persistent: no tour
bool g_persistent = true;
constexpr int kMaxRecent = 8;
}  // namespace

QString AppSettings::language() {
    if (!g_langOverride.isEmpty()) return g_langOverride;
    const QString choice = languageChoice();
    return choice == QLatin1String("system") ? systemLanguage() : choice;
}

void AppSettings::setLanguageOverride(const QString& lang) {
    g_langOverride = lang;
}
QString AppSettings::languageOverride() {
    return g_langOverride;
}

QString AppSettings::languageChoice() {
    QString c =
        g_persistent
            ? QSettings().value(QStringLiteral("language"), QStringLiteral("system")).toString()
            : g_langChoice;
    if (c != QLatin1String("en") && c != QLatin1String("ko")) c = QStringLiteral("system");
    return c;
}

void AppSettings::setLanguageChoice(const QString& choice) {
    g_langOverride.clear();
    if (g_persistent)
        QSettings().setValue(QStringLiteral("language"), choice);
    else
        g_langChoice = choice;
}

QString AppSettings::systemLanguage() {
    return QLocale::system().language() == QLocale::Korean ? QStringLiteral("ko")
                                                           : QStringLiteral("en");
}

bool AppSettings::tourSeen() {
    return g_persistent ? QSettings().value(QStringLiteral("tourSeen"), false).toBool()
                        : g_tourSeen;
}

void AppSettings::setTourSeen(bool seen) {
    if (g_persistent)
        QSettings().setValue(QStringLiteral("tourSeen"), seen);
    else
        g_tourSeen = seen;
}

QString AppSettings::captionText(const pfviz::Caption& c) {
    if (language() == QLatin1String("ko") && !c.ko.empty()) return QString::fromStdString(c.ko);
    return QString::fromStdString(c.en);
}

QStringList AppSettings::recentFiles() {
    if (!g_persistent) return {};
    return QSettings().value(QStringLiteral("recentFiles")).toStringList();
}

void AppSettings::addRecentFile(const QString& path) {
    if (!g_persistent) return;
    QStringList list = recentFiles();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings().setValue(QStringLiteral("recentFiles"), list);
}

bool AppSettings::persistent() {
    return g_persistent;
}
void AppSettings::setPersistent(bool on) {
    g_persistent = on;
}

}  // namespace pfviz::ui
