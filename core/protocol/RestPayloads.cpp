#include "core/protocol/RestPayloads.h"

#include "core/protocol/JsonReader.h"
#include "core/protocol/Limits.h"
#include "core/protocol/UserPayloads.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace parley::protocol {

namespace {

template<typename T> Result<T> finish(const JsonReader &reader, T value)
{
    if (auto error = reader.error())
        return *error;
    return value;
}

// Parses every item of an array field with T::fromJson, stopping at the first bad one.
template<typename T, typename Parse>
std::optional<Error> readItems(const QJsonArray &items, QList<T> &out, Parse parse)
{
    for (const QJsonValue &item : items) {
        if (!item.isObject())
            return Error{ErrorCode::InvalidField, QStringLiteral("array items must be objects")};
        Result<T> parsed = parse(item.toObject());
        if (!parsed)
            return parsed.error();
        out.append(std::move(parsed).value());
    }
    return std::nullopt;
}

constexpr qsizetype MaxListItems = 1000;
constexpr qsizetype MaxTokenLength = 1024;

} // namespace

QString userDevicesPath(const QString &userId)
{
    return QLatin1String(paths::UsersPrefix) + QString::fromLatin1(QUrl::toPercentEncoding(userId))
        + QLatin1String(paths::DevicesSuffix);
}

bool isE164(const QString &phoneNumber)
{
    if (phoneNumber.size() < 9 || phoneNumber.size() > limits::MaxPhoneNumberLength)
        return false;
    if (phoneNumber.front() != u'+' || phoneNumber.at(1) == u'0')
        return false;
    for (qsizetype i = 1; i < phoneNumber.size(); ++i) {
        if (phoneNumber.at(i) < u'0' || phoneNumber.at(i) > u'9')
            return false;
    }
    return true;
}

QByteArray encodeErrorBody(const Error &error)
{
    const QJsonObject inner{{QLatin1String("code"), errorCodeName(error.code)},
                            {QLatin1String("message"), error.message}};
    return QJsonDocument(QJsonObject{{QLatin1String("error"), inner}})
        .toJson(QJsonDocument::Compact);
}

std::optional<Error> decodeErrorBody(const QByteArray &body)
{
    ParsedObject parsed = parseJsonObject(body, limits::MaxRestBodyBytes);
    if (parsed.error)
        return std::nullopt;
    JsonReader outer(parsed.object);
    JsonReader reader(outer.object("error"), QStringLiteral("error"));
    const QString code = reader.string("code", 64);
    Error error{ErrorCode::InternalError, reader.optionalString("message", 4096)};
    if (outer.failed() || reader.failed())
        return std::nullopt;
    error.code = errorCodeFromName(code).value_or(ErrorCode::InternalError);
    return error;
}

bool isPlausibleEmail(const QString &email)
{
    const qsizetype at = email.indexOf(u'@');
    return email.size() <= 254 && at > 0 && at == email.lastIndexOf(u'@')
        && email.indexOf(u'.', at) > at + 1 && !email.endsWith(u'.') && !email.contains(u' ')
        && !email.contains(u'\n') && !email.contains(u'\r');
}

QJsonObject RegisterRequest::toJson() const
{
    QJsonObject json{{QLatin1String("phoneNumber"), phoneNumber}};
    if (!email.isEmpty())
        json.insert(QLatin1String("email"), email);
    if (!displayName.isEmpty())
        json.insert(QLatin1String("displayName"), displayName);
    return json;
}

Result<RegisterRequest> RegisterRequest::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    RegisterRequest request;
    request.phoneNumber = reader.string("phoneNumber", 32);
    request.email = reader.optionalString("email", 254);
    request.displayName = reader.optionalString("displayName", 64);
    if (auto error = reader.error())
        return *error;
    if (!request.displayName.isEmpty()) {
        if (auto problem = displayNameProblem(request.displayName))
            return *problem;
    }
    if (!request.email.isEmpty() && !isPlausibleEmail(request.email))
        return Error{ErrorCode::InvalidField,
                     QStringLiteral("field 'email' is not an e-mail address")};
    return request;
}

QJsonObject LoginRequest::toJson() const
{
    if (!email.isEmpty())
        return {{QLatin1String("email"), email}};
    return {{QLatin1String("phoneNumber"), phoneNumber}};
}

namespace {

// Reads "phoneNumber" or "email", exactly one. The server normalises the number
// (libphonenumber) and explains what is wrong with it.
std::optional<Error> readIdentifier(JsonReader &reader, const QJsonObject &json,
                                    QString &phoneNumber, QString &email)
{
    const bool hasEmail = !json.value(QLatin1String("email")).isUndefined()
        && !json.value(QLatin1String("email")).isNull();
    if (!hasEmail) {
        phoneNumber = reader.string("phoneNumber", 32);
        return reader.error();
    }
    if (!json.value(QLatin1String("phoneNumber")).isUndefined()
        && !json.value(QLatin1String("phoneNumber")).isNull()) {
        return Error{ErrorCode::InvalidField,
                     QStringLiteral("send either 'phoneNumber' or 'email', not both")};
    }
    email = reader.string("email", 254);
    if (auto error = reader.error())
        return error;
    if (!isPlausibleEmail(email))
        return Error{ErrorCode::InvalidField,
                     QStringLiteral("field 'email' is not an e-mail address")};
    return std::nullopt;
}

} // namespace

Result<LoginRequest> LoginRequest::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    LoginRequest request;
    if (auto error = readIdentifier(reader, json, request.phoneNumber, request.email))
        return *error;
    return request;
}

