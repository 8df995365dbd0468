#include "lyrics/line_markup.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

TEST(LineMarkup, ReadsBlankLines) {
  EXPECT_EQ(ReadLineMarkup("").kind, LineKind::kBlank);
  EXPECT_EQ(ReadLineMarkup(" \t ").kind, LineKind::kBlank);
  EXPECT_EQ(ReadLineMarkup("\u00a0").kind, LineKind::kBlank);
}

TEST(LineMarkup, ReadsSectionTags) {
  const LineMarkup chorus = ReadLineMarkup("  [Chorus] ");
  EXPECT_EQ(chorus.kind, LineKind::kSectionTag);
  EXPECT_EQ(chorus.text, "chorus");
  EXPECT_EQ(chorus.repeat_count, 1);
  EXPECT_EQ(ReadLineMarkup("[Verse  2: Ann & Bo]").text, "verse 2");
  EXPECT_EQ(ReadLineMarkup("[RÉFRAIN]").text, "réfrain");
}

TEST(LineMarkup, ReadsSectionTagsWithCounts) {
  for (const char* line : {"[Chorus x2]", "[Chorus] (x2)", "[Chorus] x2", "[Chorus (2x)]"}) {
    const LineMarkup markup = ReadLineMarkup(line);
    EXPECT_EQ(markup.kind, LineKind::kSectionTag) << line;
    EXPECT_EQ(markup.text, "chorus") << line;
    EXPECT_EQ(markup.repeat_count, 2) << line;
  }
}

TEST(LineMarkup, ReadsRepeatMarkersAloneOnALine) {
  for (const char* line :
       {"(x2)", "x2", "X2", "[x2]", "\u00d72", "2x", "( x 2 )", "(Repeat x2)", "(repeat)"}) {
    const LineMarkup markup = ReadLineMarkup(line);
    EXPECT_EQ(markup.kind, LineKind::kRepeatMarker) << line;
    EXPECT_EQ(markup.repeat_count, 2) << line;
  }
}

TEST(LineMarkup, RefusesMalformedMarkers) {
  EXPECT_EQ(ParseRepeatMarker("(2)"), std::nullopt);
  EXPECT_EQ(ParseRepeatMarker("x"), std::nullopt);
  EXPECT_EQ(ParseRepeatMarker("x0"), std::nullopt);
  EXPECT_EQ(ParseRepeatMarker("x100"), std::nullopt);
  EXPECT_EQ(ParseRepeatMarker("x 2"), std::nullopt);
  EXPECT_EQ(ParseRepeatMarker("(oh)"), std::nullopt);
  EXPECT_EQ(ParseRepeatMarker("[x12]"), 12);
}

TEST(LineMarkup, SplitsTrailingRepeatMarkerOffLyrics) {
  for (const char* line :
       {"Hey there (x3)", "Hey there x3", "Hey there [x3]", "Hey there \u00d73", "Hey there 3x"}) {
    const LineMarkup markup = ReadLineMarkup(line);
    EXPECT_EQ(markup.kind, LineKind::kLyric) << line;
    EXPECT_EQ(markup.text, "Hey there") << line;
    EXPECT_EQ(markup.repeat_count, 3) << line;
  }
}

TEST(LineMarkup, LeavesOrdinaryLyricsAlone) {
  const LineMarkup markup = ReadLineMarkup("x marks the   spot (oh yeah)");
  EXPECT_EQ(markup.kind, LineKind::kLyric);
  EXPECT_EQ(markup.text, "x marks the spot (oh yeah)");
  EXPECT_EQ(markup.repeat_count, 1);
  EXPECT_EQ(ReadLineMarkup("Catch 22").text, "Catch 22");
}

TEST(LineMarkup, RemovesBracketedNotesFromLyrics) {
  const LineMarkup markup = ReadLineMarkup("I said [laughs] hello [Ann:]");
  EXPECT_EQ(markup.kind, LineKind::kLyric);
  EXPECT_EQ(markup.text, "I said hello");
  EXPECT_EQ(ReadLineMarkup("[a] [b]").text, "");
}

}  // namespace
}  // namespace ytl
