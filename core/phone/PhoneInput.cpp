#include "core/phone/PhoneInput.h"

#include <QLocale>

#include <algorithm>
#include <phonenumbers/phonenumberutil.h>
#include <set>

namespace parley::phone {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

QString englishName(const QString &region)
{
    const QLocale::Territory territory = QLocale::codeToTerritory(region);
    if (territory == QLocale::AnyTerritory)
        return region;
    return QLocale::territoryToString(territory);
}

} // namespace

QString PhoneInput::flag(const QString &region)
{
    if (region.size() != 2)
        return {};
    QString flag;
    for (const QChar c : region.toUpper()) {
        if (c < u'A' || c > u'Z')
            return {};
        const char32_t indicator = U'\U0001F1E6' + char32_t(c.unicode() - u'A');
        flag += QString::fromUcs4(&indicator, 1);
    }
    return flag;
}

QList<Country> PhoneInput::countries()
{
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    std::set<std::string> regions;
    util->GetSupportedRegions(&regions);
    QList<Country> list;
    list.reserve(qsizetype(regions.size()));
    for (const std::string &code : regions) {
        const QString region = QString::fromStdString(code);
        list.append(
            {region, util->GetCountryCodeForRegion(code), englishName(region), flag(region)});
    }
    std::sort(list.begin(), list.end(), [](const Country &a, const Country &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return list;
}

std::optional<Country> PhoneInput::country(const QString &region)
{
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    const std::string code = region.toUpper().toStdString();
    const int callingCode = util->GetCountryCodeForRegion(code);
    if (callingCode == 0)
        return std::nullopt;
    const QString upper = region.toUpper();
    return Country{upper, callingCode, englishName(upper), flag(upper)};
}

QString PhoneInput::defaultRegion()
{
    const QString region = QLocale::territoryToCode(QLocale::system().territory());
    return country(region) ? region : QStringLiteral("US");
}

Checked PhoneInput::check(const QString &input, const QString &region)
{
    Checked result;
    QString digits;
    for (const QChar c : input) {
        if (c.isDigit() || c == u'+')
            digits.append(c);
    }
    if (digits.isEmpty() || digits == QLatin1String("+"))
        return result;
    if (digits.startsWith(QLatin1String("00")))
        digits = u'+' + digits.mid(2);
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    const auto parsed = util->Parse(digits.toStdString(), region.toUpper().toStdString(), &number);
    switch (parsed) {
    case PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        // "+4" is on its way to "+49": only a code that cannot grow into one is unknown.
        result.state
            = digits.size() <= 3 ? Checked::State::TooShort : Checked::State::UnknownCountryCode;
        return result;
    case PhoneNumberUtil::TOO_LONG_NSN:
        result.state = Checked::State::TooLong;
        return result;
    default:
        result.state = Checked::State::TooShort;
        return result;
    }
    std::string numberRegion;
    util->GetRegionCodeForNumber(number, &numberRegion);
    // "ZZ" is libphonenumber's "no region" (a number no country has).
    if (numberRegion != "ZZ")
        result.region = QString::fromStdString(numberRegion);
    if (util->IsValidNumber(number)) {
        std::string e164;
        std::string international;
        util->Format(number, PhoneNumberUtil::E164, &e164);
        util->Format(number, PhoneNumberUtil::INTERNATIONAL, &international);
        result.state = Checked::State::Valid;
        result.e164 = QString::fromStdString(e164);
        result.international = QString::fromStdString(international);
        return result;
    }
    switch (util->IsPossibleNumberWithReason(number)) {
    case PhoneNumberUtil::TOO_SHORT:
        result.state = Checked::State::TooShort;
        break;
    case PhoneNumberUtil::TOO_LONG:
        result.state = Checked::State::TooLong;
        break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
        result.state = Checked::State::UnknownCountryCode;
        break;
    default:
        result.state = Checked::State::NotInUse;
        break;
    }
    return result;
}

} // namespace parley::phone