QJsonObject LoginAccepted::toJson() const
{
    return {{QLatin1String("status"), QStringLiteral("code_sent")},
            {QLatin1String("expiresIn"), expiresIn}};
}

Result<LoginAccepted> LoginAccepted::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    LoginAccepted accepted;
    accepted.expiresIn = int(reader.integer("expiresIn", 24 * 3600));
    return finish(reader, accepted);
}

QJsonObject VerifyOtpRequest::toJson() const
{
    const QJsonObject device{
        {QLatin1String("name"), deviceName},
        {QLatin1String("publicKey"), QString::fromLatin1(publicKey.toBase64())}};
    QJsonObject json{{QLatin1String("code"), code}, {QLatin1String("device"), device}};
    if (email.isEmpty())
        json.insert(QLatin1String("phoneNumber"), phoneNumber);
    else
        json.insert(QLatin1String("email"), email);
    return json;
}

Result<VerifyOtpRequest> VerifyOtpRequest::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    VerifyOtpRequest request;
    if (auto error = readIdentifier(reader, json, request.phoneNumber, request.email))
        return *error;
    request.code = reader.string("code", 16);
    JsonReader device(reader.object("device"), QStringLiteral("device"));
    request.deviceName = device.string("name", limits::MaxDeviceNameLength);
    request.publicKey = device.base64Exact("publicKey", limits::PublicKeyBytes);
    if (auto error = reader.error() ? reader.error() : device.error())
        return *error;
    return request;
}

QJsonObject SessionGrant::toJson() const
{
    return {{QLatin1String("accessToken"), accessToken},
            {QLatin1String("tokenType"), QStringLiteral("Bearer")},
            {QLatin1String("expiresIn"), expiresIn},
            {QLatin1String("refreshToken"), refreshToken},
            {QLatin1String("refreshExpiresIn"), refreshExpiresIn},
            {QLatin1String("userId"), userId},
            {QLatin1String("deviceId"), deviceId},
            {QLatin1String("phoneNumber"), phoneNumber}};
}

Result<SessionGrant> SessionGrant::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    SessionGrant grant;
    grant.accessToken = reader.string("accessToken", MaxTokenLength);
    grant.expiresIn = int(reader.integer("expiresIn", 24 * 3600));
    grant.refreshToken = reader.string("refreshToken", MaxTokenLength);
    grant.refreshExpiresIn = int(reader.integer("refreshExpiresIn", 400 * 24 * 3600));
    grant.userId = reader.string("userId", limits::MaxIdLength);
    grant.deviceId = reader.string("deviceId", limits::MaxIdLength);
    grant.phoneNumber = reader.string("phoneNumber", 32);
    return finish(reader, std::move(grant));
}

QJsonObject RefreshRequest::toJson() const
{
    return {{QLatin1String("refreshToken"), refreshToken}};
}

Result<RefreshRequest> RefreshRequest::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    RefreshRequest request;
    request.refreshToken = reader.string("refreshToken", MaxTokenLength);
    return finish(reader, std::move(request));
}

QJsonObject DeviceInfoList::toJson() const
{
    QJsonArray items;
    for (const DeviceInfo &device : devices) {
        items.append(QJsonObject{{QLatin1String("id"), device.id},
                                 {QLatin1String("name"), device.name},
                                 {QLatin1String("createdAt"), double(device.createdAt)},
                                 {QLatin1String("current"), device.current}});
    }
    return {{QLatin1String("devices"), items}};
}

Result<DeviceInfoList> DeviceInfoList::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    const QJsonArray items = reader.array("devices", MaxListItems);
    if (auto error = reader.error())
        return *error;
    DeviceInfoList list;
    auto parseDevice = [](const QJsonObject &item) -> Result<DeviceInfo> {
        JsonReader device(item, QStringLiteral("devices[]"));
        DeviceInfo info{device.string("id", limits::MaxIdLength),
                        device.string("name", limits::MaxDeviceNameLength),
                        device.integer("createdAt", limits::MaxJsonInteger),
                        device.boolean("current")};
        return finish(device, std::move(info));
    };
    if (auto error = readItems(items, list.devices, parseDevice))
        return *error;
    return list;
}

QJsonObject OtpWebhookRequest::toJson() const
{
    return {{QLatin1String("phoneNumber"), phoneNumber},
            {QLatin1String("code"), code},
            {QLatin1String("expiresIn"), expiresIn}};
}

QJsonObject DeviceKeyList::toJson() const
{
    QJsonArray items;
    for (const DeviceKey &device : devices) {
        items.append(QJsonObject{
            {QLatin1String("deviceId"), device.deviceId},
            {QLatin1String("publicKey"), QString::fromLatin1(device.publicKey.toBase64())}});
    }
    return {{QLatin1String("userId"), userId}, {QLatin1String("devices"), items}};
}

Result<DeviceKeyList> DeviceKeyList::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    DeviceKeyList list;
    list.userId = reader.string("userId", limits::MaxIdLength);
    const QJsonArray items = reader.array("devices", MaxListItems);
    if (auto error = reader.error())
        return *error;
    auto parseDevice = [](const QJsonObject &item) -> Result<DeviceKey> {
        JsonReader device(item, QStringLiteral("devices[]"));
        DeviceKey key{device.string("deviceId", limits::MaxIdLength),
                      device.base64Exact("publicKey", limits::PublicKeyBytes)};
        return finish(device, std::move(key));
    };
    if (auto error = readItems(items, list.devices, parseDevice))
        return *error;
    return list;
}

} // namespace parley::protocol
