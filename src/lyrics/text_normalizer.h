// Turns written lyric text into LyricWords and their spoken forms.
//
// Rules (one LyricWord per written, whitespace-separated word):
//  * `text` keeps the word exactly as written, punctuation included.
//  * `spoken` is lower case (ASCII, Latin-1, Latin Extended-A/Additional,
//    Greek and Cyrillic; "ß" stays "ß"), with punctuation removed. Curly
//    apostrophes become "'". An apostrophe between two letters is kept
//    ("don't", "l'amour" stays one word "l'amour"); leading and trailing
//    ones are dropped ("to'" -> "to", "'cause" -> "cause").
//  * Hyphens, dashes, slashes and other inner punctuation split the spoken
//    form into several space-separated tokens of the SAME word:
//    "well-known" -> "well known". "&" is spoken as the language's "and".
//  * Digits are spelled in the sheet's language (see number_speller.h), so
//    `spoken` may hold several tokens: "21" -> "twenty one". Ordinals "1st",
//    "22nd" (en) and "1er", "2e", "3ème" (fr) are spelled as ordinals; "90s"
//    (en) becomes "nineties"; digit groups "1,000" (en) or "1.000" (any other
//    language) are one number; a run with a leading zero ("007") is read digit by
//    digit; digits glued to letters are split off ("4ever" -> "four ever").
//  * A word whose spoken form is empty ("-", "...", an emoji) is no word.
//  * A word is optional when it lies inside parentheses: "(oh yeah)" gives
//    two optional words; parentheses may span several words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lyrics/lyric_sheet.h"

namespace ytl {

// Lower case of one code point for Latin, Greek and Cyrillic letters; other
// code points are returned unchanged.
char32_t ToLowerCodePoint(char32_t code_point);

// ToLowerCodePoint over a valid UTF-8 string.
std::string ToLowerUtf8(std::string_view text);

// True for letters and digits of any script; false for spaces, punctuation,
// symbols and emoji. The apostrophe is not a word code point.
bool IsWordCodePoint(char32_t code_point);

// True for ASCII and Unicode spaces (no-break space included).
bool IsSpaceCodePoint(char32_t code_point);

// Spoken form of one written word (see the rules above); empty when the word
// has nothing to sing. `written_word` must be valid UTF-8.
std::string SpokenForm(std::string_view written_word, std::string_view language);

// True when every token of `spoken` (a SpokenForm) is a vocable: a syllable
// without meaning, sung on one held vowel: "oh", "ooh", "ah", "aah", "uh",
// "eh", "mm", "hmm" and their lengthened spellings ("ooooh", "ahhh"). A lone
// vowel letter is not one: it is a word in many languages (Spanish "o", "a").
bool IsVocable(std::string_view spoken);

// Splits one lyric line (valid UTF-8, without tags or repeat markers) into
// its sung words, marking parenthesised words optional and vocables.
std::vector<LyricWord> SplitLyricWords(std::string_view line, std::string_view language);

}  // namespace ytl
