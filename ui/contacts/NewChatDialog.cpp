#include "ui/contacts/NewChatDialog.h"

#include "core/account/UserDirectory.h"
#include "core/protocol/ErrorCode.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
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

NewChatDialog::NewChatDialog(UserDirectory &users, const QString &ownUserId, QWidget *parent)
    : QDialog(parent)
    , m_users(users)
    , m_ownUserId(ownUserId)
{
    setWindowTitle(tr("New chat"));
    setMinimumSize(380, 420);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("peopleSearch"));
    m_search->setPlaceholderText(tr("Phone number with country code, or a name"));
    m_search->setClearButtonEnabled(true);
    m_results = new QListWidget(this);
    m_results->setObjectName(QStringLiteral("peopleResults"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("peopleStatus"));
    m_status->setWordWrap(true);
    m_status->setText(tr("Find people by their phone number, such as +1 202 555 0100, or by "
                         "their name."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *start = buttons->addButton(tr("Start chat"), QDialogButtonBox::AcceptRole);
    start->setObjectName(QStringLiteral("startChat"));
    start->setEnabled(false);

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
}

void NewChatDialog::search()
{
    const QString query = m_search->text().trimmed();
    const quint64 generation = ++m_generation;
    m_results->clear();
    if (query.isEmpty())
        return;
    if (!looksLikeNumber(query) && query.size() < MinimumNameQuery) {
        m_status->setText(tr("Type at least two letters of a name."));
        return;
    }
    if (looksLikeNumber(query) && !query.startsWith(u'+')) {
        m_status->setText(tr("Start the number with + and the country code."));
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
            for (const protocol::UserSearchHit &hit : page->users) {
                if (hit.id == m_ownUserId)
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
