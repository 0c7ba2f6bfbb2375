#include "core/sync/ChatDirectory.h"

#include "core/net/RestTransport.h"
#include "core/protocol/ChatPayloads.h"
#include "core/protocol/MessagePayloads.h"
#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"

#include <QDateTime>

namespace parley::sync {

using namespace protocol;

ChatDirectory::ChatDirectory(net::RestTransport &rest, store::LocalStore &store, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_store(store)
{ }

void ChatDirectory::chatWith(const QString &peerUserId, const QObject *context, Callback done)
{
    const auto known = m_ids.constFind(peerUserId);
    if (known != m_ids.cend() && !m_waiting.contains(peerUserId)) {
        done(*known);
        return;
    }
    const bool looking = m_waiting.contains(peerUserId);
    m_waiting[peerUserId].append({context, std::move(done)});
    if (!looking)
        lookUp(peerUserId);
}

void ChatDirectory::deleteForEveryone(const QString &peerUserId, const QString &messageId,
                                      const QObject *context,
                                      std::function<void(Result<qint64>)> done)
{
    chatWith(peerUserId, context,
             [this, messageId, context = QPointer<const QObject>(context),
              done = std::move(done)](Result<QString> chatId) {
                 if (!chatId) {
                     done(chatId.error());
                     return;
                 }
                 m_rest.remove(chatMessagePath(chatId.value(), messageId), context,
                               [done](Result<QJsonObject> answer) {
                                   if (!answer) {
                                       done(answer.error());
                                       return;
                                   }
                                   auto tombstone
                                       = MessageDeleted::fromJson(withSeq(answer.value(), 1));
                                   if (!tombstone)
                                       done(tombstone.error());
                                   else
                                       done(tombstone->deletedAt);
                               });
             });
}

void ChatDirectory::updateSettings(const QString &peerUserId, const ChatSettingsUpdate &update,
                                   const QObject *context,
                                   std::function<void(Result<ChatInfo>)> done)
{
    chatWith(peerUserId, context,
             [this, update, context = QPointer<const QObject>(context),
              done = std::move(done)](Result<QString> chatId) {
                 if (!chatId)
                     return done(chatId.error());
                 m_rest.put(chatPath(chatId.value()), update.toJson(), context,
                            [done](Result<QJsonObject> answer) {
                                if (!answer)
                                    return done(answer.error());
                                done(ChatInfo::fromJson(answer.value()));
                            });
             });
}

void ChatDirectory::deleteChat(const QString &peerUserId, const QObject *context,
                               std::function<void(Result<void>)> done)
{
    chatWith(peerUserId, context,
             [this, context = QPointer<const QObject>(context),
              done = std::move(done)](Result<QString> chatId) {
                 if (!chatId)
                     return done(chatId.error());
                 m_rest.remove(chatPath(chatId.value()), context,
                               [done](Result<QJsonObject> answer) {
                                   if (!answer)
                                       return done(answer.error());
                                   done({});
                               });
             });
}

void ChatDirectory::lookUp(const QString &peerUserId)
{
    m_store.run(
        this,
        [peerUserId](store::StoreContext &store) { return store.chats().serverChatId(peerUserId); },
        [this, peerUserId](Result<QString> stored) {
            if (!stored)
                finish(peerUserId, stored.error());
            else if (stored->isEmpty())
                create(peerUserId);
            else
                finish(peerUserId, stored.value());
        });
}

void ChatDirectory::create(const QString &peerUserId)
{
    m_rest.postAs<ChatInfo>(
        QLatin1String(paths::Chats), CreateChatRequest{peerUserId}.toJson(), this,
        [this, peerUserId](Result<ChatInfo> chat) {
            if (!chat) {
                finish(peerUserId, chat.error());
                return;
            }
            // A chat with someone else would seal to one person and route to another.
            if (chat->peerUserId != peerUserId || chat->type != QLatin1String(DirectChat)) {
                finish(peerUserId,
                       Error{ErrorCode::InternalError,
                             tr("The server answered with a chat with someone else.")});
                return;
            }
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            m_store.run(
                this,
                [peerUserId, chatId = chat->chatId, now](store::StoreContext &store) {
                    return store.chats().setServerChatId(peerUserId, chatId, now);
                },
                [this, peerUserId, chatId = chat->chatId](Result<qint64> saved) {
                    if (!saved)
                        finish(peerUserId, saved.error());
                    else
                        finish(peerUserId, chatId);
                });
        });
}

void ChatDirectory::finish(const QString &peerUserId, const Result<QString> &chatId)
{
    if (chatId)
        m_ids.insert(peerUserId, chatId.value());
    const QList<Waiter> waiters = m_waiting.take(peerUserId);
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.done(chatId);
    }
}

} // namespace parley::sync
