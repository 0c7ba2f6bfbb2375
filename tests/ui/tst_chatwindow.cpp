#include "ChatWindowFixture.h"
#include "core/account/Account.h"
#include "core/account/LoginService.h"
#include "core/models/ChatListModel.h"
#include "core/models/MessageModel.h"
#include "core/models/SearchModel.h"
#include "core/net/ApiClient.h"
#include "core/protocol/ChatPayloads.h"
#include "core/store/StoreContext.h"
#include "core/sync/DeviceDirectory.h"
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

std::optional<store::StoredMessage> storedAt(TestClient &client, const QString &messageId,
                                             const QString &senderUserId)
{
    const store::LocalRef ref{messageId, senderUserId};
    auto found = client.account().store().runAndWait(
        [ref](store::StoreContext &store) { return store.messages().messageByRef(ref); });
    return found ? found.value() : std::nullopt;
}

} // namespace

// Takes the links the app opens (QDesktopServices), so a test opens no browser.
class LinkCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

// The desktop app's chat screens driven through their widgets, as a person would, against a
// real server on loopback: Alice uses the window, Bob is a second real client core
// (ChatWindowFixture). Screenshots of each screen land in ${CMAKE_BINARY_DIR}/screenshots.
class TestChatWindow : public ChatWindowFixture
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
    void loggingOutEndsTheSession();
};

void TestChatWindow::initTestCase()
{
    startWindow();
}

void TestChatWindow::cleanupTestCase()
{
    stopWindow();
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
