#include "server/Housekeeping.h"

#include "server/storage/MailboxStore.h"
#include "server/storage/OtpStore.h"
#include "server/storage/RefreshTokenStore.h"

#include <QDateTime>

namespace parley::server {

namespace {
// A finished challenge still counts for the hourly and resend limits this long.
constexpr qint64 OtpQuietMs = 60 * 60 * 1000;
} // namespace

Housekeeping::Housekeeping(OtpStore &otp, RefreshTokenStore &refreshTokens, MailboxStore &mailbox,
                           qint64 retentionMs, QObject *parent)
    : QObject(parent)
    , m_otp(otp)
    , m_refreshTokens(refreshTokens)
    , m_mailbox(mailbox)
    , m_retentionMs(retentionMs)
{
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Housekeeping::runOnce);
}

void Housekeeping::start()
{
    runOnce();
    m_timer.start();
}

void Housekeeping::runOnce()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto otp = m_otp.pruneFinished(now, OtpQuietMs);
    const auto tokens = m_refreshTokens.pruneExpired(now);
    MailboxStore::Pruned pruned;
    bool mailboxOk = true;
    if (m_retentionMs > 0) {
        const auto result = m_mailbox.prune(now - m_retentionMs);
        mailboxOk = result.ok();
        if (result)
            pruned = result.value();
    } else {
        const auto result = m_mailbox.pruneRemovedDevices();
        mailboxOk = result.ok();
        if (result)
            pruned.events = result.value();
    }
    if (!otp || !tokens || !mailboxOk) {
        qWarning().noquote() << "housekeeping: a storage error stopped part of it; it runs again"
                             << "in an hour";
    }
    const int forgotten
        = otp.value_or(0) + tokens.value_or(0) + pruned.events + pruned.messages + pruned.receipts;
    if (forgotten > 0) {
        qInfo().noquote() << QStringLiteral("housekeeping: removed %1 mailbox events, %2 message "
                                            "records, %3 receipts, %4 login challenges, %5 "
                                            "refresh tokens")
                                 .arg(pruned.events)
                                 .arg(pruned.messages)
                                 .arg(pruned.receipts)
                                 .arg(otp.value_or(0))
                                 .arg(tokens.value_or(0));
    }
}

} // namespace parley::server
