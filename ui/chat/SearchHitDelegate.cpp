#include "ui/chat/SearchHitDelegate.h"

#include "core/models/SearchModel.h"
#include "ui/common/Appearance.h"
#include "ui/common/TimeText.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace parley::ui {

using models::SearchModel;

namespace {
constexpr int Padding = 8;
constexpr int LineGap = 3;
constexpr int ContextBefore = 24; // characters shown before the first match of a long message
} // namespace

SearchHitDelegate::SearchHitDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QString SearchHitDelegate::highlighted(const QString &text, const QStringList &terms,
                                       const QString &color)
{
    const QString flat = QString(text).replace(u'\n', u' ');
    const auto spans = SearchModel::matches(flat, terms);
    int from = 0;
    if (!spans.isEmpty() && spans.first().first > ContextBefore)
        from = spans.first().first - ContextBefore;
    QString html = from > 0 ? QStringLiteral("…") : QString();
    int at = from;
    for (const auto &[start, length] : spans) {
        if (start < at)
            continue;
        html += flat.mid(at, start - at).toHtmlEscaped();
        html += QStringLiteral("<b style=\"color:%1\">%2</b>")
                    .arg(color, flat.mid(start, length).toHtmlEscaped());
        at = start + length;
    }
    html += flat.mid(at).toHtmlEscaped();
    return html;
}

QSize SearchHitDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return {option.rect.width(), 2 * fm.height() + LineGap + 2 * Padding};
}

void SearchHitDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor secondary = selected ? text : appearance::secondaryText(palette);
    const QRect r = option.rect.adjusted(Padding, Padding, -Padding, -Padding);
    const QFontMetrics fm(option.font);
    const QRect first(r.left(), r.top(), r.width(), fm.height());
    const QRect second(r.left(), r.top() + fm.height() + LineGap, r.width(), fm.height());

    const QString time = timetext::chatListTime(
        QDateTime::fromMSecsSinceEpoch(index.data(SearchModel::TimeRole).toLongLong()),
        QDateTime::currentDateTime());
    painter->save();
    painter->setPen(secondary);
    painter->drawText(first, Qt::AlignTrailing | Qt::AlignVCenter, time);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(text);
    const int timeWidth = fm.horizontalAdvance(time) + Padding;
    // Leading and Trailing follow the painter's direction; the name's room is on the other side
    // of the time in both.
    const bool rtl = option.direction == Qt::RightToLeft;
    painter->drawText(
        rtl ? first.adjusted(timeWidth, 0, 0, 0) : first.adjusted(0, 0, -timeWidth, 0),
        Qt::AlignLeading | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(index.data(SearchModel::ChatTitleRole).toString(),
                                      Qt::ElideRight, first.width() - timeWidth));
    painter->restore();

    QTextDocument doc;
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(0);
    QTextOption wrap = doc.defaultTextOption();
    wrap.setWrapMode(QTextOption::NoWrap);
    doc.setDefaultTextOption(wrap);
    const QString prefix
        = index.data(SearchModel::OutgoingRole).toBool() ? tr("You: ").toHtmlEscaped() : QString();
    doc.setHtml(QStringLiteral("<span style=\"color:%1\">").arg(secondary.name()) + prefix
                + highlighted(index.data(SearchModel::BodyRole).toString(), m_terms,
                              selected ? text.name() : appearance::accent(palette).name())
                + QStringLiteral("</span>"));
    painter->save();
    painter->setClipRect(second);
    painter->translate(second.topLeft());
    doc.drawContents(painter);
    painter->restore();
}

} // namespace parley::ui
