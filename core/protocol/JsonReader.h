#pragma once

#include "core/protocol/ErrorCode.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace parley::protocol {

// Reads typed fields out of a JSON object and keeps the first violation, so that a parser reads
// every field in a row and checks once: `if (auto e = reader.error()) return *e;`.
// `field` names are the wire names; they appear in the error message.
class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &object, QString context = {});

    // A string of 1..maxLength UTF-16 units. Absent optional fields read as an empty string.
    QString string(const char *field, qsizetype maxLength);
    QString optionalString(const char *field, qsizetype maxLength);
    // A non-negative integer no larger than `max` (JSON numbers without a fraction).
    qint64 integer(const char *field, qint64 max);
    std::optional<qint64> optionalInteger(const char *field, qint64 max);
    // Standard base64 (RFC 4648 section 4, with padding) decoding to exactly or at most N bytes.
    QByteArray base64Exact(const char *field, qsizetype bytes);
    QByteArray base64Bounded(const char *field, qsizetype minBytes, qsizetype maxBytes);
    bool boolean(const char *field);
    std::optional<bool> optionalBoolean(const char *field);
    QJsonObject object(const char *field);
    QJsonArray array(const char *field, qsizetype maxItems, qsizetype minItems = 1);

    const std::optional<Error> &error() const { return m_error; }
    bool failed() const { return m_error.has_value(); }

private:
    bool present(const char *field, bool required);
    QByteArray base64(const char *field);
    void fail(ErrorCode code, const char *field, const QString &problem);

    QJsonObject m_object;
    QString m_context;
    std::optional<Error> m_error;
};

// Parses a whole document that must be a JSON object (REST bodies, frames).
struct ParsedObject
{
    QJsonObject object;
    std::optional<Error> error;
};
ParsedObject parseJsonObject(const QByteArray &bytes, qsizetype maxBytes);

} // namespace parley::protocol
