#include "ui/chat/ChatsPage.h"

#include "core/account/Account.h"
#include "core/models/ChatListModel.h"
#include "core/models/SearchModel.h"
#include "core/protocol/ChatPayloads.h"
#include "ui/chat/ChatListDelegate.h"
#include "ui/chat/ChatListView.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/SearchHitDelegate.h"
#include "ui/common/Appearance.h"
#include "ui/contacts/NewChatDialog.h"
#include "ui/settings/SettingsDialog.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace parley::ui {

using models::ChatListModel;

namespace {

// The list's share of a freshly opened window; the user can drag the splitter.
constexpr int ChatListWidth = 300;
constexpr int ChatListMinimumWidth = 220;
constexpr qint64 HourMs = 60 * 60 * 1000;
const QString SplitterKey = QStringLiteral("window/splitter");

// The last open chat of an account, opened again at the next start.
QString lastChatKey(const QString &userId)
{
    return QStringLiteral("accounts/%1/lastChat").arg(userId);
}

// The chats the list shows: the archived ones or the others, and while searching only those
// whose name or number holds the text. The model's order (pinned, then recent) is kept.
class ChatFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setArchived(bool archived)
    {
        m_archived = archived;
        invalidateFilter();
    }
    void setText(const QString &text)
    {
        m_text = text.trimmed();
        invalidateFilter();
    }
    bool isSearching() const { return !m_text.isEmpty(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (!m_text.isEmpty()) {
            // A search looks through every chat, archived ones too.
            return index.data(ChatListModel::TitleRole)
                       .toString()
                       .contains(m_text, Qt::CaseInsensitive)
                || index.data(ChatListModel::PeerPhoneRole)
                       .toString()
                       .remove(u' ')
                       .contains(QString(m_text).remove(u' '));
        }
        return index.data(ChatListModel::ArchivedRole).toBool() == m_archived;
    }

private:
    bool m_archived = false;
    QString m_text;
};

} // namespace

ChatsPage::ChatsPage(QWidget *parent)
    : QWidget(parent)
{
    m_noChat = new QLabel(tr("Select a chat to start messaging"), this);
    m_noChat->setObjectName(QStringLiteral("noChatSelected"));
    static_cast<QLabel *>(m_noChat)->setAlignment(Qt::AlignCenter);
    static_cast<QLabel *>(m_noChat)->setWordWrap(true);
    m_noChat->setForegroundRole(QPalette::PlaceholderText);
    m_right = new QStackedWidget(this);
    m_right->setObjectName(QStringLiteral("chatArea"));
    m_right->addWidget(m_noChat);

    auto *splitter = m_splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("chatsSplitter"));
    splitter->addWidget(createListPanel());
    splitter->addWidget(m_right);
    splitter->setChildrenCollapsible(false);
    // Extra width goes to the conversation, not to the list.
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ChatListWidth, 3 * ChatListWidth});
    splitter->restoreState(QSettings().value(SplitterKey).toByteArray());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

