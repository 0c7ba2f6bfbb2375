#include "app/cli/DemoContact.h"

#include "core/account/Account.h"
#include "core/protocol/Plaintext.h"
#include "core/protocol/UserPayloads.h"

#include <QDateTime>
#include <QTimer>

namespace parley::cli {

namespace {
constexpr qint64 MinuteMs = 60 * 1000;

bool containsWord(const QString &text, std::initializer_list<const char *> words)
{
    const QString lower = text.toLower();
    for (const char *word : words) {
        if (lower.contains(QLatin1String(word)))
            return true;
    }
    return false;
}
} // namespace

DemoContact::DemoContact(Account &account, QTextStream &log, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_log(log)
{ }

void DemoContact::start(const QString &displayName)
{
    protocol::ProfileUpdate update;
    update.displayName = displayName;
    update.about = tr("I answer every message, so you can try Parley on your own.");
    m_account.api().put(
        QLatin1String(protocol::paths::UserProfile), update.toJson(), this,
        [this](protocol::Result<QJsonObject> saved) {
            if (!saved)
                m_log << tr("demo: cannot set the name: %1").arg(saved.error().message) << Qt::endl;
        });
    connect(&m_account.mailbox(), &sync::MailboxSync::messageReceived, this,
            &DemoContact::onMessage);
    connect(&m_account.mailbox(), &sync::MailboxSync::messageChanged, this,
            &DemoContact::onChanged);
    m_log << tr("demo: %1 answers messages; stop with Ctrl+C.").arg(displayName) << Qt::endl;
}

DemoContact::Answer DemoContact::answerFor(const QString &text, bool first)
{
    Answer a;
    const QString trimmed = text.trimmed();
    if (first) {
        a.text = tr("Hi! I'm the Parley demo contact: everything you send me is end-to-end "
                    "encrypted, so the server only ever sees ciphertext.\n"
                    "Things to try: right-click a message to reply, react, edit or delete it; "
                    "ask me a question; send a single emoji; search your chats with Ctrl+F.");
        return a;
    }
    if (protocol::isSingleEmoji(trimmed)) {
        a.reaction = trimmed;
        a.text = tr("Same to you!");
        return a;
    }
    if (containsWord(trimmed, {"thank", "thx", "gracias", "obrigad", "شكرا"})) {
        a.reaction = QStringLiteral("\u2764\uFE0F");
        a.text = tr("You're welcome!");
        return a;
    }
    if (containsWord(trimmed, {"hello", "hi ", "hey", "hola", "olá", "مرحبا"})
        || trimmed.compare(QLatin1String("hi"), Qt::CaseInsensitive) == 0) {
        a.reaction = QStringLiteral("\U0001F44B");
        a.text = tr("Hello! Nice to hear from you.");
        return a;
    }
    if (trimmed.endsWith(u'?') || trimmed.endsWith(u'\u061F')) {
        a.quote = true;
        a.text = tr("Good question! I'm only a demo, but this is what a reply that quotes your "
                    "message looks like. Click the quote to jump to it.");
        return a;
    }
    a.quote = trimmed.size() > 80;
    a.text = tr("You said: \u201C%1\u201D").arg(trimmed.left(200));
    a.reaction = trimmed.size() > 80 ? QStringLiteral("\U0001F44D") : QString();
    return a;
}

bool DemoContact::withinBudget(qint64 chatId)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<qint64> &times = m_answeredAt[chatId];
    times.removeIf([now](qint64 at) { return at < now - MinuteMs; });
    if (times.size() >= MaxAnswersPerMinute)
        return false;
    times.append(now);
    return true;
}

void DemoContact::onMessage(const store::StoredMessage &message)
{
    if (message.outgoing || message.kind != store::MessageKind::Text || message.deletedAt > 0)
        return;
    if (!withinBudget(message.chatId)) {
        m_log << tr("demo: too many messages in chat %1; this one is not answered")
                     .arg(message.chatId)
              << Qt::endl;
        return;
    }
    const bool first = !m_greeted.contains(message.chatId);
    m_greeted.insert(message.chatId);
    answer(message, answerFor(message.body, first));
}

void DemoContact::onChanged(const store::StoredMessage &message)
{
    if (message.outgoing || message.kind != store::MessageKind::Text)
        return;
    if (message.deletedAt > 0) {
        if (!withinBudget(message.chatId))
            return;
        Answer a;
        a.text = tr("I saw that: a message deleted for everyone leaves no trace on the server.");
        answer(message, a);
        return;
    }
    // Edits, once per edit (reactions change messages too, and are not remarked on).
    if (message.editedAt == 0 || m_editsSeen.value(message.messageId) == message.editedAt)
        return;
    m_editsSeen.insert(message.messageId, message.editedAt);
    if (!withinBudget(message.chatId))
        return;
    Answer a;
    a.quote = true;
    a.text = tr("You edited this message: now it says \u201C%1\u201D.").arg(message.body.left(200));
    answer(message, a);
}

void DemoContact::answer(const store::StoredMessage &message, const Answer &answer)
{
    // Like a person: it reads, starts typing, then answers.
    const QString peer = message.senderUserId;
    const qint64 chatId = message.chatId;
    const qint64 row = message.row;
    QTimer::singleShot(ReadAfterMs, this, [this, chatId] { m_account.outbox().markRead(chatId); });
    if (!answer.reaction.isEmpty() && message.deletedAt == 0) {
        QTimer::singleShot(ReadAfterMs, this, [this, row, reaction = answer.reaction] {
            m_account.outbox().react(row, reaction);
        });
    }
    if (answer.text.isEmpty())
        return;
    QTimer::singleShot(TypeAfterMs, this, [this, peer] { m_account.live().setTyping(peer, true); });
    QTimer::singleShot(AnswerAfterMs, this, [this, peer, row, answer, deleted = message.deletedAt] {
        const QString id = answer.quote && deleted == 0
            ? m_account.outbox().reply(row, answer.text)
            : m_account.outbox().sendText(peer, answer.text);
        m_log << tr("demo: answered %1 with %2").arg(peer, id) << Qt::endl;
    });
}

} // namespace parley::cli
