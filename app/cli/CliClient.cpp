#include "app/cli/CliClient.h"

#include "app/cli/DemoContact.h"
#include "core/account/Account.h"
#include "core/account/LoginService.h"
#include "core/account/SessionKeeper.h"
#include "core/crypto/SafetyNumber.h"
#include "core/protocol/Limits.h"
#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>

namespace parley::cli {

using namespace protocol;

namespace {

// A number as typed ("+1 (202) 555-0123") in the form the server returns it (+12025550123).
QString compactNumber(const QString &phone)
{
    QString out;
    for (const QChar c : phone) {
        if (c.isDigit() || c == u'+')
            out += c;
    }
    return out;
}

// How long `history` waits for the server before it shows what is stored.
constexpr int HistorySyncSeconds = 5;

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString deviceName()
{
    const QString host = QSysInfo::machineHostName();
    return QStringLiteral("parley-cli on %1")
        .arg(host.isEmpty() ? QStringLiteral("a computer") : host)
        .left(limits::MaxDeviceNameLength);
}

} // namespace

CliClient::CliClient(Options options, QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_out(out)
    , m_err(err)
{
    m_deadline.setSingleShot(true);
}

CliClient::~CliClient() = default;

void CliClient::done(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_out.flush();
    m_err.flush();
    Q_EMIT finished(code);
}

void CliClient::fail(int code, const QString &message)
{
    m_err << "parley-cli: " << message << Qt::endl;
    done(code);
}

void CliClient::printLine(const QJsonObject &json, const QString &human)
{
    if (m_options.json)
        m_out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
    else
        m_out << human;
    m_out << Qt::endl; // flushed: scripts read it line by line
}

QJsonObject CliClient::messageJson(const store::StoredMessage &m) const
{
    const bool undecryptable = m.kind == store::MessageKind::Undecryptable;
    const QString from = m.outgoing ? m_session.userId : m.senderUserId;
    // Names as the server knows them: this account's own id, not the store's empty sender.
    const auto wireSender
        = [this](const QString &sender) { return sender.isEmpty() ? m_session.userId : sender; };
    QJsonObject json{{QStringLiteral("messageId"), m.messageId},
                     {QStringLiteral("from"), from},
                     {QStringLiteral("outgoing"), m.outgoing},
                     {QStringLiteral("text"), m.body},
                     {QStringLiteral("undecryptable"), undecryptable},
                     {QStringLiteral("status"), QString(store::statusName(m.status))},
                     {QStringLiteral("sentAt"), double(m.sentAt)},
                     {QStringLiteral("serverTime"), double(m.serverTime)},
                     {QStringLiteral("edited"), m.editedAt > 0},
                     {QStringLiteral("deleted"), m.deletedAt > 0}};
    if (m.kind == store::MessageKind::System)
        json.insert(QStringLiteral("system"), m.body);
    if (m.replyTo) {
        json.insert(
            QStringLiteral("replyTo"),
            QJsonObject{{QStringLiteral("messageId"), m.replyTo->messageId},
                        {QStringLiteral("senderUserId"), wireSender(m.replyTo->senderUserId)}});
    }
    QJsonArray reactions;
    for (const store::Reaction &reaction : m.reactions)
        reactions.append(QJsonObject{{QStringLiteral("userId"), wireSender(reaction.userId)},
                                     {QStringLiteral("emoji"), reaction.emoji}});
    json.insert(QStringLiteral("reactions"), reactions);
    return json;
}

void CliClient::printMessage(const store::StoredMessage &m, const QString &event)
{
    QJsonObject json = messageJson(m);
    if (!event.isEmpty())
        json.insert(QStringLiteral("event"), event);
    const QString who = m.outgoing ? QStringLiteral("me") : m.senderUserId;
    QString text = m.body;
    if (m.kind == store::MessageKind::Undecryptable)
        text = tr("(a message that could not be decrypted)");
    else if (m.kind == store::MessageKind::System)
        text = m.body == QLatin1String(store::SecurityCodeChanged)
            ? tr("(the security code changed: compare safety numbers again)")
            : m.body;
    else if (m.deletedAt > 0)
        text = tr("(this message was deleted)");
    if (m.replyTo)
        text = tr("(reply to %1) %2").arg(m.replyTo->messageId, text);
    if (m.editedAt > 0 && m.deletedAt == 0)
        text += tr(" (edited)");
    for (const store::Reaction &reaction : m.reactions)
        text += u' ' + reaction.emoji;
    printLine(json,
              QStringLiteral("[%1] %2 %3: %4")
                  .arg(timeText(m.sentAt), m.messageId,
                       m.kind == store::MessageKind::System ? QStringLiteral("parley") : who,
                       text));
}

bool CliClient::loadIdentity()
{
    const QString keyPath = QDir(m_options.profileDir).filePath(QStringLiteral("device.key"));
    auto keys = crypto::DeviceKeyPair::loadOrCreate(keyPath);
    if (!keys) {
        fail(Failed, keys.error().message);
        return false;
    }
    m_keys = keys.value();
    return true;
}

bool CliClient::loadSession()
{
    auto saved = SessionKeeper::load(Account::sessionPath(m_options.profileDir));
    if (!saved) {
        fail(NotSignedIn, tr("not signed in here: run parley-cli login PHONE first"));
        return false;
    }
    if (m_options.serverGiven && saved.value().serverUrl != m_options.serverUrl) {
        fail(NotSignedIn,
             tr("this profile is signed in to %1, not %2: log in again")
                 .arg(saved.value().serverUrl.toString(), m_options.serverUrl.toString()));
        return false;
    }
    m_session = saved.value();
    return loadIdentity();
}

bool CliClient::openStore()
{
    if (!loadSession())
        return false;
    m_store = std::make_unique<store::LocalStore>();
    auto opened = m_store->openAndWait(Account::storePath(m_options.profileDir, m_session.userId));
    if (!opened) {
        fail(StoreUnusable, opened.error().message);
        return false;
    }
    return true;
}

void CliClient::startAccount(std::function<void()> whenOpened, std::function<void()> whenSynced)
{
    if (!loadSession())
        return;
    m_account = std::make_unique<Account>(m_session, m_keys, m_options.profileDir);
    connect(m_account.get(), &Account::failed, this,
            [this](const Error &error) { fail(StoreUnusable, error.message); });
    connect(m_account.get(), &Account::ended, this, [this](const Error &reason) {
        fail(NotSignedIn, tr("signed out by the server: %1").arg(reason.message));
    });
    connect(m_account.get(), &Account::opened, this, std::move(whenOpened));
    auto once = std::make_shared<bool>(false);
    connect(&m_account->mailbox(), &sync::MailboxSync::caughtUp, this,
            [once, whenSynced = std::move(whenSynced)] {
                if (!std::exchange(*once, true))
                    whenSynced();
            });
    m_account->start();
}

void CliClient::login(const QString &phone)
{
    if (!loadIdentity())
        return;
    auto *api = new net::ApiClient(m_options.serverUrl, this);
    auto *service = new LoginService(*api, m_keys, deviceName(), this);
    connect(service, &LoginService::failed, this,
            [this](const Error &error) { fail(Failed, error.message); });
    connect(service, &LoginService::codeSent, this, [this, service, phone] {
        m_err << tr("Enter the code sent to %1: ").arg(phone);
        m_err.flush();
        QTextStream in(stdin);
        const QString code = in.readLine();
        if (code.isNull())
            return fail(Usage, tr("no code on standard input"));
        service->submitCode(code);
    });
    connect(service, &LoginService::loggedIn, this, [this](const Session &session) {
        if (auto saved = SessionKeeper::save(session, Account::sessionPath(m_options.profileDir));
            !saved)
            return fail(Failed, saved.error().message);
        printLine({{QStringLiteral("userId"), session.userId},
                   {QStringLiteral("deviceId"), session.deviceId},
                   {QStringLiteral("phoneNumber"), session.phoneNumber}},
                  tr("Signed in as %1 (user %2, device %3)")
                      .arg(session.phoneNumber, session.userId, session.deviceId));
        done();
    });
    service->requestCode(phone);
}

void CliClient::findPeer(const QString &phone, std::function<void(const QString &)> found)
{
    m_account->users().findByPhone(
        phone, this, [this, found = std::move(found)](Result<UserSearchHit> hit) {
            if (!hit) {
                const int code = hit.error().code == ErrorCode::NotFound ? NotFound : Failed;
                return fail(code, hit.error().message);
            }
            const QString userId = hit->id;
            const QString number = hit->phoneNumber.value_or(QString());
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            m_account->store().run(
                this,
                [userId, number, now](store::StoreContext &store) {
                    return store.chats().rememberPeer(userId, number, now);
                },
                [this, userId, found](Result<qint64> remembered) {
                    if (!remembered)
                        return fail(StoreUnusable, remembered.error().message);
                    found(userId);
                });
        });
}

void CliClient::startDeadline()
{
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        fail(NotSentYet,
             tr("the server did not acknowledge the message within %1 s; it waits in "
                "the outbox and goes with the next parley-cli send or listen")
                 .arg(m_options.timeoutSeconds));
    });
    m_deadline.start(m_options.timeoutSeconds * 1000);
}

