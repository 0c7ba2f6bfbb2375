#pragma once

#include <QWidget>

namespace parley::ui {

class ChatListModel;

// What a signed-in user sees: the chat list on the left, the open chat on the right.
class ChatsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ChatsPage(QWidget *parent = nullptr);

    ChatListModel *chatListModel() const { return m_chatListModel; }

private:
    ChatListModel *m_chatListModel = nullptr;
};

} // namespace parley::ui
