#include "ui/chat/MessageListView.h"

#include "core/models/MessageModel.h"
#include "ui/chat/MessageDelegate.h"
#include "ui/common/Appearance.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QKeyEvent>
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
    clearTextSelection();
    m_proxy.setSourceModel(messages);
    if (!model()) // first time: QListView gets the proxy once
        setModel(&m_proxy);
    m_stickToBottom = true;
    m_anchorRow = -1;
    if (!messages)
        return;
    // Rows go in or out above what is on screen (older pages, or the oldest let go as newer
    // ones are read below): what is on screen stays where it is.
    connect(messages, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first) {
                if (first == 0 && m_proxy.rowCount() > 0)
                    rememberTop(0);
            });
    connect(messages, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                if (first == 0)
                    restoreTop(last + 1);
            });
    connect(messages, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                if (first == 0)
                    rememberTop(last + 1);
            });
    connect(messages, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                if (first == 0)
                    restoreTop(-(last + 1));
            });
    connect(messages, &MessageModel::pageLoaded, this, [this] {
        QTimer::singleShot(0, this, [this] {
            loadOlderIfNeeded();
            loadNewerIfNeeded();
        });
    });
}

void MessageListView::rememberTop(int firstKept)
{
    // By row: a persistent index made while the proxy inserts would not be moved by Qt.
    const QModelIndex top = indexAt(QPoint(1, 1));
    if (top.isValid() && top.row() >= firstKept) {
        m_anchorRow = top.row();
        m_anchorTop = visualRect(top).top();
    }
}

void MessageListView::restoreTop(int shift)
{
    if (m_anchorRow < 0)
        return;
    // Lay the rows out now and put the remembered message back where it was.
    const QModelIndex anchor = m_proxy.index(m_anchorRow + shift, 0);
    m_anchorRow = -1;
    executeDelayedItemsLayout();
    const int moved = visualRect(anchor).top() - m_anchorTop;
    verticalScrollBar()->setValue(verticalScrollBar()->value() + moved);
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
    return bar->value() >= bar->maximum() - 4 && (!m_model || m_model->isAtNewest());
}

void MessageListView::scrollToNewest()
{
    m_stickToBottom = true;
    // Scrolled far up, the newest messages were let go: read again, then shown at the bottom.
    if (m_model && !m_model->isAtNewest())
        m_model->showNewest();
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
    loadNewerIfNeeded();
}

void MessageListView::loadNewerIfNeeded()
{
    if (!m_model || !m_model->canFetchNewer())
        return;
    executeDelayedItemsLayout();
    const QScrollBar *bar = verticalScrollBar();
    if (bar->value() >= bar->maximum() - qMax(LoadOlderMargin, viewport()->height()))
        m_model->fetchNewer();
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

QStyleOptionViewItem MessageListView::optionFor(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return option;
}

QString MessageListView::selectedText(int modelRow) const
{
    const QModelIndex index = viewIndex(modelRow);
    return index.isValid() ? m_delegate->selectedText(optionFor(index), index) : QString();
}

void MessageListView::clearTextSelection()
{
    m_selecting = QPersistentModelIndex();
    if (m_delegate->selectionRow() == 0)
        return;
    m_delegate->clearSelection();
    viewport()->update();
}

void MessageListView::offerPrimarySelection()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!clipboard->supportsSelection() || !m_selecting.isValid())
        return;
    const QString text = m_delegate->selectedText(optionFor(m_selecting), m_selecting);
    if (!text.isEmpty())
        clipboard->setText(text, QClipboard::Selection);
}

void MessageListView::mousePressEvent(QMouseEvent *event)
{
    QListView::mousePressEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    m_dragged = false;
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    const int position
        = index.isValid() ? m_delegate->textPosition(optionFor(index), index, pos, false) : -1;
    clearTextSelection();
    if (position < 0)
        return;
    // A selection starts here; a release without a drag is still a click (a link, a quote).
    m_selecting = index;
    m_selectionAnchor = position;
}

void MessageListView::mouseDoubleClickEvent(QMouseEvent *event)
{
    QListView::mouseDoubleClickEvent(event);
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    if (event->button() != Qt::LeftButton || !index.isValid())
        return;
    const QStyleOptionViewItem option = optionFor(index);
    const int position = m_delegate->textPosition(option, index, pos, false);
    if (position < 0)
        return;
    const auto [start, end] = m_delegate->wordAt(option, index, position);
    m_selecting = index;
    m_selectionAnchor = start;
    m_dragged = true; // its release selects
    m_delegate->setSelection(index.data(MessageModel::RowIdRole).toLongLong(), start, end);
    viewport()->update();
}

void MessageListView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy) && m_delegate->hasSelection()) {
        if (const int row = m_model ? m_model->rowOfStoreRow(m_delegate->selectionRow()) : -1;
            row >= 0)
            QGuiApplication::clipboard()->setText(selectedText(row));
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && m_delegate->hasSelection()) {
        clearTextSelection();
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

void MessageListView::mouseMoveEvent(QMouseEvent *event)
{
    QListView::mouseMoveEvent(event);
    if (m_selecting.isValid() && (event->buttons() & Qt::LeftButton)) {
        // Within the message the drag started in, as WhatsApp Desktop does.
        const int position = m_delegate->textPosition(optionFor(m_selecting), m_selecting,
                                                      event->position().toPoint(), true);
        if (position >= 0 && (m_dragged || position != m_selectionAnchor)) {
            m_dragged = true;
            m_delegate->setSelection(m_selecting.data(MessageModel::RowIdRole).toLongLong(),
                                     m_selectionAnchor, position);
            viewport()->update(visualRect(m_selecting));
        }
        viewport()->setCursor(Qt::IBeamCursor);
        return;
    }
    const QModelIndex index = indexAt(event->position().toPoint());
    Qt::CursorShape shape = Qt::ArrowCursor;
    if (index.isValid()) {
        const QStyleOptionViewItem option = optionFor(index);
        const QPoint pos = event->position().toPoint();
        const auto hit = m_delegate->hitTest(option, index, pos);
        if (hit.kind == MessageDelegate::Hit::Link || hit.kind == MessageDelegate::Hit::Quote
            || hit.kind == MessageDelegate::Hit::Retry
            || hit.kind == MessageDelegate::Hit::SystemLine)
            shape = Qt::PointingHandCursor;
        else if (m_delegate->textPosition(option, index, pos, false) >= 0)
            shape = Qt::IBeamCursor;
    }
    viewport()->setCursor(shape);
}

void MessageListView::mouseReleaseEvent(QMouseEvent *event)
{
    QListView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    if (std::exchange(m_dragged, false)) {
        offerPrimarySelection(); // a selection was made: not a click
        return;
    }
    const QModelIndex index = indexAt(event->position().toPoint());
    if (!index.isValid())
        return;
    const QStyleOptionViewItem option = optionFor(index);
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
    if (!m_delegate->bubbleRect(optionFor(index), index).contains(event->pos()))
        return;
    Q_EMIT menuRequested(m_proxy.mapToSource(index), event->globalPos());
}

} // namespace parley::ui