void CliClient::awaitSent(const QString &messageId, const QString &what)
{
    connect(&m_account->outbox(), &sync::Outbox::messageSent, this,
            [this, messageId, what](const QString &sent, qint64 serverTime) {
                if (sent != messageId)
                    return;
                printLine({{QStringLiteral("messageId"), sent},
                           {QStringLiteral("serverTime"), double(serverTime)}},
                          tr("%1 %2").arg(what, sent));
                done();
            });
    connect(&m_account->outbox(), &sync::Outbox::sendFailed, this,
            [this, messageId](const QString &failed, const Error &error) {
                if (failed != messageId)
                    return;
                const int code = error.code == ErrorCode::NotFound ? NotFound : Failed;
                fail(code, error.message);
            });
}

void CliClient::withPeer(const QString &phone, std::function<void(const QString &)> found)
{
    const QString number = compactNumber(phone);
    auto known = m_account->store().runAndWait(
        [number](store::StoreContext &store) { return store.chats().peerByPhone(number); });
    if (!known)
        return fail(StoreUnusable, known.error().message);
    if (!known->isEmpty())
        return found(known.value());
    findPeer(phone, std::move(found));
}

void CliClient::withMessage(const QString &phone, const QString &messageId,
                            std::function<void(const store::StoredMessage &)> found)
{
    withPeer(phone, [this, messageId, found = std::move(found)](const QString &userId) {
        auto message = m_account->store().runAndWait(
            [userId,
             messageId](store::StoreContext &store) -> Result<std::optional<store::StoredMessage>> {
                auto chat = store.chats().chatByPeer(userId);
                if (!chat)
                    return chat.error();
                if (!chat.value())
                    return std::optional<store::StoredMessage>();
                return store.messages().messageInChat(*chat.value(), messageId);
            });
        if (!message)
            return fail(StoreUnusable, message.error().message);
        if (!message.value())
            return fail(NotFound, tr("no message %1 in the chat with that number").arg(messageId));
        found(*message.value());
    });
}

