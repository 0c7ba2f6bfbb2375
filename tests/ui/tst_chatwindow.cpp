#include "core/account/Account.h"
#include "core/account/LoginService.h"
#include "core/models/ChatListModel.h"
#include "core/models/MessageModel.h"
#include "core/models/SearchModel.h"
#include "core/net/ApiClient.h"
#include "core/protocol/ChatPayloads.h"
#include "core/store/StoreContext.h"
#include "core/sync/DeviceDirectory.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestHttp.h"
#include "ui/chat/ChatListView.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/ChatsPage.h"
#include "ui/chat/Composer.h"
#include "ui/chat/EmojiPicker.h"
#include "ui/chat/MessageDelegate.h"
#include "ui/chat/MessageListView.h"
#include "ui/common/Language.h"
#include "ui/common/Theme.h"
#include "ui/contacts/NewChatDialog.h"
#include "ui/main/MainWindow.h"
#include "ui/main/Notifier.h"
#include "ui/security/SafetyNumberDialog.h"
#include "ui/settings/SettingsDialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>

#include <memory>

using namespace parley;
using models::ChatListModel;
using models::MessageModel;
using store::MessageStatus;

namespace {

constexpr int WaitMs = 10000;
const QString AlicePhone = QStringLiteral("+12025550181");
const QString BobPhone = QStringLiteral("+12025550182");

std::optional<store::StoredMessage> storedAt(TestClient &client, const QString &messageId,
                                             const QString &senderUserId)
{
    const store::LocalRef ref{messageId, senderUserId};
    auto found = client.account().store().runAndWait(
        [ref](store::StoreContext &store) { return store.messages().messageByRef(ref); });
    return found ? found.value() : std::nullopt;
}

} // namespace

// The desktop app's chat screens driven through their widgets, as a person would, against a
// real server on loopback: Alice uses the window, Bob is a second real client core. Screenshots
// of each screen land in ${CMAKE_BINARY_DIR}/screenshots.
// Takes the links the app opens (QDesktopServices), so a test opens no browser.
class LinkCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

class TestChatWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void aNewChatIsFoundByNumberAndTheFirstMessageGetsItsTicks();
    void theOtherPersonsNameAndTypingShowInTheHeaderAndTheList();
    void repliesEditsReactionsAndDeletionsWorkFromTheChatWindow();
    void enterSendsAndShiftEnterStartsANewLine();
    void searchFindsAMessageAndOpensItsChat();
    void partOfAMessageIsSelectedWithTheMouseAndCopied();
    void emojiArePickedFromThePanelIntoTheComposer();
    void keyboardShortcutsMoveBetweenChats();
    void contactsImportedFromAVCardShowWhoIsOnParley();
    void settingsChangeTheProfileThemeAndPrivacy();
    void aMessageNotifiesUnlessItsChatIsOpenOrMuted();
    void theNextStartOpensTheLastChatWhereTheWindowWas();
    void everyShippedLanguageLoadsAndArabicIsRightToLeft();
    void theSecurityCodeIsComparedByItsQrCodeAndMarkedVerified();
    void loggingOutEndsTheSession();

private:
    // The window, or another top-level widget (a popup is not in the window's picture).
    void saveScreenshot(const QString &fileName, QWidget *widget = nullptr);
    ui::ChatView *chatView() const { return m_window->chatsPage()->chatView(); }
    MessageModel *messages() const { return chatView()->messageList()->messageModel(); }
    int rowOfBody(const QString &body) const;
    QString sendFromWindow(const QString &text);

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<net::ApiClient> m_api;
    std::unique_ptr<LoginService> m_login;
    std::unique_ptr<ui::MainWindow> m_window;
    QTemporaryDir m_config; // QSettings of this run, not the user's
};

void TestChatWindow::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
    ui::language::apply(QStringLiteral("en")); // as main() does: English plurals
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_alice = std::make_unique<TestClient>(m_server->url());
    m_bob = std::make_unique<TestClient>(m_server->url());
    QVERIFY2(m_alice->login(*m_server, AlicePhone), qPrintable(m_alice->lastError()));
    QVERIFY2(m_bob->login(*m_server, BobPhone), qPrintable(m_bob->lastError()));
    QCOMPARE(
        TestHttp::putJson(m_server->url().resolved(QUrl(QStringLiteral("/api/v1/users/profile"))),
                          {{QStringLiteral("displayName"), QStringLiteral("Bob Builder")},
                           {QStringLiteral("about"), QStringLiteral("Can we fix it?")}},
                          m_bob->session().accessToken)
            .status,
        200);
    QVERIFY2(m_alice->startMessaging(), qPrintable(m_alice->lastError()));
    QVERIFY2(m_bob->startMessaging(), qPrintable(m_bob->lastError()));

    m_api = std::make_unique<net::ApiClient>(m_server->url());
    m_login = std::make_unique<LoginService>(*m_api, m_alice->keys(), QStringLiteral("UI test"));
    m_window = std::make_unique<ui::MainWindow>(*m_login);
    m_window->resize(1000, 680);
    m_window->showChats(m_alice->session());
    m_window->setAccount(m_alice->account());
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    saveScreenshot(QStringLiteral("chats-empty.png"));
    // The app's icon comes from the resources (an SVG: Qt's SVG plugin is there).
    QVERIFY(!m_window->windowIcon().pixmap(32, 32).isNull());
    QVERIFY(!ui::Notifier::iconWithCount(3).pixmap(32, 32).isNull());
}

