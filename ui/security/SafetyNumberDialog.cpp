#include "ui/security/SafetyNumberDialog.h"

#include "core/account/Account.h"
#include "core/crypto/SafetyNumber.h"
#include "core/sync/DeviceDirectory.h"
#include "ui/common/Appearance.h"
#include "ui/security/QrCode.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace parley::ui {

namespace {
constexpr int QrModule = 5; // pixels per module: about 200 px for the 60 digits
constexpr int QrPlaceholder = 200;
constexpr int Avatar = 56;
constexpr int GroupsPerLine = 4;

} // namespace

SafetyNumberDialog::SafetyNumberDialog(Account &account, const QString &peerUserId,
                                       const QString &peerName, QWidget *parent)
    : QDialog(parent)
    , m_account(account)
    , m_peerUserId(peerUserId)
    , m_peerName(peerName)
{
    setWindowTitle(tr("Verify security code"));
    setObjectName(QStringLiteral("safetyNumberDialog"));

    auto *avatar = new QLabel(this);
    avatar->setPixmap(appearance::avatarPixmap(peerName, peerUserId, Avatar, devicePixelRatioF()));
    auto *title = new QLabel(tr("Security code with %1").arg(peerName), this);
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title->setFont(bold);
    title->setWordWrap(true);
    auto *heading = new QHBoxLayout;
    heading->addWidget(avatar);
    heading->addWidget(title, 1);

    m_qr = new QLabel(this);
    m_qr->setObjectName(QStringLiteral("safetyQr"));
    m_qr->setAlignment(Qt::AlignCenter);
    m_qr->setMinimumSize(QrPlaceholder, QrPlaceholder); // while the number comes
    m_digits = new QLabel(this);
    m_digits->setObjectName(QStringLiteral("safetyDigits"));
    m_digits->setAlignment(Qt::AlignCenter);
    m_digits->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF() * 1.25);
    m_digits->setFont(mono);
    // Digits read left to right in every language, Arabic too.
    m_digits->setLayoutDirection(Qt::LeftToRight);

    auto *explanation = new QLabel(
        tr("Compare these numbers with the ones on %1's screen, side by side or on a call you "
           "trust. If they are the same, your messages go only to their devices and nobody in "
           "between can read them. They change when either of you adds or removes a device.")
            .arg(peerName),
        this);
    explanation->setWordWrap(true);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("verifiedState"));
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_verify = buttons->addButton(tr("Mark as verified"), QDialogButtonBox::ActionRole);
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("copySafetyNumber"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_verify, &QPushButton::clicked, this, &SafetyNumberDialog::toggleVerified);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(crypto::SafetyNumber::grouped(m_number));
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(heading);
    layout->addWidget(m_qr, 0, Qt::AlignHCenter);
    layout->addWidget(m_digits);
    layout->addWidget(m_state);
    layout->addWidget(explanation);
    layout->addWidget(buttons);
    setMinimumWidth(420);

    // A new device of either side while this is open: the number on screen is old.
    sync::DeviceDirectory &devices = m_account.devices();
    connect(&devices, &sync::DeviceDirectory::securityCodeChanged, this,
            [this](const QString &userId) {
                if (userId == m_peerUserId)
                    load();
            });
    connect(&devices, &sync::DeviceDirectory::verificationChanged, this,
            [this](const QString &userId, bool verified) {
                if (userId == m_peerUserId && !m_busy) {
                    m_verified = verified && !m_number.isEmpty();
                    showState();
                }
            });
    load();
}

void SafetyNumberDialog::load()
{
    m_busy = true;
    m_verify->setEnabled(false);
    m_copy->setEnabled(false);
    m_state->setPalette(palette());
    m_state->setText(tr("Getting the latest devices…"));
    m_account.devices().safetyState(
        m_peerUserId, this, [this](protocol::Result<sync::DeviceDirectory::SafetyState> state) {
            m_busy = false;
            if (!state) {
                m_number.clear();
                m_qr->clear();
                m_digits->clear();
                appearance::showFailure(
                    m_state,
                    tr("The security code cannot be shown: %1").arg(state.error().message));
                Q_EMIT loaded({});
                return;
            }
            present(state->number, state->verified);
        });
}

void SafetyNumberDialog::present(const QString &number, bool verified)
{
    m_number = number;
    m_verified = verified;
    const QImage qr = qrCodeImage(crypto::SafetyNumber::qrPayload(number), QrModule);
    m_qr->setPixmap(QPixmap::fromImage(qr));
    m_qr->setMinimumSize(qr.size().expandedTo(QSize(QrPlaceholder, QrPlaceholder)));
    QStringList lines;
    const QStringList groups = crypto::SafetyNumber::grouped(number).split(u' ');
    for (qsizetype at = 0; at < groups.size(); at += GroupsPerLine)
        lines.append(groups.mid(at, GroupsPerLine).join(u' '));
    m_digits->setText(lines.join(u'\n'));
    m_copy->setEnabled(true);
    showState();
    // The wrapped explanation's height depends on the width: grow to what all of it needs.
    adjustSize();
    Q_EMIT loaded(number);
}

void SafetyNumberDialog::showState()
{
    m_verify->setEnabled(!m_number.isEmpty() && !m_busy);
    m_verify->setText(m_verified ? tr("Clear verification") : tr("Mark as verified"));
    QPalette colours = palette();
    colours.setColor(QPalette::WindowText,
                     m_verified ? appearance::accent(palette())
                                : appearance::secondaryText(palette()));
    m_state->setPalette(colours);
    QFont font = m_state->font();
    font.setBold(m_verified);
    m_state->setFont(font);
    m_state->setText(m_verified ? tr("✓ Verified") : tr("Not verified"));
}

void SafetyNumberDialog::toggleVerified()
{
    if (m_number.isEmpty() || m_busy)
        return;
    const bool verify = !m_verified;
    m_busy = true;
    m_verify->setEnabled(false);
    m_account.devices().setVerified(m_peerUserId, m_number, verify, this,
                                    [this, verify](protocol::Result<void> done) {
                                        m_busy = false;
                                        if (!done) {
                                            appearance::showFailure(m_state, done.error().message);
                                            m_verify->setEnabled(true);
                                            return;
                                        }
                                        m_verified = verify;
                                        showState();
                                    });
}

} // namespace parley::ui
