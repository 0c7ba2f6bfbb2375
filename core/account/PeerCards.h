#pragma once

#include "core/protocol/Result.h"
#include "core/store/StoreTypes.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>

namespace parley::store {
class LocalStore;
}

namespace parley {

class UserDirectory;

// Keeps the store's picture of the people this account chats with up to date: their name,
// about text and number from the server's card (docs/protocol.md 4.28). A chat someone else
// started knows only their user id until then. Cards older than a day are read again, the most
// recent chats first, a bounded number at a time; an opened chat's card is read at once.
class PeerCards : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MaxAgeMs = 24 * 60 * 60 * 1000;
    static constexpr int BatchSize = 50; // cards asked for per round
    static constexpr int MaxInFlight = 4;

    PeerCards(UserDirectory &users, store::LocalStore &store, QObject *parent = nullptr);

    // Reads the cards that are missing or old (soon: changes that come together make one round).
    void refreshStale();
    // Reads this person's card now, whatever its age.
    void refresh(const QString &peerUserId);
    // The chat with someone found in a search or the contacts: stored with what is known of
    // them (cardStored), then done(local chat id). Their full card is read at once.
    void startChat(const store::PeerCard &card, const QObject *context,
                   std::function<void(protocol::Result<qint64>)> done);

Q_SIGNALS:
    // A chat's card was stored.
    void cardStored(qint64 chatId, const parley::store::PeerCard &card);

private:
    void findStale();
    void pump();
    void store(const store::PeerCard &card);

    UserDirectory &m_users;
    store::LocalStore &m_store;
    QTimer m_staleTimer;
    QStringList m_waiting; // peers whose card is to be read, in order
    QSet<QString> m_asked; // waiting or in flight
    int m_inFlight = 0;
};

} // namespace parley
