#pragma once

#include "core/store/StoreTypes.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTextStream>

namespace parley {
class Account;
}

namespace parley::cli {

// The demo contact of packaging/run.sh (`parley-cli demo`): a real client with its own device
// keys, on the same core as the app, so that one person alone can try every feature. For each
// message it gets it reads it, types for a moment and answers: a welcome the first time, a
// reply quoting questions, a reaction to thanks, greetings and lone emoji, a word on edits and
// deletions, an echo otherwise. Answers are deterministic, one per message, never to its own
// messages, and bounded per chat so two demos cannot talk forever.
class DemoContact : public QObject
{
    Q_OBJECT
public:
    static constexpr int ReadAfterMs = 700;
    static constexpr int TypeAfterMs = 1000;
    static constexpr int AnswerAfterMs = 2200;
    static constexpr int MaxAnswersPerMinute = 20; // per chat
    static inline const QString DefaultName = QStringLiteral("Parley Demo");

    DemoContact(Account &account, QTextStream &log, QObject *parent = nullptr);

    // Sets the display name (once signed in and synced) and starts answering.
    void start(const QString &displayName);

    // What the demo says to a message (empty: nothing), and the emoji it reacts with (empty:
    // none). `first` is the first message of the chat it answers.
    struct Answer
    {
        QString text;
        bool quote = false; // the answer replies to the message, quoting it
        QString reaction;
    };
    static Answer answerFor(const QString &text, bool first);

private:
    void onMessage(const store::StoredMessage &message);
    void onChanged(const store::StoredMessage &message);
    void answer(const store::StoredMessage &message, const Answer &answer);
    bool withinBudget(qint64 chatId);

    Account &m_account;
    QTextStream &m_log;
    QSet<qint64> m_greeted; // chats welcomed in this run
    QHash<qint64, QList<qint64>> m_answeredAt; // chat -> times of recent answers
    QHash<QString, qint64> m_editsSeen; // message id -> edited_at already remarked on
};

} // namespace parley::cli
