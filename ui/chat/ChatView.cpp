#include "ui/chat/ChatView.h"

#include "core/account/Account.h"
#include "core/models/MessageModel.h"
#include "core/store/StoreTypes.h"
#include "ui/chat/Composer.h"
#include "ui/chat/EmojiPicker.h"
#include "ui/chat/MessageDelegate.h"
#include "ui/chat/MessageListView.h"
#include "ui/common/Appearance.h"
#include "ui/common/TimeText.h"
#include "ui/security/SafetyNumberDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QShortcut>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace parley::ui {

using models::MessageModel;

namespace {
constexpr int HeaderAvatar = 38;
constexpr int ReadDelayMs = 300; // a message on screen this long counts as read
constexpr int ErrorShownMs = 6000;

// The reactions the menu offers first, as WhatsApp does.
const QStringList &quickReactions()
{
    static const QStringList reactions{QStringLiteral("\U0001F44D"), QStringLiteral("\u2764\uFE0F"),
                                       QStringLiteral("\U0001F602"), QStringLiteral("\U0001F62E"),
                                       QStringLiteral("\U0001F622"), QStringLiteral("\U0001F64F")};
    return reactions;
}

} // namespace

ChatView::ChatView(Account &account, QWidget *parent)
    : QWidget(parent)
    , m_account(account)
{
    m_list = new MessageListView(this);
    m_list->setObjectName(QStringLiteral("messageList"));
    m_list->setAutoFillBackground(true);

    m_composer = new Composer(this);
    m_composer->setObjectName(QStringLiteral("composer"));
    m_sendButton = new QToolButton(this);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setText(tr("Send"));
    m_sendButton->setToolTip(tr("Send (Enter)"));
    m_sendButton->setEnabled(false);
    m_emojiButton = new QToolButton(this);
    m_emojiButton->setObjectName(QStringLiteral("emojiButton"));
    m_emojiButton->setText(QStringLiteral("😊"));
    m_emojiButton->setToolTip(tr("Emoji"));
    m_emojiButton->setAutoRaise(true);
    appearance::preferColourEmoji(m_emojiButton);
    QFont emojiFont = m_emojiButton->font();
    emojiFont.setPointSizeF(emojiFont.pointSizeF() * 1.5);
    m_emojiButton->setFont(emojiFont);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("chatError"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *inputRow = new QHBoxLayout;
    inputRow->setContentsMargins(8, 6, 8, 8);
    inputRow->addWidget(m_emojiButton, 0, Qt::AlignBottom);
    inputRow->addWidget(m_composer, 1);
    inputRow->addWidget(m_sendButton, 0, Qt::AlignBottom);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createHeader());
    layout->addWidget(m_list, 1);
    layout->addWidget(m_error);
    layout->addWidget(createReplyBar());
    layout->addLayout(inputRow);

    connect(m_composer, &Composer::submitted, this, &ChatView::submit);
    connect(m_composer, &Composer::editLastRequested, this, &ChatView::editLast);
    // Esc anywhere in the chat: first it cancels a reply or an edit, then it closes the chat.
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        if (!cancelReplyOrEdit())
            Q_EMIT closeRequested();
    });
    connect(m_composer, &QPlainTextEdit::textChanged, this, [this] {
        const bool writing = !m_composer->text().trimmed().isEmpty();
        m_sendButton->setEnabled(writing);
        if (!m_peerUserId.isEmpty() && m_mode != Mode::Editing)
            m_account.live().setTyping(m_peerUserId, writing);
    });
    connect(m_emojiButton, &QToolButton::clicked, this, &ChatView::showEmojiPicker);
    connect(m_sendButton, &QToolButton::clicked, this, [this] {
        const QString text = m_composer->text().trimmed();
        if (!text.isEmpty())
            submit(text);
    });
    connect(m_list, &MessageListView::linkActivated, this,
            [](const QString &link) { QDesktopServices::openUrl(QUrl(link)); });
    connect(m_list, &MessageListView::quoteActivated, this, &ChatView::jumpToQuote);
    connect(m_list, &MessageListView::retryRequested, this, [this](const QModelIndex &index) {
        m_account.outbox().retry(index.data(MessageModel::RowIdRole).toLongLong());
    });
    connect(m_list, &MessageListView::menuRequested, this, &ChatView::showMenu);
    // The only line that opens something is "security code changed" (MessageDelegate).
    connect(m_list, &MessageListView::systemLineActivated, this, &ChatView::showSafetyNumber);
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (m_list->isAtBottom())
            m_readTimer.start();
    });

    m_readTimer.setSingleShot(true);
    m_readTimer.setInterval(ReadDelayMs);
    connect(&m_readTimer, &QTimer::timeout, this, &ChatView::markReadIfSeen);
    m_errorTimer.setSingleShot(true);
    m_errorTimer.setInterval(ErrorShownMs);
    connect(&m_errorTimer, &QTimer::timeout, m_error, &QLabel::hide);

    sync::LiveStatus &live = m_account.live();
    connect(&live, &sync::LiveStatus::typingChanged, this,
            [this](const QString &peer, bool typing) {
                if (peer != m_peerUserId)
                    return;
                m_peerTyping = typing;
                showSubtitle();
            });
    connect(&live, &sync::LiveStatus::presenceChanged, this,
            [this](const protocol::UserStatus &status) {
                if (status.userId == m_peerUserId)
                    showPresence(status);
            });
    sync::Outbox &outbox = m_account.outbox();
    // Only what went wrong in this chat shows here.
    connect(&outbox, &sync::Outbox::sendFailed, this,
            [this](const QString &messageId, const protocol::Error &error) {
                if (m_model && m_model->rowOfMessage(QString(), messageId) >= 0)
                    showError(error.message);
            });
    connect(&outbox, &sync::Outbox::deleteFailed, this,
            [this](qint64 rowId, const protocol::Error &error) {
                if (modelRowOf(rowId) >= 0)
                    showError(error.message);
            });
}