QWidget *ChatsPage::createListPanel()
{
    auto *panel = new QWidget(this);
    panel->setMinimumWidth(ChatListMinimumWidth);
    m_search = new QLineEdit(panel);
    m_search->setObjectName(QStringLiteral("chatSearch"));
    m_search->setPlaceholderText(tr("Search chats and messages"));
    appearance::addClearButton(m_search);
    m_newChat = new QToolButton(panel);
    m_newChat->setObjectName(QStringLiteral("newChatButton"));
    m_newChat->setText(tr("New chat"));
    m_newChat->setToolTip(tr("New chat (Ctrl+N)"));
    m_newChat->setEnabled(false);
    m_settingsButton = new QToolButton(panel);
    m_settingsButton->setObjectName(QStringLiteral("settingsButton"));
    m_settingsButton->setText(tr("Settings"));
    m_settingsButton->setToolTip(tr("Settings (Ctrl+,)"));
    m_settingsButton->setEnabled(false);
    connect(m_settingsButton, &QToolButton::clicked, this, &ChatsPage::openSettings);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(8, 8, 8, 4);
    top->addWidget(m_search, 1);
    top->addWidget(m_newChat);
    top->addWidget(m_settingsButton);

    m_archiveButton = new QToolButton(panel);
    m_archiveButton->setObjectName(QStringLiteral("archiveButton"));
    m_archiveButton->setAutoRaise(true);
    m_archiveButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_archiveButton->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_archiveButton->hide();
    connect(m_archiveButton, &QToolButton::clicked, this, [this] { showArchived(!m_archived); });

    m_chatList = new ChatListView(panel);
    m_chatList->setObjectName(QStringLiteral("chatList"));
    m_chatList->setPlaceholderText(tr("No chats yet. Start one with \"New chat\"."));
    m_chatList->setItemDelegate(new ChatListDelegate(m_chatList));
    m_chatList->setContextMenuPolicy(Qt::CustomContextMenu);
    m_chatList->setFrameShape(QFrame::NoFrame);
    connect(m_chatList, &QWidget::customContextMenuRequested, this, &ChatsPage::showChatMenu);
    connect(m_chatList, &QAbstractItemView::clicked, this, &ChatsPage::openIndex);
    connect(m_chatList, &QAbstractItemView::activated, this, &ChatsPage::openIndex);

    m_hitsLabel = new QLabel(tr("Messages"), panel);
    m_hitsLabel->setObjectName(QStringLiteral("messagesFoundLabel"));
    m_hitsLabel->setContentsMargins(10, 6, 10, 2);
    m_hits = new QListView(panel);
    m_hits->setObjectName(QStringLiteral("messageHits"));
    m_hits->setFrameShape(QFrame::NoFrame);
    m_hits->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_hits->setUniformItemSizes(true);
    m_hitDelegate = new SearchHitDelegate(m_hits);
    m_hits->setItemDelegate(m_hitDelegate);
    connect(m_hits, &QAbstractItemView::clicked, this, &ChatsPage::openHit);
    connect(m_hits, &QAbstractItemView::activated, this, &ChatsPage::openHit);
    m_hitsLabel->hide();
    m_hits->hide();

    connect(m_search, &QLineEdit::textChanged, this, &ChatsPage::onSearchChanged);
    connect(m_newChat, &QToolButton::clicked, this, &ChatsPage::startNewChat);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_archiveButton);
    layout->addWidget(m_chatList, 1);
    layout->addWidget(m_hitsLabel);
    layout->addWidget(m_hits, 1);
    return panel;
}

void ChatsPage::setAccount(Account &account)
{
    clearAccount();
    m_account = &account;
    // The models live and die with the account; the views let go of them when it goes.
    m_chats = new ChatListModel(account.store(), account.mailbox(), account.outbox(), &account);
    m_searchModel = new models::SearchModel(account.store(), &account);
    auto *filter = new ChatFilter(&account);
    m_filter = filter;
    filter->setSourceModel(m_chats);
    filter->setDynamicSortFilter(true);
    m_chatList->setModel(filter);
    m_hits->setModel(m_searchModel);
    m_newChat->setEnabled(true);
    m_settingsButton->setEnabled(true);

    m_chatView = new ChatView(account, this);
    m_chatView->setObjectName(QStringLiteral("chatView"));
    m_right->addWidget(m_chatView);
    connect(m_chatView, &ChatView::closeRequested, this, &ChatsPage::closeChat);

    connect(&account.live(), &sync::LiveStatus::typingChanged, m_chats, &ChatListModel::setTyping);
    connect(&account.cards(), &PeerCards::cardStored, m_chats, &ChatListModel::scheduleReload);
    connect(m_chats, &ChatListModel::loaded, this, [this] {
        updateArchiveButton();
        // The open chat's name may have changed (a card came).
        if (const qint64 open = openChatId(); open != 0) {
            const int row = m_chats->rowOfChat(open);
            const QString title = row >= 0
                ? m_chats->index(row).data(ChatListModel::TitleRole).toString()
                : QString();
            if (row >= 0 && title != m_chatView->title())
                m_chatView->setTitle(title);
        }
        Q_EMIT unreadChanged(totalUnread());
    });
    // The chat open when the app last closed, once the list has it.
    const QString userId = account.session().userId;
    const qint64 lastChat = QSettings().value(lastChatKey(userId)).toLongLong();
    if (lastChat > 0) {
        auto restore = std::make_shared<QMetaObject::Connection>();
        *restore = connect(m_chats, &ChatListModel::loaded, this, [this, lastChat, restore] {
            disconnect(*restore);
            if (openChatId() == 0)
                openChat(lastChat);
        });
    }
    connect(this, &ChatsPage::chatOpened, &account,
            [userId](qint64 chatId) { QSettings().setValue(lastChatKey(userId), chatId); });
    connect(m_searchModel, &models::SearchModel::searched, this, [this] {
        m_hitDelegate->setTerms(m_searchModel->terms());
        m_hits->viewport()->update();
    });
}

