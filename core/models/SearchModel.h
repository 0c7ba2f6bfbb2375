#pragma once

#include "core/store/StoreTypes.h"

#include <QAbstractListModel>
#include <QTimer>

namespace parley::store {
class LocalStore;
}

namespace parley::models {

// Messages found by the local full-text index (docs/architecture.md, "Search") for what the
// user typed, newest first. The query runs on the store thread, a moment after typing stops;
// an answer to an older query than the latest is dropped.
class SearchModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int MaxHits = 100;
    static constexpr int DebounceMs = 150;

    enum Role {
        ChatIdRole = Qt::UserRole + 1,
        PeerUserIdRole,
        ChatTitleRole,
        BodyRole,
        TimeRole, // ms since the epoch
        MessageIdRole,
        SenderUserIdRole, // "" for this account's own
        OutgoingRole,
    };

    explicit SearchModel(store::LocalStore &store, QObject *parent = nullptr);

    // Starts a search (soon); an empty query clears the hits.
    void setQuery(const QString &query);
    QString query() const { return m_query; }
    // The query's words, normalised as the index has them: what a view highlights.
    QStringList terms() const { return m_terms; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Spans of `text` that match one of `terms` (a word starting with it, compared as the
    // index does: case and accents folded): pairs of start and length, in order.
    static QList<QPair<int, int>> matches(const QString &text, const QStringList &terms);

Q_SIGNALS:
    // The hits of the current query are in.
    void searched();

private:
    void run();

    store::LocalStore &m_store;
    QTimer m_debounce;
    QString m_query;
    QStringList m_terms;
    quint64 m_generation = 0;
    QList<store::SearchHit> m_hits;
};

} // namespace parley::models
