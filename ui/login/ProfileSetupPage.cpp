#include "ui/login/ProfileSetupPage.h"

#include "core/account/AccountSettings.h"
#include "core/protocol/UserPayloads.h"
#include "ui/common/Appearance.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace parley::ui {

namespace {
constexpr int FormWidth = 360; // as the login page's form
}

ProfileSetupPage::ProfileSetupPage(QWidget *parent)
    : QWidget(parent)
{
    auto *title = new QLabel(tr("What's your name?"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *explanation = new QLabel(tr("People you write to see this name. A profile picture "
                                      "comes with media support; until then they see your "
                                      "initials."),
                                   this);
    explanation->setWordWrap(true);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("setupName"));
    m_name->setMaxLength(int(protocol::limits::MaxDisplayNameLength));
    m_name->setPlaceholderText(tr("Your name"));
    m_continue = new QPushButton(tr("Continue"), this);
    m_continue->setObjectName(QStringLiteral("setupContinue"));
    m_continue->setDefault(true);
    m_continue->setEnabled(false);
    m_skip = new QPushButton(tr("Skip for now"), this);
    m_skip->setObjectName(QStringLiteral("setupSkip"));
    m_skip->setFlat(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("setupError"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QWidget(this);
    form->setFixedWidth(FormWidth);
    auto *formLayout = new QVBoxLayout(form);
    formLayout->addWidget(title);
    formLayout->addWidget(explanation);
    formLayout->addSpacing(8);
    formLayout->addWidget(m_name);
    formLayout->addWidget(m_error);
    formLayout->addWidget(m_continue);
    formLayout->addWidget(m_skip);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(form, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    setFocusProxy(m_name);

    connect(m_name, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_continue->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_name, &QLineEdit::returnPressed, this, &ProfileSetupPage::save);
    connect(m_continue, &QPushButton::clicked, this, &ProfileSetupPage::save);
    connect(m_skip, &QPushButton::clicked, this, &ProfileSetupPage::finished);
}

void ProfileSetupPage::start(AccountSettings &settings)
{
    m_settings = &settings;
    m_error->hide();
    m_name->setFocus();
}

void ProfileSetupPage::save()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty() || !m_settings)
        return;
    protocol::ProfileUpdate update;
    update.displayName = name;
    m_continue->setEnabled(false);
    m_settings->updateProfile(update, this, [this](protocol::Result<protocol::UserProfile> saved) {
        m_continue->setEnabled(true);
        if (!saved) {
            appearance::showFailure(m_error,
                                    tr("Your name was not saved: %1").arg(saved.error().message));
            return;
        }
        Q_EMIT finished();
    });
}

} // namespace parley::ui
