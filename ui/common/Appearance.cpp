#include "ui/common/Appearance.h"

#include "core/store/StoreTypes.h"

#include <QAction>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFontDatabase>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QTextBoundaryFinder>
#include <QWidget>

namespace parley::ui::appearance {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal amountOfB)
{
    const qreal k = 1.0 - amountOfB;
    return QColor::fromRgbF(float(a.redF() * k + b.redF() * amountOfB),
                            float(a.greenF() * k + b.greenF() * amountOfB),
                            float(a.blueF() * k + b.blueF() * amountOfB));
}

// Distinct, readable behind white initials in both themes.
constexpr QRgb PersonColors[] = {0xc0392b, 0xd35400, 0xb7950b, 0x27ae60, 0x16a085,
                                 0x2980b9, 0x8e44ad, 0xc2185b, 0x5d6d7e, 0x00897b};

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor outgoingBubble(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x00, 0x5c, 0x4b) : QColor(0xd9, 0xfd, 0xd3);
}

QColor incomingBubble(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x20, 0x2c, 0x33) : QColor(0xff, 0xff, 0xff);
}

QColor chatBackground(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x0b, 0x14, 0x1a) : QColor(0xef, 0xea, 0xe2);
}

QColor secondaryText(const QPalette &palette)
{
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45);
}

QColor accent(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x00, 0xa8, 0x84) : QColor(0x00, 0x80, 0x69);
}

QColor readTicks(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x53, 0xbd, 0xeb) : QColor(0x02, 0x7e, 0xb5);
}

QColor failure(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc0, 0x1c, 0x28);
}

void showFailure(QLabel *label, const QString &text)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, failure(palette));
    label->setPalette(palette);
    label->setText(text);
    label->show();
}

void setItalicFor(QFont &font, const QString &text)
{
    font.setItalic(!text.isRightToLeft());
}

void addClearButton(QLineEdit *field)
{
    const QPalette palette = field->palette();
    constexpr int Size = 16;
    QIcon icon;
    for (const qreal ratio : {1.0, 2.0}) {
        QPixmap pixmap(int(Size * ratio), int(Size * ratio));
        pixmap.setDevicePixelRatio(ratio);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(secondaryText(palette));
        painter.drawEllipse(QRectF(1, 1, Size - 2, Size - 2));
        painter.setPen(QPen(palette.color(QPalette::Base), 1.6, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(5.5, 5.5), QPointF(Size - 5.5, Size - 5.5));
        painter.drawLine(QPointF(Size - 5.5, 5.5), QPointF(5.5, Size - 5.5));
        painter.end();
        icon.addPixmap(pixmap);
    }
    auto *clear = field->addAction(icon, QLineEdit::TrailingPosition);
    clear->setObjectName(QStringLiteral("clearText"));
    clear->setToolTip(QCoreApplication::translate("parley::ui::appearance", "Clear"));
    clear->setVisible(false);
    QObject::connect(clear, &QAction::triggered, field, [field] {
        field->clear();
        Q_EMIT field->textEdited(QString());
    });
    QObject::connect(field, &QLineEdit::textChanged, clear,
                     [clear](const QString &text) { clear->setVisible(!text.isEmpty()); });
}

QString colourEmojiFamily()
{
    static const QString family = [] {
        for (const QString &name : QFontDatabase::families()) {
            if (name.contains(QLatin1String("Emoji"), Qt::CaseInsensitive)
                && name.contains(QLatin1String("Color"), Qt::CaseInsensitive))
                return name;
        }
        return QString();
    }();
    return family;
}

void preferColourEmoji(QWidget *widget)
{
    const QString family = colourEmojiFamily();
    if (family.isEmpty())
        return;
    QFont font = widget->font();
    font.setFamilies({family, font.family()});
    widget->setFont(font);
}

QString htmlWithColourEmoji(const QString &text)
{
    const QString family = colourEmojiFamily();
    if (family.isEmpty())
        return text.toHtmlEscaped();
    const QString open = QStringLiteral("<span style=\"font-family: '%1'\">").arg(family);
    QString html;
    bool inEmoji = false;
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text);
    qsizetype start = 0;
    for (qsizetype end = graphemes.toNextBoundary(); end > 0; end = graphemes.toNextBoundary()) {
        const QStringView cluster = QStringView(text).mid(start, end - start);
        const char32_t first = cluster.size() > 1 && cluster.at(0).isHighSurrogate()
            ? QChar::surrogateToUcs4(cluster.at(0), cluster.at(1))
            : char32_t(cluster.at(0).unicode());
        // The pictograph planes, a symbol asked for as emoji (U+FE0F), or a symbol of the
        // blocks most emoji of Unicode 1 to 4 are in (☀ ☕ ✅ ❤).
        const bool emoji = (first >= 0x1F000 && first <= 0x1FAFF) || cluster.contains(QChar(0xFE0F))
            || (first >= 0x2600 && first <= 0x27BF
                && QChar::category(first) == QChar::Symbol_Other);
        if (emoji != inEmoji) {
            html += emoji ? open : QStringLiteral("</span>");
            inEmoji = emoji;
        }
        html += cluster.toString().toHtmlEscaped();
        start = end;
    }
    if (inEmoji)
        html += QStringLiteral("</span>");
    return html;
}

