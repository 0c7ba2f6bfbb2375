#include "core/account/SecretVault.h"
#include "core/account/SessionKeeper.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace parley;
using protocol::ErrorCode;

namespace {

Session sampleSession(const QString &token)
{
    Session session;
    session.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:8765"));
    session.accessToken = QStringLiteral("access");
    session.refreshToken = token;
    session.userId = QStringLiteral("user-1");
    session.deviceId = QStringLiteral("device-1");
    session.phoneNumber = QStringLiteral("+12025550181");
    return session;
}

QJsonObject sessionFile(const QString &profile)
{
    QFile file(SecretVault::sessionPath(profile));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Mode 0600: the owner reads and writes, nobody else anything.
bool ownerOnly(const QString &path)
{
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
        | QFileDevice::ExeOther;
    const QFileDevice::Permissions mode = QFile::permissions(path);
    return (mode & others) == 0 && mode.testFlag(QFileDevice::ReadOwner)
        && mode.testFlag(QFileDevice::WriteOwner);
}

// Whether the keychain of this run is there (tests/support/with-keyring.sh starts one).
bool keyringRuns()
{
    return qEnvironmentVariable("PARLEY_TEST_KEYCHAIN") == QLatin1String("running");
}

} // namespace

// Where a profile keeps its device key and refresh token (core/account/SecretVault.h): 0600
// files, or a real GNOME Keyring on a D-Bus session of the test's own. CTest runs the keychain
// cases under tests/support/with-keyring.sh and the others with no session bus at all.
class TestSecretVault : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Without a keychain.
    void filesKeepTheKeyAndTheSessionReadableOnlyByTheOwner();
    void aNewKeyForgetsASessionMadeWithAnother();
    void withNoKeychainAFreshProfileUsesFiles();
    void aProfileInTheKeychainDoesNotOpenWithoutIt();
    // With the keychain of tests/support/with-keyring.sh.
    void theKeychainTakesOverTheSecretsOfFiles();
    void aRotatedTokenReachesTheKeychainInOrder();
    void forgettingTheSessionRemovesItsToken();
    void turningTheKeychainOffForAProfileInItIsRefused();
};

void TestSecretVault::filesKeepTheKeyAndTheSessionReadableOnlyByTheOwner()
{
    QTemporaryDir profile;
    auto vault = SecretVault::files(profile.path());
    QCOMPARE(vault->kind(), SecretVault::Kind::File);
    QVERIFY(vault->description().contains(profile.path()));
    const auto key = vault->loadOrCreateDeviceKey();
    QVERIFY(key);
    QVERIFY(ownerOnly(SecretVault::keyPath(profile.path())));
    QCOMPARE(vault->loadOrCreateDeviceKey()->publicKey(), key->publicKey());
    QCOMPARE(vault->loadSession().error().code, ErrorCode::NotFound);

    vault->saveSession(sampleSession(QStringLiteral("token-1")));
    QVERIFY(ownerOnly(SecretVault::sessionPath(profile.path())));
    QCOMPARE(sessionFile(profile.path()).value(QLatin1String("refreshToken")).toString(),
             QStringLiteral("token-1"));
    const auto restored = SecretVault::files(profile.path())->loadSession();
    QVERIFY(restored);
    QCOMPARE(restored->refreshToken, QStringLiteral("token-1"));
    QCOMPARE(restored->deviceId, QStringLiteral("device-1"));
    QVERIFY(restored->accessToken.isEmpty()); // never saved: it lives minutes

    vault->forgetSession();
    QVERIFY(!QFile::exists(SecretVault::sessionPath(profile.path())));
    QVERIFY(QFile::exists(SecretVault::keyPath(profile.path()))); // the key stays
}

