#include "ui/chat/MessageDelegate.h"

#include "core/models/MessageModel.h"
#include "core/protocol/Plaintext.h"
#include "core/store/StoreTypes.h"
#include "ui/common/Appearance.h"
#include "ui/common/TimeText.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QDateTime>
#include <QPainter>
#include <QPixmapCache>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextLayout>

namespace parley::ui {

using models::MessageModel;
namespace look = appearance;

namespace {

constexpr int RowGap = 3; // between bubbles
constexpr int SideMargin = 14; // between a bubble and the edge of the view
constexpr int BubblePadH = 9;
constexpr int BubblePadV = 6;
constexpr int BubbleRadius = 8;
constexpr int MaxBubbleWidth = 560;
constexpr int MinBubbleWidth = 64;
constexpr int MetaGap = 10; // between the text's last line and the time beside it
constexpr int ChipPadH = 10;
constexpr int ChipPadV = 4;
constexpr int SeparatorMargin = 8;
constexpr int QuoteBar = 4;
constexpr int QuotePad = 6;
constexpr int MinQuoteWidth = 180;
constexpr int ReactionsOverlap = 6;
constexpr int KeptLayouts = 400; // about ten screens of bubbles
constexpr qreal JumboScale = 2.6; // a message of one emoji is shown large

QDateTime timeOf(const QModelIndex &index)
{
    return QDateTime::fromMSecsSinceEpoch(index.data(MessageModel::TimeRole).toLongLong());
}

bool startsNewDay(const QModelIndex &index)
{
    if (index.row() == 0)
        return true;
    const QModelIndex previous = index.siblingAtRow(index.row() - 1);
    return previous.data(MessageModel::LocalDayRole).toLongLong()
        != index.data(MessageModel::LocalDayRole).toLongLong();
}

QString reactionsSummary(const QVariantList &reactions)
{
    // Each emoji once, oldest first, then how many people reacted when more than one.
    QStringList emojis;
    for (const QVariant &reaction : reactions) {
        const QString emoji = reaction.toMap().value(QStringLiteral("emoji")).toString();
        if (!emojis.contains(emoji))
            emojis.append(emoji);
    }
    QString text = emojis.join(QString());
    if (reactions.size() > 1)
        text += QLatin1Char(' ') + QString::number(reactions.size());
    return text;
}

// The width a row has: the view's, whatever rectangle a sizeHint() call gets.
int rowWidth(const QStyleOptionViewItem &option)
{
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width();
}

QFont smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.8);
    return small;
}

} // namespace

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_layouts(KeptLayouts)
{ }

QString MessageDelegate::linkified(const QString &text)
{
    static const QRegularExpression links(
        QStringLiteral(R"((\bhttps?://[^\s<>"]+|\bwww\.[^\s<>"]+|\bmailto:[^\s<>"]+))"),
        QRegularExpression::CaseInsensitiveOption);
    QString html;
    qsizetype at = 0;
    auto it = links.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        QString link = match.captured(1);
        // Punctuation that ends a sentence is not part of the link.
        while (!link.isEmpty() && QStringLiteral(".,;:!?)]}'").contains(link.back()))
            link.chop(1);
        html += look::htmlWithColourEmoji(text.mid(at, match.capturedStart(1) - at));
        const QString href = link.startsWith(QLatin1String("www."), Qt::CaseInsensitive)
            ? QStringLiteral("https://") + link
            : link;
        html += QStringLiteral("<a href=\"%1\">%2</a>")
                    .arg(href.toHtmlEscaped(), link.toHtmlEscaped());
        at = match.capturedStart(1) + link.size();
    }
    html += look::htmlWithColourEmoji(text.mid(at));
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return QStringLiteral("<p style=\"white-space: pre-wrap\">") + html + QStringLiteral("</p>");
}

void MessageDelegate::setPeerName(const QString &name)
{
    if (name == m_peerName)
        return;
    m_peerName = name;
    clearCache();
}

void MessageDelegate::setUnreadDivider(qint64 rowId, int count)
{
    m_dividerRow = rowId;
    m_dividerCount = count;
    clearCache();
}

void MessageDelegate::setHighlighted(qint64 rowId)
{
    m_highlighted = rowId;
}

