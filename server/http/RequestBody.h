#pragma once

#include "core/protocol/JsonReader.h"
#include "core/protocol/Limits.h"
#include "core/protocol/Result.h"
#include "server/http/HttpTypes.h"

namespace parley::server {

// Parses a JSON request body into one of the protocol's request types (T::fromJson).
template<typename T> protocol::Result<T> parseBody(const HttpRequest &request)
{
    protocol::ParsedObject parsed
        = protocol::parseJsonObject(request.body, protocol::limits::MaxRestBodyBytes);
    if (parsed.error)
        return *parsed.error;
    return T::fromJson(parsed.object);
}

} // namespace parley::server
