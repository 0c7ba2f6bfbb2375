#pragma once

#include <QAbstractListModel>

namespace parley::ui {

// The signed-in account's chats, most recent activity first, for the chat list. It stays empty
// until the client keeps chats in its local store (ARCHITECTURE.md, "Storage": the client's
// chats table), which will feed it.
class ChatListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace parley::ui
