#include "ui/contacts/NewChatDialog.h"

#include "core/account/UserDirectory.h"
#include "core/contacts/ContactBook.h"
#include "core/phone/PhoneInput.h"
#include "core/protocol/ErrorCode.h"
#include "ui/common/Appearance.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace parley::ui {

namespace {
enum ItemRole { UserIdRole = Qt::UserRole + 1, NameRole, PhoneRole };
constexpr int MinimumNameQuery = 2; // the server's rule for name searches

// Digits and the separators people type, or a leading +: a number, not a name.
bool looksLikeNumber(const QString &query)
{
    if (query.startsWith(u'+'))
        return true;
    bool digit = false;
    for (const QChar c : query) {
        if (c.isDigit())
            digit = true;
        else if (!QStringLiteral(" -.()/").contains(c))
            return false;
    }
    return digit;
}
} // namespace

NewChatDialog::NewChatDialog(UserDirectory &users, contacts::ContactBook &book,
                             const QString &ownUserId, QWidget *parent)
    : QDialog(parent)
    , m_users(users)
    , m_book(book)
    , m_ownUserId(ownUserId)
{
    setWindowTitle(tr("New chat"));
    setMinimumSize(380, 420);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("peopleSearch"));
    m_search->setPlaceholderText(tr("A name or a phone number"));
    appearance::addClearButton(m_search);
    m_results = new QListWidget(this);
    m_results->setObjectName(QStringLiteral("peopleResults"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("peopleStatus"));
    m_status->setWordWrap(true);
    m_status->setText(tr("Find people by their phone number, such as +1 202 555 0100, or by "
                         "their name, or import your contacts."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *start = buttons->addButton(tr("Start chat"), QDialogButtonBox::AcceptRole);
    start->setObjectName(QStringLiteral("startChat"));
    start->setEnabled(false);
    m_import = buttons->addButton(tr("Import contacts…"), QDialogButtonBox::ActionRole);
    m_import->setObjectName(QStringLiteral("importContacts"));
    m_import->setToolTip(tr("Find who of your address book is on Parley: a vCard file (.vcf) "
                            "exported from your phone or mail. Only a hash of each number goes "
                            "to the server; names stay on this device."));
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getOpenFileName(this, tr("Import contacts"), QDir::homePath(),
                                           tr("Address books (*.vcf *.vcard);;All files (*)"));
        if (!path.isEmpty())
            importFrom(path);
    });
    connect(&m_book, &contacts::ContactBook::contactsChanged, this, &NewChatDialog::loadContacts);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);
    layout->addWidget(buttons);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &NewChatDialog::search);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_results->count() > 0) {
            m_results->setCurrentRow(0);
            choose();
        }
    });
    connect(m_results, &QListWidget::currentRowChanged, start,
            [start](int row) { start->setEnabled(row >= 0); });
    connect(m_results, &QListWidget::itemActivated, this, &NewChatDialog::choose);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewChatDialog::choose);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    loadContacts();
}

bool NewChatDialog::event(QEvent *event)
{
    // A wrapped label is given the height of its text at its width (the layout alone would
    // keep the height of the text before and cut the lines off).
    if (event->type() == QEvent::LayoutRequest && m_status)
        m_status->setMinimumHeight(m_status->heightForWidth(m_status->width()));
    return QDialog::event(event);
}

void NewChatDialog::loadContacts()
{
    m_book.contacts(this, [this](protocol::Result<QList<store::Contact>> contacts) {
        if (!contacts)
            return;
        m_contacts = contacts.value();
        if (m_search->text().trimmed().isEmpty())
            search();
    });
}

void NewChatDialog::listContacts(const QString &query)
{
    constexpr int MaxListed = 500; // a screenful many times over; typing narrows it
    QString digits;
    for (const QChar c : query) {
        if (c.isDigit())
            digits.append(c);
    }
    int listed = 0;
    for (const store::Contact &contact : std::as_const(m_contacts)) {
        if (contact.userId.isEmpty() || contact.userId == m_ownUserId)
            continue;
        const bool matches = query.isEmpty() || contact.name.contains(query, Qt::CaseInsensitive)
            || contact.displayName.contains(query, Qt::CaseInsensitive)
            || (digits.size() >= 3 && contact.phone.contains(digits));
        if (!matches)
            continue;
        if (++listed > MaxListed)
            break;
        auto *item = new QListWidgetItem(contact.name + QStringLiteral("  ·  ") + contact.phone,
                                         m_results);
        item->setData(UserIdRole, contact.userId);
        item->setData(NameRole, contact.displayName.isEmpty() ? contact.name : contact.displayName);
        item->setData(PhoneRole, contact.phone);
        item->setToolTip(tr("In your contacts"));
    }
}