QColor personColor(const QString &seed)
{
    const QByteArray hash = QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha256);
    const auto index = quint8(hash.at(0)) % std::size(PersonColors);
    return QColor(PersonColors[index]);
}

QString initials(const QString &name)
{
    QString letters;
    const QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const QChar first = word.at(0);
        if (!first.isLetter())
            continue;
        // A letter outside the BMP (a surrogate pair) stays whole.
        letters += word.at(0).isHighSurrogate() ? word.left(2) : QString(first.toUpper());
        if (letters.size() >= 2)
            break;
    }
    return letters.isEmpty() ? QStringLiteral("#") : letters;
}

QPixmap avatarPixmap(const QString &name, const QString &seed, int size, qreal ratio)
{
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paintAvatar(&painter, QRect(0, 0, size, size), name, seed);
    return pixmap;
}

void paintAvatar(QPainter *painter, const QRect &rect, const QString &name, const QString &seed)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(personColor(seed));
    painter->drawEllipse(rect);
    QFont font = painter->font();
    font.setPixelSize(qMax(8, rect.height() * 2 / 5));
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, initials(name));
    painter->restore();
}

Ticks ticksForStatus(int status)
{
    switch (store::MessageStatus(status)) {
    case store::MessageStatus::Pending:
        return Ticks::Pending;
    case store::MessageStatus::Sent:
        return Ticks::Sent;
    case store::MessageStatus::Delivered:
        return Ticks::Delivered;
    case store::MessageStatus::Read:
        return Ticks::Read;
    case store::MessageStatus::Failed:
        return Ticks::Failed;
    default:
        return Ticks::None;
    }
}

qreal ticksWidth(Ticks ticks, qreal height)
{
    switch (ticks) {
    case Ticks::None:
        return 0;
    case Ticks::Pending:
    case Ticks::Failed:
        return height;
    case Ticks::Sent:
        return height;
    case Ticks::Delivered:
    case Ticks::Read:
        return height * 1.45;
    }
    return 0;
}

void paintTicks(QPainter *painter, const QRectF &rect, Ticks ticks, const QPalette &palette,
                const QColor &plain)
{
    if (ticks == Ticks::None)
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal h = rect.height();
    QPen pen(ticks == Ticks::Read         ? readTicks(palette)
                 : ticks == Ticks::Failed ? failure(palette)
                                          : plain,
             qMax(1.2, h / 9.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const QPointF o = rect.topLeft();
    auto check = [&](qreal dx) {
        QPainterPath path;
        path.moveTo(o + QPointF(dx + h * 0.08, h * 0.55));
        path.lineTo(o + QPointF(dx + h * 0.35, h * 0.80));
        path.lineTo(o + QPointF(dx + h * 0.92, h * 0.22));
        painter->drawPath(path);
    };
    switch (ticks) {
    case Ticks::Pending: {
        const QRectF face(o + QPointF(h * 0.12, h * 0.12), QSizeF(h * 0.76, h * 0.76));
        painter->drawEllipse(face);
        painter->drawLine(face.center(), face.center() - QPointF(0, h * 0.26));
        painter->drawLine(face.center(), face.center() + QPointF(h * 0.2, 0));
        break;
    }
    case Ticks::Failed: {
        const QRectF face(o + QPointF(h * 0.06, h * 0.06), QSizeF(h * 0.88, h * 0.88));
        painter->drawEllipse(face);
        painter->drawLine(face.center() - QPointF(0, h * 0.24),
                          face.center() + QPointF(0, h * 0.06));
        painter->drawPoint(face.center() + QPointF(0, h * 0.24));
        break;
    }
    case Ticks::Sent:
        check(0);
        break;
    case Ticks::Delivered:
    case Ticks::Read:
        check(0);
        check(h * 0.45);
        break;
    case Ticks::None:
        break;
    }
    painter->restore();
}

} // namespace parley::ui::appearance
