#include "ui/chat/ChatListModel.h"

namespace parley::ui {

int ChatListModel::rowCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent);
    return 0; // no chat store yet, see the class comment
}

QVariant ChatListModel::data(const QModelIndex &index, int role) const
{
    Q_UNUSED(index);
    Q_UNUSED(role);
    return {};
}

} // namespace parley::ui
