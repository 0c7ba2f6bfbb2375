#pragma once

#include "core/store/ContactStore.h"
#include "core/store/StoreTypes.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QLineEdit;
class QListWidget;

class QPushButton;

namespace parley {
class UserDirectory;
namespace contacts {
class ContactBook;
}
} // namespace parley

namespace parley::ui {

// "New chat": your contacts on Parley (an address book imported from a vCard file, matched by
// hashed numbers, docs/protocol.md 4.14), and people found on the server by phone number or by
// the start of their name (4.5), as you type; choosing one starts the chat.
class NewChatDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int DebounceMs = 300;

    NewChatDialog(UserDirectory &users, contacts::ContactBook &book, const QString &ownUserId,
                  QWidget *parent = nullptr);

    // The person chosen, once accepted.
    store::PeerCard chosen() const { return m_chosen; }
    QLineEdit *searchField() const { return m_search; }
    QListWidget *results() const { return m_results; }
    // Imports a vCard file (what "Import contacts…" does after its file dialog).
    void importFrom(const QString &path);

Q_SIGNALS:
    // An import ended; `message` is what the dialog shows about it.
    void imported(bool ok, const QString &message);

protected:
    bool event(QEvent *event) override;

private:
    void search();
    void choose();
    void loadContacts();
    // The contacts on Parley whose name or number has `query` (all of them for an empty one).
    void listContacts(const QString &query);

    UserDirectory &m_users;
    contacts::ContactBook &m_book;
    QList<store::Contact> m_contacts; // the imported address book
    QPushButton *m_import = nullptr;
    QString m_ownUserId;
    QLineEdit *m_search = nullptr;
    QListWidget *m_results = nullptr;
    QLabel *m_status = nullptr;
    QTimer m_debounce;
    quint64 m_generation = 0;
    store::PeerCard m_chosen;
};

} // namespace parley::ui
