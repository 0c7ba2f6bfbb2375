#include "core/protocol/UserPayloads.h"

#include "core/protocol/JsonReader.h"
#include "core/protocol/Limits.h"
#include "core/protocol/RestPayloads.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QUrl>

namespace parley::protocol {

namespace {

Error fieldError(const QString &field, const QString &problem,
                 ErrorCode code = ErrorCode::InvalidField)
{
    return Error{code, QStringLiteral("field '%1' %2").arg(field, problem)};
}

Error parameterError(ErrorCode code, const char *parameter, const QString &problem)
{
    return Error{code, QStringLiteral("parameter '%1' %2").arg(QLatin1String(parameter), problem)};
}

bool present(const QJsonObject &json, const char *field)
{
    const QJsonValue value = json.value(QLatin1String(field));
    return !value.isUndefined() && !value.isNull();
}

QJsonValue orNull(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

// A name or status is shown in other people's lists: line breaks and control characters could
// break or fake that layout. Format characters (U+200D in emoji sequences) stay allowed.
bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        const QChar::Category category = c.category();
        if (category == QChar::Other_Control || category == QChar::Separator_Line
            || category == QChar::Separator_Paragraph)
            return true;
    }
    return false;
}

// A text field of minLength..maxLength UTF-16 units. Absent or null leaves `out` empty.
std::optional<Error> readText(const QJsonObject &json, const char *field, const QString &path,
                              qsizetype minLength, qsizetype maxLength, std::optional<QString> &out)
{
    if (!present(json, field))
        return std::nullopt;
    const QJsonValue value = json.value(QLatin1String(field));
    if (!value.isString())
        return fieldError(path, QStringLiteral("must be a string"));
    QString text = value.toString();
    if (text.size() < minLength || text.size() > maxLength) {
        return fieldError(
            path, QStringLiteral("must be %1 to %2 characters long").arg(minLength).arg(maxLength));
    }
    if (hasControlCharacters(text))
        return fieldError(path, QStringLiteral("must not contain control characters"));
    out = std::move(text);
    return std::nullopt;
}

std::optional<Error> readText(const QJsonObject &json, const char *field, qsizetype minLength,
                              qsizetype maxLength, std::optional<QString> &out)
{
    return readText(json, field, QString::fromLatin1(field), minLength, maxLength, out);
}

std::optional<Error> readMediaId(const QJsonObject &json, bool allowEmpty,
                                 std::optional<QString> &out)
{
    const char *field = "avatarMediaId";
    if (auto error = readText(json, field, allowEmpty ? 0 : 1, limits::MaxMediaIdLength, out))
        return error;
    if (out && !(allowEmpty && out->isEmpty()) && !isMediaId(*out)) {
        return fieldError(QString::fromLatin1(field),
                          QStringLiteral("must be printable ASCII without spaces"));
    }
    return std::nullopt;
}

std::optional<Error> readBoolean(const QJsonObject &json, const char *field, const QString &path,
                                 std::optional<bool> &out)
{
    if (!present(json, field))
        return std::nullopt;
    const QJsonValue value = json.value(QLatin1String(field));
    if (!value.isBool())
        return fieldError(path, QStringLiteral("must be true or false"));
    out = value.toBool();
    return std::nullopt;
}

// Unknown keys in `privacy` are refused rather than ignored (the exception to docs/protocol.md
// 1.3): a misspelt setting must not leave the user believing their last seen is hidden.
std::optional<Error> readPrivacy(const QJsonObject &json, ProfileUpdate &update)
{
    if (!present(json, "privacy"))
        return std::nullopt;
    const QJsonValue value = json.value(QLatin1String("privacy"));
    if (!value.isObject())
        return fieldError(QStringLiteral("privacy"), QStringLiteral("must be an object"));
    const QJsonObject privacy = value.toObject();
    if (auto error
        = readBoolean(privacy, "lastSeen", QStringLiteral("privacy.lastSeen"), update.lastSeen))
        return error;
    if (auto error = readBoolean(privacy, "readReceipts", QStringLiteral("privacy.readReceipts"),
                                 update.readReceipts))
        return error;
    for (const QString &key : privacy.keys()) {
        if (key != QLatin1String("lastSeen") && key != QLatin1String("readReceipts")) {
            return fieldError(QStringLiteral("privacy.") + key.left(limits::MaxIdLength),
                              QStringLiteral("is not a privacy setting"));
        }
    }
    return std::nullopt;
}

// Response arrays may be empty, unlike request arrays (JsonReader::array).
std::optional<Error> readObjects(const QJsonObject &json, const char *field, qsizetype maxItems,
                                 QList<QJsonObject> &out)
{
    const QJsonValue value = json.value(QLatin1String(field));
    if (!value.isArray())
        return fieldError(QString::fromLatin1(field), QStringLiteral("must be an array"));
    const QJsonArray items = value.toArray();
    if (items.size() > maxItems) {
        return fieldError(QString::fromLatin1(field),
                          QStringLiteral("must hold at most %1 items").arg(maxItems),
                          ErrorCode::PayloadTooLarge);
    }
    for (const QJsonValue &item : items) {
        if (!item.isObject()) {
            return fieldError(QString::fromLatin1(field), QStringLiteral("must hold only objects"));
        }
        out.append(item.toObject());
    }
    return std::nullopt;
}

} // namespace

