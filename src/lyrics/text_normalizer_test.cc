#include "lyrics/text_normalizer.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

TEST(TextNormalizer, LowerCasesAccentedLatinGreekAndCyrillic) {
  EXPECT_EQ(ToLowerUtf8("ÉCOLE Ça"), "école ça");
  EXPECT_EQ(ToLowerUtf8("ÄÖÜ ÀÈÌÒÙ ÑÇ"), "äöü àèìòù ñç");
  EXPECT_EQ(ToLowerUtf8("STRAßE"), "straße");
  EXPECT_EQ(ToLowerUtf8("ŁÓDŹ ŒUVRE Ÿ ẞ"), "łódź œuvre ÿ ß");
  EXPECT_EQ(ToLowerUtf8("ПРИВЕТ ЁЖ"), "привет ёж");
  EXPECT_EQ(ToLowerUtf8("ΑΒΓ Ω"), "αβγ ω");
  EXPECT_EQ(ToLowerUtf8("日本 ×"), "日本 ×");
}

TEST(TextNormalizer, ClassifiesWordAndSpaceCodePoints) {
  EXPECT_TRUE(IsWordCodePoint(U'a'));
  EXPECT_TRUE(IsWordCodePoint(U'7'));
  EXPECT_TRUE(IsWordCodePoint(U'\u00e9'));
  EXPECT_TRUE(IsWordCodePoint(U'\u65e5'));
  EXPECT_FALSE(IsWordCodePoint(U'\''));
  EXPECT_FALSE(IsWordCodePoint(U'\u2026'));      // …
  EXPECT_FALSE(IsWordCodePoint(U'\u00bf'));      // ¿
  EXPECT_FALSE(IsWordCodePoint(U'\U0001F600'));  // emoji
  EXPECT_TRUE(IsSpaceCodePoint(U'\u00a0'));
  EXPECT_FALSE(IsSpaceCodePoint(U'x'));
}

TEST(TextNormalizer, StripsPunctuationAndLowerCases) {
  EXPECT_EQ(SpokenForm("Hello,", "en"), "hello");
  EXPECT_EQ(SpokenForm("\"Über!\"", "de"), "über");
  EXPECT_EQ(SpokenForm("«Bonjour»", "fr"), "bonjour");
  EXPECT_EQ(SpokenForm("¿Qué?", "es"), "qué");
  EXPECT_EQ(SpokenForm("Straße", "de"), "straße");
}

TEST(TextNormalizer, KeepsInnerApostrophesAndDropsOuterOnes) {
  EXPECT_EQ(SpokenForm("Don't,", "en"), "don't");
  EXPECT_EQ(SpokenForm("Don\u2019t", "en"), "don't");
  EXPECT_EQ(SpokenForm("l'amour", "fr"), "l'amour");
  EXPECT_EQ(SpokenForm("to'", "es"), "to");
  EXPECT_EQ(SpokenForm("'cause", "en"), "cause");
}

TEST(TextNormalizer, SplitsHyphenatedWordsIntoTokens) {
  EXPECT_EQ(SpokenForm("Well-known", "en"), "well known");
  EXPECT_EQ(SpokenForm("and/or", "en"), "and or");
  EXPECT_EQ(SpokenForm("rock&roll", "en"), "rock and roll");
  EXPECT_EQ(SpokenForm("&", "fr"), "et");
}

TEST(TextNormalizer, PunctuationOnlyWordsHaveNoSpokenForm) {
  EXPECT_EQ(SpokenForm("-", "en"), "");
  EXPECT_EQ(SpokenForm("...", "en"), "");
  EXPECT_EQ(SpokenForm("\u2014", "en"), "");
  EXPECT_EQ(SpokenForm("\U0001F3B5", "en"), "");
}

TEST(TextNormalizer, SpellsNumbersInTheSheetLanguage) {
  EXPECT_EQ(SpokenForm("21,", "en"), "twenty one");
  EXPECT_EQ(SpokenForm("21", "fr"), "vingt et un");
  EXPECT_EQ(SpokenForm("21", "es"), "veintiuno");
  EXPECT_EQ(SpokenForm("21", "de"), "einundzwanzig");
  EXPECT_EQ(SpokenForm("1999", "en"), "nineteen ninety nine");
  EXPECT_EQ(SpokenForm("1,000", "en"), "one thousand");
  EXPECT_EQ(SpokenForm("1.000", "de"), "tausend");
  EXPECT_EQ(SpokenForm("3.5", "en"), "three five");
  EXPECT_EQ(SpokenForm("007", "en"), "zero zero seven");
  EXPECT_EQ(SpokenForm("4ever", "en"), "four ever");
}