void NewChatDialog::importFrom(const QString &path)
{
    const QString file = QFileInfo(path).fileName();
    m_import->setEnabled(false);
    m_status->setText(tr("Importing %1…").arg(file));
    m_status->show();
    m_book.importFile(path, this, [this, file](protocol::Result<contacts::ImportSummary> summary) {
        m_import->setEnabled(true);
        QString message;
        if (!summary) {
            message = tr("Cannot import %1: %2")
                          .arg(file,
                               summary.error().code == protocol::ErrorCode::NetworkError
                                   ? tr("the server cannot be reached.")
                                   : summary.error().message);
        } else {
            message = tr("%1: %n number(s) imported", nullptr, summary->numbers).arg(file) + u' '
                + tr("(%n on Parley).", nullptr, summary->onParley);
            if (summary->skipped > 0)
                message += u' ' + tr("%n entry(s) had no valid number.", nullptr, summary->skipped);
        }
        m_status->setText(message);
        m_status->show();
        Q_EMIT imported(bool(summary), message);
    });
}

void NewChatDialog::search()
{
    QString query = m_search->text().trimmed();
    const quint64 generation = ++m_generation;
    m_results->clear();
    listContacts(query);
    if (query.isEmpty()) {
        if (m_results->count() > 0) {
            m_status->setText(tr("Your contacts on Parley"));
            m_results->setCurrentRow(0);
        }
        return;
    }
    // A number without its country code is one of this account's country.
    if (looksLikeNumber(query)) {
        const phone::Checked number = phone::PhoneInput::check(query, m_book.homeRegion());
        if (number.state == phone::Checked::State::Valid)
            query = number.e164;
    }
    if (!looksLikeNumber(query) && query.size() < MinimumNameQuery) {
        m_status->setText(tr("Type at least two letters of a name."));
        return;
    }
    if (looksLikeNumber(query) && !query.startsWith(u'+')) {
        m_status->setText(tr("Type the whole number, or start it with + and the country code."));
        return;
    }
    m_status->setText(tr("Searching…"));
    m_users.search(
        query, this, [this, generation](protocol::Result<protocol::UserSearchPage> page) {
            if (generation != m_generation)
                return; // the user typed on
            if (!page) {
                m_status->setText(page.error().code == protocol::ErrorCode::NetworkError
                                      ? tr("Cannot reach the server. Check your connection.")
                                      : page.error().message);
                return;
            }
            QSet<QString> listed; // contacts first, each person once
            for (int row = 0; row < m_results->count(); ++row)
                listed.insert(m_results->item(row)->data(UserIdRole).toString());
            for (const protocol::UserSearchHit &hit : page->users) {
                if (hit.id == m_ownUserId || listed.contains(hit.id))
                    continue; // notes to self come later
                const QString name = hit.displayName.isEmpty() ? tr("(no name)") : hit.displayName;
                auto *item = new QListWidgetItem(
                    hit.phoneNumber ? name + QStringLiteral("  ·  ") + *hit.phoneNumber : name,
                    m_results);
                item->setData(UserIdRole, hit.id);
                item->setData(NameRole, hit.displayName);
                item->setData(PhoneRole, hit.phoneNumber.value_or(QString()));
            }
            m_status->setText(m_results->count() == 0 ? tr("Nobody found. Ask them to join Parley.")
                                                      : QString());
            m_status->setVisible(m_results->count() == 0);
            if (m_results->count() > 0)
                m_results->setCurrentRow(0);
        });
    m_status->show();
}

void NewChatDialog::choose()
{
    const QListWidgetItem *item = m_results->currentItem();
    if (!item)
        return;
    m_chosen = {item->data(UserIdRole).toString(), item->data(NameRole).toString(), QString(),
                item->data(PhoneRole).toString()};
    accept();
}

} // namespace parley::ui