QWidget *ChatView::createHeader()
{
    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("chatHeader"));
    header->setAutoFillBackground(true);
    m_avatar = new QLabel(header);
    m_avatar->setFixedSize(HeaderAvatar, HeaderAvatar);
    m_name = new QLabel(header);
    m_name->setObjectName(QStringLiteral("chatTitle"));
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle = new QLabel(header);
    m_subtitle->setObjectName(QStringLiteral("chatSubtitle"));
    auto *names = new QVBoxLayout;
    names->setSpacing(0);
    names->addWidget(m_name);
    names->addWidget(m_subtitle);
    auto *menuButton = new QToolButton(header);
    menuButton->setObjectName(QStringLiteral("chatMenuButton"));
    menuButton->setText(QStringLiteral("⋮"));
    menuButton->setToolTip(tr("Chat options"));
    menuButton->setAutoRaise(true);
    QFont dots = menuButton->font();
    dots.setPointSizeF(dots.pointSizeF() * 1.5);
    dots.setBold(true);
    menuButton->setFont(dots);
    // The menu pops up on click (a QToolButton menu would draw an arrow beside the dots).
    auto *menu = new QMenu(menuButton);
    menu->setObjectName(QStringLiteral("chatMenu"));
    QAction *verify = menu->addAction(tr("Verify security code…"));
    verify->setObjectName(QStringLiteral("verifySecurityCode"));
    connect(verify, &QAction::triggered, this, &ChatView::showSafetyNumber);
    connect(menuButton, &QToolButton::clicked, menu, [menu, menuButton] {
        menu->popup(menuButton->mapToGlobal(QPoint(0, menuButton->height())));
    });
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->addWidget(m_avatar);
    layout->addLayout(names, 1);
    layout->addWidget(menuButton);
    return header;
}

