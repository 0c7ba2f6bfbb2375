#include "ui/chat/Composer.h"

#include <QKeyEvent>
#include <QTextBlock>

namespace parley::ui {

namespace {
constexpr int Frame = 8; // the box's margins and frame, above and below the text
}

Composer::Composer(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setPlaceholderText(tr("Type a message"));
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(document(), &QTextDocument::contentsChanged, this, &Composer::fitToText);
}

QString Composer::text() const
{
    return toPlainText();
}

QSize Composer::minimumSizeHint() const
{
    return {QPlainTextEdit::minimumSizeHint().width(), fontMetrics().lineSpacing() + 2 * Frame};
}

QSize Composer::sizeHint() const
{
    // Visual lines, wrapped ones included.
    int lines = 0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
        lines += qMax(1, block.layout() ? block.layout()->lineCount() : 1);
    lines = qBound(1, lines, MaxVisibleLines);
    return {QPlainTextEdit::sizeHint().width(), lines * fontMetrics().lineSpacing() + 2 * Frame};
}

void Composer::fitToText()
{
    setFixedHeight(sizeHint().height());
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        const QString message = text().trimmed();
        if (!message.isEmpty())
            Q_EMIT submitted(message);
        return;
    }
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier
        && document()->isEmpty()) {
        Q_EMIT editLastRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace parley::ui