int MessageDelegate::textPosition(const QStyleOptionViewItem &option, const QModelIndex &index,
                                  const QPoint &pos, bool clamp) const
{
    const Layout &l = layoutFor(option, index);
    if (!l.doc)
        return -1;
    QPoint p = pos - option.rect.topLeft();
    if (!l.text.contains(p)) {
        if (!clamp)
            return -1;
        // Above the text: its start; below: its end; beside: the nearest point of that line.
        if (p.y() < l.text.top())
            return 0;
        if (p.y() > l.text.bottom())
            return l.doc->characterCount() - 1;
        p.setX(qBound(l.text.left(), p.x(), l.text.right()));
    }
    const int position
        = l.doc->documentLayout()->hitTest(QPointF(p - l.text.topLeft()), Qt::FuzzyHit);
    return qBound(0, position, l.doc->characterCount() - 1);
}

std::pair<int, int> MessageDelegate::wordAt(const QStyleOptionViewItem &option,
                                            const QModelIndex &index, int position) const
{
    const Layout &l = layoutFor(option, index);
    if (!l.doc || position < 0)
        return {0, 0};
    QTextCursor cursor(l.doc.get());
    cursor.setPosition(qBound(0, position, l.doc->characterCount() - 1));
    cursor.select(QTextCursor::WordUnderCursor);
    return {cursor.selectionStart(), cursor.selectionEnd()};
}

void MessageDelegate::setSelection(qint64 rowId, int anchor, int position)
{
    m_selectionRow = rowId;
    m_selectionStart = qMin(anchor, position);
    m_selectionEnd = qMax(anchor, position);
}

QTextCursor MessageDelegate::selectionIn(QTextDocument &doc) const
{
    // Within the text as it is now (an edit may have made it shorter).
    const int last = doc.characterCount() - 1;
    QTextCursor cursor(&doc);
    cursor.setPosition(qMin(m_selectionStart, last));
    cursor.setPosition(qMin(m_selectionEnd, last), QTextCursor::KeepAnchor);
    return cursor;
}

QString MessageDelegate::selectedText(const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    if (!hasSelection() || index.data(MessageModel::RowIdRole).toLongLong() != m_selectionRow)
        return {};
    const Layout &l = layoutFor(option, index);
    if (!l.doc)
        return {};
    const QTextCursor cursor = selectionIn(*l.doc);
    // Paragraph and line separators (U+2029, U+2028 of <br>) as the newlines they were.
    QString text = cursor.selectedText();
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    text.replace(QChar::LineSeparator, QLatin1Char('\n'));
    return text;
}

void MessageDelegate::clearCache()
{
    m_heights.clear();
    m_layouts.clear();
}

void MessageDelegate::checkToday() const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now < m_nextMidnight)
        return;
    const QDate today = QDate::currentDate();
    if (m_today != 0 && today.toJulianDay() != m_today) {
        m_heights.clear(); // "Today" becomes "Yesterday"
        m_layouts.clear();
    }
    m_today = today.toJulianDay();
    m_nextMidnight = today.addDays(1).startOfDay().toMSecsSinceEpoch();
}

MessageDelegate::Key MessageDelegate::keyFor(const QStyleOptionViewItem &option,
                                             const QModelIndex &index) const
{
    return {index.data(MessageModel::RevisionRole).toULongLong(), rowWidth(option),
            startsNewDay(index)};
}

const MessageDelegate::Layout &MessageDelegate::layoutFor(const QStyleOptionViewItem &option,
                                                          const QModelIndex &index) const
{
    checkToday();
    const qint64 row = index.data(MessageModel::RowIdRole).toLongLong();
    const Key key = keyFor(option, index);
    if (const Layout *kept = m_layouts.object(row); kept && kept->key == key)
        return *kept;
    auto *layout = new Layout(makeLayout(option, index));
    layout->key = key;
    static quint64 serials = 0; // a pixmap key no other layout had (an address can be reused)
    layout->serial = ++serials;
    m_heights.insert(row, {key, layout->height});
    m_layouts.insert(row, layout);
    return *layout;
}

