#include "core/account/SecretVault.h"

#include "core/account/SessionKeeper.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>
#include <QUuid>
#include <qt6keychain/keychain.h>

#include <functional>

namespace parley {

using protocol::Error;
using protocol::ErrorCode;
using protocol::Result;

namespace {

// The keychain's entries of a profile are "<name>:<profile folder>", under this service.
const QString Service = QStringLiteral("Parley");
const QString DeviceKeyEntry = QStringLiteral("device-key");
const QString RefreshTokenEntry = QStringLiteral("refresh-token");
const QString ProbeEntry = QStringLiteral("probe");

// A profile whose secrets are in the keychain has this file (JSON, no secret in it).
QString markerPath(const QString &profileDir)
{
    return QDir(profileDir).filePath(QStringLiteral("secrets.json"));
}

Error keychainError(const QString &what, const QString &why)
{
    return Error{ErrorCode::InternalError,
                 SecretVault::tr("The system keychain could not %1: %2").arg(what, why)};
}

} // namespace

// QtKeychain's jobs, waited for with a bound at start, or queued in the background later.
class SecretVault::Keychain
{
public:
    Keychain(const QString &profileDir, std::chrono::milliseconds timeout)
        : m_profile(QDir(profileDir).absolutePath())
        , m_timeout(timeout)
    { }

    QString entry(const QString &name) const { return name + u':' + m_profile; }

    Result<std::optional<QByteArray>> read(const QString &name)
    {
        auto *job = new QKeychain::ReadPasswordJob(Service);
        job->setKey(entry(name));
        std::optional<QByteArray> data;
        const auto done = wait(job, SecretVault::tr("read %1").arg(name), [&](auto *finished) {
            if (finished->error() == QKeychain::NoError)
                data = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
        });
        if (!done && m_lastError == QKeychain::EntryNotFound)
            return std::optional<QByteArray>();
        if (!done)
            return done.error();
        return data;
    }

    Result<void> write(const QString &name, const QByteArray &value)
    {
        auto *job = new QKeychain::WritePasswordJob(Service);
        job->setKey(entry(name));
        job->setBinaryData(value);
        return wait(job, SecretVault::tr("save %1").arg(name), [](auto *) {});
    }

    Result<void> remove(const QString &name)
    {
        auto *job = new QKeychain::DeletePasswordJob(Service);
        job->setKey(entry(name));
        auto removed = wait(job, SecretVault::tr("delete %1").arg(name), [](auto *) {});
        if (!removed && m_lastError == QKeychain::EntryNotFound)
            return {};
        return removed;
    }

    // Writes (or, with no value, deletes) in the background, one at a time and in order; a
    // value given while an earlier one is being written replaces any still waiting.
    void later(const QString &name, std::optional<QByteArray> value,
               std::function<void(Result<void>)> done)
    {
        m_queue.append({name, std::move(value), std::move(done)});
        if (!m_busy)
            next();
    }

private:
    struct Pending
    {
        QString name;
        std::optional<QByteArray> value; // none: delete
        std::function<void(Result<void>)> done;
    };

    // Runs `job` and waits for it, at most m_timeout; `onDone` reads its answer while it is
    // there. The job deletes itself when it ends, also after a timeout (it may still be
    // waiting for the keychain then, and its answer goes nowhere).
    Result<void> wait(QKeychain::Job *job, const QString &what,
                      const std::function<void(QKeychain::Job *)> &onDone)
    {
        job->setAutoDelete(true);
        QEventLoop loop;
        bool finished = false;
        QKeychain::Error error = QKeychain::NoError;
        QString errorText;
        QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *done) {
            finished = true;
            error = done->error();
            errorText = done->errorString();
            onDone(done);
            loop.quit();
        });
        QTimer::singleShot(m_timeout, &loop, &QEventLoop::quit);
        job->start();
        loop.exec(QEventLoop::ExcludeUserInputEvents);
        m_lastError = finished ? error : QKeychain::OtherError;
        if (!finished)
            return keychainError(
                what,
                SecretVault::tr("no answer within %1 s").arg(double(m_timeout.count()) / 1000.0));
        if (error != QKeychain::NoError)
            return keychainError(what, errorText);
        return {};
    }

    void next()
    {
        if (m_queue.isEmpty()) {
            m_busy = false;
            return;
        }
        m_busy = true;
        // Only the newest value of an entry matters: older ones still waiting are skipped.
        Pending pending = m_queue.takeFirst();
        for (const Pending &later : std::as_const(m_queue)) {
            if (later.name == pending.name) {
                if (pending.done)
                    pending.done({});
                next();
                return;
            }
        }
        QKeychain::Job *job = nullptr;
        if (pending.value) {
            auto *write = new QKeychain::WritePasswordJob(Service);
            write->setBinaryData(*pending.value);
            job = write;
        } else {
            job = new QKeychain::DeletePasswordJob(Service);
        }
        job->setKey(entry(pending.name));
        job->setAutoDelete(true);
        // A job that never answers holds the queue for at most the timeout.
        auto answered = std::make_shared<bool>(false);
        auto finish = [this, answered, pending](Result<void> result) {
            if (*answered)
                return;
            *answered = true;
            if (pending.done)
                pending.done(result);
            next();
        };
        QObject::connect(
            job, &QKeychain::Job::finished, &m_context,
            [finish, pending, deleting = !pending.value](QKeychain::Job *job) {
                const bool ok = job->error() == QKeychain::NoError
                    || (deleting && job->error() == QKeychain::EntryNotFound);
                finish(ok ? Result<void>()
                          : Result<void>(keychainError(SecretVault::tr("save %1").arg(pending.name),
                                                       job->errorString())));
            });
        QTimer::singleShot(m_timeout, &m_context, [finish, pending] {
            finish(keychainError(SecretVault::tr("save %1").arg(pending.name),
                                 SecretVault::tr("no answer")));
        });
        job->start();
    }

    QString m_profile;
    std::chrono::milliseconds m_timeout;
    QKeychain::Error m_lastError = QKeychain::NoError;
    QList<Pending> m_queue;
    bool m_busy = false;
    QObject m_context; // the background jobs' answers end with this
};

