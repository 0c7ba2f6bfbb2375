#pragma once

#include "core/protocol/Result.h"
#include "server/auth/AuthPolicy.h"
#include "server/auth/OtpDelivery.h"
#include "server/http/WebPolicy.h"
#include "server/realtime/SocketPolicy.h"

#include <QCommandLineParser>
#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace parley::server {

struct ServerConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8765; // 0 picks a free port
    QString dataDir; // holds parley.db, server-secret and media/
    QString otpDelivery = QStringLiteral("console");
    OtpDeliveryOptions otpOptions; // --smtp-*, --webhook-secret
    // Empty: the embedded SQLite file DATA_DIR/parley.db. Else a postgresql:// URL.
    QString databaseUrl;
    AuthPolicy auth;
    WebPolicy web;
    SocketPolicy socket;
    // How long handled mailbox events and message records are kept (docs/protocol.md 6.6);
    // 0: for ever.
    qint64 messageRetentionMs = qint64(30) * 24 * 3600 * 1000;

    // Declares --listen, --data-dir and --otp-delivery (QCommandLineParser handles --help).
    static void addOptions(QCommandLineParser &parser);
    // Errors name the option and the form it accepts.
    static protocol::Result<ServerConfig> fromParser(const QCommandLineParser &parser);
};

// "30d", "12h", "45m", "90s" or plain seconds, as milliseconds; nothing when malformed.
std::optional<qint64> parseDuration(const QString &text);

// "127.0.0.1:8765", "[::1]:0", "localhost:9000".
protocol::Result<std::pair<QHostAddress, quint16>> parseListenAddress(const QString &text);

} // namespace parley::server
