#include "server/auth/PhoneNumbers.h"

#include <phonenumbers/phonenumberutil.h>

namespace parley::server {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;
using protocol::Error;
using protocol::ErrorCode;

namespace {

Error invalid(const QString &reason)
{
    return Error{ErrorCode::InvalidPhoneNumber,
                 QStringLiteral("invalid phone number: %1").arg(reason)};
}

QString parseErrorReason(PhoneNumberUtil::ErrorType error)
{
    switch (error) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        return QStringLiteral("it must start with + and a known country code, like +1 or +49");
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
        return QStringLiteral("too short");
    case PhoneNumberUtil::TOO_LONG_NSN:
        return QStringLiteral("too long");
    default:
        return QStringLiteral("not a phone number");
    }
}

QString lengthReason(PhoneNumberUtil::ValidationResult result)
{
    switch (result) {
    case PhoneNumberUtil::TOO_SHORT:
        return QStringLiteral("too short for its country");
    case PhoneNumberUtil::TOO_LONG:
        return QStringLiteral("too long for its country");
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
        return QStringLiteral("unknown country code");
    default:
        return QStringLiteral("not a number in use in its country");
    }
}

} // namespace

protocol::Result<QString> normalizePhoneNumber(const QString &input)
{
    const QString trimmed = input.trimmed();
    // Only international form: without a region to assume, a national number is ambiguous.
    if (!trimmed.startsWith(u'+'))
        return invalid(
            QStringLiteral("write it in international form, starting with + and the country code"));
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    const auto parsed = util->Parse(trimmed.toStdString(), "ZZ", &number);
    if (parsed != PhoneNumberUtil::NO_PARSING_ERROR)
        return invalid(parseErrorReason(parsed));
    if (!util->IsValidNumber(number))
        return invalid(lengthReason(util->IsPossibleNumberWithReason(number)));
    std::string e164;
    util->Format(number, PhoneNumberUtil::E164, &e164);
    return QString::fromStdString(e164);
}

} // namespace parley::server
