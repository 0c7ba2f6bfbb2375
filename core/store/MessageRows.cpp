#include "core/store/MessageRows.h"

namespace parley::store::rows {

const QString MessageColumns = QStringLiteral(
    "m.id, m.chat_id, m.message_id, m.sender_user_id, m.sender_device_id, m.outgoing, m.kind, "
    "m.body, m.sent_at, m.server_time, m.stored_at, m.status, m.reply_to_id, m.reply_to_sender, "
    "m.edited_at, m.deleted_at");
const QString Visible = QStringLiteral("kind IN ('text', 'undecryptable', 'system')");

QString kindName(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Text:
        return QStringLiteral("text");
    case MessageKind::Undecryptable:
        return QStringLiteral("undecryptable");
    case MessageKind::System:
        return QStringLiteral("system");
    case MessageKind::Edit:
        return QStringLiteral("edit");
    case MessageKind::Reaction:
        return QStringLiteral("reaction");
    }
    return QStringLiteral("undecryptable");
}

MessageKind kindFromName(const QString &name)
{
    for (const auto kind :
         {MessageKind::Text, MessageKind::System, MessageKind::Edit, MessageKind::Reaction}) {
        if (name == kindName(kind))
            return kind;
    }
    return MessageKind::Undecryptable;
}

QVariant optionalText(const std::optional<LocalRef> &ref, bool sender)
{
    if (!ref)
        return QVariant();
    return text(sender ? ref->senderUserId : ref->messageId);
}

StoredMessage readMessage(const QSqlQuery &q, int at)
{
    StoredMessage m;
    m.row = q.value(at).toLongLong();
    m.chatId = q.value(at + 1).toLongLong();
    m.messageId = q.value(at + 2).toString();
    m.senderUserId = q.value(at + 3).toString();
    m.senderDeviceId = q.value(at + 4).toString();
    m.outgoing = q.value(at + 5).toInt() != 0;
    m.kind = kindFromName(q.value(at + 6).toString());
    m.body = q.value(at + 7).toString();
    m.sentAt = q.value(at + 8).toLongLong();
    m.serverTime = q.value(at + 9).toLongLong();
    m.storedAt = q.value(at + 10).toLongLong();
    m.status = MessageStatus(q.value(at + 11).toInt());
    if (!q.value(at + 12).isNull())
        m.replyTo = LocalRef{q.value(at + 12).toString(), q.value(at + 13).toString()};
    m.editedAt = q.value(at + 14).toLongLong();
    m.deletedAt = q.value(at + 15).toLongLong();
    return m;
}

protocol::Error transactionFailed()
{
    return protocol::Error{
        protocol::ErrorCode::InternalError,
        QStringLiteral("the message store cannot begin or commit a transaction")};
}

} // namespace parley::store::rows
