#include "core/store/TextIndex.h"

#include <QStringList>

namespace parley::store::TextIndex {

namespace {

bool isMark(char32_t c)
{
    const auto category = QChar::category(c);
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
        || category == QChar::Mark_Enclosing;
}

bool isStandaloneSymbol(char32_t c)
{
    // Emoji and pictographs are "other symbols"; a variation selector or a zero-width joiner
    // inside an emoji sequence is dropped, so "👍🏽" is searched as "👍" "🏽".
    return QChar::category(c) == QChar::Symbol_Other;
}

bool isJoiner(char32_t c)
{
    return c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x0640; // ZWJ, VS1-16, tatweel
}

} // namespace

QString normalize(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const char32_t c : decomposed.toUcs4()) {
        if (isMark(c) || isJoiner(c))
            continue;
        if (isStandaloneSymbol(c)) {
            out += u' ';
            out += QString::fromUcs4(&c, 1);
            out += u' ';
            continue;
        }
        out += QString::fromUcs4(&c, 1);
    }
    return out;
}

QString matchExpression(const QString &query)
{
    // The same split as the tokenizer: letters, digits, private use and symbols make words.
    QStringList terms;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty())
            terms.append(u'"' + word + QStringLiteral("\"*"));
        word.clear();
    };
    for (const char32_t c : normalize(query).toUcs4()) {
        const auto category = QChar::category(c);
        const bool wordChar = QChar::isLetterOrNumber(c) || category == QChar::Other_PrivateUse
            || category == QChar::Symbol_Other;
        if (wordChar)
            word += QString::fromUcs4(&c, 1);
        else
            flush();
    }
    flush();
    return terms.join(u' ');
}

} // namespace parley::store::TextIndex
