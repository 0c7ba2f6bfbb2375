#include "ui/common/TimeText.h"

#include <QCoreApplication>
#include <QLocale>

namespace parley::ui::timetext {

namespace {

class TimeText
{
    Q_DECLARE_TR_FUNCTIONS(TimeText)
};

// Within the last week: the weekday names it without doubt.
bool withinWeek(const QDate &day, const QDate &today)
{
    const qint64 days = day.daysTo(today);
    return days >= 0 && days < 7;
}

} // namespace

QString clockTime(const QDateTime &when)
{
    // The locale's short time, without seconds (the C locale's short format has them).
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QLatin1String(":ss")).remove(QLatin1String(".ss"));
    return QLocale().toString(when.time(), format);
}

QString chatListTime(const QDateTime &when, const QDateTime &now)
{
    const QDate day = when.date();
    const QDate today = now.date();
    if (day == today)
        return clockTime(when);
    if (day.daysTo(today) == 1)
        return TimeText::tr("Yesterday");
    if (withinWeek(day, today))
        return QLocale().dayName(day.dayOfWeek(), QLocale::LongFormat);
    return QLocale().toString(day, QLocale::ShortFormat);
}

QString dateSeparator(const QDate &day, const QDate &today)
{
    if (day == today)
        return TimeText::tr("Today");
    if (day.daysTo(today) == 1)
        return TimeText::tr("Yesterday");
    if (withinWeek(day, today))
        return QLocale().dayName(day.dayOfWeek(), QLocale::LongFormat);
    return QLocale().toString(day, QLocale::LongFormat);
}

QString lastSeen(const QDateTime &when, const QDateTime &now)
{
    const QDate day = when.date();
    const QDate today = now.date();
    if (day == today)
        return TimeText::tr("last seen today at %1").arg(clockTime(when));
    if (day.daysTo(today) == 1)
        return TimeText::tr("last seen yesterday at %1").arg(clockTime(when));
    return TimeText::tr("last seen %1 at %2")
        .arg(QLocale().toString(day, QLocale::ShortFormat), clockTime(when));
}

} // namespace parley::ui::timetext
