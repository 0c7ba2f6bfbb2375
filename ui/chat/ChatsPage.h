#pragma once

#include <QWidget>

class QAbstractItemModel;

namespace parley::ui {

class ChatListView;

// What a signed-in user sees: the chat list on the left, the open chat on the right.
class ChatsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ChatsPage(QWidget *parent = nullptr);

    // The signed-in account's chats (core/models/ChatListModel); the page does not own it.
    void setChatListModel(QAbstractItemModel *model);

private:
    ChatListView *m_chatList = nullptr;
};

} // namespace parley::ui
