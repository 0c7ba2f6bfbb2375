#pragma once

#include <QObject>
#include <QTimer>

namespace parley::server {

class MailboxStore;
class OtpStore;
class RefreshTokenStore;

// Forgets what the server no longer needs (docs/protocol.md 6.6, docs/security.md): finished
// OTP challenges, expired refresh tokens, mailboxes of removed devices, and, past
// --message-retention, the events devices have handled and old message records. Runs at start
// and then every IntervalMs, on the server's thread like every other store access.
class Housekeeping : public QObject
{
    Q_OBJECT
public:
    static constexpr int IntervalMs = 60 * 60 * 1000;

    // retentionMs 0: mailbox events and message records are kept for ever.
    Housekeeping(OtpStore &otp, RefreshTokenStore &refreshTokens, MailboxStore &mailbox,
                 qint64 retentionMs, QObject *parent = nullptr);

    void start();
    void runOnce();

private:
    OtpStore &m_otp;
    RefreshTokenStore &m_refreshTokens;
    MailboxStore &m_mailbox;
    qint64 m_retentionMs = 0;
    QTimer m_timer;
};

} // namespace parley::server
