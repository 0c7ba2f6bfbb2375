#pragma once

#include "core/protocol/Result.h"

#include <QByteArray>
#include <QString>

namespace parley::server {

// The one random master key of a server installation (32 bytes, file mode 0600 in the data
// directory). Purpose keys are derived from it with crypto_kdf, so rotating it signs everyone out.
class ServerSecret
{
public:
    static protocol::Result<ServerSecret> loadOrCreate(const QString &path);

    QByteArray tokenKey() const; // HMAC-SHA-256 key for access tokens
    QByteArray otpPepper() const; // key for hashing one-time codes

private:
    QByteArray derive(quint64 id) const;
    QByteArray m_master;
};

} // namespace parley::server
