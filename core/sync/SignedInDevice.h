#pragma once

#include "core/account/Session.h"
#include "core/account/SessionKeeper.h"
#include "core/crypto/DeviceKeyPair.h"
#include "core/net/SyncSocket.h"
#include "core/sync/MessagingService.h"

#include <QObject>

namespace parley::net {
class ApiClient;
}

namespace parley::sync {

// Everything a signed-in device runs: the session keeper (token refresh, the saved session
// file) and the messaging service with its socket. Created at login or from a saved session.
class SignedInDevice : public QObject
{
    Q_OBJECT
public:
    SignedInDevice(net::ApiClient &api, const crypto::DeviceKeyPair &keys, const Session &session,
                   QString sessionPath, QObject *parent = nullptr);

    MessagingService &messaging() { return m_messaging; }
    const Session &session() const { return m_keeper.session(); }
    // A session restored from disk has no access token yet: messaging starts after the
    // first refresh.
    void start();

Q_SIGNALS:
    void ended(const parley::protocol::Error &reason);

private:
    void onRefreshed(const Session &session);

    QString m_sessionPath;
    SessionKeeper m_keeper;
    net::SyncSocket m_socket; // declared before the service that uses it
    MessagingService m_messaging;
    bool m_started = false;
};

} // namespace parley::sync