void CliClient::reply(const QString &phone, const QString &messageId, const QString &text)
{
    startDeadline();
    startAccount([] {},
                 [this, phone, messageId, text] {
                     withMessage(phone, messageId, [this, text](const store::StoredMessage &m) {
                         awaitSent(m_account->outbox().reply(m.row, text), tr("Replied with"));
                     });
                 });
}

void CliClient::edit(const QString &phone, const QString &messageId, const QString &text)
{
    startDeadline();
    startAccount([] {},
                 [this, phone, messageId, text] {
                     withMessage(phone, messageId, [this, text](const store::StoredMessage &m) {
                         awaitSent(m_account->outbox().edit(m.row, text), tr("Edited with"));
                     });
                 });
}

void CliClient::react(const QString &phone, const QString &messageId, const QString &emoji)
{
    startDeadline();
    startAccount([] {},
                 [this, phone, messageId, emoji] {
                     withMessage(phone, messageId, [this, emoji](const store::StoredMessage &m) {
                         awaitSent(m_account->outbox().react(m.row, emoji),
                                   emoji.isEmpty() ? tr("Reaction taken back with")
                                                   : tr("Reacted with"));
                     });
                 });
}

void CliClient::deleteForEveryone(const QString &phone, const QString &messageId)
{
    startDeadline();
    startAccount([] {},
                 [this, phone, messageId] {
                     withMessage(phone, messageId, [this](const store::StoredMessage &m) {
                         const qint64 row = m.row;
                         connect(&m_account->outbox(), &sync::Outbox::messageChanged, this,
                                 [this, row](const store::StoredMessage &changed) {
                                     if (changed.row != row || changed.deletedAt == 0)
                                         return;
                                     printLine(
                                         {{QStringLiteral("messageId"), changed.messageId},
                                          {QStringLiteral("deletedAt"), double(changed.deletedAt)}},
                                         tr("Deleted %1 for everyone").arg(changed.messageId));
                                     done();
                                 });
                         connect(&m_account->outbox(), &sync::Outbox::deleteFailed, this,
                                 [this, row](qint64 failed, const Error &error) {
                                     if (failed == row)
                                         fail(Failed, error.message);
                                 });
                         m_account->outbox().deleteForEveryone(row);
                     });
                 });
}