void ChatsPage::clearAccount()
{
    // A dialog working on the account goes with it.
    if (m_dialog) {
        m_dialog->reject();
        if (m_dialog && m_dialog->testAttribute(Qt::WA_DeleteOnClose))
            m_dialog->deleteLater();
    }
    closeChat();
    if (m_chatView) {
        m_right->removeWidget(m_chatView);
        delete m_chatView;
        m_chatView = nullptr;
    }
    m_chatList->setModel(nullptr);
    m_hits->setModel(nullptr);
    m_account = nullptr;
    m_chats = nullptr;
    m_searchModel = nullptr;
    m_filter = nullptr;
    m_newChat->setEnabled(false);
    m_settingsButton->setEnabled(false);
    m_search->clear();
}

void ChatsPage::openIndex(const QModelIndex &proxyIndex)
{
    if (proxyIndex.isValid())
        openChat(proxyIndex.data(ChatListModel::ChatIdRole).toLongLong());
}

bool ChatsPage::openChat(qint64 chatId)
{
    if (!m_chats || !m_chatView)
        return false;
    const int row = m_chats->rowOfChat(chatId);
    if (row < 0)
        return false;
    const QModelIndex chat = m_chats->index(row);
    // Selected in the list when the list shows it (not while a search or the archive hides it).
    const QModelIndex shown = m_filter->mapFromSource(chat);
    if (shown.isValid())
        m_chatList->setCurrentIndex(shown);
    else
        m_chatList->clearSelection();
    m_chatView->open(chatId, chat.data(ChatListModel::PeerUserIdRole).toString(),
                     chat.data(ChatListModel::TitleRole).toString(),
                     chat.data(ChatListModel::UnreadCountRole).toInt());
    m_right->setCurrentWidget(m_chatView);
    Q_EMIT chatOpened(chatId);
    return true;
}

void ChatsPage::saveState() const
{
    QSettings settings;
    settings.setValue(SplitterKey, m_splitter->saveState());
    if (m_account && openChatId() == 0)
        settings.remove(lastChatKey(m_account->session().userId));
}

void ChatsPage::closeChat()
{
    // The keyboard goes back to the list, not to nowhere.
    if (m_right && m_right->currentWidget() != m_noChat && isVisible())
        m_chatList->setFocus();
    if (m_right)
        m_right->setCurrentWidget(m_noChat);
    if (m_chatList->selectionModel())
        m_chatList->selectionModel()->clearSelection();
}

qint64 ChatsPage::openChatId() const
{
    return m_chatView && m_right->currentWidget() == m_chatView ? m_chatView->chatId() : 0;
}

void ChatsPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void ChatsPage::startNewChat()
{
    if (!m_account)
        return;
    QPointer<Account> account = m_account;
    NewChatDialog dialog(m_account->users(), m_account->contactBook(), m_account->session().userId,
                         this);
    dialog.setObjectName(QStringLiteral("newChatDialog"));
    m_dialog = &dialog; // closed by clearAccount() if the account ends meanwhile
    const int result = dialog.exec();
    if (result != QDialog::Accepted || !account || account != m_account)
        return;
    const store::PeerCard card = dialog.chosen();
    m_account->cards().startChat(card, this, [this](protocol::Result<qint64> chatId) {
        if (!chatId || !m_chats)
            return;
        const qint64 id = chatId.value();
        // The list shows the new chat after its next read.
        auto opened = std::make_shared<QMetaObject::Connection>();
        *opened = connect(m_chats, &ChatListModel::loaded, this, [this, id, opened] {
            if (openChat(id))
                disconnect(*opened);
        });
        m_chats->reload();
    });
}

