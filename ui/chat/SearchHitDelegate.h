#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace parley::ui {

// A message found by search (models::SearchModel): the chat's name and the time, then the
// message with the words that matched in bold and the accent colour.
class SearchHitDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit SearchHitDelegate(QObject *parent = nullptr);

    void setTerms(const QStringList &terms) { m_terms = terms; }
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The snippet as HTML: around the first match, the matches marked.
    static QString highlighted(const QString &text, const QStringList &terms, const QString &color);

private:
    QStringList m_terms;
};

} // namespace parley::ui
