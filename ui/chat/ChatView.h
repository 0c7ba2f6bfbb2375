#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QToolButton;

namespace parley {
class Account;
namespace models {
class MessageModel;
}
namespace protocol {
struct UserStatus;
}
} // namespace parley

namespace parley::ui {

class Composer;
class EmojiPicker;
class MessageListView;
class SafetyNumberDialog;

// One open chat: a header with the other person and whether they are online, typing or when
// they were last seen; their messages; and the box to write in, with a bar above it while
// replying to or editing a message. Everything goes through the account's services: nothing
// here waits for the network or the store.
class ChatView : public QWidget
{
    Q_OBJECT
public:
    explicit ChatView(Account &account, QWidget *parent = nullptr);

    // Shows a chat; `unreadCount` places the "unread messages" divider.
    void open(qint64 chatId, const QString &peerUserId, const QString &title, int unreadCount);
    void setTitle(const QString &title);
    QString title() const { return m_title; }
    qint64 chatId() const { return m_chatId; }
    QString peerUserId() const { return m_peerUserId; }
    MessageListView *messageList() const { return m_list; }
    Composer *composer() const { return m_composer; }

    // The window became active or visible: what is on screen is read.
    void windowActivated();
    // Cancels a reply or an edit; false when there was none (Esc then closes the chat).
    bool cancelReplyOrEdit();

    // Scrolls to a message found by search (its sender "" for this account's own), loading
    // older pages as needed, and highlights it.
    void showFoundMessage(const QString &senderUserId, const QString &messageId);

    // Message actions, also used by the context menu (rows of the current MessageModel).
    void replyTo(int row);
    void startEdit(int row);
    void react(int row, const QString &emoji);
    void showEmojiPicker();
    void copyText(int row);
    void deleteForMe(int row);
    void deleteForEveryone(int row);
    // The security code with the other person, to compare and mark as verified.
    SafetyNumberDialog *showSafetyNumber();

Q_SIGNALS:
    void closeRequested();

private:
    QWidget *createHeader();
    QWidget *createReplyBar();
    void submit(const QString &text);
    void editLast();
    void showMenu(const QModelIndex &index, const QPoint &globalPos);
    int modelRowOf(qint64 rowId) const; // the model row of a store row, -1 if not loaded
    void jumpToQuote(const QModelIndex &index);
    void onRowsInserted(int first, int last);
    void placeUnreadDivider();
    void markReadIfSeen();
    void showPresence(const protocol::UserStatus &status);
    void showSubtitle();
    void showError(const QString &message);

    Account &m_account;
    qint64 m_chatId = 0;
    QString m_peerUserId;
    QString m_title;
    int m_unreadAtOpen = 0;
    int m_dividerPages = 0; // older pages read to place the divider
    bool m_jumped = false; // the view went to a message (search, quote) since the chat opened
    QPointer<models::MessageModel> m_model;

    QLabel *m_avatar = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_subtitle = nullptr;
    MessageListView *m_list = nullptr;
    QWidget *m_replyBar = nullptr;
    QLabel *m_replyTitle = nullptr;
    QLabel *m_replyText = nullptr;
    Composer *m_composer = nullptr;
    QToolButton *m_sendButton = nullptr;
    QToolButton *m_emojiButton = nullptr;
    QPointer<EmojiPicker> m_emojiPicker; // made when first opened
    QLabel *m_error = nullptr;

    enum class Mode { Writing, Replying, Editing };
    Mode m_mode = Mode::Writing;
    qint64 m_targetRow = 0; // the store row replied to or edited
    bool m_peerTyping = false;
    QString m_presenceText;
    QTimer m_readTimer;
    QTimer m_errorTimer;
};

} // namespace parley::ui
