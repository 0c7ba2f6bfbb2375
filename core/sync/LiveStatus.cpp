#include "core/sync/LiveStatus.h"

#include "core/net/MessageTransport.h"
#include "core/net/RestTransport.h"
#include "core/protocol/ChatPayloads.h"
#include "core/protocol/RestPayloads.h"
#include "core/sync/ChatDirectory.h"

namespace parley::sync {

using namespace protocol;

LiveStatus::LiveStatus(net::MessageTransport &transport, net::RestTransport &rest,
                       ChatDirectory &chats, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_rest(rest)
    , m_chats(chats)
{
    connect(&m_transport, &net::MessageTransport::eventReceived, this, &LiveStatus::onEvent);
    // What was heard belongs to that connection: after a reconnect the server is asked again.
    connect(&m_transport, &net::MessageTransport::disconnected, this, [this] {
        m_presence.clear();
        m_sentTyping.clear();
        const QStringList typing = m_typing.keys();
        m_typing.clear();
        for (const QString &peer : typing)
            Q_EMIT typingChanged(peer, false);
    });
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &LiveStatus::expire);
}

void LiveStatus::setTyping(const QString &peerUserId, bool typing,
                           std::function<void(Result<void>)> sent)
{
    const auto report = [sent](Result<void> result) {
        if (sent)
            sent(result);
    };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto last = m_sentTyping.constFind(peerUserId);
    if (typing && last != m_sentTyping.cend() && now - *last < TypingEvent::RenewMs)
        return report({}); // the last one still holds
    if (!typing && last == m_sentTyping.cend())
        return report({}); // nobody was told it started
    if (typing)
        m_sentTyping.insert(peerUserId, now);
    else
        m_sentTyping.remove(peerUserId);
    if (!m_transport.isConnected())
        return report(Error{ErrorCode::NetworkError, tr("Not connected.")});
    m_chats.chatWith(peerUserId, this, [this, typing, report](Result<QString> chatId) {
        if (!chatId)
            return report(chatId.error());
        m_transport.request(FrameType::MessageTyping,
                            TypingRequest{chatId.value(), typing}.toJson(), this,
                            [this, report](Result<QJsonObject> answer) {
                                if (!answer && answer.error().code != ErrorCode::NetworkError)
                                    Q_EMIT typingRefused(answer.error());
                                report(answer ? Result<void>() : Result<void>(answer.error()));
                            });
    });
}

void LiveStatus::onEvent(const Frame &event)
{
    if (event.type == FrameType::UserTyping) {
        const auto typing = TypingEvent::fromJson(event.data);
        if (!typing)
            return;
        const bool was = m_typing.contains(typing->userId);
        if (typing->typing) {
            m_typing.insert(typing->userId,
                            QDateTime::currentMSecsSinceEpoch()
                                + qBound(qint64(1000), typing->expiresIn, qint64(60000)));
        } else {
            m_typing.remove(typing->userId);
        }
        if (was != typing->typing)
            Q_EMIT typingChanged(typing->userId, typing->typing);
        expire(); // sets the timer for the next expiry
    } else if (event.type == FrameType::UserOnline || event.type == FrameType::UserOffline) {
        const auto status = UserStatus::fromJson(event.data);
        if (!status)
            return;
        m_presence.insert(status->userId, status.value());
        // Going offline ends typing at once.
        if (!status->online && m_typing.remove(status->userId) > 0)
            Q_EMIT typingChanged(status->userId, false);
        Q_EMIT presenceChanged(status.value());
    } else if (event.type == FrameType::MessageReceive) {
        // A message from someone ends their typing.
        const QString sender = event.data.value(QLatin1String("senderUserId")).toString();
        if (m_typing.remove(sender) > 0)
            Q_EMIT typingChanged(sender, false);
    }
}

void LiveStatus::expire()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 next = 0;
    for (auto it = m_typing.begin(); it != m_typing.end();) {
        if (it.value() <= now) {
            const QString peer = it.key();
            it = m_typing.erase(it);
            Q_EMIT typingChanged(peer, false);
            continue;
        }
        next = next == 0 ? it.value() : qMin(next, it.value());
        ++it;
    }
    if (next > 0)
        m_expiry.start(int(next - now));
}

void LiveStatus::status(const QString &userId, const QObject *context,
                        std::function<void(Result<UserStatus>)> done)
{
    const auto heard = m_presence.constFind(userId);
    if (heard != m_presence.cend()) {
        done(*heard);
        return;
    }
    m_rest.getAs<UserStatus>(QLatin1String(paths::UsersPrefix) + userId
                                 + QLatin1String(paths::StatusSuffix),
                             {}, context, std::move(done));
}

} // namespace parley::sync
