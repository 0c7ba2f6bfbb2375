#pragma once

#include "core/protocol/Result.h"
#include "core/sql/Database.h"
#include "core/store/StoreTypes.h"

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>

// How messages are laid out in the client store's rows, shared by the stores over them
// (MessageStore, ChatStore); not a public interface.
namespace parley::store::rows {

// The columns readMessage() reads, of a messages table aliased m.
extern const QString MessageColumns;
constexpr int MessageColumnCount = 16;
// What a chat shows; own edits and reactions waiting in the outbox are hidden rows.
extern const QString Visible;

// This account's own messages (written here or on its other devices) are stored with an empty
// sender, so "sender_user_id = '' AND message_id = ?" finds one through the unique index.

// Qt binds a null QString as NULL; the text columns are NOT NULL, empty when there is nothing.
inline QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString kindName(MessageKind kind);
MessageKind kindFromName(const QString &name);
// A reply's quoted message id (sender false) or sender, NULL when there is none.
QVariant optionalText(const std::optional<LocalRef> &ref, bool sender);
// The MessageColumns of a row, starting at column `at`.
StoredMessage readMessage(const QSqlQuery &q, int at = 0);

protocol::Error transactionFailed();

// Runs `work` in one transaction: committed when it succeeds, rolled back when it fails.
template<typename Work> auto inTransaction(sql::Database &db, Work work) -> decltype(work())
{
    sql::Transaction transaction(db);
    if (!transaction.ok())
        return transactionFailed();
    auto result = work();
    if (result && !transaction.commit())
        return transactionFailed();
    return result;
}

} // namespace parley::store::rows
