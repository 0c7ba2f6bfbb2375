#pragma once

#include <QPlainTextEdit>

namespace parley::ui {

// Where a message is written: Enter sends, Shift+Enter starts a new line (as in WhatsApp and
// Telegram Desktop), Up in an empty box edits your last message (Esc is the chat view's).
// It grows with its text up to a few lines, then scrolls.
class Composer : public QPlainTextEdit
{
    Q_OBJECT
public:
    static constexpr int MaxVisibleLines = 6;

    explicit Composer(QWidget *parent = nullptr);

    QString text() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void submitted(const QString &text);
    void editLastRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void fitToText();
};

} // namespace parley::ui
