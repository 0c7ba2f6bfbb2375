#pragma once

#include <QStyledItemDelegate>

namespace parley::ui {

// Paints one row of the chat list (models::ChatListModel's roles): the avatar, the name, the
// time of the last message, and below them the preview (or "typing…") with the ticks of your
// own last message, pinned and muted marks and the unread badge. Every row is one height.
class ChatListDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ChatListDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The preview's words for what is not plain text (a deleted message, a system line).
    static QString previewText(const QModelIndex &index);
};

} // namespace parley::ui
