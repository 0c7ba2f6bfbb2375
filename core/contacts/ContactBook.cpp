#include "core/contacts/ContactBook.h"

#include "core/contacts/VCardReader.h"
#include "core/net/RestTransport.h"
#include "core/phone/PhoneInput.h"
#include "core/protocol/UserPayloads.h"
#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

namespace parley::contacts {

using protocol::Error;
using protocol::ErrorCode;
using protocol::Result;

struct ContactBook::SyncRun
{
    QStringList phones; // all to ask about
    qsizetype next = 0; // the first of the next batch
    int waits = 0; // rate-limited answers so far
    int onParley = 0; // numbers with an account in the batches answered so far
    QPointer<const QObject> context;
    std::function<void(Result<int>)> done;
};

ContactBook::ContactBook(net::RestTransport &rest, store::LocalStore &store, QString ownNumber,
                         QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_store(store)
    , m_ownNumber(std::move(ownNumber))
{ }

QString ContactBook::homeRegion() const
{
    if (m_homeRegion.isEmpty()) {
        const QString own = phone::PhoneInput::check(m_ownNumber, {}).region;
        m_homeRegion = own.isEmpty() ? phone::PhoneInput::defaultRegion() : own;
    }
    return m_homeRegion;
}

void ContactBook::importFile(const QString &path, const QObject *context,
                             std::function<void(Result<ImportSummary>)> done)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_store.run(
        context,
        [path, now, region = homeRegion()](store::StoreContext &store) -> Result<ImportSummary> {
            auto cards = VCardReader::readFile(path);
            if (!cards)
                return cards.error();
            ImportSummary summary;
            summary.cards = int(cards->size());
            QList<store::Contact> contacts;
            QSet<QString> seen;
            for (const VCardContact &card : cards.value()) {
                for (const QString &written : card.phones) {
                    const phone::Checked number = phone::PhoneInput::check(written, region);
                    if (number.state != phone::Checked::State::Valid) {
                        ++summary.skipped;
                        continue;
                    }
                    if (seen.contains(number.e164))
                        continue; // the first card with a number names it
                    seen.insert(number.e164);
                    contacts.append({number.e164, card.name, {}, {}, 0});
                }
            }
            summary.numbers = int(contacts.size());
            auto added = store.contacts().add(contacts, now);
            if (!added)
                return added.error();
            summary.added = added.value();
            return summary;
        },
        [this, context = QPointer<const QObject>(context),
         done = std::move(done)](Result<ImportSummary> imported) {
            if (!imported)
                return done(imported.error());
            Q_EMIT contactsChanged();
            const ImportSummary summary = imported.value();
            if (!context)
                return;
            sync(context.get(), [summary, done](Result<int> onParley) {
                if (!onParley)
                    return done(onParley.error());
                ImportSummary synced = summary;
                synced.onParley = onParley.value();
                done(synced);
            });
        });
}

void ContactBook::sync(const QObject *context, std::function<void(Result<int>)> done)
{
    m_store.run(
        context, [](store::StoreContext &store) { return store.contacts().all(); },
        [this, context = QPointer<const QObject>(context),
         done = std::move(done)](Result<QList<store::Contact>> all) {
            if (!all)
                return done(all.error());
            auto run = std::make_shared<SyncRun>();
            for (const store::Contact &contact : all.value())
                run->phones.append(contact.phone);
            run->context = context;
            run->done = done;
            nextBatch(run);
        });
}

void ContactBook::nextBatch(std::shared_ptr<SyncRun> run)
{
    if (!run->context)
        return;
    if (run->next >= run->phones.size()) {
        // Every number was in one batch, and each batch stored its matches and cleared the rest.
        run->done(run->onParley);
        return;
    }
    const QStringList batch = run->phones.mid(run->next, BatchSize);
    QHash<QString, QString> phoneOfHash;
    protocol::ContactSyncRequest request;
    for (const QString &phone : batch) {
        const QString hash = protocol::contactHash(phone);
        phoneOfHash.insert(hash, phone);
        request.hashes.append(hash);
    }
    m_rest.postAs<protocol::ContactSyncResult>(
        QLatin1String(protocol::paths::ContactsSync), request.toJson(), this,
        [this, run, batch, phoneOfHash](Result<protocol::ContactSyncResult> answer) {
            if (!run->context)
                return;
            if (!answer && answer.error().code == ErrorCode::RateLimited
                && run->waits < MaxRateLimitWaits) {
                // The lookup budget is shared with searches: wait as told, then go on.
                ++run->waits;
                const int seconds = qBound(1, answer.error().retryAfterSeconds, 60);
                QTimer::singleShot(seconds * 1000, this, [this, run] { nextBatch(run); });
                return;
            }
            if (!answer)
                return run->done(answer.error());
            QList<store::Contact> matches;
            QSet<QString> matched;
            for (const protocol::ContactMatch &match : answer->matches) {
                const auto phone = phoneOfHash.constFind(match.hash);
                if (phone == phoneOfHash.cend() || matched.contains(*phone))
                    continue; // not a hash we sent, or one answered already: ignored
                matched.insert(*phone);
                matches.append({*phone, {}, match.userId, match.displayName, 0});
            }
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            m_store.run(
                run->context.get(),
                [batch, matches, now](store::StoreContext &store) {
                    return store.contacts().setAccounts(batch, matches, now);
                },
                [this, run, found = int(matches.size())](Result<void> stored) {
                    if (!stored)
                        return run->done(stored.error());
                    run->onParley += found;
                    Q_EMIT contactsChanged();
                    run->next += BatchSize;
                    nextBatch(run);
                });
        });
}

void ContactBook::contacts(const QObject *context,
                           std::function<void(Result<QList<store::Contact>>)> done)
{
    m_store.run(
        context, [](store::StoreContext &store) { return store.contacts().all(); },
        std::move(done));
}

void ContactBook::clear(const QObject *context, std::function<void(Result<void>)> done)
{
    m_store.run(
        context, [](store::StoreContext &store) { return store.contacts().clear(); },
        [this, done = std::move(done)](Result<void> cleared) {
            if (cleared)
                Q_EMIT contactsChanged();
            done(cleared);
        });
}

} // namespace parley::contacts
