#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace parley {
class Account;
}

namespace parley::ui {

// The security code (safety number, docs/protocol.md 7.7) of this account and one contact: 60
// digits and a QR code to compare with the ones on their screen, and "Mark as verified" once
// they match. The verification holds until a new device of theirs changes the number; the
// chat then says so. Fetches both device lists fresh when it opens.
class SafetyNumberDialog : public QDialog
{
    Q_OBJECT
public:
    SafetyNumberDialog(Account &account, const QString &peerUserId, const QString &peerName,
                       QWidget *parent = nullptr);

    QString number() const { return m_number; }
    bool isVerified() const { return m_verified; }

Q_SIGNALS:
    // The number is on screen (or failed to come: `number` empty).
    void loaded(const QString &number);

private:
    void load();
    void present(const QString &number, bool verified);
    void showState();
    void toggleVerified();

    Account &m_account;
    QString m_peerUserId;
    QString m_peerName;
    QString m_number;
    bool m_verified = false;
    bool m_busy = false;

    QLabel *m_qr = nullptr;
    QLabel *m_digits = nullptr;
    QLabel *m_state = nullptr;
    QPushButton *m_verify = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace parley::ui
