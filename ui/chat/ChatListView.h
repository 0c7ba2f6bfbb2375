#pragma once

#include <QListView>

namespace parley::ui {

// The list of chats on the left of the chats page. With no rows it shows a short explanation
// instead of a blank white column.
class ChatListView : public QListView
{
    Q_OBJECT
public:
    explicit ChatListView(QWidget *parent = nullptr);

    QString placeholderText() const { return m_placeholderText; }
    void setPlaceholderText(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_placeholderText;
};

} // namespace parley::ui
