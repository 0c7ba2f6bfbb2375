#include "app/cli/CliClient.h"
#include "core/net/ApiClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
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
  chats               the chats, pinned first, then by last activity
  reply PHONE ID TEXT   reply to message ID of the chat with PHONE, quoting it
  edit PHONE ID TEXT    change the text of your message ID
  react PHONE ID EMOJI  react to message ID with one emoji ("" takes it back)
  delete PHONE ID       delete your message ID for everyone
  typing PHONE [on|off] tell PHONE you are typing (on) or stopped (off)
  status PHONE          whether PHONE is online, or when last seen
  safety-number PHONE   the safety number of you and PHONE, to compare in person
  demo [NAME]           be the demo contact: answer every message until stopped)";

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
    // Each command and how many arguments it takes (at least, at most).
    static const QHash<QString, std::pair<int, int>> known{
        {QStringLiteral("login"), {1, 1}},         {QStringLiteral("send"), {2, 2}},
        {QStringLiteral("listen"), {0, 0}},        {QStringLiteral("history"), {1, 1}},
        {QStringLiteral("search"), {1, 1}},        {QStringLiteral("chats"), {0, 0}},
        {QStringLiteral("reply"), {3, 3}},         {QStringLiteral("edit"), {3, 3}},
        {QStringLiteral("react"), {3, 3}},         {QStringLiteral("delete"), {2, 2}},
        {QStringLiteral("typing"), {1, 2}},        {QStringLiteral("status"), {1, 1}},
        {QStringLiteral("safety-number"), {1, 1}}, {QStringLiteral("demo"), {0, 1}}};
    if (!known.contains(command))
        return usage(command.isEmpty() ? Main::tr("no command given")
                                       : Main::tr("unknown command '%1'").arg(command));
    const auto [fewest, most] = known.value(command);
    const qsizetype given = args.size() - 1;
    if (given < fewest || given > most) {
        return usage(
            fewest == most
                ? Main::tr("'%1' takes %2 argument(s)").arg(command).arg(fewest)
                : Main::tr("'%1' takes %2 to %3 arguments").arg(command).arg(fewest).arg(most));
    }
    if (command == QLatin1String("typing") && given == 2
        && !QStringList{QStringLiteral("on"), QStringLiteral("off")}.contains(args.at(2)))
        return usage(Main::tr("typing takes 'on' or 'off', not '%1'").arg(args.at(2)));

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
    else if (command == QLatin1String("reply"))
        client.reply(args.at(1), args.at(2), args.at(3));
    else if (command == QLatin1String("edit"))
        client.edit(args.at(1), args.at(2), args.at(3));
    else if (command == QLatin1String("react"))
        client.react(args.at(1), args.at(2), args.at(3));
    else if (command == QLatin1String("delete"))
        client.deleteForEveryone(args.at(1), args.at(2));
    else if (command == QLatin1String("typing"))
        client.typing(args.at(1), args.value(2, QStringLiteral("on")) == QLatin1String("on"));
    else if (command == QLatin1String("status"))
        client.status(args.at(1));
    else if (command == QLatin1String("safety-number"))
        client.safetyNumber(args.at(1));
    else if (command == QLatin1String("demo"))
        client.demo(args.value(1));
    else
        client.chats();
    if (finished)
        return exitCode; // done without the event loop (an offline command, or an early error)
    return app.exec();
}
