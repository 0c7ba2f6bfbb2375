#pragma once

#include <QString>

namespace parley::store::TextIndex {

// The form in which text is indexed and searched (docs/architecture.md, "Search"): compatibility
// decomposition with every combining mark removed (accents: "café" finds "cafe"; Arabic vowel
// marks and the tatweel: "مرحبا" finds "مَرْحَبًا"), and each emoji or other symbol as a word of
// its own, so that a search for it finds it inside a word. Case is folded by the tokenizer.
QString normalize(const QString &text);

// An FTS5 MATCH expression for what a user typed: every word must appear, each as a prefix
// ("hel wor" finds "Hello world"). Quotes and FTS operators in the input are plain text.
// Empty when the query has no words.
QString matchExpression(const QString &query);

} // namespace parley::store::TextIndex
