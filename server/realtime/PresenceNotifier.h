#pragma once

#include <QObject>
#include <QString>

namespace parley::server {

class ChatStore;
class ConnectionRegistry;
class ProfileStore;

// Pushes user:online and user:offline to the live connections of everyone a user shares a chat
// with (docs/protocol.md 6.5), with exactly the visibility of GET /api/v1/users/{id}/status:
// only when both share their last seen. A user who hides it never causes a push by coming or
// going, so the timing of pushes reveals nothing either.
class PresenceNotifier : public QObject
{
    Q_OBJECT
public:
    PresenceNotifier(ConnectionRegistry &registry, ChatStore &chats, ProfileStore &profiles,
                     QObject *parent = nullptr);

    // The user changed privacy.lastSeen: their partners' view of them, and their view of their
    // partners, are pushed again as they now are.
    void privacyChanged(const QString &userId);

private:
    void cameOnline(const QString &userId);
    void wentOffline(const QString &userId);
    // Pushes the user's status to the partners who may see it.
    void announce(const QString &userId);
    // Pushes to `viewer` the status of `userId` as the viewer may see it now.
    void show(const QString &viewer, const QString &userId);

    ConnectionRegistry &m_registry;
    ChatStore &m_chats;
    ProfileStore &m_profiles;
};

} // namespace parley::server
