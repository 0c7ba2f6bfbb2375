#pragma once

#include "core/account/Session.h"
#include "core/crypto/DeviceKeyPair.h"
#include "core/protocol/ErrorCode.h"
#include "core/store/StoreTypes.h"

#include <QJsonObject>
#include <QObject>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace parley {
class Account;
namespace store {
class LocalStore;
}
} // namespace parley

namespace parley::cli {

// The exit codes of parley-cli (README.md, "parley-cli").
enum ExitCode : int {
    Ok = 0,
    Failed = 1, // the server refused, or could not be reached
    Usage = 2,
    NotSignedIn = 3,
    NotFound = 4, // no account with that number
    StoreUnusable = 5, // the local store cannot be opened (damaged, newer, unreadable)
    NotSentYet = 6, // send: no ack in time; the message waits in the outbox
};

// One run of the headless client: each command ends in finished(exit code). Output goes to
// `out` (human lines, or one JSON object per line with --json), diagnostics to `err`.
class CliClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QUrl serverUrl;
        bool serverGiven = false; // --server was on the command line
        QString profileDir;
        bool json = false;
        int timeoutSeconds = 30;
        int limit = 50;
    };

    CliClient(Options options, QTextStream &out, QTextStream &err, QObject *parent = nullptr);
    ~CliClient() override;

    void login(const QString &phone);
    void send(const QString &phone, const QString &text);
    void listen();
    void history(const QString &phone);
    void search(const QString &query);
    void chats();
    void reply(const QString &phone, const QString &messageId, const QString &text);
    void edit(const QString &phone, const QString &messageId, const QString &text);
    void react(const QString &phone, const QString &messageId, const QString &emoji);
    void deleteForEveryone(const QString &phone, const QString &messageId);
    void typing(const QString &phone, bool typing);
    void status(const QString &phone);
    void safetyNumber(const QString &phone);
    // The demo contact (DemoContact): answers every message until stopped.
    void demo(const QString &displayName);

Q_SIGNALS:
    void finished(int exitCode);

private:
    bool loadIdentity();
    bool loadSession();
    bool openStore();
    // Starts the account: whenOpened once its store is open, whenSynced once its mailbox has
    // caught up with the server (everything it had is stored).
    void startAccount(std::function<void()> whenOpened, std::function<void()> whenSynced);
    void findPeer(const QString &phone, std::function<void(const QString &userId)> found);
    // Once synced: the peer of PHONE, from this profile's store or the server.
    void withPeer(const QString &phone, std::function<void(const QString &userId)> found);
    // Once synced: a message of the chat with PHONE, by its id.
    void withMessage(const QString &phone, const QString &messageId,
                     std::function<void(const store::StoredMessage &message)> found);
    // Waits for the server's ack of an outbox message, as `send` does.
    void awaitSent(const QString &messageId, const QString &what);
    void startDeadline();
    QJsonObject messageJson(const store::StoredMessage &message) const;
    void printMessage(const store::StoredMessage &message, const QString &event = {});
    void printHistory(store::LocalStore &store, qint64 chatId);
    void printLine(const QJsonObject &json, const QString &human);
    void fail(int code, const QString &message);
    void done(int code = Ok);

    Options m_options;
    QTextStream &m_out;
    QTextStream &m_err;
    crypto::DeviceKeyPair m_keys;
    Session m_session;
    std::unique_ptr<store::LocalStore> m_store; // for the commands that work offline
    std::unique_ptr<Account> m_account;
    QTimer m_deadline;
    bool m_finished = false;
};

} // namespace parley::cli
