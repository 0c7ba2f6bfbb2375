#pragma once

#include "core/account/Session.h"
#include "core/crypto/DeviceKeyPair.h"
#include "core/protocol/ErrorCode.h"

#include <QObject>

namespace parley::net {
class ApiClient;
}

namespace parley {

namespace protocol {
struct SessionGrant;
}
// The session a verify-otp or refresh-token answer starts.
Session sessionFromGrant(const QUrl &serverUrl, const protocol::SessionGrant &grant);

// The phone-number login: ask for a code, then prove it and register this device's public key
// (docs/protocol.md, "Login"). One request at a time: calls while isBusy() are ignored; every
// other call ends in exactly one signal.
class LoginService : public QObject
{
    Q_OBJECT
public:
    LoginService(net::ApiClient &api, crypto::DeviceKeyPair deviceKeys, QString deviceName,
                 QObject *parent = nullptr);

    // Strips spaces, dashes, dots and brackets; "00" becomes "+". Empty when it cannot be E.164.
    static QString normalizePhoneNumber(const QString &input);

    void requestCode(const QString &phoneNumber);
    void submitCode(const QString &code);
    bool isBusy() const { return m_busy; }
    // The server codes are asked of; a new one applies to the next request.
    QUrl serverUrl() const;
    void setServerUrl(const QUrl &url);
    QString phoneNumber() const { return m_phoneNumber; }

Q_SIGNALS:
    void codeSent(const QString &phoneNumber, int expiresInSeconds);
    void loggedIn(const parley::Session &session);
    void failed(const parley::protocol::Error &error);
    void busyChanged(bool busy);

private:
    void setBusy(bool busy);

    net::ApiClient &m_api;
    crypto::DeviceKeyPair m_deviceKeys;
    QString m_deviceName;
    QString m_phoneNumber;
    bool m_busy = false;
};

} // namespace parley
