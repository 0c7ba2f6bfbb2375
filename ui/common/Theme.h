#pragma once

#include <QObject>
#include <QPalette>

namespace parley::ui {

// Light, dark, or the desktop's own (Settings → Appearance). The palette is the theme: every
// screen paints from it (ui/common/Appearance.h), so a switch repaints everything at once.
// The choice is kept in QSettings ("appearance/theme").
class Theme : public QObject
{
    Q_OBJECT
public:
    enum class Mode { System, Light, Dark };
    Q_ENUM(Mode)

    // The one instance, created on first use (needs the QApplication).
    static Theme &instance();

    Mode mode() const { return m_mode; }
    // Applies and remembers a mode.
    void setMode(Mode mode);
    // Applies the remembered mode (at start).
    void applySaved();

    static QPalette lightPalette();
    static QPalette darkPalette();

Q_SIGNALS:
    void changed(parley::ui::Theme::Mode mode);

private:
    Theme();
    void apply(Mode mode);

    Mode m_mode = Mode::System;
    QPalette m_systemPalette; // the desktop's, as the app started
    QString m_systemStyle;
};

} // namespace parley::ui
