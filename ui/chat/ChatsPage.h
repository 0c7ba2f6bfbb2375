#pragma once

#include <QDialog>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace parley {
class Account;
namespace models {
class ChatListModel;
class SearchModel;
} // namespace models
} // namespace parley

namespace parley::ui {

class ChatListView;
class ChatView;
class SearchHitDelegate;

// What a signed-in user sees: the chat list on the left (with search, new chat and the
// archive), the open chat on the right.
class ChatsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ChatsPage(QWidget *parent = nullptr);

    // The signed-in account: its chats, searches and chat view. The models live with the account.
    void setAccount(Account &account);
    void clearAccount();

    // Opens a chat of the list (by the store's chat id); false when it is not in the list.
    bool openChat(qint64 chatId);
    void closeChat();
    // Remembers the splitter and whether a chat is open, for the next start (QSettings).
    void saveState() const;
    qint64 openChatId() const;
    // Keyboard: Ctrl+F, Ctrl+N, Ctrl+1..9 (the n-th chat), Alt+Up/Down (the chat above/below).
    void focusSearch();
    void startNewChat();
    void openSettings();
    void openNthChat(int n);
    void openAdjacentChat(int delta);
    void showArchived(bool archived);

    int totalUnread() const;
    ChatListView *chatList() const { return m_chatList; }
    ChatView *chatView() const { return m_chatView; }
    QLineEdit *searchField() const { return m_search; }
    QListView *searchResults() const { return m_hits; }
    models::ChatListModel *chatModel() const { return m_chats; }

Q_SIGNALS:
    void chatOpened(qint64 chatId);
    void unreadChanged(int total);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createListPanel();
    void onSearchChanged(const QString &text);
    void openHit(const QModelIndex &index);
    void showChatMenu(const QPoint &pos);
    void updateArchiveButton();
    void openIndex(const QModelIndex &proxyIndex);

    QPointer<Account> m_account;
    QPointer<QDialog> m_dialog; // new chat or settings, while open
    models::ChatListModel *m_chats = nullptr;
    models::SearchModel *m_searchModel = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
    QLineEdit *m_search = nullptr;
    QToolButton *m_newChat = nullptr;
    QToolButton *m_settingsButton = nullptr;
    QToolButton *m_archiveButton = nullptr;
    ChatListView *m_chatList = nullptr;
    QLabel *m_hitsLabel = nullptr;
    QListView *m_hits = nullptr;
    SearchHitDelegate *m_hitDelegate = nullptr;
    QStackedWidget *m_right = nullptr;
    QSplitter *m_splitter = nullptr;
    QWidget *m_noChat = nullptr;
    ChatView *m_chatView = nullptr;
    bool m_archived = false;
};

} // namespace parley::ui
