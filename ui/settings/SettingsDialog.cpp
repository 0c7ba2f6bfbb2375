#include "ui/settings/SettingsDialog.h"

#include "core/account/Account.h"
#include "core/protocol/UserPayloads.h"
#include "core/sync/DeviceDirectory.h"
#include "ui/common/Appearance.h"
#include "ui/common/Language.h"
#include "ui/common/Theme.h"
#include "ui/profile/AvatarCropDialog.h"
#include "ui/profile/LocalAvatar.h"
#include "ui/security/SafetyNumberDialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

namespace parley::ui {

namespace {
enum ItemRole { DeviceIdRole = Qt::UserRole + 1, CurrentRole, UserIdRole, NameRole };
constexpr int AvatarSize = 96;
} // namespace

SettingsDialog::SettingsDialog(Account &account, QWidget *parent)
    : QDialog(parent)
    , m_account(account)
{
    setWindowTitle(tr("Settings"));
    setMinimumSize(580, 440); // all six tabs in a row
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(createProfilePage(), tr("Profile"));
    m_tabs->addTab(createAppearancePage(), tr("Appearance"));
    m_tabs->addTab(createNotificationsPage(), tr("Notifications"));
    m_tabs->addTab(createPrivacyPage(), tr("Privacy"));
    m_tabs->addTab(createDevicesPage(), tr("Devices"));
    m_tabs->addTab(createSecurityPage(), tr("Security"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    m_loading = true;
    m_account.settings().profile(this, [this](protocol::Result<protocol::UserProfile> profile) {
        if (!profile) {
            m_loading = false; // what the user types now is still saved
            return showError(tr("Cannot read your profile: %1").arg(profile.error().message));
        }
        showProfile(profile.value());
    });
    loadDevices();
    loadContacts();
}

QWidget *SettingsDialog::createProfilePage()
{
    auto *page = new QWidget(this);
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("profileName"));
    m_name->setMaxLength(int(protocol::limits::MaxDisplayNameLength));
    m_name->setPlaceholderText(tr("Your name, as others see it"));
    m_about = new QLineEdit(page);
    m_about->setObjectName(QStringLiteral("profileAbout"));
    m_about->setMaxLength(int(protocol::limits::MaxAboutLength));
    m_about->setPlaceholderText(tr("A few words about you"));
    m_phone = new QLabel(m_account.session().phoneNumber, page);
    m_phone->setObjectName(QStringLiteral("profilePhone"));
    m_phone->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_avatar = new QLabel(page);
    m_avatar->setObjectName(QStringLiteral("avatarPreview"));
    m_avatar->setFixedSize(AvatarSize, AvatarSize);
    auto *changeAvatar = new QPushButton(tr("Change picture…"), page);
    changeAvatar->setObjectName(QStringLiteral("changeAvatar"));
    m_removeAvatar = new QPushButton(tr("Remove picture"), page);
    m_removeAvatar->setObjectName(QStringLiteral("removeAvatar"));
    // Return in the name field saves the name; it must not open the file dialog.
    changeAvatar->setAutoDefault(false);
    m_removeAvatar->setAutoDefault(false);
    auto *avatarNote = new QLabel(LocalAvatar::keptLocallyNote(), page);
    avatarNote->setObjectName(QStringLiteral("avatarNote"));
    avatarNote->setWordWrap(true);
    avatarNote->setForegroundRole(QPalette::PlaceholderText);
    connect(changeAvatar, &QPushButton::clicked, this, [this] {
        const QString path = AvatarCropDialog::askForFile(this);
        if (!path.isEmpty())
            chooseAvatarFrom(path);
    });
    connect(m_removeAvatar, &QPushButton::clicked, this, [this] {
        QString error;
        const LocalAvatar avatar(m_account.profileDir());
        if (!avatar.remove(&error))
            showError(tr("Your picture was not removed: %1").arg(error));
        m_picture = avatar.image();
        showAvatar();
    });
    auto *avatarButtons = new QHBoxLayout;
    avatarButtons->addWidget(changeAvatar);
    avatarButtons->addWidget(m_removeAvatar);
    avatarButtons->addStretch();
    auto *avatarSide = new QVBoxLayout;
    avatarSide->addStretch();
    avatarSide->addLayout(avatarButtons);
    avatarSide->addWidget(avatarNote);
    avatarSide->addStretch();
    auto *avatarRow = new QHBoxLayout;
    avatarRow->addWidget(m_avatar);
    avatarRow->addSpacing(12);
    avatarRow->addLayout(avatarSide, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("About"), m_about);
    form->addRow(tr("Phone number"), m_phone);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(avatarRow);
    layout->addSpacing(12);
    layout->addLayout(form);
    layout->addStretch(1); // the rows stay together at the top
    connect(m_name, &QLineEdit::editingFinished, this, &SettingsDialog::saveProfileText);
    connect(m_about, &QLineEdit::editingFinished, this, &SettingsDialog::saveProfileText);
    // The initials follow the name being typed, as others will see them.
    connect(m_name, &QLineEdit::textChanged, this, &SettingsDialog::showAvatar);
    m_picture = LocalAvatar(m_account.profileDir()).image();
    showAvatar();
    return page;
}

QWidget *SettingsDialog::createAppearancePage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_theme = new QButtonGroup(page);
    const struct
    {
        Theme::Mode mode;
        QString label;
        const char *name;
    } choices[] = {{Theme::Mode::System, tr("Follow the system"), "themeSystem"},
                   {Theme::Mode::Light, tr("Light"), "themeLight"},
                   {Theme::Mode::Dark, tr("Dark"), "themeDark"}};
    for (const auto &choice : choices) {
        auto *button = new QRadioButton(choice.label, page);
        button->setObjectName(QLatin1String(choice.name));
        m_theme->addButton(button, int(choice.mode));
        layout->addWidget(button);
    }
    m_theme->button(int(Theme::instance().mode()))->setChecked(true);
    connect(m_theme, &QButtonGroup::idClicked, this,
            [](int id) { Theme::instance().setMode(Theme::Mode(id)); });

    // The language: the system's or one of those Parley ships; the screens are built in it,
    // so it applies at the next start (a button restarts now).
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System language"), QString());
    for (const language::Choice &choice : language::available())
        m_language->addItem(choice.nativeName, choice.code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(language::saved())));
    auto *restartNote = new QLabel(page);
    restartNote->setObjectName(QStringLiteral("languageNote"));
    restartNote->setWordWrap(true);
    restartNote->hide();
    auto *restart = new QPushButton(tr("Restart now"), page);
    restart->setObjectName(QStringLiteral("restartButton"));
    restart->hide();
    connect(m_language, &QComboBox::currentIndexChanged, this, [this, restartNote, restart] {
        language::save(m_language->currentData().toString());
        restartNote->setText(tr("Parley uses the new language from its next start."));
        restartNote->show();
        restart->show();
    });
    connect(restart, &QPushButton::clicked, this, [] {
        QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                QCoreApplication::arguments().mid(1));
        QCoreApplication::quit();
    });
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(new QLabel(tr("Language"), page));
    languageRow->addWidget(m_language, 1);
    layout->addSpacing(12);
    layout->addLayout(languageRow);
    layout->addWidget(restartNote);
    layout->addWidget(restart, 0, Qt::AlignLeading);
    layout->addStretch();
    return page;
}

