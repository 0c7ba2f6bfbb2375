#include "ui/common/Language.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace parley::ui::language {

namespace {
const QString SettingKey = QStringLiteral("ui/language");

// The translators installed now; replaced by apply().
QList<QTranslator *> &installed()
{
    static QList<QTranslator *> translators;
    return translators;
}

bool isAvailable(const QString &code)
{
    for (const Choice &choice : available()) {
        if (choice.code == code)
            return true;
    }
    return false;
}
} // namespace

QList<Choice> available()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("es"), QStringLiteral("Español")},
            {QStringLiteral("pt_BR"), QStringLiteral("Português (Brasil)")},
            {QStringLiteral("ar"), QStringLiteral("العربية")}};
}

QString saved()
{
    return QSettings().value(SettingKey).toString();
}

void save(const QString &code)
{
    if (code.isEmpty())
        QSettings().remove(SettingKey);
    else
        QSettings().setValue(SettingKey, code);
}

QString effective()
{
    const QString chosen = saved();
    if (isAvailable(chosen))
        return chosen;
    // "pt-BR" -> "pt_BR", then the language alone ("es-MX" -> "es").
    for (QString ui : QLocale::system().uiLanguages()) {
        ui.replace(u'-', u'_');
        if (isAvailable(ui))
            return ui;
        const QString base = ui.section(u'_', 0, 0);
        if (base == QLatin1String("pt"))
            return QStringLiteral("pt_BR"); // the Portuguese Parley has
        if (isAvailable(base))
            return base;
    }
    return QStringLiteral("en");
}

void apply(const QString &code)
{
    for (QTranslator *translator : std::as_const(installed())) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    installed().clear();
    const QLocale locale(code);
    QLocale::setDefault(locale);
    QApplication::setLayoutDirection(locale.textDirection());
    // English is the source language: its file has only the plural forms.
    auto *own = new QTranslator(QCoreApplication::instance()); // freed with the application
    if (own->load(QStringLiteral(":/i18n/parley_%1.qm").arg(code))) {
        QCoreApplication::installTranslator(own);
        installed().append(own);
    } else {
        qWarning().noquote() << "no translation for" << code;
        delete own;
    }
    if (code == QLatin1String("en"))
        return; // Qt's own strings are English already
    // Qt's own strings (standard buttons, context menus), where Debian installed them.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed().append(qt);
    } else {
        delete qt;
    }
}

} // namespace parley::ui::language
