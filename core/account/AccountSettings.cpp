#include "core/account/AccountSettings.h"

#include "core/net/RestTransport.h"

#include <QPointer>
#include <QUrl>

namespace parley {

using namespace protocol;

AccountSettings::AccountSettings(net::RestTransport &rest, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
{ }

void AccountSettings::profile(const QObject *context, std::function<void(Result<UserProfile>)> done)
{
    m_rest.getAs<UserProfile>(QLatin1String(paths::UserProfile), {}, context, std::move(done));
}

void AccountSettings::updateProfile(const ProfileUpdate &update, const QObject *context,
                                    std::function<void(Result<UserProfile>)> done)
{
    QPointer<const QObject> guard(context);
    m_rest.put(QLatin1String(paths::UserProfile), update.toJson(), this,
               [this, guard, done = std::move(done)](Result<QJsonObject> answer) {
                   Result<UserProfile> profile
                       = answer ? UserProfile::fromJson(answer.value()) : answer.error();
                   if (profile)
                       Q_EMIT profileChanged(profile.value());
                   if (guard)
                       done(profile);
               });
}

void AccountSettings::devices(const QObject *context,
                              std::function<void(Result<DeviceInfoList>)> done)
{
    m_rest.getAs<DeviceInfoList>(QLatin1String(paths::Devices), {}, context, std::move(done));
}

void AccountSettings::removeDevice(const QString &deviceId, const QObject *context,
                                   std::function<void(Result<void>)> done)
{
    m_rest.remove(QLatin1String(paths::Devices) + QLatin1Char('/')
                      + QString::fromLatin1(QUrl::toPercentEncoding(deviceId)),
                  context, [done = std::move(done)](Result<QJsonObject> answer) {
                      if (!answer)
                          return done(answer.error());
                      done({});
                  });
}

} // namespace parley
