#include "tests/support/UserApiClient.h"

#include "tests/support/TestClient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using parley::protocol::UserSearchPage;
using parley::protocol::UserStatus;

QString UserApiClient::number(int n)
{
    return QStringLiteral("+1202555%1").arg(100 + n, 4, 10, QLatin1Char('0'));
}

QString UserApiClient::percent(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

bool UserApiClient::start(const QStringList &extraArguments)
{
    return m_server.start(extraArguments);
}

QUrl UserApiClient::url(const QString &path) const
{
    return m_server.url(path);
}

UserApiClient::Account UserApiClient::signUp(const QString &displayName, const QString &phoneNumber)
{
    const QString phone = phoneNumber.isEmpty() ? number(m_nextNumber++) : phoneNumber;
    if (TestHttp::postJson(url(QStringLiteral("/api/v1/auth/login")),
                           {{QStringLiteral("phoneNumber"), phone}})
            .status
        != 200)
        return {};
    const QJsonObject device{
        {QStringLiteral("name"), QStringLiteral("laptop")},
        {QStringLiteral("publicKey"), QString::fromLatin1(QByteArray(32, 'k').toBase64())}};
    const HttpReply granted
        = TestHttp::postJson(url(QStringLiteral("/api/v1/auth/verify-otp")),
                             {{QStringLiteral("phoneNumber"), phone},
                              {QStringLiteral("code"), m_server.takeCode(phone)},
                              {QStringLiteral("device"), device}});
    const Account account{granted.json().value(QStringLiteral("accessToken")).toString(),
                          granted.json().value(QStringLiteral("userId")).toString(), phone};
    if (!displayName.isEmpty()
        && TestHttp::putJson(url(QStringLiteral("/api/v1/users/profile")),
                             {{QStringLiteral("displayName"), displayName}}, account.token)
                .status
            != 200)
        return {};
    return account;
}

std::unique_ptr<TestClient> UserApiClient::connectedClient(Account &account)
{
    auto client = std::make_unique<TestClient>(m_server.url());
    const QString phone = number(m_nextNumber++);
    if (!client->login(m_server, phone))
        return nullptr;
    account = {client->session().accessToken, client->session().userId, phone};
    return client;
}

HttpReply UserApiClient::put(const QString &path, const QByteArray &body, const QString &token)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url(path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(WaitMs);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QNetworkReply *reply = network.sendCustomRequest(request, "PUT", body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    reply->deleteLater();
    return result;
}

QJsonObject UserApiClient::profile(const Account &account)
{
    const HttpReply reply
        = TestHttp::get(url(QStringLiteral("/api/v1/users/profile")), account.token);
    return reply.status == 200 ? reply.json() : QJsonObject();
}

HttpReply UserApiClient::search(const Account &caller, const QString &q, const QString &extra)
{
    return TestHttp::get(url(QStringLiteral("/api/v1/users/search?q=") + percent(q) + extra),
                         caller.token);
}

QStringList UserApiClient::namesFound(const Account &caller, const QString &q)
{
    QStringList names;
    QString cursor;
    for (int page = 0; page < 100; ++page) {
        const HttpReply reply = search(
            caller, q,
            cursor.isEmpty() ? QString() : QString(QStringLiteral("&cursor=") + percent(cursor)));
        auto parsed = UserSearchPage::fromJson(reply.json());
        if (reply.status != 200 || !parsed)
            return {QStringLiteral("<error %1>").arg(reply.status)};
        for (const auto &user : parsed.value().users)
            names.append(user.displayName);
        if (!parsed.value().nextCursor)
            break;
        cursor = *parsed.value().nextCursor;
    }
    return names;
}

UserStatus UserApiClient::status(const Account &viewer, const QString &userId)
{
    const HttpReply reply = TestHttp::get(
        url(QStringLiteral("/api/v1/users/%1/status").arg(percent(userId))), viewer.token);
    auto parsed = UserStatus::fromJson(reply.json());
    return reply.status == 200 && parsed ? parsed.value() : UserStatus{};
}

bool UserApiClient::setLastSeenShared(const Account &account, bool shared)
{
    const QJsonObject privacy{{QStringLiteral("lastSeen"), shared}};
    return TestHttp::putJson(url(QStringLiteral("/api/v1/users/profile")),
                             {{QStringLiteral("privacy"), privacy}}, account.token)
               .status
        == 200;
}
