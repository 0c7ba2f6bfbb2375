#include "server/auth/SmtpOtpDelivery.h"

#include "server/auth/CurlWorkerPool.h"

#include <QUuid>

#include <algorithm>
#include <cstring>

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;

namespace {

struct Upload
{
    QByteArray data;
    qsizetype offset = 0;
};

size_t readUpload(char *buffer, size_t size, size_t count, void *userdata)
{
    auto *upload = static_cast<Upload *>(userdata);
    const size_t length = std::min(size * count, size_t(upload->data.size() - upload->offset));
    std::memcpy(buffer, upload->data.constData() + upload->offset, length);
    upload->offset += qsizetype(length);
    return length;
}

// Runs on a worker thread; uses only its arguments.
QString send(CURL *curl, const SmtpSettings &settings, const QString &to, const QByteArray &mail)
{
    curl_easy_setopt(curl, CURLOPT_URL, settings.url.toEncoded().constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    if (settings.requireStartTls)
        curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    if (!settings.user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, settings.user.toUtf8().constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, settings.password.toUtf8().constData());
    }
    const QByteArray from = '<' + settings.from.toUtf8() + '>';
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    const QByteArray recipient = '<' + to.toUtf8() + '>';
    curl_slist *recipients = curl_slist_append(nullptr, recipient.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    Upload upload{mail};
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readUpload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(mail.size()));
    const QString error = CurlWorkerPool::perform(curl);
    curl_slist_free_all(recipients);
    return error;
}

QString lifetime(int seconds)
{
    if (seconds % 60 == 0)
        return seconds == 60 ? QStringLiteral("1 minute")
                             : QStringLiteral("%1 minutes").arg(seconds / 60);
    return seconds == 1 ? QStringLiteral("1 second") : QStringLiteral("%1 seconds").arg(seconds);
}

} // namespace

SmtpOtpDelivery::SmtpOtpDelivery(SmtpSettings settings)
    : m_settings(std::move(settings))
    , m_pool(std::make_unique<CurlWorkerPool>(QStringLiteral("smtp OTP delivery")))
{ }

SmtpOtpDelivery::~SmtpOtpDelivery() = default;

protocol::Result<void> SmtpOtpDelivery::deliver(const OtpMessage &message)
{
    if (message.email.isEmpty()) {
        qWarning("smtp OTP delivery skipped: the account has no e-mail address");
        return {};
    }
    if (!isPlainAddress(message.email)) {
        qWarning(
            "smtp OTP delivery skipped: the account's e-mail address is not a plain ASCII address");
        return {};
    }
    const QByteArray mail
        = composeMessage(m_settings.from, message, QDateTime::currentDateTimeUtc());
    m_pool->start([settings = m_settings, to = message.email, mail](CURL *curl) {
        return send(curl, settings, to, mail);
    });
    return {};
}

bool SmtpOtpDelivery::waitForPending(int timeoutMs)
{
    return m_pool->waitForDone(timeoutMs);
}

protocol::Result<QUrl> SmtpOtpDelivery::parseUrl(const QString &spec)
{
    QUrl url(spec, QUrl::StrictMode);
    if (!url.isValid())
        return Error{ErrorCode::InvalidField, QStringLiteral("not a valid URL")};
    if (url.scheme() != QLatin1String("smtp") && url.scheme() != QLatin1String("smtps"))
        return Error{ErrorCode::InvalidField, QStringLiteral("the scheme is not smtp or smtps")};
    if (url.host().isEmpty())
        return Error{ErrorCode::InvalidField, QStringLiteral("the SMTP URL has no host")};
    if (url.port() == 0)
        return Error{ErrorCode::InvalidField, QStringLiteral("port 0 cannot be an SMTP server")};
    if ((!url.path().isEmpty() && url.path() != QLatin1String("/")) || url.hasQuery()
        || url.hasFragment())
        return Error{ErrorCode::InvalidField,
                     QStringLiteral("the SMTP URL takes only a host and a port")};
    url.setPath({});
    return url;
}

bool SmtpOtpDelivery::isPlainAddress(const QString &address)
{
    const qsizetype at = address.indexOf(u'@');
    if (address.size() > 254 || at <= 0 || at != address.lastIndexOf(u'@')
        || at == address.size() - 1)
        return false;
    static const QString forbidden = QStringLiteral("<>()[]\\,;:\"");
    return std::all_of(address.cbegin(), address.cend(), [](QChar c) {
        return c.unicode() > 0x20 && c.unicode() < 0x7f && !forbidden.contains(c);
    });
}

QByteArray SmtpOtpDelivery::composeMessage(const QString &from, const OtpMessage &message,
                                           const QDateTime &date)
{
    const QString domain = from.mid(from.indexOf(u'@') + 1);
    const QString messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QStringList lines{
        QStringLiteral("Date: ") + date.toString(Qt::RFC2822Date),
        QStringLiteral("From: Parley <%1>").arg(from),
        QStringLiteral("To: <%1>").arg(message.email),
        QStringLiteral("Subject: Your Parley code"),
        QStringLiteral("Message-ID: <%1@%2>").arg(messageId, domain),
        QStringLiteral("MIME-Version: 1.0"),
        QStringLiteral("Content-Type: text/plain; charset=utf-8"),
        QStringLiteral("Content-Transfer-Encoding: 7bit"),
        QStringLiteral("Auto-Submitted: auto-generated"), // RFC 3834: no vacation replies
        QString(),
        QStringLiteral("Your Parley code is %1.").arg(message.code),
        QString(),
        QStringLiteral("It expires in %1. If you did not ask for it, ignore this e-mail:")
            .arg(lifetime(message.expiresInSeconds)),
        QStringLiteral("nobody can sign in without the code."),
    };
    return lines.join(QLatin1String("\r\n")).toUtf8() + "\r\n";
}

} // namespace parley::server
