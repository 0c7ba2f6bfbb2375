#pragma once

#include <QHash>
#include <QStyledItemDelegate>
#include <QTextDocument>

#include <memory>

namespace parley::ui {

// Paints the messages of a chat (models::MessageModel's roles) as bubbles in a QListView, with
// no widget per message (docs/architecture.md, "Desktop app"): the text with clickable links,
// the time, "edited" and the ticks of your own messages, a quote of the message replied to,
// reactions, a date separator before each new day and the "unread messages" divider. Layouts
// are cached per message and width, so scrolling through long chats stays cheap.
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
    // Layouts depend on the font, the width and the message; drop them all (a theme change).
    void clearCache();

    // A message's text as HTML with its links made clickable (http, https, www., mailto).
    static QString linkified(const QString &text);

private:
    struct Layout;
    const Layout &layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    Layout makeLayout(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintBubble(QPainter *painter, const QStyleOptionViewItem &option,
                     const QModelIndex &index, const Layout &layout, const QPoint &origin) const;

    mutable QHash<qint64, std::shared_ptr<Layout>> m_cache;
    QString m_peerName;
    qint64 m_dividerRow = 0;
    int m_dividerCount = 0;
    qint64 m_highlighted = 0;
};

} // namespace parley::ui