void ChatsPage::openSettings()
{
    if (!m_account)
        return;
    auto *dialog = new SettingsDialog(*m_account, this);
    dialog->setObjectName(QStringLiteral("settingsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    Account *account = m_account;
    connect(dialog, &SettingsDialog::logOutRequested, account, &Account::logOut);
    dialog->open();
}

void ChatsPage::openNthChat(int n)
{
    if (!m_filter || n < 1 || n > m_filter->rowCount())
        return;
    openIndex(m_filter->index(n - 1, 0));
}

void ChatsPage::openAdjacentChat(int delta)
{
    if (!m_filter || m_filter->rowCount() == 0)
        return;
    int row = m_chatList->currentIndex().isValid() && openChatId() != 0
        ? m_chatList->currentIndex().row() + delta
        : (delta > 0 ? 0 : m_filter->rowCount() - 1);
    row = qBound(0, row, m_filter->rowCount() - 1);
    openIndex(m_filter->index(row, 0));
}

void ChatsPage::showArchived(bool archived)
{
    m_archived = archived;
    if (auto *filter = static_cast<ChatFilter *>(m_filter))
        filter->setArchived(archived);
    updateArchiveButton();
}

void ChatsPage::updateArchiveButton()
{
    if (!m_chats)
        return;
    int archived = 0;
    for (int row = 0; row < m_chats->rowCount(); ++row)
        archived += m_chats->index(row).data(ChatListModel::ArchivedRole).toBool() ? 1 : 0;
    if (m_archived && archived == 0) {
        m_archived = false;
        static_cast<ChatFilter *>(m_filter)->setArchived(false);
    }
    m_archiveButton->setText(m_archived ? tr("← Back to chats")
                                        : tr("Archived (%1)").arg(archived));
    m_archiveButton->setVisible((archived > 0 || m_archived) && m_search->text().isEmpty());
}

int ChatsPage::totalUnread() const
{
    if (!m_chats)
        return 0;
    int total = 0;
    for (int row = 0; row < m_chats->rowCount(); ++row) {
        const QModelIndex index = m_chats->index(row);
        if (!index.data(ChatListModel::MutedRole).toBool())
            total += index.data(ChatListModel::UnreadCountRole).toInt();
    }
    return total;
}

void ChatsPage::onSearchChanged(const QString &text)
{
    if (!m_filter)
        return;
    static_cast<ChatFilter *>(m_filter)->setText(text);
    m_searchModel->setQuery(text);
    const bool searching = !text.trimmed().isEmpty();
    m_hitsLabel->setVisible(searching);
    m_hits->setVisible(searching);
    updateArchiveButton();
}

void ChatsPage::openHit(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    // The search stays, as in Telegram: the next hit is one click away.
    const QString sender = index.data(models::SearchModel::SenderUserIdRole).toString();
    const QString messageId = index.data(models::SearchModel::MessageIdRole).toString();
    if (openChat(index.data(models::SearchModel::ChatIdRole).toLongLong()))
        m_chatView->showFoundMessage(sender, messageId);
}

void ChatsPage::showChatMenu(const QPoint &pos)
{
    const QModelIndex index = m_chatList->indexAt(pos);
    if (!index.isValid() || !m_account)
        return;
    const qint64 chatId = index.data(ChatListModel::ChatIdRole).toLongLong();
    const bool pinned = index.data(ChatListModel::PinnedRole).toBool();
    const bool archived = index.data(ChatListModel::ArchivedRole).toBool();
    const qint64 mutedUntil = index.data(ChatListModel::MutedUntilRole).toLongLong();
    const bool muted = index.data(ChatListModel::MutedRole).toBool();
    // The account may end while the menu is open (signed out elsewhere): checked at the click.
    QPointer<sync::Outbox> outbox(&m_account->outbox());
    const auto settings = [outbox, chatId](bool pin, bool archive, qint64 until) {
        if (outbox)
            outbox->setChatSettings(chatId, pin, archive, until);
    };
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(pinned ? tr("Unpin chat") : tr("Pin chat"), this,
                    [=] { settings(!pinned, archived, mutedUntil); });
    if (muted) {
        menu->addAction(tr("Unmute"), this, [=] { settings(pinned, archived, 0); });
    } else {
        QMenu *mute = menu->addMenu(tr("Mute notifications"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        mute->addAction(tr("For 8 hours"), this,
                        [=] { settings(pinned, archived, now + 8 * HourMs); });
        mute->addAction(tr("For 1 week"), this,
                        [=] { settings(pinned, archived, now + 7 * 24 * HourMs); });
        mute->addAction(tr("Always"), this,
                        [=] { settings(pinned, archived, protocol::ChatInfo::MutedForever); });
    }
    menu->addAction(archived ? tr("Unarchive chat") : tr("Archive chat"), this,
                    [=] { settings(pinned, !archived, mutedUntil); });
    if (index.data(ChatListModel::UnreadCountRole).toInt() > 0) {
        menu->addAction(tr("Mark as read"), this, [outbox, chatId] {
            if (outbox)
                outbox->markRead(chatId);
        });
    }
    menu->addSeparator();
    menu->addAction(tr("Delete chat"), this, [this, outbox, chatId] {
        if (!outbox)
            return;
        if (openChatId() == chatId)
            closeChat();
        outbox->deleteChat(chatId);
    });
    menu->popup(m_chatList->viewport()->mapToGlobal(pos));
}

void ChatsPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_chatList)
        m_chatList->viewport()->update();
}

} // namespace parley::ui
