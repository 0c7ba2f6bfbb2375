#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace parley {
class LoginService;
namespace protocol {
struct Error;
}
} // namespace parley

namespace parley::ui {

// Signs this device in with a phone number and the one-time code the server sends to it
// (docs/protocol.md, "Login"). Two steps: the number (a country picked, the number checked as it
// is typed, and the server's address, which can be changed), then the code. LoginService does
// the work; the page turns its signals into what the user sees and never talks to the network
// itself.
class LoginPage : public QWidget
{
    Q_OBJECT
public:
    explicit LoginPage(LoginService &login, QWidget *parent = nullptr);
    // The server's resend interval per number (docs/protocol.md 2, 60 s by default): the
    // "Send a new code" link counts it down after each code, instead of inviting a refusal.
    static constexpr int DefaultResendSeconds = 60;

    // Back to the first step with a reason, e.g. after the device was signed out elsewhere.
    void startOver(const protocol::Error &reason);
    // For a server started with another --otp-resend-interval (and tests).
    void setResendInterval(int seconds) { m_resendInterval = seconds; }
    // The country whose numbers need no calling code ("DE"); the last one chosen (QSettings
    // login/country), else this desktop's.
    void setCountry(const QString &region);
    QString country() const;
    // The English name of a region, of the picked country for an empty one.
    QString countryName(const QString &region) const;

    // QSettings keys: the country picked, the server address used last.
    static inline const QString CountryKey = QStringLiteral("login/country");
    static inline const QString ServerKey = QStringLiteral("login/server");

private:
    QWidget *createPhoneStep();
    QWidget *createCodeStep();

    void submitPhoneNumber();
    void submitCode();
    void requestNewCode();
    void showPhoneStep();
    void showCodeStep(const QString &phoneNumber, int expiresInSeconds);
    void showError(const protocol::Error &error);
    void clearErrors();
    void updateButtons();
    void tickResend();
    // `typed`: the number changed (not the country), so a +number may pick its country.
    void updateHint(bool typed = false);
    void showServer();
    bool applyServer(); // the address typed, if changed; false when it is not one

    LoginService &m_login;
    QStackedWidget *m_steps = nullptr;

    QWidget *m_phoneStep = nullptr;
    QComboBox *m_countryBox = nullptr;
    QLabel *m_callingCode = nullptr;
    QLineEdit *m_phoneField = nullptr;
    QLabel *m_phoneHint = nullptr;
    QPushButton *m_serverButton = nullptr;
    QWidget *m_serverRow = nullptr; // its label and field, shown by "Change"
    QLineEdit *m_serverField = nullptr;
    QPushButton *m_continueButton = nullptr;
    QLabel *m_phoneError = nullptr;

    QWidget *m_codeStep = nullptr;
    QLabel *m_codePrompt = nullptr;
    QLineEdit *m_codeField = nullptr;
    QPushButton *m_verifyButton = nullptr;
    QPushButton *m_newCodeButton = nullptr;
    QPushButton *m_otherNumberButton = nullptr;
    QLabel *m_codeError = nullptr;
    QTimer *m_resendTimer = nullptr;
    int m_resendInterval = DefaultResendSeconds;
    int m_resendLeft = 0; // seconds until a new code may be asked for
};

} // namespace parley::ui