MessageDelegate::Layout MessageDelegate::makeLayout(const QStyleOptionViewItem &option,
                                                    const QModelIndex &index) const
{
    Layout l;
    const int width = rowWidth(option);
    const bool rtl = option.direction == Qt::RightToLeft;
    const QFontMetrics fm(option.font);
    const QFont small = smallFont(option.font);
    const QFontMetrics sfm(small);
    int y = RowGap;

    if (startsNewDay(index)) {
        l.dateText = timetext::dateSeparator(timeOf(index).date(), QDate::fromJulianDay(m_today));
        const int w = sfm.horizontalAdvance(l.dateText) + 2 * ChipPadH;
        const int h = sfm.height() + 2 * ChipPadV;
        y += SeparatorMargin;
        l.dateChip = QRect((width - w) / 2, y, w, h);
        y += h + SeparatorMargin;
    }
    if (m_dividerRow != 0 && index.data(MessageModel::RowIdRole).toLongLong() == m_dividerRow) {
        const int h = sfm.height() + 2 * ChipPadV;
        y += SeparatorMargin / 2;
        l.divider = true;
        l.dividerRect = QRect(0, y, width, h);
        y += h + SeparatorMargin;
    }

    const QString event = index.data(MessageModel::SystemEventRole).toString();
    if (!event.isEmpty()) {
        l.system = true;
        const QString who = m_peerName.isEmpty() ? tr("this contact") : m_peerName;
        if (event == QLatin1String(store::SecurityCodeChanged)) {
            l.systemText = tr("Your security code with %1 changed. Click to verify.").arg(who);
            l.systemClickable = true;
        } else if (event == QLatin1String(store::MarkedVerified))
            l.systemText = tr("You marked %1 as verified.").arg(who);
        else if (event == QLatin1String(store::MarkedUnverified))
            l.systemText = tr("You marked %1 as not verified.").arg(who);
        else
            l.systemText = event;
        const int maxW = qMin(width - 2 * SideMargin, MaxBubbleWidth);
        const QRect text = sfm.boundingRect(QRect(0, 0, maxW - 2 * ChipPadH, 10000),
                                            Qt::TextWordWrap | Qt::AlignCenter, l.systemText);
        const int w = text.width() + 2 * ChipPadH;
        const int h = text.height() + 2 * ChipPadV;
        l.systemChip = QRect((width - w) / 2, y + SeparatorMargin / 2, w, h);
        l.height = l.systemChip.bottom() + SeparatorMargin;
        return l;
    }

    const bool outgoing = index.data(MessageModel::OutgoingRole).toBool();
    const bool deleted = index.data(MessageModel::DeletedRole).toBool();
    const bool undecryptable = index.data(MessageModel::UndecryptableRole).toBool();
    const int maxBubble = qMax(MinBubbleWidth, qMin(MaxBubbleWidth, width * 3 / 4));
    const int maxText = maxBubble - 2 * BubblePadH;

    // The time, "edited" and the ticks.
    const QString time = timetext::clockTime(timeOf(index));
    l.metaText = index.data(MessageModel::EditedRole).toBool() && !deleted
        ? tr("edited") + QLatin1Char(' ') + time
        : time;
    if (outgoing && !deleted)
        l.ticks = look::ticksForStatus(index.data(MessageModel::StatusRole).toInt());
    const int ticksW = int(std::ceil(look::ticksWidth(l.ticks, sfm.height() * 0.85)));
    const int metaW = sfm.horizontalAdvance(l.metaText) + (ticksW > 0 ? ticksW + 4 : 0);
    const int metaH = sfm.height();

    int contentW = 0;
    int textH = 0;
    bool metaInline = false;
    if (deleted || undecryptable) {
        l.placeholder = deleted
            ? (outgoing ? tr("You deleted this message") : tr("This message was deleted"))
            : tr("This message could not be decrypted. Ask the sender to send "
                 "it again.");
        QFont italic = option.font;
        look::setItalicFor(italic, l.placeholder);
        const QRect r = QFontMetrics(italic).boundingRect(QRect(0, 0, maxText, 10000),
                                                          Qt::TextWordWrap, l.placeholder);
        contentW = r.width();
        textH = r.height();
    } else {
        const QString body = index.data(MessageModel::BodyRole).toString();
        auto doc = std::make_shared<QTextDocument>();
        QFont font = option.font;
        if (protocol::isSingleEmoji(body))
            font.setPointSizeF(font.pointSizeF() * JumboScale);
        doc->setDefaultFont(font);
        doc->setDocumentMargin(0);
        QTextOption textOption = doc->defaultTextOption();
        textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        doc->setDefaultTextOption(textOption);
        doc->setDefaultStyleSheet(
            QStringLiteral("a { color: %1; }").arg(option.palette.color(QPalette::Link).name()));
        doc->setHtml(linkified(body));
        // Keep the shaped glyphs: the first paint draws them instead of shaping the text again.
        for (QTextBlock block = doc->begin(); block.isValid(); block = block.next())
            block.layout()->setCacheEnabled(true);
        doc->setTextWidth(maxText);
        const int ideal = int(std::ceil(doc->idealWidth()));
        // The width of the last line: the time goes beside it when there is room.
        int lastLine = 0;
        const QTextBlock last = doc->lastBlock();
        if (QTextLayout *layout = last.layout(); layout && layout->lineCount() > 0) {
            const QTextLine line = layout->lineAt(layout->lineCount() - 1);
            lastLine = int(std::ceil(line.naturalTextWidth()));
        }
        const bool lastIsRtl = last.textDirection() == Qt::RightToLeft;
        metaInline = !lastIsRtl && lastLine + MetaGap + metaW <= maxText;
        contentW = metaInline ? qMax(ideal, lastLine + MetaGap + metaW) : qMax(ideal, metaW);
        doc->setTextWidth(contentW);
        textH = int(std::ceil(doc->size().height()));
        l.doc = std::move(doc);
    }

    // The quote of the message replied to.
    int quoteH = 0;
    if (!deleted && !index.data(MessageModel::ReplyToMessageIdRole).toString().isEmpty()) {
        const bool ownQuoted = index.data(MessageModel::ReplyToSenderRole).toString().isEmpty();
        l.quoteSender = ownQuoted ? tr("You") : (m_peerName.isEmpty() ? tr("Them") : m_peerName);
        const QVariant preview = index.data(MessageModel::ReplyPreviewRole);
        l.quoteText = !preview.isValid()   ? tr("Original message not available")
            : preview.toString().isEmpty() ? tr("This message was deleted")
                                           : preview.toString().simplified();
        quoteH = 2 * fm.height() + 2 * QuotePad;
        contentW = qMax(contentW, qMin(maxText, MinQuoteWidth));
    }

    const int bubbleW = contentW + 2 * BubblePadH;
    const int bubbleH = BubblePadV + (quoteH > 0 ? quoteH + BubblePadV : 0) + textH
        + (metaInline ? 0 : metaH) + BubblePadV;
    const bool atRight = outgoing != rtl;
    const int x = atRight ? width - SideMargin - bubbleW : SideMargin;
    l.bubble = QRect(x, y, bubbleW, bubbleH);
    int inner = y + BubblePadV;
    if (quoteH > 0) {
        l.quote = QRect(x + BubblePadH, inner, contentW, quoteH);
        inner += quoteH + BubblePadV;
    }
    l.text = QRect(x + BubblePadH, inner, contentW, textH);
    l.meta = QRect(x + bubbleW - BubblePadH - metaW, l.bubble.bottom() - BubblePadV - metaH + 1,
                   metaW, metaH);
    y = l.bubble.bottom() + 1;

    const QVariantList reactions = index.data(MessageModel::ReactionsRole).toList();
    if (!reactions.isEmpty() && !deleted) {
        l.reactionsText = reactionsSummary(reactions);
        const int w = fm.horizontalAdvance(l.reactionsText) + 2 * ChipPadH;
        const int h = fm.height() + 2 * ChipPadV;
        const int rx = atRight ? l.bubble.right() - w - BubblePadH : l.bubble.left() + BubblePadH;
        l.reactions = QRect(rx, y - ReactionsOverlap, w, h);
        y = l.reactions.bottom() + 1;
    }
    l.height = y + RowGap;
    return l;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // A relayout asks every row: most are answered from the heights kept.
    const auto kept = m_heights.constFind(index.data(MessageModel::RowIdRole).toLongLong());
    if (kept != m_heights.cend() && kept->key == keyFor(option, index))
        return {kept->key.width, kept->height};
    return {rowWidth(option), layoutFor(option, index).height};
}

