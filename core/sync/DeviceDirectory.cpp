#include "core/sync/DeviceDirectory.h"

#include "core/crypto/SafetyNumber.h"
#include "core/net/RestTransport.h"
#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"

#include <QDateTime>

#include <algorithm>

namespace parley::sync {

using namespace protocol;

DeviceDirectory::DeviceDirectory(net::RestTransport &rest, store::LocalStore &store,
                                 QString ownUserId, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_store(store)
    , m_ownUserId(std::move(ownUserId))
{ }

void DeviceDirectory::safetyNumber(const QString &peerUserId, const QObject *context,
                                   std::function<void(Result<QString>)> done)
{
    const auto keysOf = [](const DeviceKeyList &list) {
        QList<QByteArray> keys;
        for (const DeviceKey &device : list.devices)
            keys.append(device.publicKey);
        return keys;
    };
    devices(peerUserId, true, context,
            [=, this, context = QPointer<const QObject>(context)](Result<DeviceKeyList> theirs) {
                if (!theirs)
                    return done(theirs.error());
                devices(m_ownUserId, true, context, [=, this](Result<DeviceKeyList> ours) {
                    if (!ours)
                        return done(ours.error());
                    done(crypto::SafetyNumber::forPair(m_ownUserId, keysOf(ours.value()),
                                                       peerUserId, keysOf(theirs.value())));
                });
            });
}

void DeviceDirectory::safetyState(const QString &peerUserId, const QObject *context,
                                  std::function<void(Result<SafetyState>)> done)
{
    safetyNumber(peerUserId, context,
                 [=, this, context = QPointer<const QObject>(context)](Result<QString> number) {
                     if (!number)
                         return done(number.error());
                     if (!context)
                         return;
                     m_store.run(
                         context.get(),
                         [peerUserId](store::StoreContext &store) {
                             return store.peerKeys().verifiedNumber(peerUserId);
                         },
                         [done, digits = number.value()](Result<std::optional<QString>> verified) {
                             if (!verified)
                                 return done(verified.error());
                             done(SafetyState{digits, verified.value() == digits});
                         });
                 });
}

void DeviceDirectory::setVerified(const QString &peerUserId, const QString &number, bool verified,
                                  const QObject *context, std::function<void(Result<void>)> done)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    using Line = std::optional<store::StoredMessage>;
    m_store.run(
        context,
        [=](store::StoreContext &store) -> Result<Line> {
            // The verification first: the line only tells of it.
            bool changed = true;
            if (verified) {
                auto before = store.peerKeys().verifiedNumber(peerUserId);
                if (!before)
                    return before.error();
                changed = before.value() != number;
                if (auto set = store.peerKeys().setVerified(peerUserId, number, now); !set)
                    return set.error();
            } else {
                auto cleared = store.peerKeys().clearVerified(peerUserId);
                if (!cleared)
                    return cleared.error();
                changed = cleared.value();
            }
            auto chat = store.chats().chatByPeer(peerUserId);
            if (!chat)
                return chat.error();
            if (!changed || !chat.value())
                return Line();
            auto line = store.messages().addSystemLine(
                peerUserId,
                QLatin1String(verified ? store::MarkedVerified : store::MarkedUnverified), now);
            if (!line)
                return line.error();
            return Line(line.value());
        },
        [=, this](Result<Line> line) {
            if (!line)
                return done(line.error());
            Q_EMIT verificationChanged(peerUserId, verified);
            if (line.value())
                Q_EMIT systemLineAdded(*line.value());
            done({});
        });
}

void DeviceDirectory::contactsSecurity(const QObject *context,
                                       std::function<void(Result<QList<ContactSecurity>>)> done)
{
    m_store.run(
        context,
        [](store::StoreContext &store) -> Result<QList<ContactSecurity>> {
            auto chats = store.chats().chats();
            if (!chats)
                return chats.error();
            auto verified = store.peerKeys().verifiedPeers();
            if (!verified)
                return verified.error();
            QList<ContactSecurity> contacts;
            for (const store::ChatSummary &chat : chats.value()) {
                if (chat.peerUserId.isEmpty())
                    continue;
                contacts.append(
                    {chat.peerUserId, chat.displayTitle(), verified->contains(chat.peerUserId)});
            }
            std::sort(contacts.begin(), contacts.end(), [](const auto &a, const auto &b) {
                return QString::localeAwareCompare(a.name, b.name) < 0;
            });
            return contacts;
        },
        std::move(done));
}

const DeviceKeyList *DeviceDirectory::kept(const QString &userId) const
{
    const auto it = m_lists.constFind(userId);
    return it == m_lists.cend() ? nullptr : &*it;
}

std::optional<QByteArray> DeviceDirectory::keptKey(const QString &userId,
                                                   const QString &deviceId) const
{
    if (const DeviceKeyList *list = kept(userId)) {
        for (const DeviceKey &device : list->devices) {
            if (device.deviceId == deviceId)
                return device.publicKey;
        }
    }
    return std::nullopt;
}

void DeviceDirectory::devices(const QString &userId, bool fresh, const QObject *context,
                              Callback done)
{
    const DeviceKeyList *list = kept(userId);
    if (list && !fresh && !m_waiting.contains(userId)) {
        done(*list);
        return;
    }
    const bool fetching = m_waiting.contains(userId);
    m_waiting[userId].append({context, std::move(done)});
    if (!fetching)
        fetch(userId);
}

void DeviceDirectory::fetch(const QString &userId)
{
    m_rest.getAs<DeviceKeyList>(
        userDevicesPath(userId), {}, this, [this, userId](Result<DeviceKeyList> fetched) {
            if (!fetched) {
                finish(userId, fetched.error());
                return;
            }
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            using Pinned = std::pair<store::PinnedDevices, std::optional<store::StoredMessage>>;
            const bool contact = userId != m_ownUserId;
            m_store.run(
                this,
                [list = fetched.value(), now,
                 contact](store::StoreContext &store) -> Result<Pinned> {
                    auto pinned = store.peerKeys().pin(list, now);
                    if (!pinned)
                        return pinned.error();
                    Pinned result{pinned.value(), std::nullopt};
                    // New devices of a contact already known: their security code changed. The
                    // line goes in with the pinning, so it is written once.
                    if (contact && pinned->knownBefore && !pinned->added.isEmpty()) {
                        auto chat = store.chats().chatByPeer(list.userId);
                        if (!chat)
                            return chat.error();
                        if (chat.value()) {
                            auto line = store.messages().addSystemLine(
                                list.userId, QLatin1String(store::SecurityCodeChanged), now);
                            if (!line)
                                return line.error();
                            result.second = line.value();
                        }
                    }
                    return result;
                },
                [this, userId, contact](Result<Pinned> done) {
                    if (!done) {
                        finish(userId, done.error());
                        return;
                    }
                    const store::PinnedDevices *pinned = &done->first;
                    if (contact && pinned->knownBefore && !pinned->added.isEmpty())
                        Q_EMIT securityCodeChanged(userId);
                    if (pinned->verificationCleared)
                        Q_EMIT verificationChanged(userId, false);
                    if (done->second)
                        Q_EMIT systemLineAdded(*done->second);
                    for (const store::KeyMismatch &mismatch : pinned->mismatches)
                        Q_EMIT keyMismatch(mismatch.userId, mismatch.deviceId);
                    if (!pinned->added.isEmpty()) {
                        QStringList ids;
                        for (const DeviceKey &device : pinned->added)
                            ids.append(device.deviceId);
                        Q_EMIT devicesAdded(userId, ids);
                    }
                    m_lists.insert(userId, pinned->trusted);
                    finish(userId, pinned->trusted);
                });
        });
}

void DeviceDirectory::finish(const QString &userId, const Result<DeviceKeyList> &list)
{
    const QList<Waiter> waiters = m_waiting.take(userId);
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.done(list);
    }
}

} // namespace parley::sync
