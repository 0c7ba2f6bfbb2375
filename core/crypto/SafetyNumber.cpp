#include "core/crypto/SafetyNumber.h"

#include <algorithm>
#include <sodium.h>

namespace parley::crypto {

namespace {

QByteArray sha512(const QByteArray &bytes)
{
    QByteArray digest(crypto_hash_sha512_BYTES, Qt::Uninitialized);
    crypto_hash_sha512(reinterpret_cast<unsigned char *>(digest.data()),
                       reinterpret_cast<const unsigned char *>(bytes.constData()),
                       quint64(bytes.size()));
    return digest;
}

} // namespace

QString SafetyNumber::fingerprint(const QString &userId, QList<QByteArray> publicKeys)
{
    // The keys in byte order, so that the order a server lists them in changes nothing.
    std::sort(publicKeys.begin(), publicKeys.end());
    QByteArray keys;
    for (const QByteArray &key : publicKeys)
        keys += key;
    static const QByteArray version("\x00\x01", 2);
    QByteArray hash = sha512(version + keys + userId.toUtf8());
    for (int i = 1; i < Iterations; ++i)
        hash = sha512(hash + keys);
    QString digits;
    for (int chunk = 0; chunk < 6; ++chunk) {
        quint64 value = 0;
        for (int byte = 0; byte < 5; ++byte)
            value = (value << 8) | quint8(hash.at(chunk * 5 + byte));
        digits += QStringLiteral("%1").arg(value % 100000, 5, 10, QLatin1Char('0'));
    }
    return digits;
}

QString SafetyNumber::forPair(const QString &userA, const QList<QByteArray> &keysA,
                              const QString &userB, const QList<QByteArray> &keysB)
{
    const QString a = fingerprint(userA, keysA);
    const QString b = fingerprint(userB, keysB);
    return userA < userB ? a + b : b + a;
}

QString SafetyNumber::grouped(const QString &digits)
{
    QStringList groups;
    for (qsizetype at = 0; at < digits.size(); at += 5)
        groups.append(digits.mid(at, 5));
    return groups.join(u' ');
}

QByteArray SafetyNumber::qrPayload(const QString &digits)
{
    return QByteArrayLiteral("PARLEY:SN1:") + digits.toLatin1();
}

} // namespace parley::crypto
