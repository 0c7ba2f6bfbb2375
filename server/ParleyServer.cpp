#include "server/ParleyServer.h"

#include "core/protocol/CloseCode.h"
#include "core/protocol/Http.h"
#include "core/protocol/Limits.h"
#include "core/sql/Database.h"
#include "server/Housekeeping.h"
#include "server/auth/AuthHandler.h"
#include "server/auth/OtpDelivery.h"
#include "server/auth/OtpService.h"
#include "server/auth/ServerSecret.h"
#include "server/auth/TokenService.h"
#include "server/chat/ChatHandler.h"
#include "server/chat/MessageRelay.h"
#include "server/http/HttpServer.h"
#include "server/http/LowDelayTcpServer.h"
#include "server/http/RateLimiter.h"
#include "server/realtime/ClientConnection.h"
#include "server/realtime/ConnectionRegistry.h"
#include "server/realtime/PresenceNotifier.h"
#include "server/storage/ChatStore.h"
#include "server/storage/IdentityStore.h"
#include "server/storage/MailboxStore.h"
#include "server/storage/OtpStore.h"
#include "server/storage/ProfileStore.h"
#include "server/storage/RefreshTokenStore.h"
#include "server/storage/Schema.h"
#include "server/users/UserHandler.h"

#include <QDateTime>
#include <QDir>
#include <QUrlQuery>
#include <QWebSocket>

#include <sodium.h>

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;

ParleyServer::ParleyServer(QObject *parent)
    : QObject(parent)
{ }

ParleyServer::~ParleyServer()
{
    // Sockets and handlers use the stores: stop them first.
    if (m_registry && m_profiles) {
        // Whoever is online goes offline with the server: that is their last seen.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const QString &userId : m_registry->onlineUserIds())
            m_profiles->setLastSeen(userId, now);
    }
    // Nobody is told that everyone goes offline at once.
    delete m_presence;
    m_presence = nullptr;
    if (m_registry)
        m_registry->closeAll();
    delete m_http;
    delete m_registry;
}

protocol::Result<QString> ParleyServer::start(const ServerConfig &config)
{
    if (sodium_init() < 0)
        return Error{ErrorCode::InternalError, QStringLiteral("libsodium cannot initialise")};
    const QDir dataDir(config.dataDir);
    if (config.dataDir.isEmpty() || !QDir().mkpath(dataDir.absolutePath()))
        return Error{ErrorCode::InternalError,
                     QStringLiteral("cannot create data directory '%1'").arg(config.dataDir)};
    QDir().mkpath(dataDir.filePath(QStringLiteral("media")));

    auto secret = ServerSecret::loadOrCreate(dataDir.filePath(QStringLiteral("server-secret")));
    if (!secret)
        return secret.error();
    auto delivery = OtpDelivery::fromSpec(config.otpDelivery, config.otpOptions);
    if (!delivery)
        return delivery.error();

