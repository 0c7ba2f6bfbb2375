#pragma once

#include "server/http/HttpTypes.h"

namespace parley::server {

class ChatStore;
class IdentityStore;
class MailboxStore;
class MessageRelay;
class Router;

// The chats API (docs/protocol.md 4.19-4.26): the caller's chats and their own settings, a
// chat's history as this device's envelopes, sending without a socket and delete for everyone.
// Changes the caller's other devices must know reach them as chat:updated mailbox events.
class ChatHandler
{
public:
    ChatHandler(ChatStore &chats, MailboxStore &mailbox, IdentityStore &identities,
                MessageRelay &relay);
    void addRoutes(Router &router);

private:
    HttpResponse list(const HttpRequest &request);
    HttpResponse create(const HttpRequest &request);
    HttpResponse get(const HttpRequest &request);
    HttpResponse update(const HttpRequest &request);
    HttpResponse remove(const HttpRequest &request);
    HttpResponse history(const HttpRequest &request);
    HttpResponse send(const HttpRequest &request);
    HttpResponse deleteMessage(const HttpRequest &request);

    ChatStore &m_chats;
    MailboxStore &m_mailbox;
    IdentityStore &m_identities;
    MessageRelay &m_relay;
};

} // namespace parley::server
