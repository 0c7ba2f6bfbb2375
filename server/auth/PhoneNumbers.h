#pragma once

#include "core/protocol/Result.h"

#include <QString>

namespace parley::server {

// Parses a phone number written in international form ("+49 151 2345 6789", "+1 (202)
// 555-0123") with libphonenumber and returns it in E.164 ("+4915123456789"). A number that is
// not valid for its country gets invalid_phone_number with the reason.
protocol::Result<QString> normalizePhoneNumber(const QString &input);

} // namespace parley::server
