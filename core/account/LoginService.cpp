#include "core/account/LoginService.h"

#include "core/net/ApiClient.h"
#include "core/protocol/RestPayloads.h"

#include <QDateTime>

namespace parley {

using namespace protocol;

LoginService::LoginService(net::ApiClient &api, crypto::DeviceKeyPair deviceKeys,
                           QString deviceName, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_deviceKeys(std::move(deviceKeys))
    , m_deviceName(std::move(deviceName))
{ }

QString LoginService::normalizePhoneNumber(const QString &input)
{
    QString number;
    for (QChar c : input.trimmed()) {
        if (c.isDigit() || c == u'+')
            number.append(c);
        else if (!QStringLiteral(" -.()/").contains(c))
            return {};
    }
    if (number.startsWith(QLatin1String("00")))
        number = u'+' + number.mid(2);
    return isE164(number) ? number : QString();
}

void LoginService::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

Session sessionFromGrant(const QUrl &serverUrl, const SessionGrant &grant)
{
    return Session{serverUrl,
                   grant.accessToken,
                   QDateTime::currentMSecsSinceEpoch() + grant.expiresIn * 1000LL,
                   grant.refreshToken,
                   grant.userId,
                   grant.deviceId,
                   grant.phoneNumber};
}

QUrl LoginService::serverUrl() const
{
    return m_api.serverUrl();
}

void LoginService::setServerUrl(const QUrl &url)
{
    if (!m_busy)
        m_api.setServerUrl(url);
}

void LoginService::requestCode(const QString &phoneNumber)
{
    if (m_busy)
        return;
    const QString number = normalizePhoneNumber(phoneNumber);
    if (number.isEmpty()) {
        Q_EMIT failed({ErrorCode::InvalidPhoneNumber,
                       tr("Enter the number with its country code, like +1 202 555 0123.")});
        return;
    }
    setBusy(true);
    m_phoneNumber = number;
    m_api.postAs<LoginAccepted>(QLatin1String(paths::Login), LoginRequest{number, {}}.toJson(),
                                this, [this, number](Result<LoginAccepted> accepted) {
                                    setBusy(false);
                                    if (!accepted)
                                        Q_EMIT failed(accepted.error());
                                    else
                                        Q_EMIT codeSent(number, accepted.value().expiresIn);
                                });
}

void LoginService::submitCode(const QString &code)
{
    if (m_busy || m_phoneNumber.isEmpty())
        return;
    setBusy(true);
    const VerifyOtpRequest request{
        m_phoneNumber, {}, code.trimmed(), m_deviceName, m_deviceKeys.publicKey()};
    m_api.postAs<SessionGrant>(QLatin1String(paths::VerifyOtp), request.toJson(), this,
                               [this](Result<SessionGrant> grant) {
                                   setBusy(false);
                                   if (!grant) {
                                       Q_EMIT failed(grant.error());
                                       return;
                                   }
                                   const SessionGrant &g = grant.value();
                                   Q_EMIT loggedIn(sessionFromGrant(m_api.serverUrl(), g));
                               });
}

} // namespace parley
