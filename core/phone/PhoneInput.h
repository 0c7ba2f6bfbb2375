#pragma once

#include <QList>
#include <QString>

namespace parley::phone {

// A country people pick on the login page: its region code ("DE") and calling code (49).
struct Country
{
    QString region;
    int callingCode = 0;
    QString name; // in English, from QLocale ("Germany")
    QString flag; // the flag emoji ("🇩🇪")
};

// What a number typed so far is (libphonenumber), for the login page's hints as you type.
struct Checked
{
    enum class State {
        Empty,
        TooShort, // more digits to come
        TooLong,
        UnknownCountryCode, // after a '+'
        NotInUse, // the right length, but no such number in its country
        Valid,
    };
    State state = State::Empty;
    QString e164; // "+4915123456789", when Valid
    QString international; // "+49 1512 3456789", when Valid
    QString region; // of the number ("DE"), when known; a '+' number can name another country
};

// Countries and numbers for the login page, on libphonenumber's metadata: the same library the
// server checks numbers with (docs/protocol.md 4.16), so a number this calls valid is one the
// server takes.
class PhoneInput
{
public:
    // Every region libphonenumber knows, by English name.
    static QList<Country> countries();
    static std::optional<Country> country(const QString &region);
    // The country of this desktop's locale, else the United States.
    static QString defaultRegion();
    // `input` in the country `region`, unless it starts with '+' or 00 (then it says its own).
    static Checked check(const QString &input, const QString &region);
    // The flag emoji of a region code: two regional indicator symbols.
    static QString flag(const QString &region);
};

} // namespace parley::phone
