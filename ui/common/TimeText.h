#pragma once

#include <QDateTime>
#include <QString>

namespace parley::ui::timetext {

// How a messenger words times, relative to `now` (both local): a chat list's "14:05",
// "Yesterday", "Monday", "12/03/2026"; a date separator's "Today", "Yesterday", "Monday",
// "12 March 2026"; a header's "last seen today at 14:05". Every string follows the UI locale.
QString chatListTime(const QDateTime &when, const QDateTime &now);
QString dateSeparator(const QDate &day, const QDate &today);
QString clockTime(const QDateTime &when);
QString lastSeen(const QDateTime &when, const QDateTime &now);

} // namespace parley::ui::timetext