void TestSecretVault::aNewKeyForgetsASessionMadeWithAnother()
{
    // A session is bound to the key its device registered; with the key gone it is useless.
    QTemporaryDir profile;
    auto vault = SecretVault::files(profile.path());
    QVERIFY(vault->loadOrCreateDeviceKey());
    vault->saveSession(sampleSession(QStringLiteral("token-1")));
    QVERIFY(QFile::remove(SecretVault::keyPath(profile.path())));
    QVERIFY(vault->loadOrCreateDeviceKey());
    QCOMPARE(vault->loadSession().error().code, ErrorCode::NotFound);
    // A damaged key is an error, never a new identity.
    QFile key(SecretVault::keyPath(profile.path()));
    QVERIFY(key.open(QIODevice::WriteOnly | QIODevice::Truncate));
    key.write("parley-device-key-v1\nnot base64!\n");
    key.close();
    QCOMPARE(vault->loadOrCreateDeviceKey().error().code, ErrorCode::InvalidField);
}

void TestSecretVault::withNoKeychainAFreshProfileUsesFiles()
{
    QVERIFY2(!keyringRuns(), "runs with no session bus (CTest's tst_secretvault_nokeychain)");
    QTemporaryDir profile;
    QElapsedTimer timer;
    timer.start();
    auto vault = SecretVault::open(profile.path(), true, std::chrono::seconds(5));
    QVERIFY(vault);
    QCOMPARE(vault.value()->kind(), SecretVault::Kind::File);
    QVERIFY2(vault.value()->description().contains(QLatin1String("no system keychain answered")),
             qPrintable(vault.value()->description()));
    QVERIFY(vault.value()->loadOrCreateDeviceKey());
    QVERIFY(QFile::exists(SecretVault::keyPath(profile.path())));
    QVERIFY(!QFile::exists(profile.filePath(QStringLiteral("secrets.json"))));
    qInfo() << "no keychain found in" << timer.elapsed() << "ms";
}

void TestSecretVault::aProfileInTheKeychainDoesNotOpenWithoutIt()
{
    QVERIFY2(!keyringRuns(), "runs with no session bus (CTest's tst_secretvault_nokeychain)");
    // What the keychain cases leave: the marker, no key file. Without the keychain this is
    // refused with the reason, not opened as a new device.
    QTemporaryDir profile;
    QFile marker(profile.filePath(QStringLiteral("secrets.json")));
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.write(R"({"secretsIn":"keychain","service":"Parley"})");
    marker.close();
    const auto vault = SecretVault::open(profile.path(), true, std::chrono::seconds(5));
    QVERIFY(!vault);
    QVERIFY2(vault.error().message.contains(QLatin1String("keychain")),
             qPrintable(vault.error().message));
    QVERIFY(!QFile::exists(SecretVault::keyPath(profile.path())));
}

void TestSecretVault::theKeychainTakesOverTheSecretsOfFiles()
{
    QVERIFY2(keyringRuns(), "needs tests/support/with-keyring.sh (PARLEY_TEST_KEYCHAIN=running)");
    QTemporaryDir profile;
    // A profile from before: key and token in files.
    auto before = SecretVault::files(profile.path());
    const auto key = before->loadOrCreateDeviceKey();
    QVERIFY(key);
    before->saveSession(sampleSession(QStringLiteral("token-from-file")));

    auto vault = SecretVault::open(profile.path());
    QVERIFY2(vault, qPrintable(vault ? QString() : vault.error().message));
    QCOMPARE(vault.value()->kind(), SecretVault::Kind::Keychain);
    QVERIFY(vault.value()->description().contains(QLatin1String("keychain")));
    // The files lost their secrets; the keychain has them.
    QVERIFY(!QFile::exists(SecretVault::keyPath(profile.path())));
    const QJsonObject file = sessionFile(profile.path());
    QVERIFY(!file.contains(QLatin1String("refreshToken")));
    QCOMPARE(file.value(QLatin1String("refreshTokenIn")).toString(), QStringLiteral("keychain"));
    QCOMPARE(file.value(QLatin1String("deviceId")).toString(), QStringLiteral("device-1"));
    QCOMPARE(vault.value()->loadOrCreateDeviceKey()->publicKey(), key->publicKey());
    QCOMPARE(vault.value()->loadSession()->refreshToken, QStringLiteral("token-from-file"));

    // The next start finds them there.
    auto again = SecretVault::open(profile.path());
    QVERIFY(again);
    QCOMPARE(again.value()->kind(), SecretVault::Kind::Keychain);
    QCOMPARE(again.value()->loadOrCreateDeviceKey()->publicKey(), key->publicKey());
    QCOMPARE(again.value()->loadSession()->refreshToken, QStringLiteral("token-from-file"));
    // Another profile has entries of its own.
    QTemporaryDir other;
    auto otherVault = SecretVault::open(other.path());
    QVERIFY(otherVault);
    QCOMPARE(otherVault.value()->kind(), SecretVault::Kind::Keychain);
    QVERIFY(otherVault.value()->loadOrCreateDeviceKey()->publicKey() != key->publicKey());
    QCOMPARE(otherVault.value()->loadSession().error().code, ErrorCode::NotFound);
}

