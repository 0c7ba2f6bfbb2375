#include "ui/chat/ChatsPage.h"

#include "ui/chat/ChatListView.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace parley::ui {

namespace {
// The list's share of a freshly opened window; the user can drag the splitter.
constexpr int ChatListWidth = 280;
constexpr int ChatListMinimumWidth = 200;
} // namespace

ChatsPage::ChatsPage(QWidget *parent)
    : QWidget(parent)
    , m_chatList(new ChatListView(this))
{
    auto *chatList = m_chatList;
    chatList->setObjectName(QStringLiteral("chatList"));
    chatList->setPlaceholderText(tr("No chats yet"));
    chatList->setMinimumWidth(ChatListMinimumWidth);

    auto *noChatSelected = new QLabel(tr("Select a chat to start messaging"), this);
    noChatSelected->setObjectName(QStringLiteral("noChatSelected"));
    noChatSelected->setAlignment(Qt::AlignCenter);
    noChatSelected->setWordWrap(true);
    noChatSelected->setForegroundRole(QPalette::PlaceholderText);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(chatList);
    splitter->addWidget(noChatSelected);
    splitter->setChildrenCollapsible(false);
    // Extra width goes to the conversation, not to the list.
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ChatListWidth, 3 * ChatListWidth});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void ChatsPage::setChatListModel(QAbstractItemModel *model)
{
    m_chatList->setModel(model);
}

} // namespace parley::ui
