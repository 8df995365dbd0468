// Spells numbers as they are sung, in the lyric sheet's language.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ytl {

// Spells `value` in `language` (ISO 639-1: "en", "fr", "es", "de"; any other
// code falls back to English). Words are separated by single spaces and
// hyphens are never used, so every token can be looked up on its own:
//   en: 21 -> "twenty one", 105 -> "one hundred five" (no "and"),
//       1100..1999 read as years: 1999 -> "nineteen ninety nine",
//       1905 -> "nineteen oh five", 1900 -> "nineteen hundred";
//       2000.. read as cardinals: 2024 -> "two thousand twenty four".
//   fr: 21 -> "vingt et un", 80 -> "quatre vingts", 1999 -> "mille neuf cent
//       quatre vingt dix neuf".
//   es: 21 -> "veintiuno", 21000 -> "veintiún mil".
//   de: written as one word, as German does: 21 -> "einundzwanzig";
//       1100..1999 read as years: 1999 -> "neunzehnhundertneunundneunzig".
// Handles 0..999'999'999 (millions included); larger values are read digit
// by digit, and negative values get the language's "minus" word first.
std::string SpellNumber(long value, std::string_view language);

// Spells the ordinal of `value` (>= 0) for languages that have a written
// ordinal suffix the normalizer recognises: en ("twenty first") and fr
// ("vingt et unième", 1 -> "premier"). Returns nullopt for other languages.
std::optional<std::string> SpellOrdinal(long value, std::string_view language);

}  // namespace ytl
