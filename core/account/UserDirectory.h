#pragma once

#include "core/protocol/Result.h"
#include "core/protocol/UserPayloads.h"

#include <QObject>

#include <functional>

namespace parley::net {
class RestTransport;
}

namespace parley {

// Finding people on the server (docs/protocol.md 4.5, 4.28): by phone number or name prefix,
// and who a user id is.
class UserDirectory : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(protocol::Result<protocol::UserSearchPage>)>;

    explicit UserDirectory(net::RestTransport &rest, QObject *parent = nullptr);

    // `done` is not called once `context` is gone.
    void search(const QString &query, const QObject *context, Callback done);
    // The account of exactly this number, or not_found.
    void findByPhone(const QString &phoneNumber, const QObject *context,
                     std::function<void(protocol::Result<protocol::UserSearchHit>)> done);
    // A user's public profile, with their number once this account shares a chat with them.
    void card(const QString &userId, const QObject *context,
              std::function<void(protocol::Result<protocol::UserCard>)> done);

private:
    net::RestTransport &m_rest;
};

} // namespace parley
