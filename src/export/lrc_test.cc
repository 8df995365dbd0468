#include <gtest/gtest.h>

#include <cmath>

#include "export/elrc_writer.h"
#include "export/lrc_reader.h"
#include "export/lrc_writer.h"
#include "export/sample_alignment.h"

namespace ytl {
namespace {

// Half a tick, plus slack for binary floating point.
constexpr double kHalfCenti = 0.005 + 1e-9;

Alignment TwoLines(double first_s, double second_s) {
  Alignment alignment;
  testing::AddSampleLine(alignment, first_s, first_s + 1,
                         {{"one", first_s, first_s + 1, 1, false}});
  testing::AddSampleLine(alignment, second_s, second_s + 1,
                         {{"two", second_s, second_s + 1, 1, false}});
  return alignment;
}

TEST(LrcWriter, RoundsToCentiseconds) {
  const std::string lrc = WriteLrc(TwoLines(1.234, 61.236));
  EXPECT_NE(lrc.find("[00:01.23]one\n"), std::string::npos) << lrc;
  EXPECT_NE(lrc.find("[01:01.24]two\n"), std::string::npos) << lrc;
}

TEST(LrcWriter, NeverRoundsALinePastTheNextOne) {
  // 1.996 and 1.9951 share a centisecond; an overlapping earlier line is lowered.
  EXPECT_NE(WriteLrc(TwoLines(1.9951, 1.996)).find("[00:02.00]one\n[00:02.00]two\n"),
            std::string::npos);
  const std::string lrc = WriteLrc(TwoLines(2.0, 1.984));
  EXPECT_NE(lrc.find("[00:01.98]one\n[00:01.98]two\n"), std::string::npos) << lrc;
}

TEST(LrcWriter, KeepsCountingMinutesPast99) {
  EXPECT_NE(WriteLrc(TwoLines(0, 6005.254)).find("[100:05.25]two"), std::string::npos);
}

TEST(LrcWriter, EmptyAlignmentGivesHeaderOnly) {
  EXPECT_EQ(WriteLrc(Alignment{}), "[re:yt-lyrics]\n");
  EXPECT_EQ(WriteElrc(Alignment{}, {"T", "", ""}), "[ti:T]\n[re:yt-lyrics]\n");
}

TEST(ElrcWriter, TagsEveryWordAndTheEnd) {
  const std::string elrc = WriteElrc(TwoLines(1.0, 3.0));
  EXPECT_NE(elrc.find("[00:01.00]<00:01.00>one<00:02.00>\n"), std::string::npos) << elrc;
}

void ExpectNear(double actual, double expected, double tolerance, const std::string& what) {
  EXPECT_LE(std::abs(actual - expected), tolerance) << what << ": " << actual << " vs " << expected;
}

TEST(LrcReader, RoundTripsEnhancedLrcWithinACentisecond) {
  const Alignment original = testing::SampleAlignment();
  const auto read = ParseLrc(WriteElrc(original, {"Title", "Artist", "Album"}));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->song.title, "Title");
  EXPECT_EQ(read->song.album, "Album");
  EXPECT_DOUBLE_EQ(read->alignment.duration_s, 6010);
  ASSERT_EQ(read->alignment.lines.size(), original.lines.size());
  ASSERT_EQ(read->alignment.words.size(), original.words.size());
  for (size_t i = 0; i < original.words.size(); ++i) {
    EXPECT_EQ(read->alignment.words[i].text, original.words[i].text);
    EXPECT_EQ(read->alignment.words[i].line, original.words[i].line);
    ExpectNear(read->alignment.words[i].start_s, original.words[i].start_s, kHalfCenti,
               "word start");
  }
  for (size_t i = 0; i < original.lines.size(); ++i) {
    const TimedLine& line = original.lines[i];
    EXPECT_EQ(read->alignment.lines[i].text, line.text);
    ExpectNear(read->alignment.lines[i].start_s, line.start_s, kHalfCenti, "line start");
    // The closing tag is the last word's end.
    ExpectNear(read->alignment.lines[i].end_s, original.words[line.words.back()].end_s, kHalfCenti,
               "line end");
  }
}

TEST(LrcReader, RoundTripsPlainLrcLineStarts) {
  const Alignment original = testing::SampleAlignment();
  const auto read = ParseLrc(WriteLrc(original));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->alignment.lines.size(), 3u);
  EXPECT_TRUE(read->alignment.words.empty());
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(read->alignment.lines[i].text, original.lines[i].text);
    ExpectNear(read->alignment.lines[i].start_s, original.lines[i].start_s, kHalfCenti, "start");
  }
  EXPECT_DOUBLE_EQ(read->alignment.lines[0].end_s, 3.5);  // runs to the next line
}

TEST(LrcReader, SplitsRepeatedTagsSortsAndAppliesOffset) {
  const auto read = ParseLrc("[offset:+500]\r\n[00:10.00][00:02.00]chorus\n\n[00:05.00]verse\n");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  const auto& lines = read->alignment.lines;
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "chorus");
  EXPECT_DOUBLE_EQ(lines[0].start_s, 1.5);
  EXPECT_EQ(lines[1].text, "verse");
  EXPECT_DOUBLE_EQ(lines[1].end_s, 9.5);
  EXPECT_DOUBLE_EQ(lines[2].start_s, 9.5);
}

TEST(LrcReader, KeepsAnAngleBracketThatIsNoTimeAsText) {
  const auto read = ParseLrc("[00:01.00]I <3 you\n");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->alignment.lines[0].text, "I <3 you");
  EXPECT_TRUE(read->alignment.words.empty());
}

// Found by fuzz/lrc_fuzzer: a line whose text starts with '[' was written as
// "[00:01.00][ti:x]" and could not be read back.
TEST(LrcReader, ReadsABracketAfterTheTimeTagsAsText) {
  const auto read =
      ParseLrc("[00:01.00][Chorus] la\n[00:02.00][00:03.00] [x\n[00:04.00]\r\r[ti:a]\n");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  const auto& lines = read->alignment.lines;
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].text, "[Chorus] la");
  EXPECT_EQ(lines[1].text, "[x");
  EXPECT_EQ(lines[2].text, "[x");
  EXPECT_DOUBLE_EQ(lines[2].start_s, 3.0);
  EXPECT_EQ(read->song.title, "");  // "[ti:a]" after a time tag is text, not a tag
  const auto again = ParseLrc(WriteLrc(read->alignment));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  ASSERT_EQ(again->alignment.lines.size(), 4u);
  EXPECT_EQ(again->alignment.lines[0].text, "[Chorus] la");
  EXPECT_EQ(again->alignment.lines[1].text, "[x");
}

TEST(LrcReader, RejectsMalformedRowsNamingTheRow) {
  for (const char* bad : {"[00:01.00]ok\nno tag here\n", "[00:01.00]ok\n[00:61.00]bad second\n",
                          "[00:01.00]ok\n[00:02.00 unclosed\n", "[ti:x]\n[offset:abc]\n",
                          "[00:01.00]ok\n[00:02.00][00:03.00]<00:02.50>two tags\n"}) {
    const auto read = ParseLrc(bad);
    ASSERT_FALSE(read.ok()) << bad;
    EXPECT_EQ(read.status().code(), Status::Code::kInvalidInput);
    EXPECT_NE(read.status().message().find("row 2"), std::string::npos) << read.status().message();
  }
}

TEST(LrcReader, EmptyTextGivesNoLines) {
  const auto read = ParseLrc("");
  ASSERT_TRUE(read.ok());
  EXPECT_TRUE(read->alignment.lines.empty());
}

}  // namespace
}  // namespace ytl
