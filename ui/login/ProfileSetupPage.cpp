#include "ui/login/ProfileSetupPage.h"

#include "core/account/AccountSettings.h"
#include "core/protocol/UserPayloads.h"
#include "ui/common/Appearance.h"
#include "ui/profile/AvatarCropDialog.h"
#include "ui/profile/LocalAvatar.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace parley::ui {

namespace {
constexpr int FormWidth = 360; // as the login page's form
constexpr int AvatarSize = 96; // as in Settings
} // namespace

ProfileSetupPage::ProfileSetupPage(QWidget *parent)
    : QWidget(parent)
{
    auto *title = new QLabel(tr("What's your name?"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *explanation = new QLabel(tr("People you write to see this name."), this);
    explanation->setWordWrap(true);
    m_avatar = new QToolButton(this);
    m_avatar->setObjectName(QStringLiteral("setupAvatar"));
    m_avatar->setAutoRaise(true);
    m_avatar->setIconSize(QSize(AvatarSize, AvatarSize));
    m_avatar->setCursor(Qt::PointingHandCursor);
    m_avatarText = new QPushButton(this);
    m_avatarText->setObjectName(QStringLiteral("setupAvatarText"));
    m_avatarText->setFlat(true);
    auto *avatarNote = new QLabel(LocalAvatar::keptLocallyNote(), this);
    avatarNote->setObjectName(QStringLiteral("setupAvatarNote"));
    avatarNote->setWordWrap(true);
    avatarNote->setAlignment(Qt::AlignHCenter);
    avatarNote->setForegroundRole(QPalette::PlaceholderText);
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
    formLayout->addWidget(m_avatar, 0, Qt::AlignHCenter);
    formLayout->addWidget(m_avatarText, 0, Qt::AlignHCenter);
    formLayout->addWidget(avatarNote);
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

    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_continue->setEnabled(!text.trimmed().isEmpty());
        showAvatar(); // the initials of the name being typed, until there is a picture
    });
    const auto pick = [this] {
        const QString path = AvatarCropDialog::askForFile(this);
        if (!path.isEmpty())
            chooseAvatarFrom(path);
    };
    connect(m_avatar, &QToolButton::clicked, this, pick);
    connect(m_avatarText, &QPushButton::clicked, this, pick);
    connect(m_name, &QLineEdit::returnPressed, this, &ProfileSetupPage::save);
    connect(m_continue, &QPushButton::clicked, this, &ProfileSetupPage::save);
    connect(m_skip, &QPushButton::clicked, this, &ProfileSetupPage::finished);
}

void ProfileSetupPage::start(AccountSettings &settings, const QString &profileDir,
                             const QString &userId)
{
    m_settings = &settings;
    m_profileDir = profileDir;
    m_userId = userId;
    m_picture = QImage();
    m_pictureSaved = false;
    m_error->hide();
    showAvatar();
    m_name->setFocus();
}

void ProfileSetupPage::chooseAvatarFrom(const QString &path)
{
    QString error;
    const std::optional<QImage> picture = AvatarCropDialog::load(path, &error);
    if (!picture)
        return appearance::showFailure(m_error, error);
    auto *dialog = new AvatarCropDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setImage(*picture);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_picture = dialog->croppedImage();
        m_pictureSaved = false;
        m_error->hide();
        showAvatar();
    });
    dialog->open();
}

void ProfileSetupPage::showAvatar()
{
    m_avatar->setIcon(LocalAvatar::roundPixmap(m_picture, m_name->text().trimmed(), m_userId,
                                               AvatarSize, devicePixelRatioF()));
    const QString text = m_picture.isNull() ? tr("Add a picture (optional)") : tr("Change picture");
    m_avatar->setToolTip(text);
    m_avatar->setAccessibleName(text);
    m_avatarText->setText(text);
}

void ProfileSetupPage::save()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty() || !m_settings)
        return;
    if (!m_picture.isNull() && !m_pictureSaved) {
        // First, as it is on this device: when it cannot be kept, the user still decides.
        QString error;
        if (!LocalAvatar(m_profileDir).save(m_picture, &error)) {
            appearance::showFailure(m_error, tr("Your picture was not saved: %1").arg(error));
            return;
        }
        m_pictureSaved = true; // not again if the name has to be sent again
    }
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
