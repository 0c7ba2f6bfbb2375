#pragma once

#include <QFrame>
#include <QStringList>

class QListWidget;
class QTabBar;

namespace parley::ui {

// The composer's emoji panel, as in WhatsApp and Telegram Desktop: the ones used lately first,
// then the emoji of the colour emoji font by group, and the flags of every country. A click
// picks one and leaves the panel open for the next; Esc or a click outside closes it.
//
// The emoji are those the system's colour emoji font draws (QRawFont::supportsCharacter over
// the Unicode emoji blocks), read when the panel is first made, not at the app's start.
class EmojiPicker : public QFrame
{
    Q_OBJECT
public:
    static constexpr int MaxRecent = 32;

    explicit EmojiPicker(QWidget *parent = nullptr);

    // The groups shown after "Recent", in order, and their emoji.
    struct Group
    {
        QString name;
        QStringList emoji;
    };
    static const QList<Group> &groups();
    // Newest first, from the settings (emoji/recent).
    static QStringList recent();
    static void remember(const QString &emoji);

    // Opens as a popup with its bottom edge at `anchor` (a point on the screen).
    void popUpAbove(const QPoint &anchor);
    QTabBar *tabs() const { return m_tabs; }
    QListWidget *grid() const { return m_grid; }

Q_SIGNALS:
    void picked(const QString &emoji);

private:
    void showGroup(int tab);

    QTabBar *m_tabs = nullptr;
    QListWidget *m_grid = nullptr;
};

} // namespace parley::ui
