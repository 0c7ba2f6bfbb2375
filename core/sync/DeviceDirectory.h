#pragma once

#include "core/protocol/RestPayloads.h"
#include "core/protocol/Result.h"
#include "core/store/StoreTypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace parley::net {
class RestTransport;
}
namespace parley::store {
class LocalStore;
}

namespace parley::sync {

// The device lists of the users this account talks to (docs/architecture.md, "Device keys"):
// kept for the session and fetched again only when a send finds them stale or an unknown
// device writes to us, which saves REST round trips per message (docs/performance.md). Every
// fetched list goes through the store's pinned keys: the first key seen for a device is kept,
// and a device whose key changed is left out and reported (keyMismatch), never used.
class DeviceDirectory : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(protocol::Result<protocol::DeviceKeyList>)>;

    // `ownUserId`: this account, whose new devices are no news to it.
    DeviceDirectory(net::RestTransport &rest, store::LocalStore &store, QString ownUserId = {},
                    QObject *parent = nullptr);

    // The trusted devices of a user. Concurrent requests for one user share one fetch and are
    // answered in the order they were made. `done` is not called once `context` is gone.
    void devices(const QString &userId, bool fresh, const QObject *context, Callback done);
    // The kept list, if any, without fetching.
    const protocol::DeviceKeyList *kept(const QString &userId) const;
    // The public key of one of the user's kept devices.
    std::optional<QByteArray> keptKey(const QString &userId, const QString &deviceId) const;
    // The safety number of this account and a peer (docs/protocol.md 7.7), from both device
    // lists fetched now: 60 digits.
    void safetyNumber(const QString &peerUserId, const QObject *context,
                      std::function<void(protocol::Result<QString>)> done);

    // The safety number with a peer and whether the user verified it: they marked this very
    // number as verified, and no new device of the peer came since.
    struct SafetyState
    {
        QString number; // 60 digits
        bool verified = false;
    };
    void safetyState(const QString &peerUserId, const QObject *context,
                     std::function<void(protocol::Result<SafetyState>)> done);
    // The user compared `number` with the peer's and it matched (verified), or takes that back.
    // A line says so in the chat with them.
    void setVerified(const QString &peerUserId, const QString &number, bool verified,
                     const QObject *context, std::function<void(protocol::Result<void>)> done);
    // The people this account has a chat with, and whether the user verified them (a new
    // device of theirs since clears it), by name.
    struct ContactSecurity
    {
        QString userId;
        QString name;
        bool verified = false;
    };
    void contactsSecurity(const QObject *context,
                          std::function<void(protocol::Result<QList<ContactSecurity>>)> done);

Q_SIGNALS:
    void keyMismatch(const QString &userId, const QString &deviceId);
    void devicesAdded(const QString &userId, const QStringList &deviceIds);
    // A contact's devices changed after they were first seen: their safety number changed. The
    // line "security code changed" was stored in the chat with them, once (`line`, when the
    // chat exists).
    void securityCodeChanged(const QString &userId);
    void systemLineAdded(const parley::store::StoredMessage &line);
    // The user verified a peer, took it back, or a new device of the peer undid it.
    void verificationChanged(const QString &userId, bool verified);

private:
    struct Waiter
    {
        QPointer<const QObject> context;
        Callback done;
    };
    void fetch(const QString &userId);
    void finish(const QString &userId, const protocol::Result<protocol::DeviceKeyList> &list);

    net::RestTransport &m_rest;
    store::LocalStore &m_store;
    QString m_ownUserId;
    QHash<QString, protocol::DeviceKeyList> m_lists; // by user id
    QHash<QString, QList<Waiter>> m_waiting; // fetches in flight, by user id
};

} // namespace parley::sync
