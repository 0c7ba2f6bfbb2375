#pragma once

#include "core/protocol/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace parley::contacts {

// One card of an address book: a name and the phone numbers as written there.
struct VCardContact
{
    QString name;
    QStringList phones;
};

// Reads an address book exported as vCards (.vcf: RFC 6350 4.0, RFC 2426 3.0 and the older 2.1
// that phones still export), the desktop's stand-in for a phone's contacts. It keeps FN (or N
// when there is no FN) and every TEL; folded lines, quoted-printable and UTF-8 are read, other
// properties are skipped. Bounded: the file, a line and the number of cards have limits, and a
// card without a number is left out.
class VCardReader
{
    Q_DECLARE_TR_FUNCTIONS(VCardReader)

public:
    static constexpr qsizetype MaxFileBytes = 16 * 1024 * 1024;
    static constexpr qsizetype MaxLineBytes = 64 * 1024;
    static constexpr qsizetype MaxContacts = 20000;
    static constexpr qsizetype MaxPhonesPerContact = 32;

    // invalid_field when it is not a vCard file at all or breaks a limit.
    static protocol::Result<QList<VCardContact>> parse(const QByteArray &data);
    static protocol::Result<QList<VCardContact>> readFile(const QString &path);
};

} // namespace parley::contacts
