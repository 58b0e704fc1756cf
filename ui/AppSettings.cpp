#include "ui/AppSettings.h"

#include <QSettings>

namespace pfviz::ui {
namespace {
QString g_langOverride;
bool g_persistent = true;
constexpr int kMaxRecent = 8;
}  // namespace

QString AppSettings::language() {
    if (!g_langOverride.isEmpty()) return g_langOverride;
    if (!g_persistent) return QStringLiteral("en");
    return QSettings().value(QStringLiteral("language"), QStringLiteral("en")).toString();
}

void AppSettings::setLanguageOverride(const QString& lang) { g_langOverride = lang; }

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

bool AppSettings::persistent() { return g_persistent; }
void AppSettings::setPersistent(bool on) { g_persistent = on; }

}  // namespace pfviz::ui
