#include "server/http/HttpTypes.h"

#include "core/protocol/Http.h"
#include "core/protocol/RestPayloads.h"

#include <QJsonDocument>

namespace parley::server {

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    return {status, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

HttpResponse HttpResponse::error(const protocol::Error &error)
{
    HttpResponse response{protocol::httpStatus(error.code), protocol::encodeErrorBody(error), {}};
    if (error.retryAfterSeconds > 0)
        response.headers.append(qMakePair(QByteArray(protocol::http::RetryAfterHeader),
                                          QByteArray::number(error.retryAfterSeconds)));
    return response;
}

HttpResponse HttpResponse::error(protocol::ErrorCode code, const QString &message)
{
    return error(protocol::Error{code, message});
}

} // namespace parley::server
