#include "core/contacts/VCardReader.h"

#include <QFile>
#include <QFileInfo>

namespace parley::contacts {

using protocol::Error;
using protocol::ErrorCode;

namespace {

Error invalid(const QString &why)
{
    return Error{ErrorCode::InvalidField, why};
}

// "=C3=A9" -> the bytes; a soft line break "=" at the end was already joined.
QByteArray decodeQuotedPrintable(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '=' && i + 2 < text.size()) {
            bool ok = false;
            const int byte = text.mid(i + 1, 2).toInt(&ok, 16);
            if (ok) {
                out.append(char(byte));
                i += 2;
                continue;
            }
        }
        out.append(text[i]);
    }
    return out;
}

// A property value's escapes (RFC 6350 3.4): \n, \, \; \\.
QString unescape(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] == u'\\' && i + 1 < value.size()) {
            const QChar next = value[++i];
            out.append(next == u'n' || next == u'N' ? QChar(u' ') : next);
            continue;
        }
        out.append(value[i]);
    }
    return out.simplified();
}

struct Property
{
    QByteArray name; // upper case, without a group ("item1.TEL" -> "TEL")
    QList<QByteArray> parameters; // upper case
    QByteArray value;
};

Property split(const QByteArray &line)
{
    Property property;
    // The value starts after the first ':' outside a quoted parameter value.
    qsizetype colon = -1;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == '"')
            quoted = !quoted;
        else if (line[i] == ':' && !quoted) {
            colon = i;
            break;
        }
    }
    if (colon < 0)
        return property;
    QList<QByteArray> head = line.left(colon).split(';');
    QByteArray name = head.takeFirst().trimmed().toUpper();
    if (const qsizetype dot = name.lastIndexOf('.'); dot >= 0)
        name = name.mid(dot + 1);
    property.name = name;
    for (const QByteArray &parameter : head)
        property.parameters.append(parameter.trimmed().toUpper());
    property.value = line.mid(colon + 1);
    return property;
}

QString valueText(const Property &property)
{
    QByteArray bytes = property.value;
    bool latin1 = false;
    for (const QByteArray &parameter : property.parameters) {
        if (parameter == "ENCODING=QUOTED-PRINTABLE" || parameter == "QUOTED-PRINTABLE")
            bytes = decodeQuotedPrintable(bytes);
        else if (parameter.startsWith("CHARSET=") && parameter != "CHARSET=UTF-8")
            latin1 = parameter == "CHARSET=ISO-8859-1" || parameter == "CHARSET=WINDOWS-1252";
    }
    return unescape(latin1 ? QString::fromLatin1(bytes) : QString::fromUtf8(bytes));
}

// "Lovelace;Ada;;;" -> "Ada Lovelace".
QString nameFromN(const QString &n)
{
    const QStringList parts = n.split(u';');
    QStringList ordered;
    for (const int index : {3, 1, 2, 0, 4}) { // prefix, given, additional, family, suffix
        if (index < parts.size() && !parts[index].trimmed().isEmpty())
            ordered.append(parts[index].trimmed());
    }
    return ordered.join(u' ');
}

} // namespace

protocol::Result<QList<VCardContact>> VCardReader::parse(const QByteArray &data)
{
    if (data.size() > MaxFileBytes)
        return invalid(tr("the address book is larger than 16 MiB"));
    // Unfold (RFC 6350 3.2): a line break followed by a space or tab continues the line; in
    // quoted-printable values a trailing '=' does.
    QList<QByteArray> lines;
    QByteArray current;
    const QList<QByteArray> raw = data.split('\n');
    for (QByteArray line : raw) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (!current.isEmpty() && (line.startsWith(' ') || line.startsWith('\t'))) {
            current.append(line.mid(1));
        } else {
            if (!current.isEmpty())
                lines.append(current);
            current = line;
        }
        if (current.size() > MaxLineBytes)
            return invalid(tr("a line of the address book is longer than 64 KiB"));
    }
    if (!current.isEmpty())
        lines.append(current);
    // Quoted-printable soft breaks: "…=" continues on the next line.
    QList<QByteArray> joined;
    for (const QByteArray &line : std::as_const(lines)) {
        if (!joined.isEmpty() && joined.last().endsWith('=')
            && joined.last().toUpper().contains("QUOTED-PRINTABLE")) {
            joined.last().chop(1);
            joined.last().append(line);
            if (joined.last().size() > MaxLineBytes)
                return invalid(tr("a line of the address book is longer than 64 KiB"));
            continue;
        }
        joined.append(line);
    }

    QList<VCardContact> contacts;
    bool inCard = false;
    bool sawCard = false;
    VCardContact card;
    QString nFallback;
    for (const QByteArray &line : std::as_const(joined)) {
        if (line.trimmed().isEmpty())
            continue;
        const Property property = split(line);
        if (property.name == "BEGIN" && property.value.trimmed().toUpper() == "VCARD") {
            inCard = true;
            sawCard = true;
            card = {};
            nFallback.clear();
            continue;
        }
        if (!inCard)
            continue;
        if (property.name == "END" && property.value.trimmed().toUpper() == "VCARD") {
            inCard = false;
            if (card.name.isEmpty())
                card.name = nFallback;
            if (card.phones.isEmpty())
                continue;
            if (card.name.isEmpty())
                card.name = card.phones.first();
            if (contacts.size() >= MaxContacts)
                return invalid(tr("the address book has more than 20000 contacts"));
            contacts.append(card);
        } else if (property.name == "FN") {
            card.name = valueText(property);
        } else if (property.name == "N") {
            nFallback = nameFromN(valueText(property));
        } else if (property.name == "TEL") {
            QString number = valueText(property);
            // vCard 4.0 writes "tel:+1-202-555-0100" as a URI.
            if (number.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive))
                number = number.mid(4);
            number = number.section(u';', 0, 0).trimmed(); // ";ext=…" of a tel URI
            if (!number.isEmpty() && card.phones.size() < MaxPhonesPerContact
                && !card.phones.contains(number))
                card.phones.append(number);
        }
    }
    if (!sawCard)
        return invalid(tr("this is not a vCard file (no BEGIN:VCARD)"));
    return contacts;
}

protocol::Result<QList<VCardContact>> VCardReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, tr("cannot read %1: %2").arg(path, file.errorString())};
    if (file.size() > MaxFileBytes)
        return invalid(tr("the address book is larger than 16 MiB"));
    return parse(file.read(MaxFileBytes + 1));
}

} // namespace parley::contacts
