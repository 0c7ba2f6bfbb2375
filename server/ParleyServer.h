#pragma once

#include "core/protocol/Result.h"
#include "server/ServerConfig.h"

#include <QObject>

#include <memory>

namespace parley::sql {
class Database;
}

namespace parley::server {

class AuthHandler;
class ChatHandler;
class ChatStore;
class ConnectionRegistry;
class Housekeeping;
class HttpServer;
class IdentityStore;
class MailboxStore;
class MessageRelay;
class OtpService;
class OtpStore;
class PresenceNotifier;
class ProfileStore;
class RateLimiter;
class RefreshTokenStore;
class TokenService;
class UserHandler;

// Wires storage, auth, REST handlers and the WebSocket relay together and listens.
class ParleyServer : public QObject
{
    Q_OBJECT
public:
    explicit ParleyServer(QObject *parent = nullptr);
    ~ParleyServer() override;

    // Opens the data directory and listens; returns the bound "HOST:PORT".
    protocol::Result<QString> start(const ServerConfig &config);

private:
    void acceptWebSockets();

    std::unique_ptr<sql::Database> m_db;
    std::unique_ptr<IdentityStore> m_identities;
    std::unique_ptr<MailboxStore> m_mailbox;
    std::unique_ptr<ChatStore> m_chats;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<OtpStore> m_otpStore;
    std::unique_ptr<RefreshTokenStore> m_refreshTokens;
    std::unique_ptr<RateLimiter> m_otpSendLimiter;
    std::unique_ptr<RateLimiter> m_otpVerifyLimiter;
    std::unique_ptr<RateLimiter> m_searchLimiter;
    std::unique_ptr<TokenService> m_tokens;
    std::unique_ptr<OtpService> m_otp;
    std::unique_ptr<AuthHandler> m_auth;
    std::unique_ptr<UserHandler> m_users;
    std::unique_ptr<ChatHandler> m_chatApi;
    ConnectionRegistry *m_registry = nullptr;
    MessageRelay *m_relay = nullptr;
    PresenceNotifier *m_presence = nullptr;
    Housekeeping *m_housekeeping = nullptr;
    SocketPolicy m_socketPolicy;
    HttpServer *m_http = nullptr;
};

} // namespace parley::server