void CliClient::typing(const QString &phone, bool typing)
{
    startDeadline();
    startAccount([] {},
                 [this, phone, typing] {
                     withPeer(phone, [this, typing](const QString &userId) {
                         sync::LiveStatus &live = m_account->live();
                         const auto told = [this, userId, typing](Result<void> sent) {
                             if (!sent)
                                 return fail(Failed, sent.error().message);
                             printLine({{QStringLiteral("peerUserId"), userId},
                                        {QStringLiteral("typing"), typing}},
                                       typing ? tr("Told %1 you are typing").arg(userId)
                                              : tr("Told %1 you stopped typing").arg(userId));
                             done();
                         };
                         // Stopping tells only someone who was told it started: this run says
                         // both, so that the stop reaches them.
                         if (!typing)
                             live.setTyping(userId, true);
                         live.setTyping(userId, typing, told);
                     });
                 });
}

void CliClient::status(const QString &phone)
{
    startAccount(
        [] {},
        [this, phone] {
            withPeer(phone, [this](const QString &userId) {
                m_account->live().status(userId, this, [this](Result<protocol::UserStatus> status) {
                    if (!status)
                        return fail(Failed, status.error().message);
                    QJsonObject json = status->toJson();
                    const QString human = status->online ? tr("%1 is online").arg(status->userId)
                        : status->lastSeen
                        ? tr("%1 was last seen %2").arg(status->userId, timeText(*status->lastSeen))
                        : tr("%1 is not online (last seen hidden)").arg(status->userId);
                    printLine(json, human);
                    done();
                });
            });
        });
}

void CliClient::safetyNumber(const QString &phone)
{
    startAccount([] {},
                 [this, phone] {
                     withPeer(phone, [this](const QString &userId) {
                         m_account->devices().safetyNumber(
                             userId, this, [this, userId](Result<QString> number) {
                                 if (!number)
                                     return fail(Failed, number.error().message);
                                 printLine({{QStringLiteral("peerUserId"), userId},
                                            {QStringLiteral("safetyNumber"), number.value()}},
                                           crypto::SafetyNumber::grouped(number.value()));
                                 done();
                             });
                     });
                 });
}

