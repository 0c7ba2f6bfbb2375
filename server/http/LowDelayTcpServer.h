#pragma once

#include <QTcpServer>

namespace parley::server {

// Accepts connections with TCP_NODELAY set. Qt writes a WebSocket frame's header and payload in
// two writes; with Nagle's algorithm the second waits for the peer's delayed ACK, which costs
// about 40 ms per small event on Linux (docs/performance.md).
class LowDelayTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr socketDescriptor) override;
};

} // namespace parley::server