void TestChatWindow::cleanupTestCase()
{
    // The window before the account it shows.
    m_window.reset();
    m_alice.reset();
    m_bob.reset();
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

void TestChatWindow::saveScreenshot(const QString &fileName, QWidget *widget)
{
    const QDir folder(QStringLiteral(PARLEY_SCREENSHOT_DIR));
    QVERIFY(folder.mkpath(QStringLiteral(".")));
    QVERIFY((widget ? widget : m_window.get())->grab().save(folder.filePath(fileName)));
}

int TestChatWindow::rowOfBody(const QString &body) const
{
    MessageModel *model = messages();
    for (int row = model ? model->rowCount() - 1 : -1; row >= 0; --row) {
        if (model->index(row).data(MessageModel::BodyRole).toString() == body)
            return row;
    }
    return -1;
}

QString TestChatWindow::sendFromWindow(const QString &text)
{
    ui::Composer *composer = chatView()->composer();
    composer->setFocus();
    QTest::keyClicks(composer, text);
    QTest::keyClick(composer, Qt::Key_Return);
    if (!QTest::qWaitFor([&] { return rowOfBody(text) >= 0; }, WaitMs))
        return {};
    return messages()->index(rowOfBody(text)).data(MessageModel::MessageIdRole).toString();
}

void TestChatWindow::aNewChatIsFoundByNumberAndTheFirstMessageGetsItsTicks()
{
    ui::ChatsPage *page = m_window->chatsPage();
    // The dialog is modal: it is driven from inside its own event loop.
    bool searched = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("peopleSearch"));
        auto *results = dialog->findChild<QListWidget *>(QStringLiteral("peopleResults"));
        QVERIFY(field && results);
        QTest::keyClicks(field, QStringLiteral("+1 202 555 0182"));
        QTRY_COMPARE_WITH_TIMEOUT(results->count(), 1, WaitMs);
        QVERIFY(results->item(0)->text().contains(QLatin1String("Bob Builder")));
        searched = true;
        m_window->grab().save(QDir(QStringLiteral(PARLEY_SCREENSHOT_DIR))
                                  .filePath(QStringLiteral("new-chat-main.png")));
        dialog->grab().save(
            QDir(QStringLiteral(PARLEY_SCREENSHOT_DIR)).filePath(QStringLiteral("new-chat.png")));
        QTest::keyClick(field, Qt::Key_Return);
    });
    page->startNewChat();
    QVERIFY(searched);
    // The offscreen platform has no window manager to give the window back its focus.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(page->openChatId() != 0, WaitMs);
    QCOMPARE(chatView()->peerUserId(), m_bob->session().userId);
    QTRY_COMPARE_WITH_TIMEOUT(chatView()->findChild<QLabel *>(QStringLiteral("chatTitle"))->text(),
                              QStringLiteral("Bob Builder"), WaitMs);

    const QString id = sendFromWindow(QStringLiteral("Hi Bob! Have a look at https://example.org"));
    QVERIFY(!id.isEmpty());
    const int row = rowOfBody(QStringLiteral("Hi Bob! Have a look at https://example.org"));
    const QModelIndex index = messages()->index(row);
    QVERIFY(index.data(MessageModel::OutgoingRole).toBool());
    // Sent, then delivered once Bob's device has it, then read once Bob reads it.
    QTRY_VERIFY_WITH_TIMEOUT(
        index.data(MessageModel::StatusRole).toInt() >= int(MessageStatus::Delivered), WaitMs);
    const auto atBob = storedAt(*m_bob, id, m_alice->session().userId);
    QVERIFY(atBob);
    QCOMPARE(atBob->body, QStringLiteral("Hi Bob! Have a look at https://example.org"));
    saveScreenshot(QStringLiteral("chat-delivered.png"));
    m_bob->outbox().markRead(atBob->chatId);
    QTRY_COMPARE_WITH_TIMEOUT(messages()->index(row).data(MessageModel::StatusRole).toInt(),
                              int(MessageStatus::Read), WaitMs);
    // The chat list shows the chat with the last message and its ticks.
    ChatListModel *chats = page->chatModel();
    QCOMPARE(chats->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(chats->index(0).data(ChatListModel::LastMessageStatusRole).toInt(),
                              int(MessageStatus::Read), WaitMs);
    QCOMPARE(chats->index(0).data(ChatListModel::TitleRole).toString(),
             QStringLiteral("Bob Builder"));
    saveScreenshot(QStringLiteral("chat-read.png"));
}

void TestChatWindow::theOtherPersonsNameAndTypingShowInTheHeaderAndTheList()
{
    auto *subtitle = chatView()->findChild<QLabel *>(QStringLiteral("chatSubtitle"));
    QVERIFY(subtitle);
    // Bob is connected: online.
    QTRY_COMPARE_WITH_TIMEOUT(subtitle->text(), QStringLiteral("online"), WaitMs);
    m_bob->account().live().setTyping(m_alice->session().userId, true);
    QTRY_COMPARE_WITH_TIMEOUT(subtitle->text(), QStringLiteral("typing…"), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->chatsPage()->chatModel()->index(0).data(ChatListModel::TypingRole).toBool(),
        WaitMs);
    saveScreenshot(QStringLiteral("chat-typing.png"));
    // A message ends the typing.
    m_bob->outbox().sendText(m_alice->session().userId, QStringLiteral("Yes, looking now"));
    QTRY_VERIFY_WITH_TIMEOUT(rowOfBody(QStringLiteral("Yes, looking now")) >= 0, WaitMs);
    // On screen in the active window: read, and Bob sees it read.
    QTRY_COMPARE_WITH_TIMEOUT(
        m_window->chatsPage()->chatModel()->index(0).data(ChatListModel::UnreadCountRole).toInt(),
        0, WaitMs);
    m_bob->account().live().setTyping(m_alice->session().userId, false);
    QTRY_COMPARE_WITH_TIMEOUT(subtitle->text(), QStringLiteral("online"), WaitMs);
}

