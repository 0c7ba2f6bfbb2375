#include "core/protocol/JsonReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <cmath>

namespace parley::protocol {

JsonReader::JsonReader(const QJsonObject &object, QString context)
    : m_object(object)
    , m_context(std::move(context))
{ }

void JsonReader::fail(ErrorCode code, const char *field, const QString &problem)
{
    if (m_error)
        return;
    QString where = QString::fromLatin1(field);
    if (!m_context.isEmpty())
        where = m_context + u'.' + where;
    m_error = Error{code, QStringLiteral("field '%1' %2").arg(where, problem)};
}

bool JsonReader::present(const char *field, bool required)
{
    if (m_error)
        return false;
    const QJsonValue value = m_object.value(QLatin1String(field));
    if (!value.isUndefined() && !value.isNull())
        return true;
    if (required)
        fail(ErrorCode::MissingField, field, QStringLiteral("is required"));
    return false;
}

QString JsonReader::string(const char *field, qsizetype maxLength)
{
    if (!present(field, true))
        return {};
    return optionalString(field, maxLength);
}

QString JsonReader::optionalString(const char *field, qsizetype maxLength)
{
    if (!present(field, false))
        return {};
    const QJsonValue value = m_object.value(QLatin1String(field));
    if (!value.isString()) {
        fail(ErrorCode::InvalidField, field, QStringLiteral("must be a string"));
        return {};
    }
    QString text = value.toString();
    if (text.isEmpty() || text.size() > maxLength) {
        fail(ErrorCode::InvalidField, field,
             QStringLiteral("must be 1 to %1 characters long").arg(maxLength));
        return {};
    }
    return text;
}

qint64 JsonReader::integer(const char *field, qint64 max)
{
    if (!present(field, true))
        return 0;
    return optionalInteger(field, max).value_or(0);
}

std::optional<qint64> JsonReader::optionalInteger(const char *field, qint64 max)
{
    if (!present(field, false))
        return std::nullopt;
    const QJsonValue value = m_object.value(QLatin1String(field));
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 0 || number > double(max) || std::trunc(number) != number) {
        fail(ErrorCode::InvalidField, field,
             QStringLiteral("must be a whole number from 0 to %1").arg(max));
        return std::nullopt;
    }
    return qint64(number);
}

QByteArray JsonReader::base64(const char *field)
{
    if (!present(field, true))
        return {};
    const QJsonValue value = m_object.value(QLatin1String(field));
    if (!value.isString()) {
        fail(ErrorCode::InvalidField, field, QStringLiteral("must be a base64 string"));
        return {};
    }
    // Only canonical padded base64 is accepted (what btoa() and tweetnacl-util produce), so
    // that one byte string has exactly one wire form.
    const QByteArray text = value.toString().toLatin1();
    const auto decoded
        = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64() != text) {
        fail(ErrorCode::InvalidField, field, QStringLiteral("is not canonical padded base64"));
        return {};
    }
    return decoded.decoded;
}

QByteArray JsonReader::base64Exact(const char *field, qsizetype bytes)
{
    QByteArray decoded = base64(field);
    if (!m_error && decoded.size() != bytes)
        fail(ErrorCode::InvalidField, field, QStringLiteral("must decode to %1 bytes").arg(bytes));
    return m_error ? QByteArray() : decoded;
}

QByteArray JsonReader::base64Bounded(const char *field, qsizetype minBytes, qsizetype maxBytes)
{
    QByteArray decoded = base64(field);
    if (!m_error && (decoded.size() < minBytes || decoded.size() > maxBytes)) {
        const ErrorCode code
            = decoded.size() > maxBytes ? ErrorCode::PayloadTooLarge : ErrorCode::InvalidField;
        fail(code, field,
             QStringLiteral("must decode to %1 to %2 bytes").arg(minBytes).arg(maxBytes));
    }
    return m_error ? QByteArray() : decoded;
}

bool JsonReader::boolean(const char *field)
{
    if (!present(field, true))
        return false;
    return optionalBoolean(field).value_or(false);
}