SecretVault::SecretVault(Kind kind, QString profileDir, std::unique_ptr<Keychain> keychain)
    : m_kind(kind)
    , m_profileDir(std::move(profileDir))
    , m_keychain(std::move(keychain))
{ }

SecretVault::~SecretVault() = default;

QString SecretVault::sessionPath(const QString &profileDir)
{
    return QDir(profileDir).filePath(QStringLiteral("session.json"));
}

QString SecretVault::keyPath(const QString &profileDir)
{
    return QDir(profileDir).filePath(QStringLiteral("device.key"));
}

std::unique_ptr<SecretVault> SecretVault::files(const QString &profileDir)
{
    return std::unique_ptr<SecretVault>(new SecretVault(Kind::File, profileDir, nullptr));
}

Result<std::unique_ptr<SecretVault>> SecretVault::open(const QString &profileDir, bool useKeychain,
                                                       std::chrono::milliseconds probeTimeout)
{
    QDir().mkpath(profileDir);
    const bool inKeychain = QFile::exists(markerPath(profileDir));
    const auto unavailable = [&](const QString &why) {
        return Error{ErrorCode::InternalError,
                     tr("This profile's device key and sign-in are in the system keychain, "
                        "which cannot be used now (%1). Start or unlock your desktop's keychain "
                        "(GNOME Keyring, KWallet) and open Parley again.")
                         .arg(why)};
    };
    if (!useKeychain) {
        if (inKeychain)
            return unavailable(tr("the keychain is turned off"));
        auto fallback = files(profileDir);
        fallback->m_why = tr("the keychain is turned off");
        return fallback;
    }

    auto keychain = std::make_unique<Keychain>(profileDir, probeTimeout);
    if (inKeychain) {
        // Its secrets are there: reading the device key is the test (a write and a delete more
        // at every start would only slow it; a keyring may write its file for each).
        if (auto key = keychain->read(DeviceKeyEntry); !key)
            return unavailable(key.error().message);
        std::unique_ptr<SecretVault> vault(
            new SecretVault(Kind::Keychain, profileDir, std::move(keychain)));
        if (auto moved = vault->moveFilesIntoKeychain(); !moved)
            return moved.error(); // leftovers of a move that was cut off: not removed
        return vault;
    }

    // The probe: a random value written, read back and deleted.
    const QByteArray probe = QUuid::createUuid().toByteArray();
    Result<void> works = keychain->write(ProbeEntry, probe);
    if (works) {
        auto read = keychain->read(ProbeEntry);
        if (!read)
            works = read.error();
        else if (read.value() != probe)
            works = keychainError(tr("keep a value"), tr("it read back something else"));
        if (auto removed = keychain->remove(ProbeEntry); works && !removed)
            works = removed.error();
    }
    if (!works) {
        qInfo().noquote() << "secrets in 0600 files: no usable keychain:" << works.error().message;
        auto fallback = files(profileDir);
        fallback->m_why = tr("no system keychain answered when Parley started");
        return fallback;
    }
    std::unique_ptr<SecretVault> vault(
        new SecretVault(Kind::Keychain, profileDir, std::move(keychain)));
    if (auto moved = vault->moveFilesIntoKeychain(); !moved) {
        // Nothing was committed: the files still hold everything.
        qWarning().noquote() << "secrets stay in 0600 files:" << moved.error().message;
        auto fallback = files(profileDir);
        fallback->m_why = moved.error().message;
        return fallback;
    }
    return vault;
}

