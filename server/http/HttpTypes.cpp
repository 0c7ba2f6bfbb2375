#include "HttpTypes.h"

#include "protocol/RestPayloads.h"

#include <QJsonDocument>

namespace parley::server {

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    return {status, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

HttpResponse HttpResponse::error(const protocol::Error &error)
{
    return {protocol::httpStatus(error.code), protocol::encodeErrorBody(error), {}};
}

HttpResponse HttpResponse::error(protocol::ErrorCode code, const QString &message)
{
    return error(protocol::Error{code, message});
}

} // namespace parley::server
