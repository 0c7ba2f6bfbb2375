#pragma once

#include "core/crypto/DeviceKeyPair.h"

#include <QString>

namespace parley::sync {

// Who this device is, for the services that seal, open and file messages.
struct Identity
{
    QString userId;
    QString deviceId;
    crypto::DeviceKeyPair keys;
};

} // namespace parley::sync
