#pragma once
// Switching the language while the window is open: installs or removes the Korean QTranslator
// (the catalog compiled from resources/translations/pfviz_ko.ts), after which Qt sends
// QEvent::LanguageChange to every widget; the views retranslate themselves there.
#include <QString>

class QAbstractItemModel;

namespace pfviz::ui::Language {

/// Makes AppSettings::language() take effect. True when the catalog for it could be loaded.
bool apply();
/// The language whose translator is installed now ("en" or "ko").
QString current();
/// Tells the views of a model that every header and cell text may have changed.
void retranslateModel(QAbstractItemModel* model);

}  // namespace pfviz::ui::Language