void TestChatWindow::repliesEditsReactionsAndDeletionsWorkFromTheChatWindow()
{
    const QString alice = m_alice->session().userId;
    const QString bob = m_bob->session().userId;
    // Alice replies to Bob's message.
    const int bobsRow = rowOfBody(QStringLiteral("Yes, looking now"));
    QVERIFY(bobsRow >= 0);
    const QString bobsId = messages()->index(bobsRow).data(MessageModel::MessageIdRole).toString();
    chatView()->replyTo(bobsRow);
    QVERIFY(chatView()->findChild<QWidget *>(QStringLiteral("replyBar"))->isVisible());
    const QString replyId = sendFromWindow(QStringLiteral("Great, tell me what you think"));
    QVERIFY(!replyId.isEmpty());
    const QModelIndex reply
        = messages()->index(rowOfBody(QStringLiteral("Great, tell me what you think")));
    QCOMPARE(reply.data(MessageModel::ReplyToMessageIdRole).toString(), bobsId);
    QCOMPARE(reply.data(MessageModel::ReplyPreviewRole).toString(),
             QStringLiteral("Yes, looking now"));
    QVERIFY(!chatView()->findChild<QWidget *>(QStringLiteral("replyBar"))->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(storedAt(*m_bob, replyId, alice).has_value(), WaitMs);
    QCOMPARE(storedAt(*m_bob, replyId, alice)->replyTo->messageId, bobsId);

    // Alice edits her reply: Up in the empty box edits the last message.
    QTest::keyClick(chatView()->composer(), Qt::Key_Up);
    QCOMPARE(chatView()->composer()->text(), QStringLiteral("Great, tell me what you think"));
    chatView()->composer()->selectAll();
    QTest::keyClicks(chatView()->composer(), QStringLiteral("Great, tell me what you think!"));
    QTest::keyClick(chatView()->composer(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfBody(QStringLiteral("Great, tell me what you think!")) >= 0,
                             WaitMs);
    const int edited = rowOfBody(QStringLiteral("Great, tell me what you think!"));
    QVERIFY(messages()->index(edited).data(MessageModel::EditedRole).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(storedAt(*m_bob, replyId, alice)->body,
                              QStringLiteral("Great, tell me what you think!"), WaitMs);

    // Bob reacts to it; Alice reacts to his.
    const auto atBob = storedAt(*m_bob, replyId, alice);
    m_bob->outbox().react(atBob->row, QStringLiteral("\U0001F44D"));
    QTRY_COMPARE_WITH_TIMEOUT(
        messages()->index(edited).data(MessageModel::ReactionsRole).toList().size(), 1, WaitMs);
    chatView()->react(bobsRow, QStringLiteral("\u2764\uFE0F"));
    QTRY_COMPARE_WITH_TIMEOUT(storedAt(*m_bob, bobsId, QString())->reactions.size(), 1, WaitMs);
    QCOMPARE(storedAt(*m_bob, bobsId, QString())->reactions.first().emoji,
             QStringLiteral("\u2764\uFE0F"));
    saveScreenshot(QStringLiteral("chat-reply-edit-reactions.png"));

    // Alice deletes a message for everyone; it shows as deleted on both sides.
    const QString oopsId = sendFromWindow(QStringLiteral("oops, wrong chat"));
    QVERIFY(!oopsId.isEmpty());
    const int oops = rowOfBody(QStringLiteral("oops, wrong chat"));
    QTRY_VERIFY_WITH_TIMEOUT(messages()->index(oops).data(MessageModel::StatusRole).toInt()
                                 >= int(MessageStatus::Sent),
                             WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(storedAt(*m_bob, oopsId, alice).has_value(), WaitMs);
    chatView()->deleteForEveryone(oops);
    QTRY_VERIFY_WITH_TIMEOUT(messages()->index(oops).data(MessageModel::DeletedRole).toBool(),
                             WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(storedAt(*m_bob, oopsId, alice)->deletedAt > 0, WaitMs);
    QCOMPARE(storedAt(*m_bob, oopsId, alice)->body, QString());
    // The chat list says so too.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->chatsPage()
                                  ->chatModel()
                                  ->index(0)
                                  .data(ChatListModel::LastMessageKindRole)
                                  .toInt(),
                              int(ChatListModel::PreviewKind::Deleted), WaitMs);
    // Delete for me: gone here only.
    const int count = messages()->rowCount();
    chatView()->deleteForMe(rowOfBody(QStringLiteral("Yes, looking now")));
    QTRY_COMPARE_WITH_TIMEOUT(messages()->rowCount(), count - 1, WaitMs);
    QVERIFY(storedAt(*m_bob, bobsId, QString()).has_value());
    saveScreenshot(QStringLiteral("chat-deleted.png"));
    Q_UNUSED(bob);
}

void TestChatWindow::enterSendsAndShiftEnterStartsANewLine()
{
    ui::Composer *composer = chatView()->composer();
    composer->setFocus();
    QTest::keyClicks(composer, QStringLiteral("first line"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(composer, QStringLiteral("second line"));
    QCOMPARE(composer->text(), QStringLiteral("first line\nsecond line"));
    QTest::keyClick(composer, Qt::Key_Return);
    QCOMPARE(composer->text(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(rowOfBody(QStringLiteral("first line\nsecond line")) >= 0, WaitMs);
    // An empty box sends nothing.
    const int count = messages()->rowCount();
    QTest::keyClick(composer, Qt::Key_Return);
    QTest::qWait(100);
    QCOMPARE(messages()->rowCount(), count);
}

void TestChatWindow::searchFindsAMessageAndOpensItsChat()
{
    ui::ChatsPage *page = m_window->chatsPage();
    page->closeChat();
    QCOMPARE(page->openChatId(), qint64(0));
    QLineEdit *search = page->searchField();
    QTest::keyClicks(search, QStringLiteral("exampl"));
    QListView *hits = page->searchResults();
    QTRY_COMPARE_WITH_TIMEOUT(hits->model()->rowCount(), 1, WaitMs);
    QVERIFY(hits->isVisible());
    saveScreenshot(QStringLiteral("search.png"));
    const QModelIndex hit = hits->model()->index(0, 0);
    QVERIFY(hit.data(models::SearchModel::BodyRole).toString().contains(QLatin1String("example")));
    QTest::mouseClick(hits->viewport(), Qt::LeftButton, {}, hits->visualRect(hit).center());
    QTRY_VERIFY_WITH_TIMEOUT(page->openChatId() != 0, WaitMs);
    QCOMPARE(chatView()->peerUserId(), m_bob->session().userId);
    QTRY_VERIFY_WITH_TIMEOUT(
        rowOfBody(QStringLiteral("Hi Bob! Have a look at https://example.org")) >= 0, WaitMs);
    // Nothing found: no hits.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("zebra"));
    QTRY_COMPARE_WITH_TIMEOUT(hits->model()->rowCount(), 0, WaitMs);
    // The field's clear button, shown while there is text, empties it.
    auto *clear = search->findChild<QAction *>(QStringLiteral("clearText"));
    QVERIFY(clear && clear->isVisible());
    clear->trigger();
    QCOMPARE(search->text(), QString());
    QVERIFY(!clear->isVisible());
    QVERIFY(!hits->isVisible());
}

void TestChatWindow::partOfAMessageIsSelectedWithTheMouseAndCopied()
{
    const QString body = QStringLiteral("Hi Bob! Have a look at https://example.org");
    QTRY_VERIFY_WITH_TIMEOUT(rowOfBody(body) >= 0, WaitMs);
    ui::MessageListView *list = chatView()->messageList();
    list->scrollToNewest();
    QTest::qWait(50);
    const int row = rowOfBody(body);
    const QModelIndex index = list->viewIndex(row);
    list->scrollTo(index);
    QTest::qWait(50);
    QStyleOptionViewItem option;
    option.initFrom(list);
    option.font = list->font();
    option.rect = list->visualRect(index);
    // The text starts a bubble's padding in from its corner (ui/chat/MessageDelegate.cpp).
    const QRect bubble = list->messageDelegate()->bubbleRect(option, index);
    const QFontMetrics metrics(list->font());
    const int left = bubble.left() + 9;
    const int y = bubble.top() + 6 + metrics.height() / 2;
    const auto at = [&](const QString &before) {
        return QPoint(left + metrics.horizontalAdvance(before) + 1, y);
    };

    // A drag over "Bob" selects it, and Ctrl+C copies just that.
    QWidget *viewport = list->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, at(QStringLiteral("Hi ")));
    QTest::mouseMove(viewport, at(QStringLiteral("Hi Bo")));
    QTest::mouseMove(viewport, at(QStringLiteral("Hi Bob")));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, at(QStringLiteral("Hi Bob")));
    QCOMPARE(list->selectedText(row), QStringLiteral("Bob"));
    saveScreenshot(QStringLiteral("chat-selection.png"));
    QGuiApplication::clipboard()->clear();
    list->setFocus();
    QTest::keySequence(list, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Bob"));

    // A double click selects the word under it; "Copy" in the message's menu copies the part.
    QTest::mouseDClick(viewport, Qt::LeftButton, {}, at(QStringLiteral("Hi Bob! Ha")));
    QCOMPARE(list->selectedText(row), QStringLiteral("Have"));
    // A drag past the end of the line takes the rest of it.
    QTest::mousePress(viewport, Qt::LeftButton, {}, at(QStringLiteral("Hi Bob! Have a ")));
    QTest::mouseMove(viewport, QPoint(bubble.right() + 40, y));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(bubble.right() + 40, y));
    QCOMPARE(list->selectedText(row), QStringLiteral("look at https://example.org"));

    // A click without a drag clears it; a click on the link still opens it (not a selection).
    QTest::mouseClick(viewport, Qt::LeftButton, {}, at(QStringLiteral("Hi")));
    QCOMPARE(list->selectedText(row), QString());
    LinkCatcher browser;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &browser, "open");
    const auto restore
        = qScopeGuard([] { QDesktopServices::unsetUrlHandler(QStringLiteral("https")); });
    QTest::mouseClick(viewport, Qt::LeftButton, {},
                      at(QStringLiteral("Hi Bob! Have a look at https://exa")));
    QCOMPARE(browser.opened, QList<QUrl>{QUrl(QStringLiteral("https://example.org"))});
    QCOMPARE(list->selectedText(row), QString());
}

void TestChatWindow::emojiArePickedFromThePanelIntoTheComposer()
{
    auto *button = chatView()->findChild<QToolButton *>(QStringLiteral("emojiButton"));
    auto *composer = chatView()->findChild<ui::Composer *>(QStringLiteral("composer"));
    QVERIFY(button && composer);
    composer->clear();
    QSettings().remove(QStringLiteral("emoji/recent"));
    QTest::mouseClick(button, Qt::LeftButton);
    auto *picker = chatView()->findChild<ui::EmojiPicker *>(QStringLiteral("emojiPicker"));
    QVERIFY(picker);
    QTRY_VERIFY(picker->isVisible());
    // Recent first, then the groups; with nothing used yet it opens on the smileys.
    QCOMPARE(picker->tabs()->count(), int(ui::EmojiPicker::groups().size()) + 1);
    QCOMPARE(picker->tabs()->currentIndex(), 1);
    qsizetype all = 0;
    for (const ui::EmojiPicker::Group &group : ui::EmojiPicker::groups()) {
        QVERIFY2(group.emoji.size() >= 20, qPrintable(group.name));
        all += group.emoji.size();
    }
    QVERIFY(all > 1000); // what Noto Color Emoji draws, one code point each, and the flags
    QVERIFY(ui::EmojiPicker::groups().constLast().emoji.contains(QStringLiteral("🇩🇪")));
    QCOMPARE(picker->grid()->item(0)->text(), QStringLiteral("😀"));
    QTest::qWait(50);
    saveScreenshot(QStringLiteral("emoji-picker.png"), picker);

    // A click puts it where the cursor is and keeps the panel open for the next.
    QListWidget *grid = picker->grid();
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {},
                      grid->visualItemRect(grid->item(0)).center());
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {},
                      grid->visualItemRect(grid->item(1)).center());
    QCOMPARE(composer->text(), QStringLiteral("😀") + grid->item(1)->text());
    QVERIFY(picker->isVisible());
    QCOMPARE(ui::EmojiPicker::recent().first(), grid->item(1)->text());
    QCOMPARE(ui::EmojiPicker::recent().size(), 2);
    picker->tabs()->setCurrentIndex(0);
    QCOMPARE(grid->count(), 2);
    picker->close();
    composer->clear();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestChatWindow::keyboardShortcutsMoveBetweenChats()
{
    ui::ChatsPage *page = m_window->chatsPage();
    // Esc first cancels a reply, then closes the chat; Ctrl+1 opens the first one again.
    chatView()->replyTo(0);
    auto *replyBar = chatView()->findChild<QWidget *>(QStringLiteral("replyBar"));
    QVERIFY(replyBar->isVisible());
    QTest::keyClick(chatView()->composer(), Qt::Key_Escape);
    QVERIFY(!replyBar->isVisible());
    QVERIFY(page->openChatId() != 0);
    chatView()->composer()->setFocus();
    QTest::keyClick(chatView()->composer(), Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(page->openChatId(), qint64(0), WaitMs);
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(page->openChatId() != 0, WaitMs);
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(page->searchField()->hasFocus());
}

void TestChatWindow::contactsImportedFromAVCardShowWhoIsOnParley()
{
    // Bob as Alice's phone knows him (a national number: Alice's is American), someone not on
    // Parley, a number that is none, and a card without one.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("contacts.vcf"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bobby (work)\r\n"
                   "TEL;TYPE=CELL:(202) 555-0182\r\nEND:VCARD\r\n"
                   "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Carol Nobody\r\n"
                   "TEL:+1 202 555 0199\r\nTEL:12\r\nEND:VCARD\r\n"
                   "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Only Mail\r\n"
                   "EMAIL:only@example.org\r\nEND:VCARD\r\n");
    }
    ui::ChatsPage *page = m_window->chatsPage();
    bool checked = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ui::NewChatDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        // Closed however the checks end, so that a failure does not leave it waiting.
        const auto closeAfter = qScopeGuard([dialog] { dialog->reject(); });
        QSignalSpy imported(dialog, &ui::NewChatDialog::imported);
        dialog->importFrom(path);
        QVERIFY(imported.wait(WaitMs));
        QCOMPARE(imported.first().at(0).toBool(), true);
        QCOMPARE(imported.first().at(1).toString(),
                 QStringLiteral("contacts.vcf: 2 numbers imported (1 on Parley). 1 entry had no "
                                "valid number."));
        // With nothing typed: the contacts on Parley, by their address-book name.
        QListWidget *results = dialog->results();
        QTRY_COMPARE_WITH_TIMEOUT(results->count(), 1, WaitMs);
        QCOMPARE(results->item(0)->text(), QStringLiteral("Bobby (work)  ·  +12025550182"));
        QTest::qWait(50); // the layout, for the screenshot
        dialog->grab().save(QDir(QStringLiteral(PARLEY_SCREENSHOT_DIR))
                                .filePath(QStringLiteral("new-chat-contacts.png")));
        // Typing filters them; a national number finds people on the server too.
        dialog->searchField()->setText(QStringLiteral("bobby"));
        QTRY_COMPARE_WITH_TIMEOUT(results->count(), 1, WaitMs);
        dialog->searchField()->setText(QStringLiteral("carol"));
        QTRY_COMPARE_WITH_TIMEOUT(results->count(), 0, WaitMs);
        dialog->searchField()->setText(QStringLiteral("202 555 0182"));
        QTRY_VERIFY_WITH_TIMEOUT(
            results->count() == 1 && results->item(0)->text().startsWith(u"Bobby"), WaitMs);
        checked = true;
    });
    page->startNewChat();
    QVERIFY(checked);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

    // The store has both numbers; Bob's with his account. The server got only hashes.
    const auto contacts = m_alice->account().store().runAndWait(
        [](store::StoreContext &store) { return store.contacts().all(); });
    QVERIFY(contacts);
    QCOMPARE(contacts->size(), 2);
    QCOMPARE(contacts->at(0).name, QStringLiteral("Bobby (work)"));
    QCOMPARE(contacts->at(0).userId, m_bob->session().userId);
    QCOMPARE(contacts->at(0).displayName, QStringLiteral("Bob Builder"));
    QCOMPARE(contacts->at(1).phone, QStringLiteral("+12025550199"));
    QVERIFY(contacts->at(1).userId.isEmpty());
    QVERIFY(contacts->at(1).checkedAt > 0);
}

void TestChatWindow::settingsChangeTheProfileThemeAndPrivacy()
{
    ui::ChatsPage *page = m_window->chatsPage();
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    auto *dialog = page->findChild<ui::SettingsDialog *>(QStringLiteral("settingsDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), WaitMs);
    const QDir shots(QStringLiteral(PARLEY_SCREENSHOT_DIR));

    // Profile: the name goes to the server, and Bob sees it.
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("profileName"));
    QTRY_VERIFY_WITH_TIMEOUT(
        dialog->findChild<QCheckBox *>(QStringLiteral("privacyLastSeen"))->isEnabled(), WaitMs);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("profilePhone"))->text(), AlicePhone);
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Alice Liddell"));
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            std::optional<protocol::Result<protocol::UserCard>> card;
            m_bob->users().card(m_alice->session().userId, &m_bob->account(),
                                [&](protocol::Result<protocol::UserCard> c) { card = c; });
            return QTest::qWaitFor([&] { return card.has_value(); }, WaitMs) && *card
                && card->value().displayName == QLatin1String("Alice Liddell");
        }(),
        WaitMs);
    QVERIFY(dialog->grab().save(shots.filePath(QStringLiteral("settings-profile.png"))));

    // Privacy: read receipts off, on the server.
    dialog->tabs()->setCurrentIndex(3);
    auto *receipts = dialog->findChild<QCheckBox *>(QStringLiteral("privacyReadReceipts"));
    QVERIFY(receipts->isChecked());
    receipts->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            std::optional<protocol::Result<protocol::UserProfile>> profile;
            m_alice->account().settings().profile(
                &m_alice->account(),
                [&](protocol::Result<protocol::UserProfile> p) { profile = p; });
            return QTest::qWaitFor([&] { return profile.has_value(); }, WaitMs) && *profile
                && !profile->value().privacy.readReceipts;
        }(),
        WaitMs);
    receipts->click(); // back on for the tests after this one

    // Devices: this one, marked.
    dialog->tabs()->setCurrentIndex(4);
    auto *devices = dialog->findChild<QListWidget *>(QStringLiteral("devicesList"));
    QTRY_COMPARE_WITH_TIMEOUT(devices->count(), 1, WaitMs);
    QVERIFY(devices->item(0)->text().contains(QLatin1String("this device")));
    QVERIFY(dialog->grab().save(shots.filePath(QStringLiteral("settings-devices.png"))));

    // Appearance: dark, then light again; every screen follows the palette.
    dialog->tabs()->setCurrentIndex(1);
    dialog->findChild<QRadioButton *>(QStringLiteral("themeDark"))->click();
    QCOMPARE(ui::Theme::instance().mode(), ui::Theme::Mode::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() < 0.5);
    QVERIFY(dialog->grab().save(shots.filePath(QStringLiteral("settings-appearance-dark.png"))));
    dialog->close();
    QVERIFY(
        page->openChat(page->chatModel()->index(0).data(ChatListModel::ChatIdRole).toLongLong()));
    QTest::qWait(50);
    saveScreenshot(QStringLiteral("chat-dark.png"));
    QCOMPARE(QSettings().value(QStringLiteral("appearance/theme")).toString(),
             QStringLiteral("Dark"));
    ui::Theme::instance().setMode(ui::Theme::Mode::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() > 0.5);
    QTest::qWait(50);
    saveScreenshot(QStringLiteral("chat-light.png"));
}

