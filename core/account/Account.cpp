#include "core/account/Account.h"

#include "core/protocol/RestPayloads.h"

#include <QDir>
#include <QFile>

namespace parley {

namespace {
sync::Identity identityOf(const Session &session, const crypto::DeviceKeyPair &keys)
{
    return {session.userId, session.deviceId, keys};
}
} // namespace

Account::Account(const Session &session, crypto::DeviceKeyPair keys, QString profileDir,
                 QObject *parent)
    : Account(session, std::move(keys), profileDir, *SecretVault::files(profileDir).release(),
              parent)
{
    m_ownVault.reset(m_vault);
}

Account::Account(const Session &session, crypto::DeviceKeyPair keys, QString profileDir,
                 SecretVault &vault, QObject *parent)
    : QObject(parent)
    , m_profileDir(std::move(profileDir))
    , m_vault(&vault)
    , m_api(session.serverUrl)
    , m_keeper(m_api, session)
    , m_devices(m_api, m_store, session.userId)
    , m_chats(m_api, m_store)
    , m_mailbox(identityOf(session, keys), m_socket, m_devices, m_store)
    , m_outbox(identityOf(session, keys), m_socket, m_devices, m_chats, m_store)
    , m_live(m_socket, m_api, m_chats)
    , m_users(m_api)
    , m_cards(m_users, m_store)
    , m_settings(m_api)
    // Numbers in the address book without a country code are of this account's own country.
    , m_contactBook(m_api, m_store, session.phoneNumber)
{
    connect(m_vault, &SecretVault::failed, this, [](const protocol::Error &error) {
        qWarning().noquote() << "the session could not be saved:" << error.message;
    });
    connect(&m_mailbox, &sync::MailboxSync::syncedChanged, &m_outbox, &sync::Outbox::setOnline);
    // A "security code changed" line is a new message of its chat, for the models like any.
    connect(&m_devices, &sync::DeviceDirectory::systemLineAdded, &m_mailbox,
            &sync::MailboxSync::messageReceived);
    // Once synced the token is fresh and every chat is stored: who are the new people?
    connect(&m_mailbox, &sync::MailboxSync::syncedChanged, &m_cards, [this](bool synced) {
        if (synced)
            m_cards.refreshStale();
    });
    connect(&m_mailbox, &sync::MailboxSync::messageReceived, &m_cards, [this] {
        if (m_mailbox.isSynced())
            m_cards.refreshStale();
    });
    connect(&m_keeper, &SessionKeeper::sessionRefreshed, this, &Account::onRefreshed);
    connect(&m_keeper, &SessionKeeper::sessionEnded, this, [this](const protocol::Error &reason) {
        // A refresh token the server refuses is worthless: do not offer it again at next start.
        m_socket.close();
        m_vault->forgetSession();
        Q_EMIT ended(reason);
    });
    connect(&m_socket, &net::SyncSocket::accessTokenExpired, &m_keeper, &SessionKeeper::refreshNow);
    connect(&m_socket, &net::SyncSocket::signedOut, &m_keeper, &SessionKeeper::refreshNow);
}

Account::~Account() = default;

QString Account::sessionPath(const QString &profileDir)
{
    return SecretVault::sessionPath(profileDir);
}

QString Account::storePath(const QString &profileDir, const QString &userId)
{
    return QDir(profileDir).filePath(QStringLiteral("store-%1.db").arg(userId));
}

void Account::start()
{
    QDir().mkpath(m_profileDir);
    m_store.open(storePath(), this, [this](protocol::Result<void> opened) {
        if (!opened) {
            Q_EMIT failed(opened.error());
            return;
        }
        onStoreOpened();
    });
}

void Account::onStoreOpened()
{
    m_outbox.start();
    m_mailbox.start();
    // A session restored from disk has no access token yet: the socket waits for the first
    // refresh. Every refresh rotates the refresh token, so the file is rewritten each time.
    if (!session().accessToken.isEmpty()) {
        m_vault->saveSession(session());
        connectSocket();
    }
    m_keeper.start();
    Q_EMIT opened();
}

void Account::logOut()
{
    // Ended either way: a device that cannot reach the server still forgets its session here
    // (its refresh token then expires unused on the server).
    m_api.post(QLatin1String(protocol::paths::Logout), {}, this,
               [this](const protocol::Result<QJsonObject> &answer) {
                   if (!answer)
                       qInfo().noquote() << "logout not confirmed:" << answer.error().message;
                   m_socket.close();
                   m_vault->forgetSession();
                   Q_EMIT ended(protocol::Error{protocol::ErrorCode::TokenRevoked,
                                                tr("You logged out of this device.")});
               });
}

void Account::connectSocket()
{
    m_connecting = true;
    m_api.setAccessToken(session().accessToken);
    m_socket.open(session().serverUrl, session().accessToken);
}

void Account::onRefreshed(const Session &session)
{
    m_vault->saveSession(session);
    m_api.setAccessToken(session.accessToken);
    m_socket.setAccessToken(session.accessToken);
    if (!m_connecting)
        connectSocket();
}

} // namespace parley
