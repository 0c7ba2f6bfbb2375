#pragma once

#include "core/account/AccountSettings.h"
#include "core/account/PeerCards.h"
#include "core/account/SecretVault.h"
#include "core/account/Session.h"
#include "core/account/SessionKeeper.h"
#include "core/account/UserDirectory.h"
#include "core/contacts/ContactBook.h"
#include "core/crypto/DeviceKeyPair.h"
#include "core/net/ApiClient.h"
#include "core/net/SyncSocket.h"
#include "core/store/LocalStore.h"
#include "core/sync/ChatDirectory.h"
#include "core/sync/DeviceDirectory.h"
#include "core/sync/LiveStatus.h"
#include "core/sync/MailboxSync.h"
#include "core/sync/Outbox.h"

#include <QObject>

namespace parley {

// One signed-in account on this device: the root that owns everything it runs (the REST
// client, the socket, the session keeper, the local store and the services over them), so
// that nothing outlives what it calls into (docs/architecture.md, "Client core"). Created at
// login or from a saved session; deleting it stops it all.
class Account : public QObject
{
    Q_OBJECT
public:
    // `profileDir` holds session.json and the store (store-<userId>.db). The session is saved
    // through `vault` (its refresh token in the keychain or a 0600 file); without one, in files
    // of the profile.
    Account(const Session &session, crypto::DeviceKeyPair keys, QString profileDir,
            QObject *parent = nullptr);
    Account(const Session &session, crypto::DeviceKeyPair keys, QString profileDir,
            SecretVault &vault, QObject *parent = nullptr);
    ~Account() override;

    // Opens the store, then keeps the session fresh and the mailbox synced. Ends in `opened` or
    // `failed` (the store cannot be used).
    void start();

    const Session &session() const { return m_keeper.session(); }
    QString profileDir() const { return m_profileDir; }
    QString storePath() const { return storePath(m_profileDir, session().userId); }
    static QString storePath(const QString &profileDir, const QString &userId);
    static QString sessionPath(const QString &profileDir);

    net::ApiClient &api() { return m_api; }
    net::SyncSocket &socket() { return m_socket; }
    SessionKeeper &keeper() { return m_keeper; }
    store::LocalStore &store() { return m_store; }
    sync::DeviceDirectory &devices() { return m_devices; }
    sync::ChatDirectory &chats() { return m_chats; }
    sync::MailboxSync &mailbox() { return m_mailbox; }
    sync::Outbox &outbox() { return m_outbox; }
    sync::LiveStatus &live() { return m_live; }
    UserDirectory &users() { return m_users; }
    PeerCards &cards() { return m_cards; }
    AccountSettings &settings() { return m_settings; }
    contacts::ContactBook &contactBook() { return m_contactBook; }
    SecretVault &secrets() { return *m_vault; }

    // Signs this device out (POST /auth/logout) and forgets the saved session: `ended` with
    // the reason "logged out". Its key and store stay, for the next sign-in.
    void logOut();

Q_SIGNALS:
    void opened();
    void failed(const parley::protocol::Error &error);
    // The server signed this device out (or its refresh token was refused): the saved session
    // is removed.
    void ended(const parley::protocol::Error &reason);

private:
    void onStoreOpened();
    void onRefreshed(const Session &session);
    void connectSocket();

    QString m_profileDir;
    std::unique_ptr<SecretVault> m_ownVault; // when none was given
    SecretVault *m_vault = nullptr;
    net::ApiClient m_api;
    net::SyncSocket m_socket;
    SessionKeeper m_keeper;
    store::LocalStore m_store;
    sync::DeviceDirectory m_devices;
    sync::ChatDirectory m_chats;
    sync::MailboxSync m_mailbox;
    sync::Outbox m_outbox;
    sync::LiveStatus m_live;
    UserDirectory m_users;
    PeerCards m_cards;
    AccountSettings m_settings;
    contacts::ContactBook m_contactBook;
    bool m_connecting = false;
};

} // namespace parley
