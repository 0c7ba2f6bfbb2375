#include "core/contacts/VCardReader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace parley;
using contacts::VCardContact;
using contacts::VCardReader;

// Address books as phones and mail programs export them (core/contacts/VCardReader.h).
class TestVCard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsVersion3WithSeveralNumbers();
    void readsVersion21QuotedPrintableAndFoldedLines();
    void readsVersion4TelUris();
    void usesNWhenThereIsNoFnAndSkipsCardsWithoutNumbers();
    void refusesWhatIsNotAnAddressBook_data();
    void refusesWhatIsNotAnAddressBook();
    void boundsTheNumberOfContacts();
};

void TestVCard::readsVersion3WithSeveralNumbers()
{
    const QByteArray data = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\n"
                            "N:Lovelace;Ada;;;\r\nTEL;TYPE=CELL:+44 20 7946 0958\r\n"
                            "item1.TEL;TYPE=WORK:(202) 555-0182\r\nTEL:+44 20 7946 0958\r\n"
                            "EMAIL:ada@example.org\r\nEND:VCARD\r\n"
                            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Charles\\, the Engine\r\n"
                            "TEL:+1 202 555 0199\r\nEND:VCARD\r\n";
    const auto cards = VCardReader::parse(data);
    QVERIFY(cards);
    QCOMPARE(cards->size(), 2);
    QCOMPARE(cards->at(0).name, QStringLiteral("Ada Lovelace"));
    QCOMPARE(cards->at(0).phones,
             (QStringList{QStringLiteral("+44 20 7946 0958"), QStringLiteral("(202) 555-0182")}));
    QCOMPARE(cards->at(1).name, QStringLiteral("Charles, the Engine"));
}

void TestVCard::readsVersion21QuotedPrintableAndFoldedLines()
{
    // Android's export: 2.1 with quoted-printable UTF-8 and a soft line break.
    const QByteArray data = "BEGIN:VCARD\nVERSION:2.1\n"
                            "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=C3=A9 Mar=C3=\n"
                            "=ADa\n"
                            "TEL;CELL:+34 612 34 56 78\nEND:VCARD\n"
                            "BEGIN:VCARD\nVERSION:3.0\nFN:Folded\n  Name\nTEL:+1 202\n 555 0100\n"
                            "END:VCARD\n";
    const auto cards = VCardReader::parse(data);
    QVERIFY(cards);
    QCOMPARE(cards->size(), 2);
    QCOMPARE(cards->at(0).name, QStringLiteral("José María"));
    QCOMPARE(cards->at(0).phones, QStringList{QStringLiteral("+34 612 34 56 78")});
    QCOMPARE(cards->at(1).name, QStringLiteral("Folded Name"));
    QCOMPARE(cards->at(1).phones, QStringList{QStringLiteral("+1 202555 0100")});
}

void TestVCard::readsVersion4TelUris()
{
    const QByteArray data = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:محمد\r\n"
                            "TEL;VALUE=uri;TYPE=\"voice,cell\":tel:+966-50-123-4567;ext=9\r\n"
                            "END:VCARD\r\n";
    const auto cards = VCardReader::parse(data);
    QVERIFY(cards);
    QCOMPARE(cards->size(), 1);
    QCOMPARE(cards->at(0).name, QStringLiteral("محمد"));
    QCOMPARE(cards->at(0).phones, QStringList{QStringLiteral("+966-50-123-4567")});
}

void TestVCard::usesNWhenThereIsNoFnAndSkipsCardsWithoutNumbers()
{
    const QByteArray data = "BEGIN:VCARD\nVERSION:3.0\nN:Hopper;Grace;Brewster;Rear Admiral;\n"
                            "TEL:+1 202 555 0101\nEND:VCARD\n"
                            "BEGIN:VCARD\nVERSION:3.0\nFN:No Number\nEMAIL:x@example.org\n"
                            "END:VCARD\n"
                            "BEGIN:VCARD\nVERSION:3.0\nTEL:+1 202 555 0102\nEND:VCARD\n";
    const auto cards = VCardReader::parse(data);
    QVERIFY(cards);
    QCOMPARE(cards->size(), 2);
    QCOMPARE(cards->at(0).name, QStringLiteral("Rear Admiral Grace Brewster Hopper"));
    QCOMPARE(cards->at(1).name, QStringLiteral("+1 202 555 0102")); // no name: the number
}

void TestVCard::refusesWhatIsNotAnAddressBook_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text") << QByteArray("Dear Ada,\nhere are the numbers: +1 202 555 0100\n");
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    QTest::newRow("a line of 100 KiB")
        << (QByteArray("BEGIN:VCARD\nFN:") + QByteArray(100 * 1024, 'x') + "\nEND:VCARD\n");
}

void TestVCard::refusesWhatIsNotAnAddressBook()
{
    QFETCH(QByteArray, data);
    const auto cards = VCardReader::parse(data);
    QVERIFY(!cards);
    QCOMPARE(cards.error().code, protocol::ErrorCode::InvalidField);
    // And from a file, a missing one too.
    QTemporaryDir dir;
    QCOMPARE(VCardReader::readFile(dir.filePath(QStringLiteral("missing.vcf"))).error().code,
             protocol::ErrorCode::NotFound);
}

void TestVCard::boundsTheNumberOfContacts()
{
    QByteArray data;
    for (int i = 0; i <= VCardReader::MaxContacts; ++i)
        data += "BEGIN:VCARD\nFN:P" + QByteArray::number(i) + "\nTEL:+1 202 555 0100\nEND:VCARD\n";
    const auto cards = VCardReader::parse(data);
    QVERIFY(!cards);
    QVERIFY(cards.error().message.contains(QLatin1String("20000")));
}

QTEST_GUILESS_MAIN(TestVCard)
#include "tst_vcard.moc"
