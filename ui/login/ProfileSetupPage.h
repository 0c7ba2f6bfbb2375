#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace parley {
class AccountSettings;
}

namespace parley::ui {

// After the first sign-in of an account without a name: "What's your name?", as WhatsApp asks
// before the chats. The name goes to the server's profile (docs/protocol.md 4.13); "Skip"
// leaves it for Settings. A profile picture comes with media (the page says so).
class ProfileSetupPage : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileSetupPage(QWidget *parent = nullptr);

    void start(AccountSettings &settings);

Q_SIGNALS:
    // Saved or skipped: on to the chats.
    void finished();

private:
    void save();

    QPointer<AccountSettings> m_settings;
    QLineEdit *m_name = nullptr;
    QPushButton *m_continue = nullptr;
    QPushButton *m_skip = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace parley::ui
