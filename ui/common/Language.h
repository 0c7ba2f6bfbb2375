#pragma once

#include <QList>
#include <QString>

class QTranslator;

namespace parley::ui {

// The language of the app: the system's, or one chosen in Settings ("ui/language" in
// QSettings, applied at the next start, as the widgets are built in it). Loads Parley's own
// translation (:/i18n/parley_<code>.qm) and Qt's for its standard buttons and dialogs, and
// lays the app out right to left for Arabic.
namespace language {

struct Choice
{
    QString code; // "en", "es", "pt_BR", "ar"
    QString nativeName;
};
// The languages Parley ships, English first.
QList<Choice> available();
// The saved choice: a code, or "" for the system's language.
QString saved();
void save(const QString &code);
// The language used: the saved one, else the first of the system's UI languages Parley has,
// else English.
QString effective();
// Installs the translators of `code` (replacing earlier ones) and the layout direction.
void apply(const QString &code);

} // namespace language

} // namespace parley::ui