QWidget *SettingsDialog::createNotificationsPage()
{
    auto *page = new QWidget(this);
    QSettings settings;
    m_notifications = new QCheckBox(tr("Show a notification for new messages"), page);
    m_notifications->setObjectName(QStringLiteral("notificationsEnabled"));
    m_notifications->setChecked(settings.value(NotificationsKey, true).toBool());
    m_sound = new QCheckBox(tr("Play a sound"), page);
    m_sound->setObjectName(QStringLiteral("notificationSound"));
    m_sound->setChecked(settings.value(SoundKey, true).toBool());
    m_sound->setEnabled(m_notifications->isChecked());
    auto *note = new QLabel(tr("Muted chats and the chat you have open never notify."), page);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    connect(m_notifications, &QCheckBox::toggled, this, [this](bool on) {
        QSettings().setValue(NotificationsKey, on);
        m_sound->setEnabled(on);
    });
    connect(m_sound, &QCheckBox::toggled, this,
            [](bool on) { QSettings().setValue(SoundKey, on); });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_notifications);
    layout->addWidget(m_sound);
    layout->addWidget(note);
    layout->addStretch();
    return page;
}

QWidget *SettingsDialog::createPrivacyPage()
{
    auto *page = new QWidget(this);
    m_lastSeen = new QCheckBox(tr("Share when I was last seen and when I am online"), page);
    m_lastSeen->setObjectName(QStringLiteral("privacyLastSeen"));
    m_readReceipts = new QCheckBox(tr("Send read receipts"), page);
    m_readReceipts->setObjectName(QStringLiteral("privacyReadReceipts"));
    m_lastSeen->setEnabled(false); // until the profile is read
    m_readReceipts->setEnabled(false);
    auto *note = new QLabel(tr("Both work both ways: if you do not share yours, you do not see "
                               "other people's either."),
                            page);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    connect(m_lastSeen, &QCheckBox::toggled, this, &SettingsDialog::savePrivacy);
    connect(m_readReceipts, &QCheckBox::toggled, this, &SettingsDialog::savePrivacy);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_lastSeen);
    layout->addWidget(m_readReceipts);
    layout->addWidget(note);
    layout->addStretch();
    return page;
}