QString userStatusPath(const QString &userId)
{
    return QLatin1String(paths::UsersPrefix) + QString::fromLatin1(QUrl::toPercentEncoding(userId))
        + QLatin1String(paths::StatusSuffix);
}

QString contactHash(const QString &e164)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(e164.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool isContactHash(const QString &text)
{
    if (text.size() != limits::ContactHashLength)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

bool isMediaId(const QString &text)
{
    if (text.isEmpty() || text.size() > limits::MaxMediaIdLength)
        return false;
    for (const QChar c : text) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

std::optional<Error> displayNameProblem(const QString &name)
{
    std::optional<QString> checked;
    const QJsonObject json{{QLatin1String("displayName"), name}};
    if (auto error = readText(json, "displayName", 1, limits::MaxDisplayNameLength, checked))
        return error;
    if (name.trimmed().isEmpty())
        return fieldError(QStringLiteral("displayName"), QStringLiteral("must not be blank"));
    return std::nullopt;
}

QJsonObject UserProfile::toJson() const
{
    const QJsonObject privacyJson{{QLatin1String("lastSeen"), privacy.lastSeen},
                                  {QLatin1String("readReceipts"), privacy.readReceipts}};
    return {{QLatin1String("id"), id},
            {QLatin1String("phoneNumber"), phoneNumber},
            {QLatin1String("displayName"), displayName},
            {QLatin1String("about"), about},
            {QLatin1String("avatarMediaId"), orNull(avatarMediaId)},
            {QLatin1String("email"), orNull(email)},
            {QLatin1String("privacy"), privacyJson}};
}

Result<UserProfile> UserProfile::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    UserProfile profile;
    profile.id = reader.string("id", limits::MaxIdLength);
    profile.phoneNumber = reader.string("phoneNumber", 32);
    JsonReader privacy(reader.object("privacy"), QStringLiteral("privacy"));
    profile.privacy.lastSeen = privacy.boolean("lastSeen");
    profile.privacy.readReceipts = privacy.boolean("readReceipts");
    if (auto error = reader.error() ? reader.error() : privacy.error())
        return *error;
    std::optional<QString> displayName;
    std::optional<QString> about;
    std::optional<Error> error
        = readText(json, "displayName", 0, limits::MaxDisplayNameLength, displayName);
    if (!error)
        error = readText(json, "about", 0, limits::MaxAboutLength, about);
    if (!error)
        error = readMediaId(json, false, profile.avatarMediaId);
    if (!error)
        error = readText(json, "email", 1, limits::MaxEmailLength, profile.email);
    if (error)
        return *error;
    profile.displayName = displayName.value_or(QString());
    profile.about = about.value_or(QString());
    return profile;
}

QJsonObject ProfileUpdate::toJson() const
{
    QJsonObject json;
    if (displayName)
        json.insert(QLatin1String("displayName"), *displayName);
    if (about)
        json.insert(QLatin1String("about"), *about);
    if (avatarMediaId)
        json.insert(QLatin1String("avatarMediaId"), *avatarMediaId);
    QJsonObject privacy;
    if (lastSeen)
        privacy.insert(QLatin1String("lastSeen"), *lastSeen);
    if (readReceipts)
        privacy.insert(QLatin1String("readReceipts"), *readReceipts);
    if (!privacy.isEmpty())
        json.insert(QLatin1String("privacy"), privacy);
    return json;
}

Result<ProfileUpdate> ProfileUpdate::fromJson(const QJsonObject &json)
{
    ProfileUpdate update;
    std::optional<Error> error
        = readText(json, "displayName", 1, limits::MaxDisplayNameLength, update.displayName);
    if (!error && update.displayName)
        error = displayNameProblem(*update.displayName);
    if (!error)
        error = readText(json, "about", 0, limits::MaxAboutLength, update.about);
    if (!error)
        error = readMediaId(json, true, update.avatarMediaId);
    if (!error)
        error = readPrivacy(json, update);
    if (error)
        return *error;
    return update;
}

QUrlQuery UserSearchRequest::toUrlQuery() const
{
    QUrlQuery query;
    // Percent-encoded by hand so that '+' travels as %2B (docs/protocol.md 4.5).
    query.addQueryItem(QStringLiteral("q"),
                       QString::fromLatin1(QUrl::toPercentEncoding(this->query)));
    if (limit != limits::DefaultSearchResults)
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"),
                           QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
    return query;
}

Result<UserSearchRequest> UserSearchRequest::fromUrlQuery(const QUrlQuery &query)
{
    auto value = [&query](const char *name) {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    UserSearchRequest request;
    request.query = value("q").trimmed();
    if (request.query.isEmpty())
        return parameterError(ErrorCode::MissingField, "q", QStringLiteral("is required"));
    if (request.query.size() > limits::MaxSearchQueryLength) {
        return parameterError(
            ErrorCode::InvalidField, "q",
            QStringLiteral("must be at most %1 characters long").arg(limits::MaxSearchQueryLength));
    }
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        const QString text = value("limit");
        bool digits = !text.isEmpty() && text.size() <= 3;
        for (const QChar c : text)
            digits = digits && c >= u'0' && c <= u'9';
        request.limit = digits ? text.toInt() : 0;
        if (request.limit < 1 || request.limit > limits::MaxSearchResults) {
            return parameterError(ErrorCode::InvalidField, "limit",
                                  QStringLiteral("must be a whole number from 1 to %1")
                                      .arg(limits::MaxSearchResults));
        }
    }
    // An empty cursor is the first page; what a cursor holds is the server's business.
    request.cursor = value("cursor");
    if (request.cursor.size() > limits::MaxSearchCursorLength) {
        return parameterError(ErrorCode::InvalidField, "cursor",
                              QStringLiteral("is not a cursor from this server"));
    }
    return request;
}

QJsonObject UserSearchPage::toJson() const
{
    QJsonArray items;
    for (const UserSearchHit &user : users) {
        QJsonObject item{{QLatin1String("id"), user.id},
                         {QLatin1String("displayName"), user.displayName},
                         {QLatin1String("avatarMediaId"), orNull(user.avatarMediaId)}};
        // The key is left out, not null, for name matches: a phone number is never implied.
        if (user.phoneNumber)
            item.insert(QLatin1String("phoneNumber"), *user.phoneNumber);
        items.append(item);
    }
    return {{QLatin1String("users"), items}, {QLatin1String("nextCursor"), orNull(nextCursor)}};
}

Result<UserSearchPage> UserSearchPage::fromJson(const QJsonObject &json)
{
    QList<QJsonObject> items;
    if (auto error = readObjects(json, "users", limits::MaxSearchResults, items))
        return *error;
    UserSearchPage page;
    for (const QJsonObject &item : items) {
        JsonReader reader(item, QStringLiteral("users[]"));
        UserSearchHit hit;
        hit.id = reader.string("id", limits::MaxIdLength);
        if (auto error = reader.error())
            return *error;
        std::optional<QString> displayName;
        std::optional<Error> error
            = readText(item, "displayName", QStringLiteral("users[].displayName"), 0,
                       limits::MaxDisplayNameLength, displayName);
        if (!error)
            error = readText(item, "phoneNumber", QStringLiteral("users[].phoneNumber"), 1, 32,
                             hit.phoneNumber);
        if (!error)
            error = readMediaId(item, false, hit.avatarMediaId);
        if (error)
            return *error;
        hit.displayName = displayName.value_or(QString());
        page.users.append(std::move(hit));
    }
    if (auto error
        = readText(json, "nextCursor", 1, limits::MaxSearchCursorLength, page.nextCursor))
        return *error;
    return page;
}

QJsonObject UserCard::toJson() const
{
    QJsonObject json{{QLatin1String("id"), id},
                     {QLatin1String("displayName"), displayName},
                     {QLatin1String("about"), about},
                     {QLatin1String("avatarMediaId"), orNull(avatarMediaId)}};
    // Left out, not null, when the caller may not see it: a number is never implied.
    if (phoneNumber)
        json.insert(QLatin1String("phoneNumber"), *phoneNumber);
    return json;
}

Result<UserCard> UserCard::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    UserCard card;
    card.id = reader.string("id", limits::MaxIdLength);
    if (auto error = reader.error())
        return *error;
    std::optional<QString> displayName;
    std::optional<QString> about;
    std::optional<Error> error
        = readText(json, "displayName", 0, limits::MaxDisplayNameLength, displayName);
    if (!error)
        error = readText(json, "about", 0, limits::MaxAboutLength, about);
    if (!error)
        error = readText(json, "phoneNumber", 1, 32, card.phoneNumber);
    if (!error)
        error = readMediaId(json, false, card.avatarMediaId);
    if (error)
        return *error;
    card.displayName = displayName.value_or(QString());
    card.about = about.value_or(QString());
    return card;
}

QJsonObject ContactSyncRequest::toJson() const
{
    return {{QLatin1String("hashes"), QJsonArray::fromStringList(hashes)}};
}

Result<ContactSyncRequest> ContactSyncRequest::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    const QJsonArray items = reader.array("hashes", limits::MaxContactHashes);
    if (auto error = reader.error())
        return *error;
    ContactSyncRequest request;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue item = items.at(i);
        if (!item.isString() || !isContactHash(item.toString())) {
            return fieldError(QStringLiteral("hashes[%1]").arg(i),
                              QStringLiteral("must be %1 lower-case hex characters (SHA-256)")
                                  .arg(limits::ContactHashLength));
        }
        request.hashes.append(item.toString());
    }
    return request;
}

