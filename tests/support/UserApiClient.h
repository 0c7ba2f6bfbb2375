#pragma once

#include "core/protocol/UserPayloads.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestHttp.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class TestClient;

// A parley-server for the users API suites (docs/protocol.md 4.5, 4.12-4.15) and the calls they
// make on it over real HTTP: new accounts, profile updates, searches and status lookups.
class UserApiClient
{
public:
    // An account signed up over HTTP; all empty when the sign-up failed.
    struct Account
    {
        QString token;
        QString userId;
        QString phoneNumber;
    };

    // The bound on every HTTP call, and on waits for the server to notice a change.
    static constexpr int WaitMs = 10000;

    // Numbers libphonenumber accepts, from the 555-01xx range reserved for fiction.
    static QString number(int n);
    static QString percent(const QString &text);

    // Starts the server with ServerProcess's permissive rate limits: the suites sign up dozens
    // of accounts and walk search pages from one address.
    bool start(const QStringList &extraArguments = {});
    ServerProcess &server() { return m_server; }
    // A URL on the server; the path may carry a query.
    QUrl url(const QString &path) const;

    // A new account on the next unused number (or on phoneNumber, in E.164), with that display
    // name when one is given.
    Account signUp(const QString &displayName = {}, const QString &phoneNumber = {});
    // A real client device of a new account, signed in; startMessaging() connects it.
    std::unique_ptr<TestClient> connectedClient(Account &account);
    // Sends the body as it is: the suites also send malformed JSON, which TestHttp::putJson
    // cannot.
    HttpReply put(const QString &path, const QByteArray &body, const QString &token);
    // The account's own profile; empty unless the server answers 200.
    QJsonObject profile(const Account &account);
    HttpReply search(const Account &caller, const QString &q, const QString &extra = {});
    // Every display name found, walking all pages; a single "<error STATUS>" when a page fails.
    QStringList namesFound(const Account &caller, const QString &q);
    // The user's status as the viewer sees it; a default UserStatus unless the server answers 200.
    parley::protocol::UserStatus status(const Account &viewer, const QString &userId);
    bool setLastSeenShared(const Account &account, bool shared);

private:
    ServerProcess m_server;
    int m_nextNumber = 0;
};
