#include "ui/common/Theme.h"

#include <QApplication>
#include <QMetaEnum>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace parley::ui {

namespace {
const QString SettingKey = QStringLiteral("appearance/theme");
// Fusion draws the same on every desktop and takes any palette; the desktop's own style stays
// for "follow the system".
const QString ThemedStyle = QStringLiteral("Fusion");
} // namespace

Theme &Theme::instance()
{
    static auto *theme = new Theme;
    return *theme;
}

Theme::Theme()
    : QObject(qApp)
    , m_systemPalette(QApplication::palette())
    , m_systemStyle(QApplication::style()->name())
{ }

QPalette Theme::lightPalette()
{
    QPalette p(QColor(0xf0, 0xf2, 0xf5));
    p.setColor(QPalette::Window, QColor(0xf0, 0xf2, 0xf5));
    p.setColor(QPalette::WindowText, QColor(0x11, 0x1b, 0x21));
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf6, 0xf6));
    p.setColor(QPalette::Text, QColor(0x11, 0x1b, 0x21));
    p.setColor(QPalette::Button, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::ButtonText, QColor(0x11, 0x1b, 0x21));
    p.setColor(QPalette::Highlight, QColor(0xd1, 0xd7, 0xdb));
    p.setColor(QPalette::HighlightedText, QColor(0x11, 0x1b, 0x21));
    p.setColor(QPalette::Link, QColor(0x02, 0x7e, 0xb5));
    p.setColor(QPalette::PlaceholderText, QColor(0x66, 0x78, 0x81));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::ToolTipText, QColor(0x11, 0x1b, 0x21));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x99, 0xa4, 0xaa));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x99, 0xa4, 0xaa));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x99, 0xa4, 0xaa));
    return p;
}

QPalette Theme::darkPalette()
{
    QPalette p(QColor(0x20, 0x2c, 0x33));
    p.setColor(QPalette::Window, QColor(0x11, 0x1b, 0x21));
    p.setColor(QPalette::WindowText, QColor(0xe9, 0xed, 0xef));
    p.setColor(QPalette::Base, QColor(0x11, 0x1b, 0x21));
    p.setColor(QPalette::AlternateBase, QColor(0x20, 0x2c, 0x33));
    p.setColor(QPalette::Text, QColor(0xe9, 0xed, 0xef));
    p.setColor(QPalette::Button, QColor(0x20, 0x2c, 0x33));
    p.setColor(QPalette::ButtonText, QColor(0xe9, 0xed, 0xef));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x39, 0x42));
    p.setColor(QPalette::HighlightedText, QColor(0xe9, 0xed, 0xef));
    p.setColor(QPalette::Link, QColor(0x53, 0xbd, 0xeb));
    p.setColor(QPalette::PlaceholderText, QColor(0x86, 0x96, 0xa0));
    p.setColor(QPalette::ToolTipBase, QColor(0x20, 0x2c, 0x33));
    p.setColor(QPalette::ToolTipText, QColor(0xe9, 0xed, 0xef));
    p.setColor(QPalette::Light, QColor(0x3b, 0x4a, 0x54));
    p.setColor(QPalette::Midlight, QColor(0x2f, 0x3d, 0x45));
    p.setColor(QPalette::Mid, QColor(0x26, 0x33, 0x3a));
    p.setColor(QPalette::Dark, QColor(0x0b, 0x14, 0x1a));
    p.setColor(QPalette::Shadow, QColor(0x00, 0x00, 0x00));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x5c, 0x6b, 0x73));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x5c, 0x6b, 0x73));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x5c, 0x6b, 0x73));
    return p;
}

void Theme::setMode(Mode mode)
{
    QSettings().setValue(SettingKey,
                         QString::fromLatin1(QMetaEnum::fromType<Mode>().valueToKey(int(mode))));
    apply(mode);
}

void Theme::applySaved()
{
    const QByteArray saved = QSettings().value(SettingKey).toString().toLatin1();
    bool ok = false;
    const int value = QMetaEnum::fromType<Mode>().keyToValue(saved.constData(), &ok);
    apply(ok ? Mode(value) : Mode::System);
}

void Theme::apply(Mode mode)
{
    m_mode = mode;
    if (mode == Mode::System) {
        if (QStyle *style = QStyleFactory::create(m_systemStyle))
            QApplication::setStyle(style);
        QApplication::setPalette(m_systemPalette);
    } else {
        if (QStyle *style = QStyleFactory::create(ThemedStyle))
            QApplication::setStyle(style);
        QApplication::setPalette(mode == Mode::Dark ? darkPalette() : lightPalette());
    }
    Q_EMIT changed(mode);
}

} // namespace parley::ui
