#include "core/account/SessionKeeper.h"

#include "core/account/LoginService.h"
#include "core/net/ApiClient.h"
#include "core/protocol/JsonReader.h"
#include "core/protocol/Limits.h"
#include "core/protocol/RestPayloads.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace parley {

using namespace protocol;

namespace {
constexpr int RetryAfterNetworkErrorMs = 5000;
constexpr int MinimumRefreshDelayMs = 1000;
} // namespace

SessionKeeper::SessionKeeper(net::ApiClient &api, Session session, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_session(std::move(session))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SessionKeeper::refreshNow);
}

void SessionKeeper::start()
{
    m_api.setAccessToken(m_session.accessToken);
    if (m_session.accessToken.isEmpty()
        || m_session.accessExpiresAt <= QDateTime::currentMSecsSinceEpoch())
        refreshNow();
    else
        scheduleRefresh();
}

void SessionKeeper::scheduleRefresh()
{
    const qint64 left = m_session.accessExpiresAt - QDateTime::currentMSecsSinceEpoch();
    m_timer.start(int(qMax<qint64>(MinimumRefreshDelayMs, left * 8 / 10)));
}

void SessionKeeper::refreshNow()
{
    if (m_refreshing || m_ended)
        return;
    m_refreshing = true;
    m_api.post(QLatin1String(paths::RefreshToken), RefreshRequest{m_session.refreshToken}.toJson(),
               this, [this](Result<QJsonObject> answer) { onRefreshed(answer); });
}

void SessionKeeper::onRefreshed(const Result<QJsonObject> &answer)
{
    m_refreshing = false;
    if (!answer) {
        if (answer.error().code == ErrorCode::NetworkError
            || answer.error().code == ErrorCode::RateLimited
            || answer.error().code == ErrorCode::InternalError) {
            m_timer.start(RetryAfterNetworkErrorMs);
            return;
        }
        m_ended = true;
        Q_EMIT sessionEnded(answer.error());
        return;
    }
    auto grant = SessionGrant::fromJson(answer.value());
    if (!grant) {
        m_timer.start(RetryAfterNetworkErrorMs);
        return;
    }
    m_session = sessionFromGrant(m_session.serverUrl, grant.value());
    m_api.setAccessToken(m_session.accessToken);
    scheduleRefresh();
    Q_EMIT sessionRefreshed(m_session);
}

Result<Session> SessionKeeper::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, QStringLiteral("no saved session")};
    const ParsedObject parsed = parseJsonObject(file.read(64 * 1024), 64 * 1024);
    JsonReader reader(parsed.object);
    Session session;
    session.serverUrl = QUrl(reader.string("serverUrl", 2048));
    // The refresh token is in the file, or in the system keychain (core/account/SecretVault).
    const bool inKeychain
        = reader.optionalString("refreshTokenIn", 16) == QLatin1String("keychain");
    session.refreshToken = inKeychain ? QString() : reader.string("refreshToken", 1024);
    session.userId = reader.string("userId", limits::MaxIdLength);
    session.deviceId = reader.string("deviceId", limits::MaxIdLength);
    session.phoneNumber = reader.string("phoneNumber", 32);
    if (parsed.error || reader.failed() || !session.serverUrl.isValid())
        return Error{ErrorCode::InvalidField,
                     QStringLiteral("the saved session %1 is damaged").arg(path)};
    return session;
}

Result<void> SessionKeeper::save(const Session &session, const QString &path)
{
    // The access token is not saved: it lives minutes, and a refresh gets a new one.
    // Without a refresh token, the file says it is in the keychain.
    QJsonObject json{{QLatin1String("serverUrl"), session.serverUrl.toString()},
                     {QLatin1String("userId"), session.userId},
                     {QLatin1String("deviceId"), session.deviceId},
                     {QLatin1String("phoneNumber"), session.phoneNumber}};
    if (session.refreshToken.isEmpty())
        json.insert(QLatin1String("refreshTokenIn"), QLatin1String("keychain"));
    else
        json.insert(QLatin1String("refreshToken"), session.refreshToken);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(QJsonDocument(json).toJson()) < 0 || !file.commit()) {
        return Error{ErrorCode::InternalError,
                     QStringLiteral("cannot save the session to %1").arg(path)};
    }
    return {};
}

} // namespace parley