void CliClient::send(const QString &phone, const QString &text)
{
    startDeadline();
    const auto sendTo = [this, text](const QString &userId) {
        auto id = std::make_shared<QString>();
        connect(&m_account->outbox(), &sync::Outbox::messageSent, this,
                [this, id](const QString &messageId, qint64 serverTime) {
                    if (messageId != *id)
                        return;
                    printLine({{QStringLiteral("messageId"), messageId},
                               {QStringLiteral("serverTime"), double(serverTime)}},
                              tr("Sent %1").arg(messageId));
                    done();
                });
        connect(&m_account->outbox(), &sync::Outbox::sendFailed, this,
                [this, id](const QString &messageId, const Error &error) {
                    if (messageId == *id)
                        fail(Failed, error.message);
                });
        *id = m_account->outbox().sendText(userId, text);
    };
    // Offline first: to someone this profile knows, the message is stored (and shown as
    // pending) at once and goes when the server can be reached; a new number is looked up
    // on the server first.
    auto knownPeer = std::make_shared<QString>();
    const QString number = compactNumber(phone);
    startAccount(
        [this, number, knownPeer, sendTo] {
            auto peer = m_account->store().runAndWait(
                [number](store::StoreContext &store) { return store.chats().peerByPhone(number); });
            if (!peer)
                return fail(StoreUnusable, peer.error().message);
            if (!peer->isEmpty()) {
                *knownPeer = peer.value();
                sendTo(*knownPeer);
            }
        },
        [this, phone, knownPeer, sendTo] {
            if (knownPeer->isEmpty())
                findPeer(phone, sendTo);
        });
}

void CliClient::listen()
{
    startAccount([] {}, [this] { m_err << tr("Listening; stop with Ctrl+C.") << Qt::endl; });
    if (!m_account)
        return;
    sync::MailboxSync &mailbox = m_account->mailbox();
    connect(&mailbox, &sync::MailboxSync::messageReceived, this,
            [this](const store::StoredMessage &m) { printMessage(m, QStringLiteral("message")); });
    connect(&mailbox, &sync::MailboxSync::messageUndecryptable, this,
            [this](const QString &messageId, const QString &from) {
                printLine({{QStringLiteral("event"), QStringLiteral("undecryptable")},
                           {QStringLiteral("messageId"), messageId},
                           {QStringLiteral("from"), from}},
                          tr("%1: (a message that could not be decrypted)").arg(from));
            });
    const auto receipt = [this](const QString &event) {
        return [this, event](const QString &messageId, const QString &by) {
            printLine({{QStringLiteral("event"), event},
                       {QStringLiteral("messageId"), messageId},
                       {QStringLiteral("by"), by}},
                      tr("%1 %2 by %3").arg(messageId, event, by));
        };
    };
    connect(&mailbox, &sync::MailboxSync::messageDelivered, this,
            receipt(QStringLiteral("delivered")));
    connect(&mailbox, &sync::MailboxSync::messageRead, this, receipt(QStringLiteral("read")));
    connect(&mailbox, &sync::MailboxSync::messageChanged, this,
            [this](const store::StoredMessage &m) { printMessage(m, QStringLiteral("changed")); });
    connect(&m_account->live(), &sync::LiveStatus::typingChanged, this,
            [this](const QString &userId, bool typing) {
                printLine({{QStringLiteral("event"), QStringLiteral("typing")},
                           {QStringLiteral("userId"), userId},
                           {QStringLiteral("typing"), typing}},
                          typing ? tr("%1 is typing…").arg(userId)
                                 : tr("%1 stopped typing").arg(userId));
            });
    connect(&m_account->live(), &sync::LiveStatus::presenceChanged, this,
            [this](const protocol::UserStatus &status) {
                QJsonObject json = status.toJson();
                json.insert(QStringLiteral("event"),
                            status.online ? QStringLiteral("online") : QStringLiteral("offline"));
                printLine(json,
                          status.online ? tr("%1 is online").arg(status.userId)
                                        : tr("%1 went offline").arg(status.userId));
            });
    connect(&m_account->outbox(), &sync::Outbox::messageSent, this,
            [this](const QString &messageId, qint64 serverTime) {
                printLine({{QStringLiteral("event"), QStringLiteral("sent")},
                           {QStringLiteral("messageId"), messageId},
                           {QStringLiteral("serverTime"), double(serverTime)}},
                          tr("%1 sent").arg(messageId));
            });
}

void CliClient::demo(const QString &displayName)
{
    startAccount([] {},
                 [this, displayName] {
                     auto *contact = new DemoContact(*m_account, m_err, m_account.get());
                     contact->start(displayName.isEmpty() ? DemoContact::DefaultName : displayName);
                 });
}

