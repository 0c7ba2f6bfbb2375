#pragma once

#include "Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// REST paths and JSON bodies of protocol v1 (docs/protocol.md, "REST API").
namespace parley::protocol {

namespace paths {
inline constexpr char Login[] = "/api/v1/auth/login";
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

// POST /api/v1/auth/login
struct LoginRequest
{
    QString phoneNumber;

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
    QString phoneNumber;
    QString code;
    QString deviceName;
    QByteArray publicKey; // X25519, 32 bytes

    QJsonObject toJson() const;
    static Result<VerifyOtpRequest> fromJson(const QJsonObject &json);
};

struct SessionGrant
{
    QString accessToken;
    int expiresIn = 0; // seconds
    QString userId;
    QString deviceId;
    QString phoneNumber;

    QJsonObject toJson() const;
    static Result<SessionGrant> fromJson(const QJsonObject &json);
};

struct UserSummary
{
    QString id;
    QString phoneNumber;
    QString displayName;

    QJsonObject toJson() const;
    static Result<UserSummary> fromJson(const QJsonObject &json);
};

// GET /api/v1/users/search?q=<E.164 number>
struct UserSearchResult
{
    QList<UserSummary> users;

    QJsonObject toJson() const;
    static Result<UserSearchResult> fromJson(const QJsonObject &json);
};

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