void TestChatWindow::aMessageNotifiesUnlessItsChatIsOpenOrMuted()
{
    ui::ChatsPage *page = m_window->chatsPage();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QSignalSpy notified(m_window->notifier(), &ui::Notifier::notified);
    const QString alice = m_alice->session().userId;
    const qint64 chatId = page->chatModel()->index(0).data(ChatListModel::ChatIdRole).toLongLong();
    auto arrived = [&](const QString &text) {
        return QTest::qWaitFor([&] { return rowOfBody(text) >= 0; }, WaitMs);
    };

    // The open chat in the active window: no notification.
    QVERIFY(page->openChat(chatId));
    m_bob->outbox().sendText(alice, QStringLiteral("you see this one"));
    QVERIFY(arrived(QStringLiteral("you see this one")));
    QTest::qWait(100);
    QCOMPARE(notified.size(), 0);

    // Another chat open (none): a notification with the name and the text, and the unread
    // count in the window title.
    page->closeChat();
    m_bob->outbox().sendText(alice, QStringLiteral("knock knock"));
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, WaitMs);
    QCOMPARE(notified.first().at(0).toLongLong(), chatId);
    QCOMPARE(notified.first().at(1).toString(), QStringLiteral("Bob Builder"));
    QCOMPARE(notified.first().at(2).toString(), QStringLiteral("knock knock"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->windowTitle(), QStringLiteral("(1) Parley"), WaitMs);

    // Muted: nothing.
    m_alice->outbox().setChatSettings(chatId, false, false, protocol::ChatInfo::MutedForever);
    QTRY_VERIFY_WITH_TIMEOUT(page->chatModel()->index(0).data(ChatListModel::MutedRole).toBool(),
                             WaitMs);
    m_bob->outbox().sendText(alice, QStringLiteral("psst"));
    QTRY_VERIFY_WITH_TIMEOUT(page->chatModel()->index(0).data(ChatListModel::PreviewRole).toString()
                                 == QLatin1String("psst"),
                             WaitMs);
    QTest::qWait(100);
    QCOMPARE(notified.size(), 1);
    // A muted chat's unread messages do not count in the title.
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Parley"));
    m_alice->outbox().setChatSettings(chatId, false, false, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!page->chatModel()->index(0).data(ChatListModel::MutedRole).toBool(),
                             WaitMs);
    // Opening the chat again (the same chat as before it was closed) reads what came meanwhile.
    QVERIFY(page->openChat(chatId));
    QTRY_COMPARE_WITH_TIMEOUT(
        page->chatModel()->index(0).data(ChatListModel::UnreadCountRole).toInt(), 0, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->windowTitle(), QStringLiteral("Parley"), WaitMs);
}

