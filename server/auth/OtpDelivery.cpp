#include "server/auth/OtpDelivery.h"

#include "server/auth/SmtpOtpDelivery.h"
#include "server/auth/WebhookOtpDelivery.h"

#include <QDir>
#include <QSaveFile>

#include <cstdio>

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;

namespace {

const QString SmtpFromOption = QStringLiteral("smtp-from");
const QString SmtpUserOption = QStringLiteral("smtp-user");
const QString SmtpPasswordOption = QStringLiteral("smtp-password");
const QString SmtpStartTlsOption = QStringLiteral("smtp-starttls");
const QString WebhookSecretOption = QStringLiteral("webhook-secret");

enum class Kind { Console, File, Smtp, Webhook, Unknown };

Kind kindOf(const QString &spec)
{
    if (spec == QLatin1String("console"))
        return Kind::Console;
    if (spec.startsWith(QLatin1String("file:")))
        return Kind::File;
    if (spec.startsWith(QLatin1String("smtp://")) || spec.startsWith(QLatin1String("smtps://")))
        return Kind::Smtp;
    if (spec.startsWith(QLatin1String("webhook:")))
        return Kind::Webhook;
    return Kind::Unknown;
}

// The spec as it may be shown in an error: without a password in a URL's user info.
QString redacted(const QString &spec)
{
    const qsizetype scheme = spec.indexOf(QLatin1String("://"));
    const qsizetype at = spec.indexOf(u'@', scheme + 3);
    if (scheme < 0 || at < 0)
        return spec;
    return spec.left(scheme + 3) + QStringLiteral("***") + spec.mid(at);
}

Error malformed(const QString &spec, const QString &why)
{
    return Error{ErrorCode::InvalidField,
                 QStringLiteral("--otp-delivery '%1': %2; use %3")
                     .arg(redacted(spec), why, OtpDelivery::acceptedForms())};
}

} // namespace

void OtpDeliveryOptions::addOptions(QCommandLineParser &parser)
{
    parser.addOption({SmtpFromOption,
                      QStringLiteral("Sender address of smtp OTP e-mails. Default: %1.")
                          .arg(OtpDeliveryOptions().smtpFrom),
                      QStringLiteral("ADDRESS")});
    parser.addOption({SmtpUserOption,
                      QStringLiteral("User name for SMTP authentication (or in the smtp:// URL)."),
                      QStringLiteral("USER")});
    parser.addOption({SmtpPasswordOption,
                      QStringLiteral("Password for SMTP authentication (or in the smtp:// URL)."),
                      QStringLiteral("PASSWORD")});
    parser.addOption({SmtpStartTlsOption,
                      QStringLiteral("Require STARTTLS on smtp://: a mail server that does not "
                                     "offer it gets no code (smtps:// is TLS from the start).")});
    parser.addOption({WebhookSecretOption,
                      QStringLiteral("Sign webhook requests: X-Parley-Signature: sha256=<hex "
                                     "HMAC-SHA256 of the body with SECRET>."),
                      QStringLiteral("SECRET")});
}

protocol::Result<OtpDeliveryOptions>
OtpDeliveryOptions::fromParser(const QCommandLineParser &parser)
{
    OtpDeliveryOptions options;
    if (parser.isSet(SmtpFromOption))
        options.smtpFrom = parser.value(SmtpFromOption);
    options.smtpUser = parser.value(SmtpUserOption);
    options.smtpPassword = parser.value(SmtpPasswordOption);
    options.smtpStartTls = parser.isSet(SmtpStartTlsOption);
    options.webhookSecret = parser.value(WebhookSecretOption).toUtf8();
    return options;
}

QString OtpDelivery::acceptedForms()
{
    return QStringLiteral("console | file:DIR | smtp[s]://HOST:PORT | webhook:URL");
}

protocol::Result<void> OtpDelivery::checkSpec(const QString &spec,
                                              const OtpDeliveryOptions &options)
{
    switch (kindOf(spec)) {
    case Kind::Console:
        return {};
    case Kind::File:
        if (spec.size() == 5)
            return malformed(spec, QStringLiteral("file: needs a directory"));
        return {};
    case Kind::Smtp: {
        if (auto url = SmtpOtpDelivery::parseUrl(spec); !url)
            return malformed(spec, url.error().message);
        if (!SmtpOtpDelivery::isPlainAddress(options.smtpFrom)) {
            return Error{ErrorCode::InvalidField,
                         QStringLiteral("--smtp-from takes an address like parley@example.org; "
                                        "got '%1'")
                             .arg(options.smtpFrom)};
        }
        return {};
    }
    case Kind::Webhook:
        if (auto url = WebhookOtpDelivery::parseUrl(spec); !url)
            return malformed(spec, url.error().message);
        return {};
    case Kind::Unknown:
        break;
    }
    return malformed(spec, QStringLiteral("unknown delivery"));
}

protocol::Result<std::shared_ptr<OtpDelivery>>
OtpDelivery::fromSpec(const QString &spec, const OtpDeliveryOptions &options)
{
    if (auto valid = checkSpec(spec, options); !valid)
        return valid.error();
    switch (kindOf(spec)) {
    case Kind::Console:
        return std::shared_ptr<OtpDelivery>(std::make_shared<ConsoleOtpDelivery>());
    case Kind::File: {
        const QString directory = spec.mid(5);
        if (!QDir().mkpath(directory))
            return Error{ErrorCode::InvalidField,
                         QStringLiteral("cannot create %1").arg(directory)};
        return std::shared_ptr<OtpDelivery>(std::make_shared<FileOtpDelivery>(directory));
    }
    case Kind::Smtp: {
        QUrl url = SmtpOtpDelivery::parseUrl(spec).value();
        SmtpSettings settings;
        settings.from = options.smtpFrom;
        settings.user = options.smtpUser.isEmpty() ? url.userName() : options.smtpUser;
        settings.password = options.smtpPassword.isEmpty() ? url.password() : options.smtpPassword;
        settings.requireStartTls = options.smtpStartTls;
        url.setUserInfo({});
        settings.url = url;
        return std::shared_ptr<OtpDelivery>(std::make_shared<SmtpOtpDelivery>(settings));
    }
    case Kind::Webhook:
        return std::shared_ptr<OtpDelivery>(std::make_shared<WebhookOtpDelivery>(
            WebhookSettings{WebhookOtpDelivery::parseUrl(spec).value(), options.webhookSecret}));
    case Kind::Unknown:
        break;
    }
    return malformed(spec, QStringLiteral("unknown delivery"));
}

protocol::Result<void> ConsoleOtpDelivery::deliver(const OtpMessage &message)
{
    std::printf("Parley login code for %s: %s\n", qPrintable(message.phoneNumber),
                qPrintable(message.code));
    std::fflush(stdout);
    return {};
}

FileOtpDelivery::FileOtpDelivery(QString directory)
    : m_directory(std::move(directory))
{ }

protocol::Result<void> FileOtpDelivery::deliver(const OtpMessage &message)
{
    QSaveFile file(QDir(m_directory).filePath(message.phoneNumber + QLatin1String(".txt")));
    if (!file.open(QIODevice::WriteOnly) || file.write(message.code.toLatin1() + '\n') < 0
        || !file.commit())
        return Error{ErrorCode::InternalError, QStringLiteral("cannot write the code file")};
    return {};
}

} // namespace parley::server
