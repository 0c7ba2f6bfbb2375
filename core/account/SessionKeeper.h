#pragma once

#include "core/account/Session.h"
#include "core/protocol/ErrorCode.h"
#include "core/protocol/Result.h"

#include <QObject>
#include <QTimer>

namespace parley::net {
class ApiClient;
}

namespace parley {

// Keeps a signed-in device signed in (docs/protocol.md, "Access tokens"): refreshes the access
// token before it expires (at 80% of its life, and at once when asked after a 4401 close),
// rotating the refresh token each time. It ends the session when the server says the device
// was signed out (token_revoked, refresh_token_reused, token_invalid or an expired refresh
// token); network failures are retried.
class SessionKeeper : public QObject
{
    Q_OBJECT
public:
    SessionKeeper(net::ApiClient &api, Session session, QObject *parent = nullptr);

    const Session &session() const { return m_session; }
    void start();
    void refreshNow();

    // The session file of a profile: JSON, mode 0600, holding the refresh token, or saying it
    // is in the system keychain (then the loaded session has none, and save() writes none).
    static protocol::Result<Session> load(const QString &path);
    static protocol::Result<void> save(const Session &session, const QString &path);

Q_SIGNALS:
    void sessionRefreshed(const parley::Session &session);
    void sessionEnded(const parley::protocol::Error &error);

private:
    void scheduleRefresh();
    void onRefreshed(const protocol::Result<QJsonObject> &answer);

    net::ApiClient &m_api;
    Session m_session;
    QTimer m_timer;
    bool m_refreshing = false;
    bool m_ended = false;
};

} // namespace parley