void CliClient::history(const QString &phone)
{
    // What the server has is fetched first, for a few seconds at most; without the server the
    // history is what this device has stored.
    const QString number = compactNumber(phone);
    const auto printStored = [this, number] {
        auto chat = m_account->store().runAndWait(
            [number](store::StoreContext &store) { return store.chats().chatByPhone(number); });
        if (!chat)
            return fail(StoreUnusable, chat.error().message);
        printHistory(m_account->store(), chat.value().value_or(0));
    };
    connect(&m_deadline, &QTimer::timeout, this, printStored);
    m_deadline.start(qMin(m_options.timeoutSeconds, HistorySyncSeconds) * 1000);
    startAccount(
        [] {},
        [this, phone, number, printStored] {
            m_deadline.stop();
            auto chat = m_account->store().runAndWait(
                [number](store::StoreContext &store) { return store.chats().chatByPhone(number); });
            if (!chat)
                return fail(StoreUnusable, chat.error().message);
            if (chat.value())
                return printHistory(m_account->store(), *chat.value());
            // A chat someone else started knows their user id, not their number.
            findPeer(phone, [this](const QString &userId) {
                auto chatId = m_account->store().runAndWait([userId](store::StoreContext &store) {
                    return store.chats().chatByPeer(userId);
                });
                if (!chatId)
                    return fail(StoreUnusable, chatId.error().message);
                printHistory(m_account->store(), chatId.value().value_or(0));
            });
        });
}

void CliClient::printHistory(store::LocalStore &localStore, qint64 chatId)
{
    const int limit = m_options.limit;
    auto page = localStore.runAndWait([chatId, limit](store::StoreContext &store) {
        return store.messages().messages(chatId, 0, limit);
    });
    if (!page)
        return fail(StoreUnusable, page.error().message);
    for (auto it = page->crbegin(); it != page->crend(); ++it) // oldest first
        printMessage(*it);
    done();
}

void CliClient::search(const QString &query)
{
    if (!openStore())
        return;
    const int limit = m_options.limit;
    auto hits = m_store->runAndWait([query, limit](store::StoreContext &store) {
        return store.messages().search(query, limit);
    });
    if (!hits)
        return fail(StoreUnusable, hits.error().message);
    for (const store::SearchHit &hit : hits.value()) {
        const store::StoredMessage &m = hit.message;
        QJsonObject json{{QStringLiteral("chat"), hit.peerUserId},
                         {QStringLiteral("messageId"), m.messageId},
                         {QStringLiteral("outgoing"), m.outgoing},
                         {QStringLiteral("text"), m.body},
                         {QStringLiteral("sentAt"), double(m.sentAt)}};
        printLine(json,
                  QStringLiteral("[%1] %2: %3").arg(timeText(m.sentAt), hit.peerUserId, m.body));
    }
    done();
}

void CliClient::chats()
{
    if (!openStore())
        return;
    auto chats
        = m_store->runAndWait([](store::StoreContext &store) { return store.chats().chats(); });
    if (!chats)
        return fail(StoreUnusable, chats.error().message);
    for (const store::ChatSummary &chat : chats.value()) {
        QJsonObject json{{QStringLiteral("chatId"), double(chat.id)},
                         {QStringLiteral("peerUserId"), chat.peerUserId},
                         {QStringLiteral("peerPhone"), chat.peerPhone},
                         {QStringLiteral("unread"), chat.unreadCount},
                         {QStringLiteral("pinned"), chat.pinned},
                         {QStringLiteral("lastActivity"), double(chat.lastActivity)}};
        QString preview;
        if (chat.lastMessage) {
            json.insert(QStringLiteral("lastMessage"), chat.lastMessage->body);
            preview = chat.lastMessage->body;
        }
        const QString name = chat.peerPhone.isEmpty() ? chat.peerUserId : chat.peerPhone;
        printLine(
            json,
            QStringLiteral("%1 (%2 unread): %3").arg(name).arg(chat.unreadCount).arg(preview));
    }
    done();
}

} // namespace parley::cli
