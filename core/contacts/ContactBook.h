#pragma once

#include "core/protocol/Result.h"
#include "core/store/ContactStore.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace parley::net {
class RestTransport;
}
namespace parley::store {
class LocalStore;
}

namespace parley::contacts {

// What an import did.
struct ImportSummary
{
    int cards = 0; // contacts with a number in the file
    int numbers = 0; // distinct valid numbers among them
    int added = 0; // numbers not imported before
    int skipped = 0; // numbers that are not valid phone numbers
    int onParley = 0; // of all imported numbers, those with an account (after the sync)
};

// The address book of this device (docs/architecture.md, "Contacts"): imported from a vCard
// file, kept in the local store, and matched with Parley accounts through
// POST /api/v1/users/contacts/sync, which gets only the SHA-256 of each number
// (docs/protocol.md 4.14; what that does not hide: docs/security.md). Numbers written without
// a country code are read in homeRegion(), the country of this account's own number.
class ContactBook : public QObject
{
    Q_OBJECT
public:
    // Batches the protocol allows, and how long a rate-limited sync waits at most in all.
    static constexpr int BatchSize = 500;
    static constexpr int MaxRateLimitWaits = 8;

    // `ownNumber` in E.164; its country is worked out when first needed (libphonenumber reads
    // its metadata of every country then, which the start of the app need not wait for).
    ContactBook(net::RestTransport &rest, store::LocalStore &store, QString ownNumber,
                QObject *parent = nullptr);

    // Reads the file (on the store thread), stores its numbers, then asks the server who is on
    // Parley. `done` is not called once `context` is gone.
    void importFile(const QString &path, const QObject *context,
                    std::function<void(protocol::Result<ImportSummary>)> done);
    // Asks the server again about every number (people join); `done` with how many are on it.
    void sync(const QObject *context, std::function<void(protocol::Result<int>)> done);
    void contacts(const QObject *context,
                  std::function<void(protocol::Result<QList<store::Contact>>)> done);
    // Forgets the imported address book on this device.
    void clear(const QObject *context, std::function<void(protocol::Result<void>)> done);

    // The country of the account's number, else of this desktop's locale.
    QString homeRegion() const;

Q_SIGNALS:
    // The stored address book or who of it is on Parley changed.
    void contactsChanged();

private:
    struct SyncRun;
    void nextBatch(std::shared_ptr<SyncRun> run);

    net::RestTransport &m_rest;
    store::LocalStore &m_store;
    QString m_ownNumber;
    mutable QString m_homeRegion; // from m_ownNumber, once asked
};

} // namespace parley::contacts
