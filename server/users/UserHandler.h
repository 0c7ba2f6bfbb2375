#pragma once

#include "http/HttpTypes.h"

namespace parley::server {

class IdentityStore;
class Router;

// GET /api/v1/users/search and GET /api/v1/users/:id/devices.
class UserHandler
{
public:
    explicit UserHandler(IdentityStore &identities);
    void addRoutes(Router &router);

private:
    HttpResponse search(const HttpRequest &request);
    HttpResponse devices(const HttpRequest &request);

    IdentityStore &m_identities;
};

} // namespace parley::server
