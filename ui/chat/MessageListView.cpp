#include "ui/chat/MessageListView.h"

#include "core/models/MessageModel.h"
#include "ui/chat/MessageDelegate.h"
#include "ui/common/Appearance.h"

#include <QContextMenuEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTimer>

namespace parley::ui {

using models::MessageModel;

namespace {
constexpr int LoadOlderMargin = 200; // px from the top at which older messages are read, at least
constexpr int HighlightMs = 1500;
} // namespace

MessageListView::MessageListView(QWidget *parent)
    : QListView(parent)
    , m_proxy(this)
    , m_delegate(new MessageDelegate(this))
{
    setItemDelegate(m_delegate);
    setSelectionMode(QAbstractItemView::NoSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(false);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    verticalScrollBar()->setSingleStep(24);
    applyBackground();
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &MessageListView::onRangeChanged);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &MessageListView::onScrolled);
}

void MessageListView::setMessageModel(MessageModel *messages)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = messages;
    m_delegate->clearCache();
    m_proxy.setSourceModel(messages);
    if (!model()) // first time: QListView gets the proxy once
        setModel(&m_proxy);
    m_stickToBottom = true;
    m_anchorRow = -1;
    if (!messages)
        return;
    connect(messages, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first) {
                if (first != 0 || m_proxy.rowCount() == 0)
                    return;
                // Older messages go above what is on screen: remember what is at the top (by
                // row: a persistent index made while the proxy inserts would not move).
                const QModelIndex top = indexAt(QPoint(1, 1));
                if (top.isValid()) {
                    m_anchorRow = top.row();
                    m_anchorTop = visualRect(top).top();
                }
            });
    connect(messages, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                if (first != 0 || m_anchorRow < 0)
                    return;
                // Lay the rows out now and put the remembered message back where it was.
                const QModelIndex anchor = m_proxy.index(m_anchorRow + last + 1, 0);
                m_anchorRow = -1;
                executeDelayedItemsLayout();
                const int moved = visualRect(anchor).top() - m_anchorTop;
                verticalScrollBar()->setValue(verticalScrollBar()->value() + moved);
            });
    connect(messages, &MessageModel::pageLoaded, this,
            [this] { QTimer::singleShot(0, this, &MessageListView::loadOlderIfNeeded); });
}

int MessageListView::modelRow(const QModelIndex &viewIndex) const
{
    return m_proxy.mapToSource(viewIndex).row();
}

QModelIndex MessageListView::viewIndex(int modelRow) const
{
    return m_model ? m_proxy.mapFromSource(m_model->index(modelRow)) : QModelIndex();
}

bool MessageListView::isAtBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void MessageListView::scrollToNewest()
{
    m_stickToBottom = true;
    scrollToBottom();
}

void MessageListView::showMessage(int row)
{
    const QModelIndex index = viewIndex(row);
    if (!index.isValid())
        return;
    m_stickToBottom = false;
    scrollTo(index, QAbstractItemView::PositionAtCenter);
    const qint64 rowId = index.data(MessageModel::RowIdRole).toLongLong();
    m_delegate->setHighlighted(rowId);
    viewport()->update();
    QTimer::singleShot(HighlightMs, this, [this, rowId] {
        if (m_delegate)
            m_delegate->setHighlighted(0);
        viewport()->update();
        Q_UNUSED(rowId);
    });
}

void MessageListView::onRangeChanged(int, int max)
{
    if (m_stickToBottom)
        verticalScrollBar()->setValue(max);
}

void MessageListView::onScrolled(int)
{
    if (m_anchorRow < 0)
        m_stickToBottom = isAtBottom();
    loadOlderIfNeeded();
}

void MessageListView::loadOlderIfNeeded()
{
    // Where the view really is: a page just put above is laid out (and what was on screen put
    // back in place) only by the view's delayed layout, which may not have run yet.
    executeDelayedItemsLayout();
    // A screen ahead: the page is read and put in before the top is reached.
    if (!m_model || verticalScrollBar()->value() > qMax(LoadOlderMargin, viewport()->height()))
        return;
    // Also when the first page does not fill the view.
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void MessageListView::applyBackground()
{
    QPalette palette = viewport()->palette();
    palette.setColor(QPalette::Base, appearance::chatBackground(this->palette()));
    viewport()->setPalette(palette);
    viewport()->setAutoFillBackground(true);
}

void MessageListView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    switch (event->type()) {
    case QEvent::PaletteChange:
        applyBackground();
        m_delegate->clearCache();
        break;
    case QEvent::FontChange:
    case QEvent::LayoutDirectionChange:
        m_delegate->clearCache();
        break;
    default:
        break;
    }
}

void MessageListView::resizeEvent(QResizeEvent *event)
{
    // Layouts are cached per width: a new height keeps them.
    const bool atBottom = m_stickToBottom;
    QListView::resizeEvent(event);
    if (atBottom)
        QTimer::singleShot(0, this, &MessageListView::scrollToNewest);
}

void MessageListView::mouseMoveEvent(QMouseEvent *event)
{
    QListView::mouseMoveEvent(event);
    const QModelIndex index = indexAt(event->position().toPoint());
    Qt::CursorShape shape = Qt::ArrowCursor;
    if (index.isValid()) {
        QStyleOptionViewItem option;
        initViewItemOption(&option);
        option.rect = visualRect(index);
        const auto hit = m_delegate->hitTest(option, index, event->position().toPoint());
        if (hit.kind == MessageDelegate::Hit::Link || hit.kind == MessageDelegate::Hit::Quote
            || hit.kind == MessageDelegate::Hit::Retry
            || hit.kind == MessageDelegate::Hit::SystemLine)
            shape = Qt::PointingHandCursor;
    }
    viewport()->setCursor(shape);
}

void MessageListView::mouseReleaseEvent(QMouseEvent *event)
{
    QListView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    const QModelIndex index = indexAt(event->position().toPoint());
    if (!index.isValid())
        return;
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    const auto hit = m_delegate->hitTest(option, index, event->position().toPoint());
    switch (hit.kind) {
    case MessageDelegate::Hit::Link:
        Q_EMIT linkActivated(hit.link);
        break;
    case MessageDelegate::Hit::Quote:
        Q_EMIT quoteActivated(m_proxy.mapToSource(index));
        break;
    case MessageDelegate::Hit::Retry:
        Q_EMIT retryRequested(m_proxy.mapToSource(index));
        break;
    case MessageDelegate::Hit::SystemLine:
        Q_EMIT systemLineActivated(m_proxy.mapToSource(index));
        break;
    default:
        break;
    }
}

void MessageListView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid())
        return;
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    if (!m_delegate->bubbleRect(option, index).contains(event->pos()))
        return;
    Q_EMIT menuRequested(m_proxy.mapToSource(index), event->globalPos());
}

} // namespace parley::ui
