#include "lyrics/lrc_line_tags.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

TEST(LrcLineTags, ReadsOneLineTag) {
  const LrcLineTags tags = ReadLrcLineTags("[01:02.50] Hello there");
  ASSERT_EQ(tags.times_s.size(), 1u);
  EXPECT_DOUBLE_EQ(tags.times_s[0], 62.5);
  EXPECT_EQ(tags.text, "Hello there");
  EXPECT_FALSE(tags.id_tag);
}

TEST(LrcLineTags, ReadsSeveralTagsAndLongMinutes) {
  const LrcLineTags tags = ReadLrcLineTags("[00:12][123:04.125]la la");
  ASSERT_EQ(tags.times_s.size(), 2u);
  EXPECT_DOUBLE_EQ(tags.times_s[0], 12.0);
  EXPECT_DOUBLE_EQ(tags.times_s[1], 123 * 60 + 4.125);
  EXPECT_EQ(tags.text, "la la");
}

TEST(LrcLineTags, StripsEnhancedWordTags) {
  EXPECT_EQ(ReadLrcLineTags("[00:01.00]<00:01.00> Hello <00:01.50>world<00:02.00>").text,
            "Hello world");
  EXPECT_EQ(StripLrcWordTags("a <b> c <00:0x.00>"), "a <b> c <00:0x.00>");
}

TEST(LrcLineTags, RecognisesOnlyLrcIdTags) {
  EXPECT_TRUE(ReadLrcLineTags("[ar: Some Artist]").id_tag);
  EXPECT_TRUE(ReadLrcLineTags("[length: 03:12]").id_tag);
  EXPECT_FALSE(ReadLrcLineTags("[Chorus: Ann]").id_tag);
  EXPECT_FALSE(ReadLrcLineTags("[Verse 1]").id_tag);
  EXPECT_EQ(*ReadLrcLineTags("[offset:+250]").offset_s, 0.25);
  EXPECT_EQ(*ReadLrcLineTags("[offset: -1500]").offset_s, -1.5);
  EXPECT_FALSE(ReadLrcLineTags("[offset:soon]").offset_s.has_value());
}

TEST(LrcLineTags, LeavesPlainAndMalformedLinesAlone) {
  EXPECT_TRUE(ReadLrcLineTags("just words").times_s.empty());
  const LrcLineTags bad = ReadLrcLineTags("[1:75.00] not a time");
  EXPECT_TRUE(bad.times_s.empty());
  EXPECT_EQ(bad.text, "[1:75.00] not a time");
}

}  // namespace
}  // namespace ytl