std::optional<bool> JsonReader::optionalBoolean(const char *field)
{
    if (!present(field, false))
        return std::nullopt;
    const QJsonValue value = m_object.value(QLatin1String(field));
    if (!value.isBool()) {
        fail(ErrorCode::InvalidField, field, QStringLiteral("must be true or false"));
        return std::nullopt;
    }
    return value.toBool();
}

QJsonObject JsonReader::object(const char *field)
{
    if (!present(field, true))
        return {};
    const QJsonValue value = m_object.value(QLatin1String(field));
    if (!value.isObject()) {
        fail(ErrorCode::InvalidField, field, QStringLiteral("must be an object"));
        return {};
    }
    return value.toObject();
}

QJsonArray JsonReader::array(const char *field, qsizetype maxItems, qsizetype minItems)
{
    if (!present(field, true))
        return {};
    const QJsonValue value = m_object.value(QLatin1String(field));
    if (!value.isArray()) {
        fail(ErrorCode::InvalidField, field, QStringLiteral("must be an array"));
        return {};
    }
    const QJsonArray items = value.toArray();
    if (items.size() < minItems || items.size() > maxItems) {
        fail(items.size() > maxItems ? ErrorCode::PayloadTooLarge : ErrorCode::InvalidField, field,
             QStringLiteral("must hold %1 to %2 items").arg(minItems).arg(maxItems));
        return {};
    }
    return items;
}

namespace {

bool isNumberCharacter(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// A number literal as RFC 8259 section 6 writes it, of any size, and whether a double holds it.
bool isUnrepresentableNumber(const QByteArray &token)
{
    static const QRegularExpression grammar(
        QStringLiteral("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"));
    if (!grammar.match(QLatin1String(token)).hasMatch())
        return false;
    bool ok = false;
    const double value = token.toDouble(&ok);
    return !ok || !std::isfinite(value);
}

// RFC 8259 allows numbers of any size, but Qt refuses a document with a number beyond a double
// (1e400) as invalid JSON. Such a document is well-formed, so its oversized numbers are written
// as the largest double of their sign instead: every integer field refuses that as out of range,
// every other field for its type, and the error names the field (and a frame keeps its id).
QByteArray withOversizedNumbersClamped(const QByteArray &bytes)
{
    QByteArray out;
    out.reserve(bytes.size());
    bool inString = false;
    for (qsizetype i = 0; i < bytes.size();) {
        const char c = bytes.at(i);
        if (inString || c == '"' || !(c == '-' || (c >= '0' && c <= '9'))) {
            const bool escape = inString && c == '\\' && i + 1 < bytes.size();
            if (c == '"')
                inString = !inString;
            out += bytes.mid(i, escape ? 2 : 1);
            i += escape ? 2 : 1;
            continue;
        }
        qsizetype end = i + 1;
        while (end < bytes.size() && isNumberCharacter(bytes.at(end)))
            ++end;
        const QByteArray token = bytes.mid(i, end - i);
        out += isUnrepresentableNumber(token) ? QByteArray(c == '-' ? "-1e308" : "1e308") : token;
        i = end;
    }
    return out;
}

} // namespace

ParsedObject parseJsonObject(const QByteArray &bytes, qsizetype maxBytes)
{
    if (bytes.size() > maxBytes) {
        return {{},
                Error{ErrorCode::PayloadTooLarge,
                      QStringLiteral("body is %1 bytes; the limit is %2")
                          .arg(bytes.size())
                          .arg(maxBytes)}};
    }
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error == QJsonParseError::IllegalNumber) {
        QJsonParseError clampedError;
        const QJsonDocument clamped
            = QJsonDocument::fromJson(withOversizedNumbersClamped(bytes), &clampedError);
        if (clampedError.error == QJsonParseError::NoError) {
            document = clamped;
            parseError = clampedError;
        }
    }
    if (parseError.error != QJsonParseError::NoError) {
        return {{},
                Error{ErrorCode::MalformedJson,
                      QStringLiteral("invalid JSON at offset %1: %2")
                          .arg(parseError.offset)
                          .arg(parseError.errorString())}};
    }
    if (!document.isObject())
        return {{}, Error{ErrorCode::MalformedJson, QStringLiteral("expected a JSON object")}};
    return {document.object(), std::nullopt};
}

} // namespace parley::protocol
