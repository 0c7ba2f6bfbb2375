#include "ui/chat/ChatListDelegate.h"

#include "core/models/ChatListModel.h"
#include "core/store/StoreTypes.h"
#include "ui/common/Appearance.h"
#include "ui/common/TimeText.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace parley::ui {

using models::ChatListModel;
namespace look = appearance;

namespace {
constexpr int Padding = 10;
constexpr int AvatarSize = 46;
constexpr int LineGap = 4;
constexpr int BadgeMinWidth = 20;
constexpr int MarkSize = 14; // pinned and muted marks

void paintPin(QPainter *painter, const QRectF &r, const QColor &color)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, 1.6, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(color);
    const QPointF head = r.center() - QPointF(0, r.height() * 0.18);
    painter->drawEllipse(head, r.width() * 0.22, r.width() * 0.22);
    painter->drawLine(head, QPointF(r.center().x(), r.bottom()));
    painter->restore();
}

void paintMuted(QPainter *painter, const QRectF &r, const QColor &color)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, 1.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    // A speaker with a slash.
    QPainterPath speaker;
    speaker.moveTo(r.left() + r.width() * 0.1, r.top() + r.height() * 0.38);
    speaker.lineTo(r.left() + r.width() * 0.3, r.top() + r.height() * 0.38);
    speaker.lineTo(r.left() + r.width() * 0.55, r.top() + r.height() * 0.15);
    speaker.lineTo(r.left() + r.width() * 0.55, r.bottom() - r.height() * 0.15);
    speaker.lineTo(r.left() + r.width() * 0.3, r.bottom() - r.height() * 0.38);
    speaker.lineTo(r.left() + r.width() * 0.1, r.bottom() - r.height() * 0.38);
    speaker.closeSubpath();
    painter->drawPath(speaker);
    painter->drawLine(QPointF(r.left() + r.width() * 0.05, r.bottom() - r.height() * 0.05),
                      QPointF(r.right() - r.width() * 0.05, r.top() + r.height() * 0.05));
    painter->restore();
}

} // namespace

ChatListDelegate::ChatListDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QSize ChatListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    const int text = 2 * fm.height() + LineGap;
    return {option.rect.width(), qMax(AvatarSize, text) + 2 * Padding};
}

QString ChatListDelegate::previewText(const QModelIndex &index)
{
    using Kind = ChatListModel::PreviewKind;
    const bool outgoing = index.data(ChatListModel::LastMessageOutgoingRole).toBool();
    switch (Kind(index.data(ChatListModel::LastMessageKindRole).toInt())) {
    case Kind::None:
        return QString();
    case Kind::Deleted:
        return outgoing ? tr("You deleted this message") : tr("This message was deleted");
    case Kind::Undecryptable:
        return tr("Message could not be decrypted");
    case Kind::System:
        return tr("Security code changed");
    case Kind::Text:
        break;
    }
    // One line: the first line of the text.
    QString text = index.data(ChatListModel::PreviewRole).toString();
    const qsizetype newline = text.indexOf(u'\n');
    if (newline >= 0)
        text = text.left(newline) + QStringLiteral(" …");
    return text;
}

void ChatListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the background and selection come from the style, the rest from here
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor secondary = selected ? text : look::secondaryText(palette);
    const bool rtl = option.direction == Qt::RightToLeft;
    const QRect r = option.rect.adjusted(Padding, Padding, -Padding, -Padding);

    const QString title = index.data(ChatListModel::TitleRole).toString();
    const QString peer = index.data(ChatListModel::PeerUserIdRole).toString();
    QRect avatar(0, 0, AvatarSize, AvatarSize);
    avatar.moveCenter(
        QPoint(rtl ? r.right() - AvatarSize / 2 : r.left() + AvatarSize / 2, r.center().y()));
    look::paintAvatar(painter, avatar, title, peer);

    const QRect body = rtl ? QRect(r.left(), r.top(), r.width() - AvatarSize - Padding, r.height())
                           : QRect(avatar.right() + Padding + 1, r.top(),
                                   r.right() - avatar.right() - Padding, r.height());
    const QFontMetrics fm(option.font);
    const int top = body.center().y() - (2 * fm.height() + LineGap) / 2;
    QRect firstLine(body.left(), top, body.width(), fm.height());
    QRect secondLine(body.left(), top + fm.height() + LineGap, body.width(), fm.height());
    // Placed by hand for both directions, so absolute: the painter must not mirror them again.
    const Qt::Alignment leading = (rtl ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignAbsolute;
    const Qt::Alignment trailing = (rtl ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignAbsolute;

    // First line: the name, and the time at the other end.
    const int unread = index.data(ChatListModel::UnreadCountRole).toInt();
    const qint64 activity = index.data(ChatListModel::LastActivityRole).toLongLong();
    const QString time = activity > 0 ? timetext::chatListTime(
                             QDateTime::fromMSecsSinceEpoch(activity), QDateTime::currentDateTime())
                                      : QString();
    QFont timeFont = option.font;
    timeFont.setPointSizeF(option.font.pointSizeF() * 0.85);
    const QFontMetrics timeMetrics(timeFont);
    const int timeWidth = timeMetrics.horizontalAdvance(time);
    const bool muted = index.data(ChatListModel::MutedRole).toBool();
    painter->save();
    painter->setFont(timeFont);
    painter->setPen(unread > 0 && !muted && !selected ? look::accent(palette) : secondary);
    painter->drawText(firstLine, trailing | Qt::AlignVCenter, time);
    painter->restore();

    QFont titleFont = option.font;
    titleFont.setBold(unread > 0);
    painter->save();
    painter->setFont(titleFont);
    painter->setPen(text);
    QRect titleRect
        = firstLine.adjusted(rtl ? timeWidth + Padding : 0, 0, rtl ? 0 : -(timeWidth + Padding), 0);
    painter->drawText(titleRect, leading | Qt::AlignVCenter,
                      QFontMetrics(titleFont).elidedText(title, Qt::ElideRight, titleRect.width()));
    painter->restore();

    // Second line, from the far end: the badge, the marks; then ticks and the preview.
    int far = 0; // width used at the trailing end
    auto takeTrailing = [&](int width) {
        QRect piece = rtl
            ? QRect(secondLine.left() + far, secondLine.top(), width, fm.height())
            : QRect(secondLine.right() - far - width + 1, secondLine.top(), width, fm.height());
        far += width + 6;
        return piece;
    };
    if (unread > 0) {
        QFont badgeFont = option.font;
        badgeFont.setPointSizeF(option.font.pointSizeF() * 0.8);
        badgeFont.setBold(true);
        const QString count = unread > 999 ? QStringLiteral("999+") : QString::number(unread);
        const int width
            = qMax(BadgeMinWidth, QFontMetrics(badgeFont).horizontalAdvance(count) + 10);
        QRect badge = takeTrailing(width);
        badge.setHeight(qMin(badge.height(), BadgeMinWidth));
        badge.moveCenter(QPoint(badge.center().x(), secondLine.center().y()));
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(muted ? look::secondaryText(palette) : look::accent(palette));
        painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
        painter->setFont(badgeFont);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, count);
        painter->restore();
    }
    if (index.data(ChatListModel::PinnedRole).toBool()) {
        QRect mark = takeTrailing(MarkSize);
        mark.setHeight(MarkSize);
        mark.moveCenter(QPoint(mark.center().x(), secondLine.center().y()));
        paintPin(painter, mark, secondary);
    }
    if (muted) {
        QRect mark = takeTrailing(MarkSize);
        mark.setHeight(MarkSize);
        mark.moveCenter(QPoint(mark.center().x(), secondLine.center().y()));
        paintMuted(painter, mark, secondary);
    }
    QRect preview = secondLine.adjusted(rtl ? far : 0, 0, rtl ? 0 : -far, 0);

    if (index.data(ChatListModel::TypingRole).toBool()) {
        painter->save();
        painter->setPen(selected ? text : look::accent(palette));
        painter->drawText(preview, leading | Qt::AlignVCenter, tr("typing…"));
        painter->restore();
        return;
    }
    using Kind = ChatListModel::PreviewKind;
    const auto kind = Kind(index.data(ChatListModel::LastMessageKindRole).toInt());
    if (index.data(ChatListModel::LastMessageOutgoingRole).toBool() && kind == Kind::Text) {
        const auto ticks
            = look::ticksForStatus(index.data(ChatListModel::LastMessageStatusRole).toInt());
        const qreal h = fm.height() * 0.8;
        const qreal w = look::ticksWidth(ticks, h);
        const QRectF tickRect(rtl ? preview.right() - w : preview.left(),
                              preview.center().y() - h / 2, w, h);
        look::paintTicks(painter, tickRect, ticks, palette, secondary);
        preview.adjust(rtl ? 0 : int(w) + 4, 0, rtl ? -(int(w) + 4) : 0, 0);
    }
    painter->save();
    QFont previewFont = option.font;
    const QString shown = previewText(index);
    if (kind != Kind::Text)
        look::setItalicFor(previewFont, shown);
    painter->setFont(previewFont);
    painter->setPen(secondary);
    painter->drawText(preview, leading | Qt::AlignVCenter,
                      QFontMetrics(previewFont).elidedText(shown, Qt::ElideRight, preview.width()));
    painter->restore();
}

} // namespace parley::ui
