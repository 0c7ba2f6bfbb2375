#include "core/sync/DeviceDirectory.h"

#include "core/net/RestTransport.h"
#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"

#include <QDateTime>

namespace parley::sync {

using namespace protocol;

DeviceDirectory::DeviceDirectory(net::RestTransport &rest, store::LocalStore &store,
                                 QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_store(store)
{ }

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
            m_store.run(
                this,
                [list = fetched.value(), now](store::StoreContext &store) {
                    return store.peerKeys().pin(list, now);
                },
                [this, userId](Result<store::PinnedDevices> pinned) {
                    if (!pinned) {
                        finish(userId, pinned.error());
                        return;
                    }
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
