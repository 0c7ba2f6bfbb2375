#include "server/realtime/PresenceNotifier.h"

#include "core/protocol/Frame.h"
#include "core/protocol/UserPayloads.h"
#include "server/realtime/ConnectionRegistry.h"
#include "server/storage/ChatStore.h"
#include "server/storage/ProfileStore.h"

#include <QDateTime>

namespace parley::server {

using namespace protocol;

namespace {

Frame statusEvent(const UserStatus &status)
{
    return Frame::event(status.online ? FrameType::UserOnline : FrameType::UserOffline,
                        status.toJson());
}

} // namespace

PresenceNotifier::PresenceNotifier(ConnectionRegistry &registry, ChatStore &chats,
                                   ProfileStore &profiles, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_chats(chats)
    , m_profiles(profiles)
{
    connect(&m_registry, &ConnectionRegistry::userCameOnline, this, &PresenceNotifier::cameOnline);
    connect(&m_registry, &ConnectionRegistry::userWentOffline, this,
            &PresenceNotifier::wentOffline);
}

void PresenceNotifier::cameOnline(const QString &userId)
{
    announce(userId);
}

void PresenceNotifier::wentOffline(const QString &userId)
{
    // The moment the last connection closed is the user's last seen, pushed with it.
    if (auto saved = m_profiles.setLastSeen(userId, QDateTime::currentMSecsSinceEpoch()); !saved)
        qWarning().noquote() << "cannot store last seen:" << saved.error().message;
    announce(userId);
}

void PresenceNotifier::announce(const QString &userId)
{
    auto user = m_profiles.profile(userId);
    if (!user || !user.value() || !user.value()->shareLastSeen)
        return; // hidden: nobody learns anything, not even that something happened
    auto partners = m_chats.partners(userId);
    if (!partners)
        return;
    UserStatus status{userId, m_registry.isOnline(userId), std::nullopt};
    if (!status.online)
        status.lastSeen = user.value()->lastSeenAt;
    const Frame event = statusEvent(status);
    for (const QString &partner : partners.value()) {
        if (!m_registry.isOnline(partner))
            continue;
        auto viewer = m_profiles.profile(partner);
        if (viewer && viewer.value() && viewer.value()->shareLastSeen)
            m_registry.pushToUser(partner, event);
    }
}

void PresenceNotifier::show(const QString &viewer, const QString &userId)
{
    auto viewed = m_profiles.profile(userId);
    auto watcher = m_profiles.profile(viewer);
    if (!viewed || !viewed.value() || !watcher || !watcher.value())
        return;
    // As GET /users/{id}/status answers: hidden looks offline, without a last seen.
    const bool visible = viewed.value()->shareLastSeen && watcher.value()->shareLastSeen;
    UserStatus status{userId, visible && m_registry.isOnline(userId), std::nullopt};
    if (visible && !status.online)
        status.lastSeen = viewed.value()->lastSeenAt;
    m_registry.pushToUser(viewer, statusEvent(status));
}

void PresenceNotifier::privacyChanged(const QString &userId)
{
    auto partners = m_chats.partners(userId);
    if (!partners)
        return;
    const bool online = m_registry.isOnline(userId);
    for (const QString &partner : partners.value()) {
        if (m_registry.isOnline(partner))
            show(partner, userId);
        if (online)
            show(userId, partner);
    }
}

} // namespace parley::server
