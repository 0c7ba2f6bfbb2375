#pragma once

#include <QDialog>
#include <QImage>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace parley {
class Account;
namespace protocol {
struct UserProfile;
}
} // namespace parley

namespace parley::ui {

// Settings: your profile (name, about, number, a picture kept on this device), appearance (light,
// dark, the system's), notifications, privacy (last seen, read receipts: kept on the server,
// docs/protocol.md 4.13), your devices (remove a lost one, log out of this one) and the security
// codes of your contacts. Changes apply at once, as in WhatsApp; what goes to the server shows an
// error in place when it cannot.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // QSettings keys of the desktop's own choices.
    static inline const QString NotificationsKey = QStringLiteral("notifications/enabled");
    static inline const QString SoundKey = QStringLiteral("notifications/sound");

    explicit SettingsDialog(Account &account, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    // The picture at `path` into the crop dialog, as "Change picture…" does after its file
    // dialog (tests call it directly).
    void chooseAvatarFrom(const QString &path);

Q_SIGNALS:
    void logOutRequested();

private:
    QWidget *createProfilePage();
    QWidget *createAppearancePage();
    QWidget *createNotificationsPage();
    QWidget *createPrivacyPage();
    QWidget *createDevicesPage();
    QWidget *createSecurityPage();
    void showProfile(const protocol::UserProfile &profile);
    void saveProfileText();
    void savePrivacy();
    void loadDevices();
    void loadContacts();
    void showError(const QString &message);
    void showAvatar();

    Account &m_account;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_about = nullptr;
    QLabel *m_phone = nullptr;
    QLabel *m_avatar = nullptr;
    QPushButton *m_removeAvatar = nullptr;
    QImage m_picture; // of avatar.png, not read again at every letter of the name
    QButtonGroup *m_theme = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_notifications = nullptr;
    QCheckBox *m_sound = nullptr;
    QCheckBox *m_lastSeen = nullptr;
    QCheckBox *m_readReceipts = nullptr;
    QListWidget *m_devices = nullptr;
    QPushButton *m_removeDevice = nullptr;
    QListWidget *m_contacts = nullptr; // the people to compare security codes with
    QPushButton *m_verifyContact = nullptr;
    QLabel *m_error = nullptr;
    bool m_loading = false; // filling the fields from the server: not a change to save
};

} // namespace parley::ui
