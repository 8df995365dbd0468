#include "recognition/whisper_words.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

WhisperToken Token(std::string text, std::int64_t t0, std::int64_t t1, float p = 0.8f,
                   bool special = false) {
  return {std::move(text), t0, t1, p, special};
}

TEST(WhisperWords, MergesWordPiecesAndShiftsTimes) {
  const auto words = MergeTokensIntoWords(
      {Token("[_BEG_]", 0, 0, 1, true), Token(" Hel", 10, 30), Token("lo", 30, 50, 0.6f),
       Token(",", 50, 52), Token(" world", 60, 120)},
      /*offset_s=*/10.0, /*clip_s=*/5.0);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].text, "Hello,");
  EXPECT_DOUBLE_EQ(words[0].start_s, 10.1);
  EXPECT_DOUBLE_EQ(words[0].end_s, 10.52);
  EXPECT_NEAR(words[0].confidence, (0.8 + 0.6 + 0.8) / 3, 1e-6);
  EXPECT_EQ(words[1].text, "world");
  EXPECT_DOUBLE_EQ(words[1].start_s, 10.6);
}

TEST(WhisperWords, KeepsTimesMonotoneClippedAndNonEmpty) {
  const auto words = MergeTokensIntoWords(
      {Token(" one", 100, 200), Token(" two", 150, 150), Token(" three", 400, 900)}, 0.0, 5.0);
  ASSERT_EQ(words.size(), 3u);
  EXPECT_GE(words[1].start_s, words[0].end_s);
  EXPECT_GT(words[1].end_s, words[1].start_s);
  EXPECT_DOUBLE_EQ(words[2].end_s, 5.0);
}

TEST(WhisperWords, DropsNotesAndPunctuationOnlyWords) {
  const auto words = MergeTokensIntoWords(
      {Token(" [Music]", 0, 100), Token(" \xE2\x99\xAA", 100, 120), Token(" (upbeat", 120, 130),
       Token(" music)", 130, 140), Token(" ...", 140, 150), Token(" sing", 150, 200)},
      0.0, 10.0);
  ASSERT_EQ(words.size(), 3u);  // "(upbeat" and "music)" are separate words, kept
  EXPECT_EQ(words.back().text, "sing");
}

TEST(WhisperWords, EmptyTokenStreamGivesNoWords) {
  EXPECT_TRUE(MergeTokensIntoWords({}, 0.0, 1.0).empty());
  EXPECT_TRUE(MergeTokensIntoWords({Token("<|endoftext|>", 0, 0, 1, true)}, 0.0, 1.0).empty());
}

TEST(WhisperWords, FlagsCreditsAndOneWordLoops) {
  EXPECT_TRUE(IsLikelyHallucination(" Thanks for watching!", ""));
  EXPECT_TRUE(IsLikelyHallucination("Subtitles by the Amara.org community", ""));
  EXPECT_TRUE(IsLikelyHallucination(" ...", ""));
  EXPECT_TRUE(IsLikelyHallucination(" Oh.", "oh"));
  EXPECT_FALSE(IsLikelyHallucination(" I will always love you", "I will always love you"));
  EXPECT_FALSE(IsLikelyHallucination(" Oh", "yeah"));
}

}  // namespace
}  // namespace ytl
