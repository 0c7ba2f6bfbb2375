#include "core/models/SearchModel.h"

#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"
#include "core/store/TextIndex.h"

#include <QTextBoundaryFinder>

namespace parley::models {

using protocol::Result;

namespace {
QStringList termsOf(const QString &query)
{
    QStringList terms;
    const QString normal = store::TextIndex::normalize(query).toCaseFolded();
    for (const QString &word : normal.split(u' ', Qt::SkipEmptyParts))
        terms.append(word);
    return terms;
}
} // namespace

SearchModel::SearchModel(store::LocalStore &store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SearchModel::run);
}

void SearchModel::setQuery(const QString &query)
{
    m_query = query.trimmed();
    m_terms = termsOf(m_query);
    ++m_generation;
    if (m_query.isEmpty()) {
        m_debounce.stop();
        beginResetModel();
        m_hits.clear();
        endResetModel();
        Q_EMIT searched();
        return;
    }
    m_debounce.start();
}

void SearchModel::run()
{
    const QString query = m_query;
    const quint64 generation = m_generation;
    m_store.run(
        this,
        [query](store::StoreContext &store) { return store.messages().search(query, MaxHits); },
        [this, generation](Result<QList<store::SearchHit>> hits) {
            if (generation != m_generation)
                return; // the user typed on
            if (!hits) {
                qWarning().noquote() << "cannot search:" << hits.error().message;
                return;
            }
            beginResetModel();
            m_hits = std::move(hits).value();
            endResetModel();
            Q_EMIT searched();
        });
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const store::SearchHit &hit = m_hits.at(index.row());
    const store::StoredMessage &m = hit.message;
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return m.body;
    case ChatIdRole:
        return m.chatId;
    case PeerUserIdRole:
        return hit.peerUserId;
    case ChatTitleRole:
        return hit.chatTitle;
    case TimeRole:
        return m.serverTime > 0 ? m.serverTime : m.sentAt > 0 ? m.sentAt : m.storedAt;
    case MessageIdRole:
        return m.messageId;
    case SenderUserIdRole:
        return m.outgoing ? QString() : m.senderUserId;
    case OutgoingRole:
        return m.outgoing;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return {{ChatIdRole, "chatId"},       {PeerUserIdRole, "peerUserId"},
            {ChatTitleRole, "title"},     {BodyRole, "body"},
            {TimeRole, "time"},           {MessageIdRole, "messageId"},
            {SenderUserIdRole, "sender"}, {OutgoingRole, "outgoing"}};
}

QList<QPair<int, int>> SearchModel::matches(const QString &text, const QStringList &terms)
{
    QList<QPair<int, int>> spans;
    if (terms.isEmpty())
        return spans;
    QTextBoundaryFinder words(QTextBoundaryFinder::Word, text);
    int start = 0;
    while (start < text.size()) {
        int end = int(words.toNextBoundary());
        if (end <= start)
            break;
        const QString word = text.mid(start, end - start);
        const QString normal = store::TextIndex::normalize(word).toCaseFolded().trimmed();
        if (!normal.isEmpty()) {
            for (const QString &term : terms) {
                if (normal.startsWith(term)) {
                    spans.append({start, end - start});
                    break;
                }
            }
        }
        start = end;
    }
    return spans;
}

} // namespace parley::models
