#include "ui/chat/ChatListView.h"

#include <QPainter>

namespace parley::ui {

namespace {
constexpr int PlaceholderMargin = 16;
}

ChatListView::ChatListView(QWidget *parent)
    : QListView(parent)
{
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
}

void ChatListView::setPlaceholderText(const QString &text)
{
    m_placeholderText = text;
    viewport()->update();
}

void ChatListView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (m_placeholderText.isEmpty() || (model() && model()->rowCount(rootIndex()) > 0))
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect area = viewport()->rect().adjusted(PlaceholderMargin, PlaceholderMargin,
                                                   -PlaceholderMargin, -PlaceholderMargin);
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_placeholderText);
}

} // namespace parley::ui