QRect MessageDelegate::bubbleRect(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    const Layout &l = layoutFor(option, index);
    return (l.system ? l.systemChip : l.bubble).translated(option.rect.topLeft());
}

MessageDelegate::Hit MessageDelegate::hitTest(const QStyleOptionViewItem &option,
                                              const QModelIndex &index, const QPoint &pos) const
{
    const Layout &l = layoutFor(option, index);
    const QPoint p = pos - option.rect.topLeft();
    if (l.system)
        return l.systemClickable && l.systemChip.contains(p) ? Hit{Hit::SystemLine, {}} : Hit{};
    if (!l.bubble.contains(p))
        return {};
    if (!l.quote.isNull() && l.quote.contains(p))
        return {Hit::Quote, {}};
    if (l.ticks == look::Ticks::Failed && l.meta.adjusted(-4, -4, 4, 4).contains(p))
        return {Hit::Retry, {}};
    if (l.doc && l.text.contains(p)) {
        const QString anchor = l.doc->documentLayout()->anchorAt(p - l.text.topLeft());
        if (!anchor.isEmpty())
            return {Hit::Link, anchor};
    }
    return {Hit::Bubble, {}};
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const Layout &l = layoutFor(option, index);
    const QPoint origin = option.rect.topLeft();
    const QPalette &palette = option.palette;
    const QFont small = smallFont(option.font);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    if (!l.dateText.isEmpty()) {
        const QRect chip = l.dateChip.translated(origin);
        painter->setPen(Qt::NoPen);
        painter->setBrush(look::incomingBubble(palette));
        painter->drawRoundedRect(chip, chip.height() / 2.0, chip.height() / 2.0);
        painter->setFont(small);
        painter->setPen(look::secondaryText(palette));
        painter->drawText(chip, Qt::AlignCenter, l.dateText);
    }
    if (l.divider) {
        const QRect band = l.dividerRect.translated(origin);
        QColor fill = look::incomingBubble(palette);
        fill.setAlphaF(0.75f);
        painter->fillRect(band, fill);
        painter->setFont(small);
        painter->setPen(look::accent(palette));
        painter->drawText(band, Qt::AlignCenter,
                          tr("%n unread message(s)", nullptr, m_dividerCount));
    }
    if (l.system) {
        const QRect chip = l.systemChip.translated(origin);
        painter->setPen(Qt::NoPen);
        QColor fill = look::isDark(palette) ? QColor(0x3b, 0x33, 0x14) : QColor(0xff, 0xf3, 0xc4);
        painter->setBrush(fill);
        painter->drawRoundedRect(chip, BubbleRadius, BubbleRadius);
        painter->setFont(small);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(chip.adjusted(ChipPadH, ChipPadV, -ChipPadH, -ChipPadV),
                          Qt::AlignCenter | Qt::TextWordWrap, l.systemText);
        painter->restore();
        return;
    }
    paintBubble(painter, option, index, l, origin);
    painter->restore();
}

