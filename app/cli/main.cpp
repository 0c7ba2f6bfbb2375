#include "app/cli/CliClient.h"
#include "core/net/ApiClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>

#include <cstdio>

using namespace parley::cli;

namespace {

// The translation context of main()'s own strings.
class Main
{
    Q_DECLARE_TR_FUNCTIONS(Main)
};

const char *const Commands = R"(Commands:
  login PHONE         sign in (reads the code from standard input)
  send PHONE TEXT     send a message; returns once the server has it
  listen              print every message and receipt as it arrives, until stopped
  history PHONE       the messages of the chat with PHONE, oldest first
  search QUERY        search every stored message (on this device only)
  chats               the chats, pinned first, then by last activity)";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Parley"));
    QCoreApplication::setApplicationName(QStringLiteral("parley-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PARLEY_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(Main::tr("Parley's headless client.") + u'\n'
                                     + QString::fromUtf8(Commands));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"), Main::tr("Base URL of the server."),
                                    Main::tr("url"), QStringLiteral("http://127.0.0.1:8765"));
    const QCommandLineOption profile(
        QStringLiteral("profile"), Main::tr("Folder with this device's key, session and store."),
        Main::tr("dir"), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QCommandLineOption json(QStringLiteral("json"),
                                  Main::tr("One JSON object per line instead of text."));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     Main::tr("send: seconds to wait for the server's ack."),
                                     Main::tr("seconds"), QStringLiteral("30"));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   Main::tr("history, search: at most this many messages."),
                                   Main::tr("n"), QStringLiteral("50"));
    parser.addOptions({server, profile, json, timeout, limit});
    parser.addPositionalArgument(QStringLiteral("command"), Main::tr("What to do (see above)."));
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto usage = [&](const QString &message) {
        err << "parley-cli: " << message << Qt::endl
            << Main::tr("Try parley-cli --help.") << Qt::endl;
        return int(Usage);
    };
    CliClient::Options options;
    options.serverUrl = QUrl(parser.value(server), QUrl::StrictMode);
    options.serverGiven = parser.isSet(server);
    options.profileDir = parser.value(profile);
    options.json = parser.isSet(json);
    bool ok = false;
    options.timeoutSeconds = parser.value(timeout).toInt(&ok);
    if (!ok || options.timeoutSeconds < 1 || options.timeoutSeconds > 3600)
        return usage(Main::tr("--timeout takes 1 to 3600 seconds"));
    options.limit = parser.value(limit).toInt(&ok);
    if (!ok || options.limit < 1 || options.limit > 100000)
        return usage(Main::tr("--limit takes 1 to 100000"));
    if (!parley::net::ApiClient::isServerUrl(options.serverUrl))
        return usage(Main::tr("--server needs an http:// or https:// URL, not '%1'")
                         .arg(parser.value(server)));

    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0);
    const qsizetype needs = command == QLatin1String("send")                      ? 3
        : command == QLatin1String("listen") || command == QLatin1String("chats") ? 1
                                                                                  : 2;
    static const QStringList known{QStringLiteral("login"),  QStringLiteral("send"),
                                   QStringLiteral("listen"), QStringLiteral("history"),
                                   QStringLiteral("search"), QStringLiteral("chats")};
    if (!known.contains(command))
        return usage(command.isEmpty() ? Main::tr("no command given")
                                       : Main::tr("unknown command '%1'").arg(command));
    if (args.size() != needs)
        return usage(Main::tr("'%1' takes %2 argument(s)").arg(command).arg(needs - 1));

    CliClient client(options, out, err);
    int exitCode = Ok;
    QObject::connect(&client, &CliClient::finished, &app, [&](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    });
    bool finished = false;
    QObject::connect(&client, &CliClient::finished, &app, [&] { finished = true; });
    if (command == QLatin1String("login"))
        client.login(args.at(1));
    else if (command == QLatin1String("send"))
        client.send(args.at(1), args.at(2));
    else if (command == QLatin1String("listen"))
        client.listen();
    else if (command == QLatin1String("history"))
        client.history(args.at(1));
    else if (command == QLatin1String("search"))
        client.search(args.at(1));
    else
        client.chats();
    if (finished)
        return exitCode; // done without the event loop (an offline command, or an early error)
    return app.exec();
}
