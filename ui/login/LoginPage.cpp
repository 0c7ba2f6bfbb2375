#include "ui/login/LoginPage.h"

#include "core/account/LoginService.h"
#include "core/protocol/ErrorCode.h"
#include "core/protocol/Limits.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace parley::ui {

namespace {

// Wide enough for a formatted international number, narrow enough to read as one form.
constexpr int FormWidth = 360;
// The digits of an E.164 number (15) plus the spaces, dashes and brackets people type.
constexpr int MaxPhoneInputLength = 32;

QLabel *createErrorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    label->setPalette(palette);
    label->hide();
    return label;
}

// A secondary action that reads like a link, so the primary button stays the obvious next step.
QPushButton *createLinkButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setFlat(true);
    button->setCursor(Qt::PointingHandCursor);
    QPalette palette = button->palette();
    palette.setColor(QPalette::ButtonText, palette.color(QPalette::Link));
    button->setPalette(palette);
    return button;
}

void setErrorText(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QString plainLanguage(const protocol::Error &error)
{
    // The core's network message carries a socket error string meant for logs, not people.
    if (error.code == protocol::ErrorCode::NetworkError) {
        return LoginPage::tr("Cannot reach the Parley server. Check your connection and try "
                             "again.");
    }
    QString text = error.message.trimmed();
    if (text.isEmpty())
        return LoginPage::tr("Something went wrong. Please try again.");
    // Server messages are sentence fragments ("wrong code; 4 tries left"); show them as sentences.
    text[0] = text[0].toUpper();
    if (!text.endsWith(u'.') && !text.endsWith(u'!') && !text.endsWith(u'?'))
        text.append(u'.');
    return text;
}

} // namespace

LoginPage::LoginPage(LoginService &login, QWidget *parent)
    : QWidget(parent)
    , m_login(login)
{
    auto *title = new QLabel(tr("Sign in to Parley"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_steps = new QStackedWidget(this);
    m_steps->setObjectName(QStringLiteral("loginSteps"));
    m_phoneStep = createPhoneStep();
    m_codeStep = createCodeStep();
    m_steps->addWidget(m_phoneStep);
    m_steps->addWidget(m_codeStep);

    auto *form = new QWidget(this);
    form->setFixedWidth(FormWidth);
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addWidget(title);
    formLayout->addSpacing(12);
    formLayout->addWidget(m_steps);

    // Centred by stretches, not by alignment: an aligned item is asked for its height at the
    // full page width, which cuts off the wrapped lines of its labels.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(form);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);

    connect(&m_login, &LoginService::busyChanged, this, &LoginPage::updateButtons);
    connect(&m_login, &LoginService::codeSent, this, &LoginPage::showCodeStep);
    m_resendTimer = new QTimer(this);
    m_resendTimer->setInterval(1000);
    connect(m_resendTimer, &QTimer::timeout, this, &LoginPage::tickResend);
    connect(&m_login, &LoginService::failed, this, &LoginPage::showError);
    setFocusProxy(m_phoneField);
    updateButtons();
}

QWidget *LoginPage::createPhoneStep()
{
    auto *step = new QWidget(this);
    step->setObjectName(QStringLiteral("phoneStep"));

    auto *label = new QLabel(tr("Your phone number, with its country code:"), step);
    label->setWordWrap(true);
    m_phoneField = new QLineEdit(step);
    m_phoneField->setObjectName(QStringLiteral("phoneField"));
    //: An example number in international format; use one that is typical for the language.
    m_phoneField->setPlaceholderText(tr("+1 202 555 0123"));
    m_phoneField->setMaxLength(MaxPhoneInputLength);
    m_phoneField->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    // Only what LoginService::normalizePhoneNumber understands; it judges the number itself.
    m_phoneField->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9+ ().\\-/]*")), m_phoneField));
    label->setBuddy(m_phoneField);

    m_continueButton = new QPushButton(tr("Continue"), step);
    m_continueButton->setObjectName(QStringLiteral("continueButton"));
    m_continueButton->setDefault(true);
    m_phoneError = createErrorLabel(QStringLiteral("phoneError"), step);

    auto *layout = new QVBoxLayout(step);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_phoneField);
    layout->addWidget(m_continueButton);
    layout->addWidget(m_phoneError);
    layout->addStretch(1);

    connect(m_phoneField, &QLineEdit::returnPressed, this, &LoginPage::submitPhoneNumber);
    connect(m_phoneField, &QLineEdit::textEdited, this, &LoginPage::clearErrors);
    connect(m_continueButton, &QPushButton::clicked, this, &LoginPage::submitPhoneNumber);
    return step;
}

