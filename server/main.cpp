#include "server/ParleyServer.h"
#include "server/ServerConfig.h"
#include "server/ShutdownSignal.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("parley-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("Parley"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PARLEY_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Parley reference server: REST /api/v1 and WebSocket events on one port. "
                       "It stores only ciphertext."));
    parser.addHelpOption();
    parser.addVersionOption();
    parley::server::ServerConfig::addOptions(parser);
    parser.process(app);

    auto config = parley::server::ServerConfig::fromParser(parser);
    if (!config) {
        std::fprintf(stderr, "parley-server: %s\n", qPrintable(config.error().message));
        return 2;
    }
    parley::server::ShutdownSignal shutdown;
    parley::server::ParleyServer server;
    auto address = server.start(config.value());
    if (!address) {
        std::fprintf(stderr, "parley-server: %s\n", qPrintable(address.error().message));
        return 1;
    }
    // Tests and scripts read this line to learn the port chosen for --listen HOST:0.
    std::printf("parley-server listening on %s\n", qPrintable(address.value()));
    std::fflush(stdout);
    const int status = app.exec();
    std::printf("parley-server stopped\n");
    return status;
}