SafetyNumberDialog *ChatView::showSafetyNumber()
{
    if (m_peerUserId.isEmpty())
        return nullptr;
    auto *dialog = new SafetyNumberDialog(m_account, m_peerUserId, m_title, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QWidget *ChatView::createReplyBar()
{
    m_replyBar = new QWidget(this);
    m_replyBar->setObjectName(QStringLiteral("replyBar"));
    m_replyTitle = new QLabel(m_replyBar);
    m_replyTitle->setObjectName(QStringLiteral("replyTitle"));
    QFont bold = m_replyTitle->font();
    bold.setBold(true);
    m_replyTitle->setFont(bold);
    m_replyText = new QLabel(m_replyBar);
    m_replyText->setObjectName(QStringLiteral("replyText"));
    auto *cancel = new QToolButton(m_replyBar);
    cancel->setObjectName(QStringLiteral("cancelReply"));
    cancel->setText(QStringLiteral("\u2715"));
    cancel->setToolTip(tr("Cancel (Esc)"));
    cancel->setAutoRaise(true);
    connect(cancel, &QToolButton::clicked, this, &ChatView::cancelReplyOrEdit);
    auto *texts = new QVBoxLayout;
    texts->setSpacing(0);
    texts->addWidget(m_replyTitle);
    texts->addWidget(m_replyText);
    auto *layout = new QHBoxLayout(m_replyBar);
    layout->setContentsMargins(12, 6, 8, 0);
    layout->addLayout(texts, 1);
    layout->addWidget(cancel, 0, Qt::AlignTop);
    m_replyBar->hide();
    return m_replyBar;
}

void ChatView::open(qint64 chatId, const QString &peerUserId, const QString &title, int unreadCount)
{
    if (chatId == m_chatId) {
        // Shown again (after Esc, or from the list): what is on screen is read now.
        if (title != m_title)
            setTitle(title);
        m_composer->setFocus();
        m_readTimer.start();
        return;
    }
    if (!m_peerUserId.isEmpty())
        m_account.live().setTyping(m_peerUserId, false);
    cancelReplyOrEdit();
    m_composer->clear();
    m_error->hide();
    m_chatId = chatId;
    m_peerUserId = peerUserId;
    m_unreadAtOpen = unreadCount;
    m_dividerPages = 0;
    m_jumped = false;
    m_peerTyping = m_account.live().isTyping(peerUserId);
    m_presenceText.clear();

    m_list->setMessageModel(nullptr); // before the old model goes
    delete m_model;
    m_model = new MessageModel(m_account.store(), m_account.mailbox(), m_account.outbox(), chatId,
                               this);
    m_list->messageDelegate()->setUnreadDivider(0, 0);
    m_list->setMessageModel(m_model);
    setTitle(title);
    connect(m_model, &MessageModel::pageLoaded, this, [this] {
        if (m_unreadAtOpen > 0)
            placeUnreadDivider();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });

    showSubtitle();
    m_account.live().status(peerUserId, this, [this, peerUserId](auto status) {
        if (status && peerUserId == m_peerUserId)
            showPresence(status.value());
    });
    m_account.cards().refresh(peerUserId);
    m_composer->setFocus();
    m_readTimer.start();
}

void ChatView::setTitle(const QString &title)
{
    m_title = title;
    m_name->setText(title);
    m_avatar->setPixmap(
        appearance::avatarPixmap(title, m_peerUserId, HeaderAvatar, devicePixelRatioF()));
    m_list->messageDelegate()->setPeerName(title);
    m_list->viewport()->update();
}

void ChatView::placeUnreadDivider()
{
    // Above the oldest of the last `m_unreadAtOpen` incoming messages, once they are loaded.
    int remaining = m_unreadAtOpen;
    for (int row = m_model->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = m_model->index(row);
        if (index.data(MessageModel::OutgoingRole).toBool()
            || !index.data(MessageModel::SystemEventRole).toString().isEmpty())
            continue;
        if (--remaining > 0)
            continue;
        m_list->messageDelegate()->setUnreadDivider(
            index.data(MessageModel::RowIdRole).toLongLong(), m_unreadAtOpen);
        m_unreadAtOpen = 0;
        // Not when the view was taken elsewhere meanwhile (a search hit, a quote).
        if (!m_jumped) {
            m_list->doItemsLayout();
            m_list->scrollTo(m_list->viewIndex(row), QAbstractItemView::PositionAtTop);
        }
        return;
    }
    // Not all loaded yet: older pages are read until it can be placed (bounded), else it goes
    // above the oldest message loaded.
    constexpr int MaxPagesForDivider = 20;
    if (m_model->canFetchMore({}) && ++m_dividerPages <= MaxPagesForDivider) {
        m_model->fetchMore({});
        return;
    }
    if (m_model->rowCount() > 0)
        m_list->messageDelegate()->setUnreadDivider(
            m_model->index(0).data(MessageModel::RowIdRole).toLongLong(), m_unreadAtOpen);
    m_unreadAtOpen = 0; // given up: later pages place nothing
}

void ChatView::onRowsInserted(int first, int last)
{
    bool incoming = false;
    for (int row = first; row <= last; ++row) {
        if (!m_model->index(row).data(MessageModel::OutgoingRole).toBool())
            incoming = true;
    }
    if (incoming && m_list->isAtBottom())
        m_readTimer.start();
}

void ChatView::windowActivated()
{
    m_readTimer.start();
}

void ChatView::markReadIfSeen()
{
    if (m_chatId == 0 || !isVisible() || !window()->isActiveWindow() || !m_list->isAtBottom())
        return;
    m_account.outbox().markRead(m_chatId);
}

void ChatView::showPresence(const protocol::UserStatus &status)
{
    if (status.online)
        m_presenceText = tr("online");
    else if (status.lastSeen)
        m_presenceText = timetext::lastSeen(QDateTime::fromMSecsSinceEpoch(*status.lastSeen),
                                            QDateTime::currentDateTime());
    else
        m_presenceText.clear();
    showSubtitle();
}

void ChatView::showSubtitle()
{
    m_subtitle->setText(m_peerTyping ? tr("typing…") : m_presenceText);
    QPalette palette = m_subtitle->palette();
    palette.setColor(QPalette::WindowText,
                     m_peerTyping ? appearance::accent(this->palette())
                                  : appearance::secondaryText(this->palette()));
    m_subtitle->setPalette(palette);
}

void ChatView::submit(const QString &text)
{
    if (m_peerUserId.isEmpty())
        return;
    sync::Outbox &outbox = m_account.outbox();
    switch (m_mode) {
    case Mode::Writing:
        outbox.sendText(m_peerUserId, text);
        break;
    case Mode::Replying:
        outbox.reply(m_targetRow, text);
        break;
    case Mode::Editing:
        outbox.edit(m_targetRow, text);
        break;
    }
    const bool edited = m_mode == Mode::Editing;
    cancelReplyOrEdit();
    m_composer->clear();
    m_account.live().setTyping(m_peerUserId, false);
    if (!edited)
        m_list->scrollToNewest();
}

bool ChatView::cancelReplyOrEdit()
{
    if (m_mode == Mode::Writing)
        return false;
    if (m_mode == Mode::Editing)
        m_composer->clear();
    m_mode = Mode::Writing;
    m_targetRow = 0;
    m_replyBar->hide();
    return true;
}

void ChatView::replyTo(int row)
{
    const QModelIndex index = m_model->index(row);
    if (!index.isValid())
        return;
    m_mode = Mode::Replying;
    m_targetRow = index.data(MessageModel::RowIdRole).toLongLong();
    m_replyTitle->setText(index.data(MessageModel::OutgoingRole).toBool()
                              ? tr("Replying to yourself")
                              : tr("Replying to %1").arg(m_title));
    m_replyText->setText(m_replyText->fontMetrics().elidedText(
        index.data(MessageModel::BodyRole).toString().simplified(), Qt::ElideRight,
        qMax(100, width() - 80)));
    m_replyBar->show();
    m_composer->setFocus();
}

void ChatView::startEdit(int row)
{
    const QModelIndex index = m_model->index(row);
    if (!index.isValid())
        return;
    m_mode = Mode::Editing;
    m_targetRow = index.data(MessageModel::RowIdRole).toLongLong();
    m_replyTitle->setText(tr("Editing message"));
    const QString body = index.data(MessageModel::BodyRole).toString();
    m_replyText->setText(m_replyText->fontMetrics().elidedText(body.simplified(), Qt::ElideRight,
                                                               qMax(100, width() - 80)));
    m_replyBar->show();
    m_composer->setPlainText(body);
    m_composer->moveCursor(QTextCursor::End);
    m_composer->setFocus();
}

void ChatView::editLast()
{
    // Up in an empty box: your newest message that can be edited.
    for (int row = m_model ? m_model->rowCount() - 1 : -1; row >= 0; --row) {
        const QModelIndex index = m_model->index(row);
        if (index.data(MessageModel::OutgoingRole).toBool()
            && !index.data(MessageModel::DeletedRole).toBool()
            && index.data(MessageModel::SystemEventRole).toString().isEmpty()) {
            startEdit(row);
            return;
        }
    }
}

void ChatView::react(int row, const QString &emoji)
{
    const QModelIndex index = m_model->index(row);
    if (index.isValid())
        m_account.outbox().react(index.data(MessageModel::RowIdRole).toLongLong(), emoji);
}

void ChatView::showEmojiPicker()
{
    if (!m_emojiPicker) {
        m_emojiPicker = new EmojiPicker(this);
        connect(m_emojiPicker, &EmojiPicker::picked, this, [this](const QString &emoji) {
            m_composer->insertPlainText(emoji);
            m_composer->setFocus();
        });
    }
    m_emojiPicker->popUpAbove(m_emojiButton->mapToGlobal(QPoint(0, 0)));
}

void ChatView::copyText(int row)
{
    const QModelIndex index = m_model->index(row);
    if (!index.isValid())
        return;
    // The part selected in it, else the whole message.
    const QString selected = m_list->selectedText(row);
    QApplication::clipboard()->setText(
        selected.isEmpty() ? index.data(MessageModel::BodyRole).toString() : selected);
}

void ChatView::deleteForMe(int row)
{
    const QModelIndex index = m_model->index(row);
    if (index.isValid())
        m_account.outbox().deleteForMe(index.data(MessageModel::RowIdRole).toLongLong());
}

void ChatView::deleteForEveryone(int row)
{
    const QModelIndex index = m_model->index(row);
    if (index.isValid())
        m_account.outbox().deleteForEveryone(index.data(MessageModel::RowIdRole).toLongLong());
}

void ChatView::showMenu(const QModelIndex &index, const QPoint &globalPos)
{
    // The message by its store row: older pages put above it while the menu is open move its
    // model row, never its store row.
    const qint64 rowId = index.data(MessageModel::RowIdRole).toLongLong();
    const bool outgoing = index.data(MessageModel::OutgoingRole).toBool();
    const bool deleted = index.data(MessageModel::DeletedRole).toBool();
    const bool undecryptable = index.data(MessageModel::UndecryptableRole).toBool();
    const int status = index.data(MessageModel::StatusRole).toInt();
    const bool sent = status != int(store::MessageStatus::Pending)
        && status != int(store::MessageStatus::Failed);
    const auto onMessage = [this, rowId](void (ChatView::*action)(int)) {
        return [this, rowId, action] {
            if (const int row = modelRowOf(rowId); row >= 0)
                (this->*action)(row);
        };
    };
    // On the heap and not modal: it goes with the view (a sign-out while it is open deletes
    // both), and it never runs a nested event loop.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (!deleted && !undecryptable) {
        menu->addAction(tr("Reply"), this, onMessage(&ChatView::replyTo));
        menu->addAction(tr("Copy"), this, onMessage(&ChatView::copyText));
        if (outgoing)
            menu->addAction(tr("Edit"), this, onMessage(&ChatView::startEdit));
        QMenu *reactions = menu->addMenu(tr("React"));
        for (const QString &emoji : quickReactions()) {
            reactions->addAction(emoji, this, [this, rowId, emoji] {
                if (const int row = modelRowOf(rowId); row >= 0)
                    react(row, emoji);
            });
        }
        reactions->addSeparator();
        reactions->addAction(tr("Remove my reaction"), this, [this, rowId] {
            if (const int row = modelRowOf(rowId); row >= 0)
                react(row, QString());
        });
    }
    if (status == int(store::MessageStatus::Failed) && outgoing)
        menu->addAction(tr("Retry"), this, [this, rowId] { m_account.outbox().retry(rowId); });
    menu->addSeparator();
    menu->addAction(tr("Delete for me"), this, onMessage(&ChatView::deleteForMe));
    if (outgoing && sent && !deleted)
        menu->addAction(tr("Delete for everyone"), this, onMessage(&ChatView::deleteForEveryone));
    menu->popup(globalPos);
}

int ChatView::modelRowOf(qint64 rowId) const
{
    return m_model ? m_model->rowOfStoreRow(rowId) : -1;
}

void ChatView::jumpToQuote(const QModelIndex &index)
{
    showFoundMessage(index.data(MessageModel::ReplyToSenderRole).toString(),
                     index.data(MessageModel::ReplyToMessageIdRole).toString());
}

void ChatView::showFoundMessage(const QString &sender, const QString &messageId)
{
    if (!m_model)
        return;
    m_jumped = true;
    QPointer<MessageListView> list = m_list;
    m_model->loadUntil(sender, messageId, [this, list](int row) {
        if (!list)
            return;
        if (row < 0) {
            showError(tr("The original message is not on this device."));
            return;
        }
        list->showMessage(row);
    });
}

void ChatView::showError(const QString &message)
{
    m_error->setContentsMargins(12, 4, 12, 4);
    appearance::showFailure(m_error, message);
    m_errorTimer.start();
}

} // namespace parley::ui