Result<void> SecretVault::moveFilesIntoKeychain()
{
    // Copied into the keychain and read back first; the marker file commits the move; only
    // then do the files lose their secrets. A crash at any point leaves a profile that opens.
    const bool committed = QFile::exists(markerPath(m_profileDir));
    const QString keyFile = keyPath(m_profileDir);
    std::optional<Session> session;
    if (auto saved = SessionKeeper::load(sessionPath(m_profileDir)); saved)
        session = saved.value();
    if (!committed) {
        if (QFile::exists(keyFile)) {
            auto key = crypto::DeviceKeyPair::load(keyFile);
            if (!key)
                return key.error();
            if (auto written = m_keychain->write(DeviceKeyEntry, key->encode()); !written)
                return written.error();
            auto back = m_keychain->read(DeviceKeyEntry);
            if (!back)
                return back.error();
            if (back.value() != key->encode())
                return keychainError(tr("keep the device key"), tr("it read back something else"));
        }
        if (session && !session->refreshToken.isEmpty()) {
            if (auto written = m_keychain->write(RefreshTokenEntry, session->refreshToken.toUtf8());
                !written)
                return written.error();
        }
        QSaveFile marker(markerPath(m_profileDir));
        const QJsonObject json{{QLatin1String("secretsIn"), QLatin1String("keychain")},
                               {QLatin1String("service"), Service}};
        if (!marker.open(QIODevice::WriteOnly) || marker.write(QJsonDocument(json).toJson()) < 0
            || !marker.commit())
            return Error{ErrorCode::InternalError,
                         tr("cannot write %1").arg(markerPath(m_profileDir))};
    }
    if (QFile::exists(keyFile) && !QFile::remove(keyFile))
        qWarning().noquote() << "cannot remove" << keyFile << "(its key is in the keychain)";
    if (session && !session->refreshToken.isEmpty()) {
        Session withoutToken = *session;
        withoutToken.refreshToken.clear();
        if (auto saved = SessionKeeper::save(withoutToken, sessionPath(m_profileDir)); !saved)
            qWarning().noquote() << saved.error().message;
    }
    return {};
}

QString SecretVault::description() const
{
    if (m_kind == Kind::Keychain)
        return tr("the system keychain (Secret Service)");
    const QString where
        = tr("files only you can read, in %1").arg(QDir::toNativeSeparators(m_profileDir));
    return m_why.isEmpty() ? where : tr("%1 (%2)").arg(where, m_why);
}

Result<crypto::DeviceKeyPair> SecretVault::loadOrCreateDeviceKey()
{
    std::optional<QByteArray> stored;
    if (m_kind == Kind::File) {
        if (QFile::exists(keyPath(m_profileDir)))
            return crypto::DeviceKeyPair::load(keyPath(m_profileDir));
    } else {
        auto read = m_keychain->read(DeviceKeyEntry);
        if (!read)
            return read.error();
        if (read.value())
            return crypto::DeviceKeyPair::decode(*read.value(), tr("the keychain's device key"));
    }
    // A new key is a new device: a session saved with another key is of no use to it.
    crypto::DeviceKeyPair pair = crypto::DeviceKeyPair::generate();
    if (m_kind == Kind::File) {
        if (auto saved = pair.save(keyPath(m_profileDir)); !saved)
            return saved.error();
    } else if (auto written = m_keychain->write(DeviceKeyEntry, pair.encode()); !written) {
        return written.error();
    }
    if (QFile::exists(sessionPath(m_profileDir))) {
        qInfo().noquote() << "a new device key: the saved session is forgotten";
        forgetSession();
    }
    return pair;
}

Result<Session> SecretVault::loadSession()
{
    auto session = SessionKeeper::load(sessionPath(m_profileDir));
    if (!session || !session->refreshToken.isEmpty())
        return session; // none, or one with its token in the file
    if (m_kind == Kind::File)
        return Error{ErrorCode::NotFound,
                     tr("the saved session's token is in a keychain that is not used now")};
    auto token = m_keychain->read(RefreshTokenEntry);
    if (!token)
        return token.error();
    if (!token.value())
        return Error{ErrorCode::NotFound, tr("no saved session")};
    Session restored = session.value();
    restored.refreshToken = QString::fromUtf8(*token.value());
    return restored;
}

void SecretVault::saveSession(const Session &session)
{
    if (m_kind == Kind::File) {
        if (auto saved = SessionKeeper::save(session, sessionPath(m_profileDir)); !saved)
            Q_EMIT failed(saved.error());
        return;
    }
    Session withoutToken = session;
    withoutToken.refreshToken.clear();
    if (auto saved = SessionKeeper::save(withoutToken, sessionPath(m_profileDir)); !saved)
        Q_EMIT failed(saved.error());
    m_keychain->later(RefreshTokenEntry, session.refreshToken.toUtf8(),
                      [this, guard = QPointer<SecretVault>(this)](Result<void> done) {
                          if (guard && !done)
                              Q_EMIT failed(done.error());
                      });
}

void SecretVault::forgetSession()
{
    QFile::remove(sessionPath(m_profileDir));
    if (m_keychain)
        m_keychain->later(RefreshTokenEntry, std::nullopt, {});
}

} // namespace parley
