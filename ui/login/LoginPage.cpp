#include "ui/login/LoginPage.h"

#include "core/account/LoginService.h"
#include "core/net/ApiClient.h"
#include "core/phone/PhoneInput.h"
#include "core/protocol/ErrorCode.h"
#include "core/protocol/Limits.h"
#include "ui/common/Appearance.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSettings>
#include <QSignalBlocker>
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
    palette.setColor(QPalette::WindowText, appearance::failure(palette));
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

// "parley.example.org" or "127.0.0.1:8765": the server as people name it.
QString serverName(const QUrl &server)
{
    QString name = server.host();
    if (server.port() != -1)
        name += u':' + QString::number(server.port());
    return name + server.path(QUrl::FullyDecoded).chopped(server.path().endsWith(u'/') ? 1 : 0);
}

QString plainLanguage(const protocol::Error &error, const QUrl &server)
{
    // The core's network message carries a socket error string meant for logs, not people.
    if (error.code == protocol::ErrorCode::NetworkError) {
        return LoginPage::tr("Cannot reach the Parley server at %1. Check the address and your "
                             "connection, and try again.")
            .arg(serverName(server));
    }
    if (net::ApiClient::isForeignAnswer(error)) {
        return LoginPage::tr("%1 does not answer as a Parley server does. Check the address.")
            .arg(serverName(server));
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
    setCountry(QSettings().value(CountryKey, phone::PhoneInput::defaultRegion()).toString());
    showServer();
    updateButtons();
}

void LoginPage::setCountry(const QString &region)
{
    const int index = m_countryBox->findData(region.toUpper());
    m_countryBox->setCurrentIndex(index >= 0 ? index
                                             : m_countryBox->findData(QStringLiteral("US")));
}

QString LoginPage::country() const
{
    return m_countryBox->currentData().toString();
}

void LoginPage::showServer()
{
    //: %1 is the server's address, such as parley.example.org
    m_serverButton->setText(tr("Server: %1 · Change").arg(serverName(m_login.serverUrl())));
    m_serverButton->show();
    m_serverRow->hide();
}

bool LoginPage::applyServer()
{
    if (m_serverRow->isHidden())
        return true;
    QString typed = m_serverField->text().trimmed();
    // "parley.example.org" means https; a bare host:port on this machine, http.
    if (!typed.contains(QLatin1String("://"))) {
        const bool local = typed.startsWith(QLatin1String("127.")) || typed.startsWith(u'[')
            || typed.startsWith(QLatin1String("localhost"));
        typed.prepend(local ? QLatin1String("http://") : QLatin1String("https://"));
    }
    const QUrl url(typed, QUrl::StrictMode);
    if (!net::ApiClient::isServerUrl(url)) {
        setErrorText(m_phoneError,
                     tr("Enter the server's address, such as "
                        "https://parley.example.org or http://127.0.0.1:8765."));
        m_serverField->setFocus();
        return false;
    }
    if (url != m_login.serverUrl()) {
        m_login.setServerUrl(url);
        QSettings().setValue(ServerKey, url.toString());
    }
    return true;
}

QString LoginPage::countryName(const QString &region) const
{
    // The number's own country when it names one, else the one picked.
    const auto country = phone::PhoneInput::country(region.isEmpty() ? this->country() : region);
    return country ? country->name : this->country();
}

void LoginPage::updateHint(bool typed)
{
    using State = phone::Checked::State;
    const phone::Checked checked = phone::PhoneInput::check(m_phoneField->text(), country());
    QString hint;
    bool good = false;
    switch (checked.state) {
    case State::Empty:
    case State::TooShort:
        break; // still being typed: nothing to say yet
    case State::TooLong:
        hint = tr("Too long for a number in %1.").arg(countryName(checked.region));
        break;
    case State::UnknownCountryCode:
        hint = tr("No country has this calling code.");
        break;
    case State::NotInUse:
        break; // where numbers have several lengths, more digits may still make one
    case State::Valid:
        //: %1 is the number in international form, %2 its country
        hint = tr("✓ %1 (%2)").arg(checked.international, countryName(checked.region));
        good = true;
        break;
    }
    // A number typed with its + shows its own country in the picker.
    if (typed && good && m_phoneField->text().trimmed().startsWith(u'+')
        && checked.region != country() && m_countryBox->findData(checked.region) >= 0) {
        const QSignalBlocker blocker(m_countryBox);
        setCountry(checked.region);
        m_callingCode->setText(
            QStringLiteral("+%1").arg(phone::PhoneInput::country(checked.region)->callingCode));
    }
    QPalette colours = palette();
    colours.setColor(QPalette::WindowText,
                     good ? appearance::accent(palette()) : appearance::secondaryText(palette()));
    m_phoneHint->setPalette(colours);
    m_phoneHint->setText(hint);
    m_phoneHint->setVisible(!hint.isEmpty());
}

QWidget *LoginPage::createPhoneStep()
{
    auto *step = new QWidget(this);
    step->setObjectName(QStringLiteral("phoneStep"));

    auto *label = new QLabel(tr("Your country and phone number:"), step);
    label->setWordWrap(true);
    m_countryBox = new QComboBox(step);
    m_countryBox->setObjectName(QStringLiteral("countryBox"));
    // Typing a name's first letters finds it, as in any list of countries.
    m_countryBox->setMaxVisibleItems(16);
    // Sized by a typical entry, not by measuring all of them: each flag is a colour emoji whose
    // every measure decodes an image, and the longest names are cut in the closed box anyway.
    m_countryBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_countryBox->setMinimumContentsLength(22);
    for (const phone::Country &country : phone::PhoneInput::countries()) {
        m_countryBox->addItem(
            QStringLiteral("%1  %2  +%3").arg(country.flag, country.name).arg(country.callingCode),
            country.region);
    }
    m_callingCode = new QLabel(step);
    m_callingCode->setObjectName(QStringLiteral("callingCode"));
    m_phoneField = new QLineEdit(step);
    m_phoneField->setObjectName(QStringLiteral("phoneField"));
    //: An example number without its country code; use one that is typical for the language.
    m_phoneField->setPlaceholderText(tr("202 555 0123"));
    m_phoneField->setMaxLength(MaxPhoneInputLength);
    m_phoneField->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    // Digits and what people type between them; a leading + (or 00) gives the country code.
    m_phoneField->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9+ ().\\-/]*")), m_phoneField));
    label->setBuddy(m_phoneField);
    auto *numberRow = new QHBoxLayout;
    numberRow->addWidget(m_callingCode);
    numberRow->addWidget(m_phoneField, 1);
    m_phoneHint = new QLabel(step);
    m_phoneHint->setObjectName(QStringLiteral("phoneHint"));
    m_phoneHint->setWordWrap(true);

    m_continueButton = new QPushButton(tr("Continue"), step);
    m_continueButton->setObjectName(QStringLiteral("continueButton"));
    m_continueButton->setDefault(true);
    m_phoneError = createErrorLabel(QStringLiteral("phoneError"), step);

    // The server: shown, and changed in place (a self-hosted one, a tester's own machine).
    m_serverButton = createLinkButton({}, QStringLiteral("serverButton"), step);
    m_serverField = new QLineEdit(step);
    m_serverField->setObjectName(QStringLiteral("serverField"));
    m_serverField->setPlaceholderText(QStringLiteral("https://parley.example.org"));
    auto *serverLabel = new QLabel(tr("Server address:"), step);
    serverLabel->setBuddy(m_serverField);
    m_serverRow = new QWidget(step);
    auto *serverLayout = new QVBoxLayout(m_serverRow);
    serverLayout->setContentsMargins(0, 0, 0, 0);
    serverLayout->addWidget(serverLabel);
    serverLayout->addWidget(m_serverField);
    m_serverRow->hide();

    auto *layout = new QVBoxLayout(step);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_countryBox);
    layout->addLayout(numberRow);
    layout->addWidget(m_phoneHint);
    layout->addWidget(m_continueButton);
    layout->addWidget(m_phoneError);
    layout->addSpacing(8);
    layout->addWidget(m_serverButton, 0, Qt::AlignLeading);
    layout->addWidget(m_serverRow);
    layout->addStretch(1);

    connect(m_countryBox, &QComboBox::currentIndexChanged, this, [this] {
        const auto country = phone::PhoneInput::country(this->country());
        m_callingCode->setText(country ? QStringLiteral("+%1").arg(country->callingCode)
                                       : QString());
        updateHint();
    });
    connect(m_phoneField, &QLineEdit::textChanged, this, [this] { updateHint(true); });
    connect(m_serverButton, &QPushButton::clicked, this, [this] {
        m_serverButton->hide();
        m_serverField->setText(m_login.serverUrl().toString());
        m_serverRow->show();
        m_serverField->setFocus();
        m_serverField->selectAll();
    });
    connect(m_serverField, &QLineEdit::returnPressed, this, &LoginPage::submitPhoneNumber);
    connect(m_serverField, &QLineEdit::textEdited, this, &LoginPage::clearErrors);
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
    if (!applyServer())
        return;
    using State = phone::Checked::State;
    const phone::Checked checked = phone::PhoneInput::check(m_phoneField->text(), country());
    switch (checked.state) {
    case State::Valid:
        QSettings().setValue(CountryKey, country());
        m_login.requestCode(checked.e164);
        return;
    case State::Empty:
        setErrorText(m_phoneError, tr("Enter your phone number."));
        break;
    case State::TooShort:
        setErrorText(m_phoneError,
                     tr("This number is too short for %1.").arg(countryName(checked.region)));
        break;
    case State::TooLong:
        setErrorText(m_phoneError,
                     tr("This number is too long for %1.").arg(countryName(checked.region)));
        break;
    case State::UnknownCountryCode:
        setErrorText(m_phoneError,
                     tr("No country has this calling code. Pick your country, or "
                        "type the number with its country code, like +1 202 555 "
                        "0123."));
        break;
    case State::NotInUse:
        setErrorText(m_phoneError,
                     tr("This is not a number in use in %1. Check the number and "
                        "the country.")
                         .arg(countryName(checked.region)));
        break;
    }
    m_phoneField->setFocus();
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
    showServer(); // the server answered: its address is right
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
        setErrorText(m_codeError, plainLanguage(error, m_login.serverUrl()));
        // Typing the next attempt replaces the wrong one.
        m_codeField->setFocus();
        m_codeField->selectAll();
    } else {
        setErrorText(m_phoneError, plainLanguage(error, m_login.serverUrl()));
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
    m_countryBox->setEnabled(!busy);
    m_serverField->setEnabled(!busy);
    m_serverButton->setEnabled(!busy);
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