void TestChatWindow::theNextStartOpensTheLastChatWhereTheWindowWas()
{
    const qint64 open = m_window->chatsPage()->openChatId();
    QVERIFY(open != 0);
    m_window->resize(940, 640);
    m_window->close(); // saves, as quitting does
    QVERIFY(!QSettings().value(QStringLiteral("window/geometry")).toByteArray().isEmpty());

    ui::MainWindow next(*m_login);
    QCOMPARE(next.size(), QSize(940, 640));
    next.showChats(m_alice->session());
    next.setAccount(m_alice->account());
    next.show();
    QTRY_COMPARE_WITH_TIMEOUT(next.chatsPage()->openChatId(), open, WaitMs);
    next.close();
    m_window->show();
}

void TestChatWindow::everyShippedLanguageLoadsAndArabicIsRightToLeft()
{
    for (const ui::language::Choice &choice : ui::language::available()) {
        if (choice.code == QLatin1String("en"))
            continue;
        QTranslator translator;
        QVERIFY2(translator.load(QStringLiteral(":/i18n/parley_%1.qm").arg(choice.code)),
                 qPrintable(choice.code));
        const QString send = translator.translate("parley::ui::ChatView", "Send");
        QVERIFY2(!send.isEmpty() && send != QLatin1String("Send"), qPrintable(choice.code));
    }
    // The next start in Arabic: every string translated, the whole layout mirrored.
    ui::language::apply(QStringLiteral("ar"));
    QCOMPARE(QApplication::layoutDirection(), Qt::RightToLeft);
    {
        ui::MainWindow arabic(*m_login);
        arabic.resize(1000, 680);
        arabic.showChats(m_alice->session());
        arabic.setAccount(m_alice->account());
        arabic.show();
        QVERIFY(QTest::qWaitForWindowExposed(&arabic));
        QTRY_VERIFY_WITH_TIMEOUT(arabic.chatsPage()->openChatId() != 0, WaitMs);
        QCOMPARE(arabic.chatsPage()->searchField()->layoutDirection(), Qt::RightToLeft);
        QVERIFY(arabic.chatsPage()->searchField()->placeholderText().contains(QChar(0x0627)));
        QTest::qWait(100);
        const QDir shots(QStringLiteral(PARLEY_SCREENSHOT_DIR));
        QVERIFY(arabic.grab().save(shots.filePath(QStringLiteral("chat-arabic.png"))));
        arabic.close();
    }
    ui::language::apply(QStringLiteral("en"));
    QCOMPARE(QApplication::layoutDirection(), Qt::LeftToRight);
}