void TestSecretVault::aRotatedTokenReachesTheKeychainInOrder()
{
    QVERIFY2(keyringRuns(), "needs tests/support/with-keyring.sh (PARLEY_TEST_KEYCHAIN=running)");
    QTemporaryDir profile;
    auto vault = SecretVault::open(profile.path());
    QVERIFY(vault);
    QCOMPARE(vault.value()->kind(), SecretVault::Kind::Keychain);
    QVERIFY(vault.value()->loadOrCreateDeviceKey());
    QSignalSpy failed(vault.value().get(), &SecretVault::failed);
    // Refreshes in a row: the last one wins, whatever was still being written.
    for (int i = 1; i <= 5; ++i)
        vault.value()->saveSession(sampleSession(QStringLiteral("token-%1").arg(i)));
    QTRY_COMPARE_WITH_TIMEOUT(
        SecretVault::open(profile.path()).value()->loadSession()->refreshToken,
        QStringLiteral("token-5"), 10000);
    QCOMPARE(failed.size(), 0);
    QVERIFY(!sessionFile(profile.path()).contains(QLatin1String("refreshToken")));
}

void TestSecretVault::forgettingTheSessionRemovesItsToken()
{
    QVERIFY2(keyringRuns(), "needs tests/support/with-keyring.sh (PARLEY_TEST_KEYCHAIN=running)");
    QTemporaryDir profile;
    auto vault = SecretVault::open(profile.path());
    QVERIFY(vault);
    const auto key = vault.value()->loadOrCreateDeviceKey();
    vault.value()->saveSession(sampleSession(QStringLiteral("secret-token")));
    QTRY_VERIFY_WITH_TIMEOUT(vault.value()->loadSession(), 10000);
    vault.value()->forgetSession();
    QVERIFY(!QFile::exists(SecretVault::sessionPath(profile.path())));
    // A session file put back (an old backup, say) finds no token to go with it.
    QVERIFY(
        SessionKeeper::save(sampleSession(QString()), SecretVault::sessionPath(profile.path())));
    QTRY_COMPARE_WITH_TIMEOUT(vault.value()->loadSession().error().code, ErrorCode::NotFound,
                              10000);
    // The key stays.
    QCOMPARE(SecretVault::open(profile.path()).value()->loadOrCreateDeviceKey()->publicKey(),
             key->publicKey());
}

void TestSecretVault::turningTheKeychainOffForAProfileInItIsRefused()
{
    QVERIFY2(keyringRuns(), "needs tests/support/with-keyring.sh (PARLEY_TEST_KEYCHAIN=running)");
    QTemporaryDir profile;
    QVERIFY(SecretVault::open(profile.path()));
    QVERIFY(SecretVault::open(profile.path()).value()->loadOrCreateDeviceKey());
    const auto off = SecretVault::open(profile.path(), false);
    QVERIFY(!off);
    QVERIFY(off.error().message.contains(QLatin1String("keychain")));
    // A profile not in the keychain opens with files when asked to.
    QTemporaryDir plain;
    const auto files = SecretVault::open(plain.path(), false);
    QVERIFY(files);
    QCOMPARE(files.value()->kind(), SecretVault::Kind::File);
}

QTEST_GUILESS_MAIN(TestSecretVault)
#include "tst_secretvault.moc"
