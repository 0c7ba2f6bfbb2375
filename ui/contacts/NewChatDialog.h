#pragma once

#include "core/store/StoreTypes.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QLineEdit;
class QListWidget;

namespace parley {
class UserDirectory;
}

namespace parley::ui {

// "New chat": finds people on the server by phone number (with + and the country code) or by
// the start of their name (docs/protocol.md 4.5), as you type; choosing one starts the chat.
class NewChatDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int DebounceMs = 300;

    explicit NewChatDialog(UserDirectory &users, const QString &ownUserId,
                           QWidget *parent = nullptr);

    // The person chosen, once accepted.
    store::PeerCard chosen() const { return m_chosen; }
    QLineEdit *searchField() const { return m_search; }
    QListWidget *results() const { return m_results; }

private:
    void search();
    void choose();

    UserDirectory &m_users;
    QString m_ownUserId;
    QLineEdit *m_search = nullptr;
    QListWidget *m_results = nullptr;
    QLabel *m_status = nullptr;
    QTimer m_debounce;
    quint64 m_generation = 0;
    store::PeerCard m_chosen;
};

} // namespace parley::ui