void MessageDelegate::paintBubble(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index, const Layout &l,
                                  const QPoint &origin) const
{
    const QPalette &palette = option.palette;
    const bool outgoing = index.data(MessageModel::OutgoingRole).toBool();
    const QRect bubble = l.bubble.translated(origin);
    painter->setPen(Qt::NoPen);
    painter->setBrush(outgoing ? look::outgoingBubble(palette) : look::incomingBubble(palette));
    painter->drawRoundedRect(bubble, BubbleRadius, BubbleRadius);
    if (m_highlighted != 0 && index.data(MessageModel::RowIdRole).toLongLong() == m_highlighted) {
        QColor flash = look::accent(palette);
        flash.setAlphaF(0.25f);
        painter->setBrush(flash);
        painter->drawRoundedRect(bubble, BubbleRadius, BubbleRadius);
    }
    const QColor text = palette.color(QPalette::Text);
    const QColor secondary = look::secondaryText(palette);

    if (!l.quote.isNull()) {
        const QRect quote = l.quote.translated(origin);
        QColor fill = text;
        fill.setAlphaF(0.06f);
        painter->setBrush(fill);
        painter->drawRoundedRect(quote, 4, 4);
        const bool rtl = option.direction == Qt::RightToLeft;
        const QRect bar = rtl
            ? QRect(quote.right() - QuoteBar + 1, quote.top(), QuoteBar, quote.height())
            : QRect(quote.left(), quote.top(), QuoteBar, quote.height());
        painter->setBrush(look::accent(palette));
        painter->drawRoundedRect(bar, 2, 2);
        const QRect inner = quote.adjusted(QuoteBar + QuotePad, QuotePad, -QuotePad, -QuotePad);
        const QFontMetrics fm(option.font);
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(look::accent(palette));
        painter->drawText(
            QRect(inner.left(), inner.top(), inner.width(), fm.height()),
            Qt::AlignLeading | Qt::AlignVCenter,
            QFontMetrics(bold).elidedText(l.quoteSender, Qt::ElideRight, inner.width()));
        painter->setFont(option.font);
        painter->setPen(secondary);
        painter->drawText(
            QRect(inner.left(), inner.top() + fm.height(), inner.width(), fm.height()),
            Qt::AlignLeading | Qt::AlignVCenter,
            fm.elidedText(l.quoteText, Qt::ElideRight, inner.width()));
    }

    const QRect textRect = l.text.translated(origin);
    const bool selected
        = hasSelection() && index.data(MessageModel::RowIdRole).toLongLong() == m_selectionRow;
    if (l.doc && selected) {
        // Drawn as it is, with the selection: the drawn-text cache has none.
        painter->save();
        painter->translate(textRect.topLeft());
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = palette;
        context.palette.setColor(QPalette::Text, text);
        QAbstractTextDocumentLayout::Selection selection;
        selection.cursor = selectionIn(*l.doc);
        selection.format.setBackground(palette.color(QPalette::Highlight));
        selection.format.setForeground(palette.color(QPalette::HighlightedText));
        context.selections.append(selection);
        l.doc->documentLayout()->draw(painter, context);
        painter->restore();
    } else if (l.doc) {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        const QString pixmapKey
            = QStringLiteral("parley/message/%1/%2/%3").arg(l.serial).arg(ratio).arg(text.rgba());
        QPixmap drawn;
        if (!QPixmapCache::find(pixmapKey, &drawn)) {
            drawn = QPixmap(l.text.size() * ratio);
            drawn.setDevicePixelRatio(ratio);
            drawn.fill(Qt::transparent);
            QPainter onPixmap(&drawn);
            onPixmap.setRenderHints(painter->renderHints());
            QAbstractTextDocumentLayout::PaintContext context;
            context.palette = palette;
            context.palette.setColor(QPalette::Text, text);
            l.doc->documentLayout()->draw(&onPixmap, context);
            onPixmap.end();
            QPixmapCache::insert(pixmapKey, drawn);
        }
        painter->drawPixmap(textRect.topLeft(), drawn);
    } else {
        QFont italic = option.font;
        look::setItalicFor(italic, l.placeholder);
        painter->setFont(italic);
        painter->setPen(secondary);
        painter->drawText(textRect, Qt::TextWordWrap | Qt::AlignLeading, l.placeholder);
    }

    const QRect meta = l.meta.translated(origin);
    const QFont small = smallFont(option.font);
    painter->setFont(small);
    painter->setPen(secondary);
    const QFontMetrics sfm(small);
    const qreal tickH = sfm.height() * 0.85;
    const qreal tickW = look::ticksWidth(l.ticks, tickH);
    const QRect timeRect = meta.adjusted(0, 0, tickW > 0 ? -int(std::ceil(tickW)) - 4 : 0, 0);
    painter->drawText(timeRect, Qt::AlignRight | Qt::AlignVCenter, l.metaText);
    if (tickW > 0) {
        const QRectF ticks(meta.right() - tickW + 1, meta.center().y() - tickH / 2, tickW, tickH);
        look::paintTicks(painter, ticks, l.ticks, palette, secondary);
    }

    if (!l.reactions.isNull()) {
        const QRect pill = l.reactions.translated(origin);
        painter->setPen(QPen(look::chatBackground(palette), 2));
        painter->setBrush(look::incomingBubble(palette));
        painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        painter->setFont(option.font);
        painter->setPen(text);
        painter->drawText(pill, Qt::AlignCenter, l.reactionsText);
    }
}

} // namespace parley::ui
