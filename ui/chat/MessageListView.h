#pragma once

#include "core/models/MessageModel.h"

#include <QIdentityProxyModel>
#include <QListView>
#include <QPersistentModelIndex>
#include <QPointer>

namespace parley::ui {

class MessageDelegate;

// The list of a chat's messages, newest at the bottom. It stays at the bottom while new
// messages come if it was there, reads older pages as you scroll up without moving what you
// see, and turns clicks into what they mean (a link, a quote, retry) through the delegate.
class MessageListView : public QListView
{
    Q_OBJECT
public:
    explicit MessageListView(QWidget *parent = nullptr);

    void setMessageModel(models::MessageModel *model);
    models::MessageModel *messageModel() const { return m_model; }
    MessageDelegate *messageDelegate() const { return m_delegate; }
    // The model's row of an index of this view (the view sees it through a proxy).
    int modelRow(const QModelIndex &viewIndex) const;
    QModelIndex viewIndex(int modelRow) const;
    bool isAtBottom() const;
    void scrollToNewest();
    // Scrolls to a message and highlights it for a moment.
    void showMessage(int modelRow);
    // The part of a message's text selected with the mouse (a drag, or a double click on a
    // word); empty when none of that message is selected.
    QString selectedText(int modelRow) const;
    void clearTextSelection();

Q_SIGNALS:
    void linkActivated(const QString &link);
    void quoteActivated(const QModelIndex &index);
    void retryRequested(const QModelIndex &index);
    // A line of this device's own that opens something ("security code changed") was clicked.
    void systemLineActivated(const QModelIndex &index);
    void menuRequested(const QModelIndex &index, const QPoint &globalPos);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onRangeChanged(int min, int max);
    void onScrolled(int value);
    void loadOlderIfNeeded();
    void loadNewerIfNeeded();
    // Around rows going in or out above: remember the top row on screen (if it is at or below
    // `firstKept`), then put it back where it was once its row number moved by `shift`.
    void rememberTop(int firstKept);
    void restoreTop(int shift);
    void applyBackground();
    QStyleOptionViewItem optionFor(const QModelIndex &index) const;
    // The selection is also X11's primary selection (middle-click pastes it), as in any text.
    void offerPrimarySelection();

    // The view never asks the model for more by itself (a QListView would fetch at the
    // bottom, where the newest messages are): this proxy says there is nothing to fetch, and
    // the view reads older pages when scrolled to the top.
    class NoAutoFetch : public QIdentityProxyModel
    {
    public:
        using QIdentityProxyModel::QIdentityProxyModel;
        bool canFetchMore(const QModelIndex &) const override { return false; }
        void fetchMore(const QModelIndex &) override { }
    };

    QPointer<models::MessageModel> m_model; // the chat view owns and replaces it
    NoAutoFetch m_proxy;
    MessageDelegate *m_delegate = nullptr;
    bool m_stickToBottom = true;
    // While older messages are put above: keep this one where it was on screen.
    int m_anchorRow = -1;
    int m_anchorTop = 0;
    // A selection being dragged: its row and the character it started at.
    QPersistentModelIndex m_selecting;
    int m_selectionAnchor = 0;
    bool m_dragged = false; // since the press: a release then selects, it does not click
};

} // namespace parley::ui