QWidget *SettingsDialog::createDevicesPage()
{
    auto *page = new QWidget(this);
    m_devices = new QListWidget(page);
    m_devices->setObjectName(QStringLiteral("devicesList"));
    m_removeDevice = new QPushButton(tr("Remove device"), page);
    m_removeDevice->setObjectName(QStringLiteral("removeDevice"));
    m_removeDevice->setEnabled(false);
    auto *logOut = new QPushButton(tr("Log out of this device"), page);
    logOut->setObjectName(QStringLiteral("logOut"));
    auto *note
        = new QLabel(tr("A removed device is signed out at once and gets no new messages."), page);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    connect(m_devices, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        m_removeDevice->setEnabled(item && !item->data(CurrentRole).toBool());
    });
    connect(m_removeDevice, &QPushButton::clicked, this, [this] {
        const QListWidgetItem *item = m_devices->currentItem();
        if (!item || item->data(CurrentRole).toBool())
            return;
        m_removeDevice->setEnabled(false);
        m_account.settings().removeDevice(item->data(DeviceIdRole).toString(), this,
                                          [this](protocol::Result<void> removed) {
                                              if (!removed)
                                                  showError(removed.error().message);
                                              loadDevices();
                                          });
    });
    connect(logOut, &QPushButton::clicked, this, [this] {
        Q_EMIT logOutRequested();
        accept();
    });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_devices, 1);
    layout->addWidget(note);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_removeDevice);
    buttons->addStretch();
    buttons->addWidget(logOut);
    layout->addLayout(buttons);
    return page;
}

QWidget *SettingsDialog::createSecurityPage()
{
    auto *page = new QWidget(this);
    auto *intro = new QLabel(tr("Your messages are end-to-end encrypted. To be sure they reach "
                                "only the devices of the people you write to, compare your "
                                "security code with each of them once."),
                             page);
    intro->setWordWrap(true);
    m_contacts = new QListWidget(page);
    m_contacts->setObjectName(QStringLiteral("securityContacts"));
    m_verifyContact = new QPushButton(tr("Verify security code…"), page);
    m_verifyContact->setObjectName(QStringLiteral("verifyContact"));
    m_verifyContact->setEnabled(false);
    connect(m_contacts, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem *item) { m_verifyContact->setEnabled(item != nullptr); });
    const auto verify = [this] {
        const QListWidgetItem *item = m_contacts->currentItem();
        if (!item)
            return;
        auto *dialog = new SafetyNumberDialog(m_account, item->data(UserIdRole).toString(),
                                              item->data(NameRole).toString(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::finished, this, &SettingsDialog::loadContacts);
        dialog->open();
    };
    connect(m_verifyContact, &QPushButton::clicked, this, verify);
    connect(m_contacts, &QListWidget::itemActivated, this, verify);
    auto *kept = new QLabel(
        tr("This device's key and sign-in are kept in %1.").arg(m_account.secrets().description()),
        page);
    kept->setObjectName(QStringLiteral("secretsKeptIn"));
    kept->setWordWrap(true);
    kept->setForegroundRole(QPalette::PlaceholderText);
    kept->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addWidget(m_contacts, 1);
    layout->addWidget(kept);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_verifyContact);
    layout->addLayout(buttons);
    return page;
}

