#pragma once

#include "ui/common/Appearance.h"

#include <QCache>
#include <QHash>
#include <QStyledItemDelegate>
#include <QTextDocument>

#include <memory>
#include <utility>

namespace parley::ui {

// Paints the messages of a chat (models::MessageModel's roles) as bubbles in a QListView, with
// no widget per message (docs/architecture.md, "Desktop app"): the text with clickable links,
// the time, "edited" and the ticks of your own messages, a quote of the message replied to,
// reactions, a date separator before each new day and the "unread messages" divider.
// Scrolling stays cheap however long the chat: a row's height is kept for as long as the row
// shows the same (the model's RevisionRole) at the same width, so a relayout of thousands of
// rows makes none again; the full layouts (with their text documents) of the rows seen last
// are kept, and the text of each is drawn once into a pixmap (QPixmapCache) that is then only
// copied: shaping text again at each paint is what costs (colour emoji most: FreeType decodes
// a PNG for each emoji's advance).
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // What is under a point of a message row.
    struct Hit
    {
        // SystemLine: a line of this device's own that opens something when clicked.
        enum Kind { Nothing, Bubble, Link, Quote, Retry, SystemLine };
        Kind kind = Nothing;
        QString link; // for Link
    };

    explicit MessageDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    Hit hitTest(const QStyleOptionViewItem &option, const QModelIndex &index,
                const QPoint &pos) const;
    // The bubble's rectangle in the row (for menus and highlights).
    QRect bubbleRect(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    // The other person's name, for quotes of their messages.
    void setPeerName(const QString &name);
    // The "N unread messages" divider goes above the message with this store row (0: none).
    void setUnreadDivider(qint64 rowId, int count);
    qint64 unreadDividerRow() const { return m_dividerRow; }
    // A message briefly highlighted (after a jump to it); 0: none.
    void setHighlighted(qint64 rowId);

    // Text selection inside one message, as in WhatsApp Desktop: positions are characters of
    // the message's text. The selected part is drawn highlighted (not from the drawn-text
    // cache).
    // The character of the message's text nearest to a point of the row, or -1 when the row
    // has no selectable text. `clamp`: a point outside the text counts as its nearest edge
    // (while dragging).
    int textPosition(const QStyleOptionViewItem &option, const QModelIndex &index,
                     const QPoint &pos, bool clamp) const;
    // The word at a character (for a double click), as [start, end).
    std::pair<int, int> wordAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                               int position) const;
    void setSelection(qint64 rowId, int anchor, int position);
    void clearSelection() { setSelection(0, 0, 0); }
    qint64 selectionRow() const { return m_selectionRow; }
    bool hasSelection() const { return m_selectionRow != 0 && m_selectionStart != m_selectionEnd; }
    // The selected text of that row, line breaks as \n; empty when nothing is selected.
    QString selectedText(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    // Layouts depend on the font, the palette, the direction, the width and the message; drop
    // them all (the view calls it when its font, palette or direction change).
    void clearCache();

    // A message's text as HTML with its links made clickable (http, https, www., mailto).
    static QString linkified(const QString &text);

private:
    // What a row's layout was made from, beside the font, palette and direction of the view.
    struct Key
    {
        quint64 revision = 0;
        int width = 0;
        bool newDay = false;
        bool operator==(const Key &) const = default;
    };
    struct Layout
    {
        Key key; // what it was made from
        quint64 serial = 0; // names its text's pixmap in QPixmapCache
        int height = 0;
        QString dateText; // the separator above, if any
        QRect dateChip;
        bool divider = false;
        QRect dividerRect;
        bool system = false;
        QString systemText;
        bool systemClickable = false; // it opens something (the security code)
        QRect systemChip;
        QRect bubble;
        QRect quote;
        QString quoteSender;
        QString quoteText;
        QRect text; // where the document is drawn
        std::shared_ptr<QTextDocument> doc;
        QRect meta; // time, "edited" and ticks, bottom right of the bubble
        QString metaText;
        appearance::Ticks ticks = appearance::Ticks::None;
        QRect reactions;
        QString reactionsText;
        QString placeholder; // deleted or undecryptable: an italic line instead of the text
    };
    struct Height
    {
        Key key;
        int height = 0;
    };
    Key keyFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    const Layout &layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    Layout makeLayout(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintBubble(QPainter *painter, const QStyleOptionViewItem &option,
                     const QModelIndex &index, const Layout &layout, const QPoint &origin) const;

    // The selection as a cursor of a row's document.
    QTextCursor selectionIn(QTextDocument &doc) const;
    // "Today" for the date separators, checked against the clock without a time zone lookup.
    void checkToday() const;

    mutable QHash<qint64, Height> m_heights; // by store row: every row laid out (small)
    mutable QCache<qint64, Layout> m_layouts; // by store row: the rows laid out last
    mutable qint64 m_today = 0; // a Julian day
    mutable qint64 m_nextMidnight = 0; // ms since the epoch
    QString m_peerName;
    qint64 m_dividerRow = 0;
    int m_dividerCount = 0;
    qint64 m_highlighted = 0;
    qint64 m_selectionRow = 0;
    int m_selectionStart = 0;
    int m_selectionEnd = 0;
};

} // namespace parley::ui
