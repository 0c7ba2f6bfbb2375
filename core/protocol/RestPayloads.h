#pragma once

#include "core/protocol/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// REST paths and JSON bodies of protocol v1 (docs/protocol.md, "REST API").
namespace parley::protocol {

namespace paths {
inline constexpr char Register[] = "/api/v1/auth/register";
inline constexpr char Login[] = "/api/v1/auth/login";
inline constexpr char RefreshToken[] = "/api/v1/auth/refresh-token";
inline constexpr char Logout[] = "/api/v1/auth/logout";
inline constexpr char Devices[] = "/api/v1/devices"; // and /api/v1/devices/<deviceId>
inline constexpr char VerifyOtp[] = "/api/v1/auth/verify-otp";
inline constexpr char UserSearch[] = "/api/v1/users/search";
// "/api/v1/users/<userId>/devices"
inline constexpr char UsersPrefix[] = "/api/v1/users/";
inline constexpr char DevicesSuffix[] = "/devices";
inline constexpr char WebSocket[] = "/api/v1/ws";
} // namespace paths

QString userDevicesPath(const QString &userId);

// "+" followed by 8 to 15 digits, the first not 0 (ITU-T E.164).
bool isE164(const QString &phoneNumber);

// {"error":{"code":"...","message":"..."}}
QByteArray encodeErrorBody(const Error &error);
// Nothing when the body is not an error document.
std::optional<Error> decodeErrorBody(const QByteArray &body);

// POST /api/v1/auth/register: like login, and names the account if the number is new.
struct RegisterRequest
{
    QString phoneNumber;
    QString email; // optional
    QString displayName; // optional

    QJsonObject toJson() const;
    static Result<RegisterRequest> fromJson(const QJsonObject &json);
};

// A rough shape check for e-mail addresses: one '@', a dot in the domain, no spaces, <= 254.
bool isPlausibleEmail(const QString &email);

// POST /api/v1/auth/login
// POST /api/v1/auth/login: the account by its number, or by its e-mail address (the optional
// second identifier). Exactly one of the two.
struct LoginRequest
{
    QString phoneNumber;
    QString email;

    QJsonObject toJson() const;
    static Result<LoginRequest> fromJson(const QJsonObject &json);
};

struct LoginAccepted
{
    int expiresIn = 0; // seconds the code stays valid

    QJsonObject toJson() const;
    static Result<LoginAccepted> fromJson(const QJsonObject &json);
};

// POST /api/v1/auth/verify-otp: proves the code and registers this device's public key.
struct VerifyOtpRequest
{
    QString phoneNumber; // or
    QString email; // the same identifier the code was requested with
    QString code;
    QString deviceName;
    QByteArray publicKey; // X25519, 32 bytes

    QJsonObject toJson() const;
    static Result<VerifyOtpRequest> fromJson(const QJsonObject &json);
};

// The answer of verify-otp and refresh-token.
struct SessionGrant
{
    QString accessToken;
    int expiresIn = 0; // seconds
    QString refreshToken; // single use: every refresh returns a new one
    int refreshExpiresIn = 0; // seconds
    QString userId;
    QString deviceId;
    QString phoneNumber;

    QJsonObject toJson() const;
    static Result<SessionGrant> fromJson(const QJsonObject &json);
};

// POST /api/v1/auth/refresh-token
struct RefreshRequest
{
    QString refreshToken;

    QJsonObject toJson() const;
    static Result<RefreshRequest> fromJson(const QJsonObject &json);
};

// What --otp-delivery webhook:URL POSTs to an SMS gateway (docs/protocol.md 4.1). The server
// only sends it; gateways are not Parley code.
struct OtpWebhookRequest
{
    QString phoneNumber; // E.164
    QString code;
    int expiresIn = 0; // seconds

    QJsonObject toJson() const;
};

// GET /api/v1/devices: the caller's own devices.
struct DeviceInfo
{
    QString id;
    QString name;
    qint64 createdAt = 0; // ms since the epoch
    bool current = false; // the device making the request
};

struct DeviceInfoList
{
    QList<DeviceInfo> devices;

    QJsonObject toJson() const;
    static Result<DeviceInfoList> fromJson(const QJsonObject &json);
};

// The answer of GET /api/v1/users/search is UserSearchPage (UserPayloads.h).

struct DeviceKey
{
    QString deviceId;
    QByteArray publicKey;
};

// GET /api/v1/users/<userId>/devices
struct DeviceKeyList
{
    QString userId;
    QList<DeviceKey> devices;

    QJsonObject toJson() const;
    static Result<DeviceKeyList> fromJson(const QJsonObject &json);
};

} // namespace parley::protocol
