#include "server/ServerConfig.h"

#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;

protocol::Result<std::pair<QHostAddress, quint16>> parseListenAddress(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    bool portOk = false;
    const uint port = colon > 0 ? text.mid(colon + 1).toUInt(&portOk) : 0;
    QString host = colon > 0 ? text.left(colon) : QString();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    const QHostAddress address(host);
    if (!portOk || port > 65535 || address.isNull()) {
        return Error{ErrorCode::InvalidField,
                     QStringLiteral("--listen takes HOST:PORT, like 127.0.0.1:8765 or [::1]:0; "
                                    "got '%1'")
                         .arg(text)};
    }
    return std::pair{address, quint16(port)};
}

std::optional<qint64> parseDuration(const QString &text)
{
    static const QList<std::pair<QChar, qint64>> units{
        {u's', 1000}, {u'm', 60 * 1000}, {u'h', 3600 * 1000}, {u'd', 24 * 3600 * 1000}};
    qint64 unit = 1000;
    QString digits = text;
    for (const auto &[suffix, ms] : units) {
        if (text.endsWith(suffix)) {
            unit = ms;
            digits.chop(1);
        }
    }
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    // At most about 100 years, so that the milliseconds fit easily.
    if (!ok || value < 0 || digits.isEmpty() || !digits.at(0).isDigit()
        || value > qint64(36500) * 24 * 3600 * 1000 / unit)
        return std::nullopt;
    return value * unit;
}

namespace {
const QString RetentionOption = QStringLiteral("message-retention");
const QString ListenOption = QStringLiteral("listen");
const QString DataDirOption = QStringLiteral("data-dir");
const QString OtpDeliveryOption = QStringLiteral("otp-delivery");
const QString DatabaseOption = QStringLiteral("database");
} // namespace

void ServerConfig::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ListenOption,
                      QStringLiteral("Address and port to listen on; port 0 picks a free one. "
                                     "The chosen address is printed on one line."),
                      QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8765")});
    parser.addOption({DataDirOption,
                      QStringLiteral("Directory for the SQLite database, the server secret and "
                                     "media (default: the user's application data folder)."),
                      QStringLiteral("DIR")});
    parser.addOption({OtpDeliveryOption,
                      QStringLiteral("How login codes are sent: 'console' prints them, "
                                     "'file:DIR' writes DIR/<E.164 number>.txt, "
                                     "'smtp[s]://HOST:PORT' e-mails accounts that have an "
                                     "address, 'webhook:URL' POSTs JSON to an SMS gateway."),
                      QStringLiteral("console|file:DIR|smtp[s]://HOST:PORT|webhook:URL"),
                      QStringLiteral("console")});
    OtpDeliveryOptions::addOptions(parser);
    parser.addOption({DatabaseOption,
                      QStringLiteral("Storage: omit for the embedded SQLite file in the data "
                                     "directory, or postgresql://USER:PASSWORD@HOST:PORT/DB."),
                      QStringLiteral("URL")});
    AuthPolicy::addOptions(parser);
    WebPolicy::addOptions(parser);
    SocketPolicy::addOptions(parser);
    parser.addOption({RetentionOption,
                      QStringLiteral("How long the server keeps mailbox events a device has "
                                     "handled, and message records, counted from when they were "
                                     "stored: like 30d, 12h, 90s; 0 keeps them for ever. Events "
                                     "a device has not handled yet are kept until it does."),
                      QStringLiteral("DURATION"), QStringLiteral("30d")});
}

protocol::Result<ServerConfig> ServerConfig::fromParser(const QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty()) {
        return Error{
            ErrorCode::InvalidField,
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first())};
    }
    ServerConfig config;
    auto address = parseListenAddress(parser.value(ListenOption));
    if (!address)
        return address.error();
    std::tie(config.address, config.port) = address.value();
    config.dataDir = parser.isSet(DataDirOption)
        ? parser.value(DataDirOption)
        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    config.otpDelivery = parser.value(OtpDeliveryOption);
    auto otpOptions = OtpDeliveryOptions::fromParser(parser);
    if (!otpOptions)
        return otpOptions.error();
    config.otpOptions = otpOptions.value();
    if (auto valid = OtpDelivery::checkSpec(config.otpDelivery, config.otpOptions); !valid)
        return valid.error();
    config.databaseUrl = parser.value(DatabaseOption);
    if (!config.databaseUrl.isEmpty()
        && !config.databaseUrl.startsWith(QLatin1String("postgresql://"))) {
        return Error{ErrorCode::InvalidField,
                     QStringLiteral("--database takes a postgresql:// URL; got '%1'")
                         .arg(config.databaseUrl)};
    }
    auto auth = AuthPolicy::fromParser(parser);
    if (!auth)
        return auth.error();
    config.auth = auth.value();
    auto web = WebPolicy::fromParser(parser);
    if (!web)
        return web.error();
    config.web = web.value();
    auto socket = SocketPolicy::fromParser(parser);
    if (!socket)
        return socket.error();
    config.socket = socket.value();
    const auto retention = parseDuration(parser.value(RetentionOption));
    if (!retention) {
        return Error{ErrorCode::InvalidField,
                     QStringLiteral("--%1 takes a duration like 30d, 12h, 45m or 90s (0: for "
                                    "ever); got '%2'")
                         .arg(RetentionOption, parser.value(RetentionOption))};
    }
    config.messageRetentionMs = *retention;
    return config;
}

} // namespace parley::server
