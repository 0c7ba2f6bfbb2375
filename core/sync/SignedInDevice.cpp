#include "core/sync/SignedInDevice.h"

#include <QFile>

namespace parley::sync {

SignedInDevice::SignedInDevice(net::ApiClient &api, const crypto::DeviceKeyPair &keys,
                               const Session &session, QString sessionPath, QObject *parent)
    : QObject(parent)
    , m_sessionPath(std::move(sessionPath))
    , m_keeper(api, session)
    , m_messaging(session, keys, api, m_socket)
{
    m_messaging.followSession(m_keeper);
    connect(&m_keeper, &SessionKeeper::sessionRefreshed, this, &SignedInDevice::onRefreshed);
    connect(&m_keeper, &SessionKeeper::sessionEnded, this, [this](const protocol::Error &reason) {
        // A refresh token the server refuses is worthless: do not offer it again at next start.
        QFile::remove(m_sessionPath);
        Q_EMIT ended(reason);
    });
    connect(&m_socket, &net::SyncSocket::signedOut, &m_keeper, &SessionKeeper::refreshNow);
}

void SignedInDevice::start()
{
    // Every refresh rotates the refresh token, so the file is rewritten each time.
    if (!session().accessToken.isEmpty()) {
        SessionKeeper::save(session(), m_sessionPath);
        m_started = true;
        m_messaging.start();
    }
    m_keeper.start();
}

void SignedInDevice::onRefreshed(const Session &session)
{
    if (auto saved = SessionKeeper::save(session, m_sessionPath); !saved)
        qWarning().noquote() << saved.error().message;
    if (!m_started) {
        m_started = true;
        m_messaging.start();
    }
}

} // namespace parley::sync
