#include "core/account/PeerCards.h"

#include "core/account/UserDirectory.h"
#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"

#include <QDateTime>

namespace parley {

using protocol::Result;

namespace {
// A sync page of messages from new people makes one round, not one per message.
constexpr int CoalesceMs = 200;
} // namespace

PeerCards::PeerCards(UserDirectory &users, store::LocalStore &store, QObject *parent)
    : QObject(parent)
    , m_users(users)
    , m_store(store)
{
    m_staleTimer.setSingleShot(true);
    m_staleTimer.setInterval(CoalesceMs);
    connect(&m_staleTimer, &QTimer::timeout, this, &PeerCards::findStale);
}

void PeerCards::refreshStale()
{
    m_staleTimer.start();
}

void PeerCards::refresh(const QString &peerUserId)
{
    if (peerUserId.isEmpty() || m_asked.contains(peerUserId))
        return;
    m_asked.insert(peerUserId);
    m_waiting.prepend(peerUserId);
    pump();
}

void PeerCards::startChat(const store::PeerCard &card, const QObject *context,
                          std::function<void(Result<qint64>)> done)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QPointer<const QObject> guard(context);
    m_store.run(
        this, [card, now](store::StoreContext &store) { return store.chats().openWith(card, now); },
        [this, card, guard, done = std::move(done)](Result<qint64> chatId) {
            if (chatId) {
                Q_EMIT cardStored(chatId.value(), card);
                refresh(card.userId);
            }
            if (guard)
                done(chatId);
        });
}

void PeerCards::findStale()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch() - MaxAgeMs;
    m_store.run(
        this,
        [before](store::StoreContext &store) {
            return store.chats().peersWithOldCards(before, BatchSize);
        },
        [this](Result<QStringList> peers) {
            if (!peers) {
                qWarning().noquote() << "cannot read the chats' people:" << peers.error().message;
                return;
            }
            for (const QString &peer : peers.value()) {
                if (!m_asked.contains(peer)) {
                    m_asked.insert(peer);
                    m_waiting.append(peer);
                }
            }
            pump();
        });
}

void PeerCards::pump()
{
    while (m_inFlight < MaxInFlight && !m_waiting.isEmpty()) {
        const QString peer = m_waiting.takeFirst();
        ++m_inFlight;
        m_users.card(peer, this, [this, peer](Result<protocol::UserCard> card) {
            --m_inFlight;
            if (card) {
                m_asked.remove(peer);
                store(
                    {peer, card->displayName, card->about, card->phoneNumber.value_or(QString())});
            } else if (card.error().code != protocol::ErrorCode::UnknownUser) {
                // Offline or refused: asked again on the next round.
                m_asked.remove(peer);
                qInfo().noquote() << "cannot read a card:" << card.error().message;
            }
            // An account that is gone keeps what its chat knew, and is not asked for again
            // while this runs (it stays in m_asked).
            pump();
        });
    }
}

void PeerCards::store(const store::PeerCard &card)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_store.run(
        this,
        [card, now](store::StoreContext &store) { return store.chats().setPeerCard(card, now); },
        [this, card](Result<std::optional<qint64>> chatId) {
            if (!chatId) {
                qWarning().noquote() << "cannot store a card:" << chatId.error().message;
                return;
            }
            if (chatId.value())
                Q_EMIT cardStored(*chatId.value(), card);
        });
}

} // namespace parley
