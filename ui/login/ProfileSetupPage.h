#pragma once

#include <QImage>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace parley {
class AccountSettings;
}

namespace parley::ui {

// After the first sign-in of an account without a name: "What's your name?", as WhatsApp asks
// before the chats. The name goes to the server's profile (docs/protocol.md 4.13); "Skip"
// leaves it for Settings. An optional picture is cut here and kept on this device (in the
// profile folder, ui/profile/LocalAvatar) until media can carry it; the page says so.
class ProfileSetupPage : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileSetupPage(QWidget *parent = nullptr);

    // `profileDir` is where the picture is kept; `userId` gives the initials' colour.
    void start(AccountSettings &settings, const QString &profileDir, const QString &userId);
    // The picture at `path` into the crop dialog, as the picture button does after its file
    // dialog (tests call it directly).
    void chooseAvatarFrom(const QString &path);

Q_SIGNALS:
    // Saved or skipped: on to the chats.
    void finished();

private:
    void save();
    void showAvatar();

    QPointer<AccountSettings> m_settings;
    QString m_profileDir;
    QString m_userId;
    QImage m_picture; // cropped, saved at "Continue"
    bool m_pictureSaved = false;
    QToolButton *m_avatar = nullptr;
    QPushButton *m_avatarText = nullptr; // "Add a picture" under it, the same choice
    QLineEdit *m_name = nullptr;
    QPushButton *m_continue = nullptr;
    QPushButton *m_skip = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace parley::ui