TEST(TextNormalizer, SpellsOrdinalsAndDecades) {
  EXPECT_EQ(SpokenForm("1st", "en"), "first");
  EXPECT_EQ(SpokenForm("22nd", "en"), "twenty second");
  EXPECT_EQ(SpokenForm("1er", "fr"), "premier");
  EXPECT_EQ(SpokenForm("1re", "fr"), "première");
  EXPECT_EQ(SpokenForm("3ème", "fr"), "troisième");
  EXPECT_EQ(SpokenForm("90s", "en"), "nineties");
  EXPECT_EQ(SpokenForm("1990's", "en"), "nineteen nineties");
}

TEST(TextNormalizer, SplitsLineIntoWrittenWords) {
  const std::vector<LyricWord> words = SplitLyricWords("Don't stop - believin'...", "en");
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].text, "Don't");
  EXPECT_EQ(words[0].spoken, "don't");
  EXPECT_EQ(words[1].text, "stop");
  EXPECT_EQ(words[2].text, "believin'...");
  EXPECT_EQ(words[2].spoken, "believin");
  for (const LyricWord& word : words) EXPECT_FALSE(word.optional);
}

TEST(TextNormalizer, KeepsOneWordPerWrittenNumber) {
  const std::vector<LyricWord> words = SplitLyricWords("I'm 21 today", "en");
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[1].text, "21");
  EXPECT_EQ(words[1].spoken, "twenty one");
}

TEST(TextNormalizer, MarksParenthesisedWordsOptional) {
  const std::vector<LyricWord> words = SplitLyricWords("baby (oh yeah) come ( back )", "en");
  ASSERT_EQ(words.size(), 5u);
  EXPECT_FALSE(words[0].optional);
  EXPECT_TRUE(words[1].optional);
  EXPECT_EQ(words[1].text, "(oh");
  EXPECT_EQ(words[1].spoken, "oh");
  EXPECT_TRUE(words[2].optional);
  EXPECT_EQ(words[2].text, "yeah)");
  EXPECT_FALSE(words[3].optional);
  EXPECT_TRUE(words[4].optional);
  EXPECT_EQ(words[4].text, "back");
}

TEST(TextNormalizer, InnerParenthesesDoNotMakeAWordOptional) {
  const std::vector<LyricWord> words = SplitLyricWords("friend(s) oh) ((hey))", "en");
  ASSERT_EQ(words.size(), 3u);
  EXPECT_FALSE(words[0].optional);
  EXPECT_EQ(words[0].spoken, "friend s");
  EXPECT_FALSE(words[1].optional);  // a stray ")" opens nothing
  EXPECT_TRUE(words[2].optional);
}

TEST(TextNormalizer, RecognisesVocablesButNotLoneVowelsOrWords) {
  for (const char* vocable : {"oh", "ooh", "oooooh", "ohh", "ah", "aah", "ahhh", "uh", "eh", "mm",
                              "mmm", "hmm", "ooh ooh", "oo"}) {
    EXPECT_TRUE(IsVocable(vocable)) << vocable;
  }
  for (const char* word : {"o",  "a",   "e",   "y",   "u",  "m",  "h",    "oh no", "yeah", "la",
                           "na", "hey", "ohm", "aha", "ha", "ho", "ooho", "hmmh",  "",     " "}) {
    EXPECT_FALSE(IsVocable(word)) << '"' << word << '"';
  }
  EXPECT_TRUE(IsVocable(std::string(1'000'000, 'o')));  // no recursion per letter
}

TEST(TextNormalizer, MarksVocablesAfterTheSpokenForm) {
  const std::vector<LyricWord> words = SplitLyricWords("Ooh, (AAH) ooh-ooh o soy", "es");
  ASSERT_EQ(words.size(), 5u);
  EXPECT_TRUE(words[0].vocable);
  EXPECT_TRUE(words[1].vocable);
  EXPECT_TRUE(words[1].optional);
  EXPECT_TRUE(words[2].vocable);  // spoken "ooh ooh"
  EXPECT_FALSE(words[3].vocable);
  EXPECT_FALSE(words[4].vocable);
}

}  // namespace
}  // namespace ytl