void TestChatWindow::theSecurityCodeIsComparedByItsQrCodeAndMarkedVerified()
{
    const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
    QVERIFY2(!zbarimg.isEmpty(), "zbarimg (Debian zbar-tools) reads the QR code back");
    const QDir shots(QStringLiteral(PARLEY_SCREENSHOT_DIR));
    const QString alice = m_alice->session().userId;
    const QString bob = m_bob->session().userId;
    ui::ChatsPage *page = m_window->chatsPage();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    qint64 chatId = 0;
    for (int row = 0; row < page->chatModel()->rowCount(); ++row) {
        const QModelIndex index = page->chatModel()->index(row);
        if (index.data(ChatListModel::PeerUserIdRole).toString() == bob)
            chatId = index.data(ChatListModel::ChatIdRole).toLongLong();
    }
    QVERIFY(chatId != 0);
    QVERIFY(page->openChat(chatId));
    const auto bobsNumber = [&] {
        std::optional<protocol::Result<QString>> number;
        m_bob->account().devices().safetyNumber(alice, &m_bob->account(),
                                                [&](protocol::Result<QString> n) { number = n; });
        return QTest::qWaitFor([&] { return number.has_value(); }, WaitMs) && *number
            ? number->value()
            : QString();
    };
    const auto openFromHeader = [&]() -> ui::SafetyNumberDialog * {
        auto *button = chatView()->findChild<QToolButton *>(QStringLiteral("chatMenuButton"));
        auto *menu = button ? button->findChild<QMenu *>(QStringLiteral("chatMenu")) : nullptr;
        QAction *verify
            = menu ? menu->findChild<QAction *>(QStringLiteral("verifySecurityCode")) : nullptr;
        if (!verify)
            return nullptr;
        verify->trigger();
        return chatView()->findChild<ui::SafetyNumberDialog *>();
    };

    // From the chat's menu: the same 60 digits Bob's device computes, and a QR code of them
    // that a scanner reads back.
    QPointer<ui::SafetyNumberDialog> dialog = openFromHeader();
    QVERIFY(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->number().size(), 60, WaitMs);
    QCOMPARE(dialog->number(), bobsNumber());
    auto *digits = dialog->findChild<QLabel *>(QStringLiteral("safetyDigits"));
    QCOMPARE(digits->text().count(u'\n'), 2); // 3 lines of 4 groups
    QCOMPARE(QString(digits->text()).replace(u'\n', u' ').remove(u' '), dialog->number());
    const QPixmap qr = dialog->findChild<QLabel *>(QStringLiteral("safetyQr"))->pixmap();
    QVERIFY(!qr.isNull());
    const QString qrFile = shots.filePath(QStringLiteral("safety-number-qr.png"));
    QVERIFY(qr.save(qrFile));
    QProcess scan;
    scan.start(zbarimg, {QStringLiteral("--raw"), QStringLiteral("-q"), qrFile});
    QVERIFY(scan.waitForFinished(WaitMs));
    QCOMPARE(QString::fromLatin1(scan.readAllStandardOutput()).trimmed(),
             QStringLiteral("PARLEY:SN1:") + dialog->number());
    auto *state = dialog->findChild<QLabel *>(QStringLiteral("verifiedState"));
    QCOMPARE(state->text(), QStringLiteral("Not verified"));

    // They match: marked verified, and the chat says so.
    dialog->findChild<QPushButton *>(QStringLiteral("verifyButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("✓ Verified"), WaitMs);
    const QString verifiedNumber = dialog->number();
    const auto rowOfEvent = [&](const char *event) {
        for (int row = messages()->rowCount() - 1; row >= 0; --row) {
            if (messages()->index(row).data(MessageModel::SystemEventRole).toString()
                == QLatin1String(event))
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowOfEvent(store::MarkedVerified) >= 0, WaitMs);
    QCOMPARE(dialog->findChild<QPushButton *>(QStringLiteral("verifyButton"))->text(),
             QStringLiteral("Clear verification"));
    QVERIFY(dialog->grab().save(shots.filePath(QStringLiteral("safety-number.png"))));
    dialog->close();
    QTRY_VERIFY(!dialog);

    // Settings, Security: Bob is listed as verified.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    auto *settings = page->findChild<ui::SettingsDialog *>(QStringLiteral("settingsDialog"));
    QVERIFY(settings);
    settings->tabs()->setCurrentIndex(5);
    auto *contacts = settings->findChild<QListWidget *>(QStringLiteral("securityContacts"));
    QVERIFY(contacts);
    QTRY_VERIFY_WITH_TIMEOUT(contacts->count() >= 1, WaitMs);
    bool listed = false;
    for (int row = 0; row < contacts->count(); ++row)
        listed
            = listed || contacts->item(row)->text() == QStringLiteral("Bob Builder · ✓ verified");
    QVERIFY(listed);
    // Where the secrets are: this test's account keeps them in files.
    QVERIFY(settings->findChild<QLabel *>(QStringLiteral("secretsKeptIn"))
                ->text()
                .contains(QLatin1String("files only you can read")));
    QVERIFY(settings->grab().save(shots.filePath(QStringLiteral("settings-security.png"))));
    settings->close();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

    // Bob signs in on a tablet: the number changes, the verification is gone, and the line in
    // the chat opens the code to compare again.
    TestClient tablet(m_server->url());
    QVERIFY2(tablet.login(*m_server, BobPhone), qPrintable(tablet.lastError()));
    dialog = openFromHeader();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->number().size() == 60 && dialog->number() != verifiedNumber,
                             WaitMs);
    QCOMPARE(dialog->number(), bobsNumber());
    QTRY_COMPARE_WITH_TIMEOUT(dialog->findChild<QLabel *>(QStringLiteral("verifiedState"))->text(),
                              QStringLiteral("Not verified"), WaitMs);
    dialog->close();
    QTRY_VERIFY(!dialog);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfEvent(store::SecurityCodeChanged) >= 0, WaitMs);
    ui::MessageListView *list = chatView()->messageList();
    list->scrollToNewest();
    QTest::qWait(50);
    saveScreenshot(QStringLiteral("chat-security-code-changed.png"));
    const QModelIndex line = list->viewIndex(rowOfEvent(store::SecurityCodeChanged));
    QStyleOptionViewItem option;
    option.initFrom(list);
    option.font = list->font();
    option.rect = list->visualRect(line);
    const QPoint centre = list->messageDelegate()->bubbleRect(option, line).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centre);
    QTRY_VERIFY_WITH_TIMEOUT(chatView()->findChild<ui::SafetyNumberDialog *>(), WaitMs);
    dialog = chatView()->findChild<ui::SafetyNumberDialog *>();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->number().size(), 60, WaitMs);
    dialog->close();
}

void TestChatWindow::loggingOutEndsTheSession()
{
    QSignalSpy ended(&m_alice->account(), &Account::ended);
    m_alice->account().logOut();
    QVERIFY(ended.wait(WaitMs));
    QVERIFY(!QFile::exists(Account::sessionPath(m_alice->profileDir())));
    // The server agrees: the old token is revoked.
    QTRY_COMPARE_WITH_TIMEOUT(
        TestHttp::get(m_server->url().resolved(QUrl(QStringLiteral("/api/v1/users/profile"))),
                      m_alice->session().accessToken)
            .status,
        401, WaitMs);
}

QTEST_MAIN(TestChatWindow)
#include "tst_chatwindow.moc"
