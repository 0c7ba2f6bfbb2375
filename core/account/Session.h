#pragma once

#include <QMetaType>
#include <QString>
#include <QUrl>

namespace parley {

// A signed-in device: what every authenticated call needs.
struct Session
{
    QUrl serverUrl; // http(s)://host:port of the Parley server
    QString accessToken;
    qint64 accessExpiresAt = 0; // ms since the epoch, by this device's clock
    QString refreshToken; // single use; replaced by every refresh
    QString userId;
    QString deviceId;
    QString phoneNumber;

    bool isValid() const { return !accessToken.isEmpty() && !deviceId.isEmpty(); }
};

} // namespace parley

Q_DECLARE_METATYPE(parley::Session)
