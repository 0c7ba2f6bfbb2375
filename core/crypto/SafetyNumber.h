#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace parley::crypto {

// Safety numbers (docs/protocol.md 7.7): 60 digits that two users compare, in person or by a
// QR code, to know that the devices each sees for the other are the real ones. The same on
// both sides; they change when either user's devices change.
class SafetyNumber
{
public:
    static constexpr int Iterations = 5200;
    static constexpr int Digits = 60;

    // The 30-digit fingerprint of one user's device keys (32-byte X25519 public keys).
    static QString fingerprint(const QString &userId, QList<QByteArray> publicKeys);
    // Both users' fingerprints, the one of the smaller user id first.
    static QString forPair(const QString &userA, const QList<QByteArray> &keysA,
                           const QString &userB, const QList<QByteArray> &keysB);
    // "12345 67890 …": 12 groups of 5 digits.
    static QString grouped(const QString &digits);
    // What a QR code of the number holds: "PARLEY:SN1:" and the 60 digits (docs/protocol.md
    // 7.7), so a scanning client can compare it with its own.
    static QByteArray qrPayload(const QString &digits);
};

} // namespace parley::crypto
