#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

class QLabel;
class QLineEdit;
class QWidget;
class QPainter;
class QPixmap;
class QRect;
class QRectF;

namespace parley::ui {

// The colours and small painted pieces every screen shares, derived from the widget palette so
// light and dark themes both read well (the palette is the theme; see ui/common/Theme.h).
namespace appearance {

bool isDark(const QPalette &palette);
// Message bubbles: this account's own and others'.
QColor outgoingBubble(const QPalette &palette);
QColor incomingBubble(const QPalette &palette);
// Behind the messages of a chat.
QColor chatBackground(const QPalette &palette);
// Secondary text: times, previews, "last seen".
QColor secondaryText(const QPalette &palette);
// The accent of the app: unread badges, "typing…", the read ticks.
QColor accent(const QPalette &palette);
QColor readTicks(const QPalette &palette);
QColor failure(const QPalette &palette);

// Italics for a line that says something about a message ("This message was deleted"); not for
// right-to-left scripts, whose fonts here have no oblique glyphs (they would show as boxes).
void setItalicFor(QFont &font, const QString &text);

// Shows `text` in `label` in the failure colour of the label's palette.
void showFailure(QLabel *label, const QString &text);
// A button at the end of a search field that empties it, shown while there is text. Painted
// here rather than QLineEdit::setClearButtonEnabled's, which looks up the desktop's icon
// theme (about 10 ms of the app's start).
void addClearButton(QLineEdit *field);

// The family of the system's colour emoji font (Debian: Noto Color Emoji), empty when none.
QString colourEmojiFamily();
// Text as HTML for a QTextDocument, with each emoji in the colour emoji font. Without this,
// Qt 6.4 draws an emoji from the first font that has the code point, and DejaVu Sans (the
// default on Debian) has black-and-white faces for the emoticons block (😀 to 🙏).
QString htmlWithColourEmoji(const QString &text);
// For a widget that shows only emoji (a button, the emoji panel's tabs): its font takes them
// from the colour emoji font first.
void preferColourEmoji(QWidget *widget);

// A person's colour, the same on every screen and device: from their user id.
QColor personColor(const QString &seed);
// Up to two letters of a name ("Ada Lovelace" -> "AL"; "+1 202…" -> "#").
QString initials(const QString &name);
// A round avatar with initials on the person's colour.
void paintAvatar(QPainter *painter, const QRect &rect, const QString &name, const QString &seed);
// The same avatar as a pixmap of `size` logical pixels at the device pixel `ratio`.
QPixmap avatarPixmap(const QString &name, const QString &seed, int size, qreal ratio);

enum class Ticks {
    None,
    Pending, // a clock: waiting in the outbox
    Sent, // one tick
    Delivered, // two ticks
    Read, // two ticks in colour
    Failed, // an exclamation mark
};
// Ticks for a store::MessageStatus value of an outgoing message.
Ticks ticksForStatus(int status);
// The width ticks take at `height` (they are drawn, not a font's glyphs).
qreal ticksWidth(Ticks ticks, qreal height);
void paintTicks(QPainter *painter, const QRectF &rect, Ticks ticks, const QPalette &palette,
                const QColor &plain);

} // namespace appearance

} // namespace parley::ui
