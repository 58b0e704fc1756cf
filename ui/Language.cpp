#include "ui/Language.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>
#include <memory>

#include "ui/AppSettings.h"

namespace pfviz::ui::Language {
namespace {
QTranslator* g_app = nullptr;  // pfviz's own strings
QTranslator* g_qt = nullptr;   // Qt's (dialog buttons), when qt6-translations-l10n is installed
QString g_current = QStringLiteral("en");

void remove() {
    for (QTranslator** t : {&g_app, &g_qt}) {
        if (!*t) continue;
        QCoreApplication::removeTranslator(*t);
        delete *t;
        *t = nullptr;
    }
}
}  // namespace

bool apply() {
    const QString lang = AppSettings::language();
    if (lang == g_current) return true;
    remove();
    g_current = QStringLiteral("en");
    if (lang == QLatin1String("en")) return true;
    auto app = std::make_unique<QTranslator>();
    if (!app->load(QStringLiteral(":/i18n/pfviz_%1.qm").arg(lang))) return false;
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_%1").arg(lang),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        g_qt = qt.release();
        QCoreApplication::installTranslator(g_qt);
    }
    g_app = app.release();
    QCoreApplication::installTranslator(g_app);  // posts QEvent::LanguageChange
    g_current = lang;
    return true;
}

QString current() {
    return g_current;
}

void retranslateModel(QAbstractItemModel* model) {
    const int rows = model->rowCount();
    const int cols = model->columnCount();
    if (cols > 0) emit model->headerDataChanged(Qt::Horizontal, 0, cols - 1);
    if (rows > 0 && cols > 0)
        emit model->dataChanged(model->index(0, 0), model->index(rows - 1, cols - 1));
}

}  // namespace pfviz::ui::Language
