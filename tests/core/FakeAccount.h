#pragma once

#include "core/store/LocalStore.h"
#include "core/sync/ChatDirectory.h"
#include "core/sync/DeviceDirectory.h"
#include "core/sync/LiveStatus.h"
#include "core/sync/MailboxSync.h"
#include "core/sync/Outbox.h"
#include "tests/core/FakeTransport.h"

// The client services of one account, built in the order an Account builds them, over the
// fakes and a real store file. Destroying it is a process that ends: what was not committed is
// gone, the file stays.
struct FakeAccount
{
    FakeAccount(const QString &storePath, parley::sync::Identity identity)
        : identity(identity)
        , opened(store.openAndWait(storePath).ok())
        , mailbox(identity, transport, devices, store)
        , outbox(identity, transport, devices, chats, store)
    { }

    parley::sync::Identity identity;
    FakeTransport transport;
    FakeRest rest;
    parley::store::LocalStore store;
    bool opened = false;
    parley::sync::DeviceDirectory devices{rest, store, identity.userId};
    parley::sync::ChatDirectory chats{rest, store};
    parley::sync::LiveStatus live{transport, rest, chats};
    parley::sync::MailboxSync mailbox;
    parley::sync::Outbox outbox;
};