QWidget *LoginPage::createCodeStep()
{
    auto *step = new QWidget(this);
    step->setObjectName(QStringLiteral("codeStep"));

    m_codePrompt = new QLabel(step);
    m_codePrompt->setObjectName(QStringLiteral("codePrompt"));
    m_codePrompt->setWordWrap(true);
    m_codeField = new QLineEdit(step);
    m_codeField->setObjectName(QStringLiteral("codeField"));
    //: %1 is the number of digits in a login code
    m_codeField->setPlaceholderText(tr("%1-digit code").arg(protocol::limits::OtpDigits));
    m_codeField->setMaxLength(protocol::limits::OtpDigits);
    m_codeField->setInputMethodHints(Qt::ImhDigitsOnly);
    m_codeField->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("\\d{0,%1}").arg(protocol::limits::OtpDigits)),
        m_codeField));
    m_codePrompt->setBuddy(m_codeField);

    m_verifyButton = new QPushButton(tr("Verify"), step);
    m_verifyButton->setObjectName(QStringLiteral("verifyButton"));
    m_verifyButton->setDefault(true);
    m_codeError = createErrorLabel(QStringLiteral("codeError"), step);

    m_otherNumberButton
        = createLinkButton(tr("Use another number"), QStringLiteral("otherNumberButton"), step);
    m_newCodeButton
        = createLinkButton(tr("Send a new code"), QStringLiteral("newCodeButton"), step);
    auto *links = new QHBoxLayout;
    links->addWidget(m_otherNumberButton);
    links->addStretch(1);
    links->addWidget(m_newCodeButton);

    auto *layout = new QVBoxLayout(step);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_codePrompt);
    layout->addWidget(m_codeField);
    layout->addWidget(m_verifyButton);
    layout->addWidget(m_codeError);
    layout->addLayout(links);
    layout->addStretch(1);

    connect(m_codeField, &QLineEdit::returnPressed, this, &LoginPage::submitCode);
    connect(m_codeField, &QLineEdit::textEdited, this, &LoginPage::clearErrors);
    connect(m_codeField, &QLineEdit::textChanged, this, &LoginPage::updateButtons);
    connect(m_verifyButton, &QPushButton::clicked, this, &LoginPage::submitCode);
    connect(m_otherNumberButton, &QPushButton::clicked, this, &LoginPage::showPhoneStep);
    connect(m_newCodeButton, &QPushButton::clicked, this, &LoginPage::requestNewCode);
    return step;
}

void LoginPage::submitPhoneNumber()
{
    // Enter still arrives while the button is disabled.
    if (m_login.isBusy())
        return;
    clearErrors();
    m_login.requestCode(m_phoneField->text());
}

void LoginPage::submitCode()
{
    if (m_login.isBusy() || m_codeField->text().size() != protocol::limits::OtpDigits)
        return;
    clearErrors();
    m_login.submitCode(m_codeField->text());
}

void LoginPage::requestNewCode()
{
    if (m_login.isBusy())
        return;
    clearErrors();
    m_login.requestCode(m_login.phoneNumber());
}

void LoginPage::showPhoneStep()
{
    clearErrors();
    m_steps->setCurrentWidget(m_phoneStep);
    setFocusProxy(m_phoneField);
    m_phoneField->setFocus();
    m_phoneField->selectAll();
}

void LoginPage::showCodeStep(const QString &phoneNumber, int expiresInSeconds)
{
    clearErrors();
    m_codeField->clear();
    m_steps->setCurrentWidget(m_codeStep);
    const int minutes = qMax(1, expiresInSeconds / 60);
    //: %1 is the number of digits in a login code, %2 the phone number it was sent to
    const QString prompt = tr("Enter the %1-digit code sent to %2.")
                               .arg(QString::number(protocol::limits::OtpDigits), phoneNumber);
    m_codePrompt->setText(prompt + u' ' + tr("It is valid for %1 min.").arg(minutes));
    m_resendLeft = m_resendInterval;
    if (m_resendLeft > 0)
        m_resendTimer->start();
    tickResend();
    setFocusProxy(m_codeField);
    m_codeField->setFocus();
}

void LoginPage::startOver(const protocol::Error &reason)
{
    showPhoneStep();
    showError(reason);
}

void LoginPage::showError(const protocol::Error &error)
{
    if (m_steps->currentWidget() == m_codeStep) {
        setErrorText(m_codeError, plainLanguage(error));
        // Typing the next attempt replaces the wrong one.
        m_codeField->setFocus();
        m_codeField->selectAll();
    } else {
        setErrorText(m_phoneError, plainLanguage(error));
        m_phoneField->setFocus();
    }
}

void LoginPage::clearErrors()
{
    setErrorText(m_phoneError, {});
    setErrorText(m_codeError, {});
}

void LoginPage::updateButtons()
{
    const bool busy = m_login.isBusy();
    m_continueButton->setEnabled(!busy);
    m_verifyButton->setEnabled(!busy && m_codeField->text().size() == protocol::limits::OtpDigits);
    m_newCodeButton->setEnabled(!busy && m_resendLeft == 0);
    m_otherNumberButton->setEnabled(!busy);
}

void LoginPage::tickResend()
{
    // Called once at the code step, then every second while counting down.
    if (m_resendTimer->isActive() && sender() == m_resendTimer)
        m_resendLeft = qMax(0, m_resendLeft - 1);
    if (m_resendLeft == 0) {
        m_resendTimer->stop();
        m_newCodeButton->setText(tr("Send a new code"));
    } else {
        //: %1 is a countdown in minutes and seconds, such as 0:42
        m_newCodeButton->setText(tr("Send a new code in %1")
                                     .arg(QStringLiteral("%1:%2")
                                              .arg(m_resendLeft / 60)
                                              .arg(m_resendLeft % 60, 2, 10, QLatin1Char('0'))));
    }
    updateButtons();
}

} // namespace parley::ui
