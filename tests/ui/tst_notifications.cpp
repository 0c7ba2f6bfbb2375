#include "ui/main/DesktopNotifications.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QTest>

using parley::ui::DesktopNotifications;

namespace {

// A notification server as the desktop runs one (org.freedesktop.Notifications), on its own
// connection to the test's private session bus: every call goes through the bus daemon.
class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        QString app;
        uint replaces = 0;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Call> calls;
    QList<uint> closed;

public Q_SLOTS:
    uint Notify(const QString &app, uint replaces, const QString &, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int)
    {
        calls.append({app, replaces, summary, body, actions, hints});
        return replaces != 0 ? replaces : ++m_lastId;
    }
    void CloseNotification(uint id) { closed.append(id); }
    QStringList GetCapabilities() { return {QStringLiteral("body"), QStringLiteral("actions")}; }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &action);
    void NotificationClosed(uint id, uint reason);

private:
    uint m_lastId = 40;
};

} // namespace

class NotificationsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aMessageBecomesOneNotificationPerChatThatOpensIt();
    void withNoNotificationServerTheCallerIsTold();

private:
    FakeNotificationServer m_server;
    QDBusConnection m_serverBus{QString()};
};

void NotificationsTest::initTestCase()
{
    QVERIFY2(QDBusConnection::sessionBus().isConnected(),
             "no session bus: run through ctest (dbus-run-session)");
    m_serverBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                                QStringLiteral("notification-server"));
    QVERIFY(m_serverBus.isConnected());
    QVERIFY(m_serverBus.registerObject(QLatin1String(DesktopNotifications::Path), &m_server,
                                       QDBusConnection::ExportAllSlots
                                           | QDBusConnection::ExportAllSignals));
    QVERIFY(m_serverBus.registerService(QLatin1String(DesktopNotifications::Service)));
}

void NotificationsTest::aMessageBecomesOneNotificationPerChatThatOpensIt()
{
    DesktopNotifications notifications;
    QVERIFY(notifications.hasBus());
    QSignalSpy failed(&notifications, &DesktopNotifications::failed);
    notifications.show(7, QStringLiteral("Ann"), QStringLiteral("<b>hi</b> & bye"), true);
    QTRY_COMPARE(m_server.calls.size(), 1);
    const auto first = m_server.calls.at(0);
    QCOMPARE(first.app, QStringLiteral("Parley"));
    QCOMPARE(first.replaces, 0u);
    QCOMPARE(first.summary, QStringLiteral("Ann"));
    // Plain text, even where the server reads markup.
    QCOMPARE(first.body, QStringLiteral("&lt;b&gt;hi&lt;/b&gt; &amp; bye"));
    QVERIFY(first.actions.contains(QStringLiteral("default")));
    QCOMPARE(first.hints.value(QStringLiteral("category")).toString(),
             QStringLiteral("im.received"));
    QCOMPARE(first.hints.value(QStringLiteral("desktop-entry")).toString(),
             QStringLiteral("parley"));
    QCOMPARE(first.hints.value(QStringLiteral("sound-name")).toString(),
             QStringLiteral("message-new-instant"));

    // The next message of that chat replaces its notification; another chat gets its own.
    QTest::qWait(50); // the answer (the id) is in
    notifications.show(7, QStringLiteral("Ann"), QStringLiteral("second"), false);
    notifications.show(8, QStringLiteral("Ben"), QStringLiteral("hello"), false);
    QTRY_COMPARE(m_server.calls.size(), 3);
    QCOMPARE(m_server.calls.at(1).replaces, 41u);
    QVERIFY(m_server.calls.at(1).hints.value(QStringLiteral("suppress-sound")).toBool());
    QVERIFY(!m_server.calls.at(1).hints.contains(QStringLiteral("sound-name")));
    QCOMPARE(m_server.calls.at(2).replaces, 0u);
    QTest::qWait(50);

    // A click on Ann's opens her chat; another application's notification opens nothing.
    QSignalSpy activated(&notifications, &DesktopNotifications::activated);
    Q_EMIT m_server.ActionInvoked(99, QStringLiteral("default"));
    Q_EMIT m_server.ActionInvoked(41, QStringLiteral("default"));
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toLongLong(), qint64(7));

    // Closed by the user: Ann's next message is a new notification. Withdrawn: closed.
    Q_EMIT m_server.NotificationClosed(41, 2);
    QTest::qWait(50);
    notifications.show(7, QStringLiteral("Ann"), QStringLiteral("third"), false);
    QTRY_COMPARE(m_server.calls.size(), 4);
    QCOMPARE(m_server.calls.at(3).replaces, 0u);
    notifications.withdraw(8);
    QTRY_COMPARE(m_server.closed, QList<uint>{42u});
    QCOMPARE(failed.size(), 0);
}

void NotificationsTest::withNoNotificationServerTheCallerIsTold()
{
    // No server on the bus: the call fails, and the caller shows it another way.
    QVERIFY(m_serverBus.unregisterService(QLatin1String(DesktopNotifications::Service)));
    QTRY_VERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(
        QLatin1String(DesktopNotifications::Service)));
    DesktopNotifications notifications;
    QSignalSpy failed(&notifications, &DesktopNotifications::failed);
    notifications.show(7, QStringLiteral("Ann"), QStringLiteral("hi"), true);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(1).toString(), QStringLiteral("Ann"));
    QCOMPARE(failed.first().at(2).toString(), QStringLiteral("hi"));

    // No session bus at all: told at once.
    DesktopNotifications nowhere(QDBusConnection(QStringLiteral("not-connected")));
    QSignalSpy told(&nowhere, &DesktopNotifications::failed);
    QVERIFY(!nowhere.hasBus());
    nowhere.show(1, QStringLiteral("Ann"), QStringLiteral("hi"), true);
    QCOMPARE(told.size(), 1);
}

QTEST_GUILESS_MAIN(NotificationsTest)
#include "tst_notifications.moc"
