#include "ChatWindowFixture.h"
#include "core/account/Account.h"
#include "core/models/ChatListModel.h"
#include "core/models/MessageModel.h"
#include "core/store/StoreTypes.h"
#include "core/sync/DeviceDirectory.h"
#include "ui/chat/MessageDelegate.h"
#include "ui/common/Language.h"
#include "ui/security/SafetyNumberDialog.h"
#include "ui/settings/SettingsDialog.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using namespace parley;
using models::ChatListModel;
using models::MessageModel;

// Security codes in the desktop app, as a person compares them: Alice in the real window, Bob
// as a second real client core, and later a new device of Bob's (ChatWindowFixture).
class TestSecurityCode : public ChatWindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void theSecurityCodeIsComparedByItsQrCodeAndMarkedVerified();
};

void TestSecurityCode::initTestCase()
{
    startWindow();
    if (QTest::currentTestFailed())
        return;
    // A chat with Bob in the list: he writes first.
    m_bob->outbox().sendText(m_alice->session().userId, QStringLiteral("Hi Alice, it's Bob"));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->chatsPage()->chatModel()
                                 && m_window->chatsPage()->chatModel()->rowCount() == 1,
                             WaitMs);
}

void TestSecurityCode::cleanupTestCase()
{
    stopWindow();
}

void TestSecurityCode::theSecurityCodeIsComparedByItsQrCodeAndMarkedVerified()
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

QTEST_MAIN(TestSecurityCode)
#include "tst_securitycode.moc"
