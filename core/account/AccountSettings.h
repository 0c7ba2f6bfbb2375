#pragma once

#include "core/protocol/RestPayloads.h"
#include "core/protocol/Result.h"
#include "core/protocol/UserPayloads.h"

#include <QObject>

#include <functional>

namespace parley::net {
class RestTransport;
}

namespace parley {

// The account's own settings on the server: the profile with its privacy choices
// (docs/protocol.md 4.12, 4.13) and the account's devices (4.10, 4.11). Every call answers
// once, and never after `context` is gone.
class AccountSettings : public QObject
{
    Q_OBJECT
public:
    explicit AccountSettings(net::RestTransport &rest, QObject *parent = nullptr);

    void profile(const QObject *context,
                 std::function<void(protocol::Result<protocol::UserProfile>)> done);
    // A partial update: only the fields set change. The profile as it is afterwards.
    void updateProfile(const protocol::ProfileUpdate &update, const QObject *context,
                       std::function<void(protocol::Result<protocol::UserProfile>)> done);
    void devices(const QObject *context,
                 std::function<void(protocol::Result<protocol::DeviceInfoList>)> done);
    // Removes another device of the account (a lost laptop): signed out and off the lists.
    void removeDevice(const QString &deviceId, const QObject *context,
                      std::function<void(protocol::Result<void>)> done);

Q_SIGNALS:
    void profileChanged(const parley::protocol::UserProfile &profile);

private:
    net::RestTransport &m_rest;
};

} // namespace parley