QJsonObject ContactSyncResult::toJson() const
{
    QJsonArray items;
    for (const ContactMatch &match : matches) {
        items.append(QJsonObject{{QLatin1String("hash"), match.hash},
                                 {QLatin1String("userId"), match.userId},
                                 {QLatin1String("displayName"), match.displayName}});
    }
    return {{QLatin1String("matches"), items}};
}

Result<ContactSyncResult> ContactSyncResult::fromJson(const QJsonObject &json)
{
    QList<QJsonObject> items;
    if (auto error = readObjects(json, "matches", limits::MaxContactHashes, items))
        return *error;
    ContactSyncResult result;
    for (const QJsonObject &item : items) {
        JsonReader reader(item, QStringLiteral("matches[]"));
        ContactMatch match;
        match.hash = reader.string("hash", limits::ContactHashLength);
        match.userId = reader.string("userId", limits::MaxIdLength);
        if (auto error = reader.error())
            return *error;
        std::optional<QString> displayName;
        if (auto error = readText(item, "displayName", QStringLiteral("matches[].displayName"), 0,
                                  limits::MaxDisplayNameLength, displayName))
            return *error;
        match.displayName = displayName.value_or(QString());
        result.matches.append(std::move(match));
    }
    return result;
}

QJsonObject UserStatus::toJson() const
{
    return {{QLatin1String("userId"), userId},
            {QLatin1String("online"), online},
            {QLatin1String("lastSeen"),
             lastSeen ? QJsonValue(double(*lastSeen)) : QJsonValue(QJsonValue::Null)}};
}

Result<UserStatus> UserStatus::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    UserStatus status;
    status.userId = reader.string("userId", limits::MaxIdLength);
    status.online = reader.boolean("online");
    status.lastSeen = reader.optionalInteger("lastSeen", limits::MaxJsonInteger);
    if (auto error = reader.error())
        return *error;
    return status;
}

} // namespace parley::protocol