void SettingsDialog::loadContacts()
{
    using Contacts = QList<sync::DeviceDirectory::ContactSecurity>;
    m_account.devices().contactsSecurity(this, [this](protocol::Result<Contacts> contacts) {
        const QString current = m_contacts->currentItem()
            ? m_contacts->currentItem()->data(UserIdRole).toString()
            : QString();
        m_contacts->clear();
        if (!contacts)
            return showError(tr("Cannot read your chats: %1").arg(contacts.error().message));
        for (const auto &contact : contacts.value()) {
            const QString text = contact.verified ? tr("%1 · ✓ verified").arg(contact.name)
                                                  : tr("%1 · not verified").arg(contact.name);
            auto *item = new QListWidgetItem(text, m_contacts);
            item->setData(UserIdRole, contact.userId);
            item->setData(NameRole, contact.name);
            if (contact.userId == current)
                m_contacts->setCurrentItem(item);
        }
        if (!m_contacts->currentItem() && m_contacts->count() > 0)
            m_contacts->setCurrentRow(0);
    });
}

void SettingsDialog::showProfile(const protocol::UserProfile &profile)
{
    m_loading = true;
    m_name->setText(profile.displayName);
    m_about->setText(profile.about);
    m_phone->setText(profile.phoneNumber);
    m_lastSeen->setChecked(profile.privacy.lastSeen);
    m_readReceipts->setChecked(profile.privacy.readReceipts);
    m_lastSeen->setEnabled(true);
    m_readReceipts->setEnabled(true);
    m_loading = false;
}

void SettingsDialog::saveProfileText()
{
    if (m_loading)
        return;
    protocol::ProfileUpdate update;
    update.displayName = m_name->text().trimmed();
    update.about = m_about->text().trimmed();
    m_account.settings().updateProfile(update, this, [this](auto saved) {
        if (!saved)
            showError(tr("Your profile was not saved: %1").arg(saved.error().message));
        else
            m_error->hide();
    });
}

void SettingsDialog::savePrivacy()
{
    if (m_loading)
        return;
    protocol::ProfileUpdate update;
    update.lastSeen = m_lastSeen->isChecked();
    update.readReceipts = m_readReceipts->isChecked();
    m_account.settings().updateProfile(update, this, [this](auto saved) {
        if (!saved) {
            showError(tr("Your privacy settings were not saved: %1").arg(saved.error().message));
            return;
        }
        m_error->hide();
        // Only the two boxes: a name being typed stays as it is.
        m_loading = true;
        m_lastSeen->setChecked(saved->privacy.lastSeen);
        m_readReceipts->setChecked(saved->privacy.readReceipts);
        m_loading = false;
    });
}

void SettingsDialog::loadDevices()
{
    m_account.settings().devices(this, [this](protocol::Result<protocol::DeviceInfoList> list) {
        m_devices->clear();
        if (!list)
            return showError(tr("Cannot read your devices: %1").arg(list.error().message));
        for (const protocol::DeviceInfo &device : list->devices) {
            const QString since = QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(device.createdAt).date(), QLocale::ShortFormat);
            const QString text = device.current
                ? tr("%1 (this device) · since %2").arg(device.name, since)
                : tr("%1 · since %2").arg(device.name, since);
            auto *item = new QListWidgetItem(text, m_devices);
            item->setData(DeviceIdRole, device.id);
            item->setData(CurrentRole, device.current);
        }
    });
}

void SettingsDialog::chooseAvatarFrom(const QString &path)
{
    QString error;
    const std::optional<QImage> picture = AvatarCropDialog::load(path, &error);
    if (!picture)
        return showError(error);
    auto *dialog = new AvatarCropDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setImage(*picture);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QString error;
        const LocalAvatar avatar(m_account.profileDir());
        if (!avatar.save(dialog->croppedImage(), &error))
            showError(tr("Your picture was not saved: %1").arg(error));
        else
            m_error->hide();
        m_picture = avatar.image(); // the old one when the new one was not saved
        showAvatar();
    });
    dialog->open();
}

void SettingsDialog::showAvatar()
{
    const QString name
        = m_name->text().trimmed().isEmpty() ? m_phone->text() : m_name->text().trimmed();
    m_avatar->setPixmap(LocalAvatar::roundPixmap(m_picture, name, m_account.session().userId,
                                                 AvatarSize, devicePixelRatioF()));
    m_removeAvatar->setVisible(!m_picture.isNull());
}

void SettingsDialog::showError(const QString &message)
{
    appearance::showFailure(m_error, message);
}

} // namespace parley::ui