    m_db = std::make_unique<sql::Database>();
    auto opened = config.databaseUrl.isEmpty()
        ? m_db->openSqlite(dataDir.filePath(QStringLiteral("parley.db")))
        : m_db->openPostgres(QUrl(config.databaseUrl), QStringLiteral("parley-server"));
    if (!opened)
        return opened.error();
    if (auto migrated = m_db->migrate(schemaMigrations()); !migrated)
        return migrated.error();
    m_identities = std::make_unique<IdentityStore>(*m_db);
    m_mailbox = std::make_unique<MailboxStore>(*m_db);
    m_chats = std::make_unique<ChatStore>(*m_db);
    m_profiles = std::make_unique<ProfileStore>(*m_db);
    if (auto prepared = m_profiles->prepare(); !prepared)
        return prepared.error();
    m_otpStore = std::make_unique<OtpStore>(*m_db);
    m_refreshTokens = std::make_unique<RefreshTokenStore>(*m_db);
    m_tokens = std::make_unique<TokenService>(secret.value().tokenKey(), *m_db, *m_identities,
                                              *m_refreshTokens, config.auth);
    m_otp = std::make_unique<OtpService>(*m_otpStore, delivery.value(), secret.value().otpPepper(),
                                         config.auth);
    m_otpSendLimiter = std::make_unique<RateLimiter>(config.web.otpSendPerIp);
    m_otpVerifyLimiter = std::make_unique<RateLimiter>(config.web.otpVerifyPerIp);
    m_searchLimiter = std::make_unique<RateLimiter>(config.web.searchPerUser);
    m_housekeeping = new Housekeeping(*m_otpStore, *m_refreshTokens, *m_mailbox,
                                      config.messageRetentionMs, this);
    m_housekeeping->start();
    m_registry = new ConnectionRegistry(this);
    m_presence = new PresenceNotifier(*m_registry, *m_chats, *m_profiles, this);
    m_socketPolicy = config.socket;
    m_auth = std::make_unique<AuthHandler>(
        *m_db, *m_identities, *m_otp, *m_tokens,
        AuthHandler::Limits{m_otpSendLimiter.get(), m_otpVerifyLimiter.get()},
        [this](const QString &deviceId) {
            m_registry->closeDevice(
                deviceId, QWebSocketProtocol::CloseCode(protocol::closecode::TokenRevoked),
                protocol::closecode::reason(protocol::closecode::TokenRevoked));
        });
    auto isOnline = [this](const QString &userId) { return m_registry->isOnline(userId); };
    m_users = std::make_unique<UserHandler>(
        *m_identities, *m_profiles, isOnline, m_searchLimiter.get(),
        [this](const QString &userId) {
            if (m_presence)
                m_presence->privacyChanged(userId);
        },
        [this](const QString &userId, const QString &other) {
            return m_chats->shareChat(userId, other);
        });
    m_relay = new MessageRelay(*m_db, *m_identities, *m_mailbox, *m_chats, *m_profiles, *m_registry,
                               config.socket.typingPerChat, this);
    m_chatApi = std::make_unique<ChatHandler>(*m_chats, *m_mailbox, *m_identities, *m_relay);

    Router router;
    m_auth->addRoutes(router);
    m_users->addRoutes(router);
    m_chatApi->addRoutes(router);
    m_http = new HttpServer(
        std::move(router), [this](const QString &token) { return m_tokens->verify(token); },
        config.web, this);
    connect(m_http, &HttpServer::newWebSocketConnection, this, &ParleyServer::acceptWebSockets);

    auto *tcpServer = new LowDelayTcpServer(m_http);
    if (!tcpServer->listen(config.address, config.port)) {
        return Error{ErrorCode::InternalError,
                     QStringLiteral("cannot listen on %1:%2")
                         .arg(config.address.toString())
                         .arg(config.port)};
    }
    m_http->bind(tcpServer);
    const quint16 port = tcpServer->serverPort();
    const QString host = config.address.protocol() == QAbstractSocket::IPv6Protocol
        ? u'[' + config.address.toString() + u']'
        : config.address.toString();
    return QString(host + u':' + QString::number(port));
}

void ParleyServer::acceptWebSockets()
{
    while (std::unique_ptr<QWebSocket> socket = m_http->nextPendingWebSocketConnection()) {
        // The upgrade was authenticated before the handshake; read the identity again from the
        // same request (a token cannot change in between, but a device can be removed).
        const QString token = HttpServer::accessToken(
            {{protocol::http::AuthorizationHeader,
              socket->request().rawHeader(protocol::http::AuthorizationHeader)}},
            QUrlQuery(socket->requestUrl()));
        auto identity = m_tokens->verify(token);
        if (!identity) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, identity.error().message);
            continue;
        }
        auto *connection
            = new ClientConnection(std::move(socket), identity.value(), m_socketPolicy);
        m_registry->add(connection);
        connect(connection, &ClientConnection::requestReceived, m_relay,
                [this, connection](const protocol::Frame &frame) {
                    m_relay->handle(*connection, frame);
                });
    }
}

} // namespace parley::server
