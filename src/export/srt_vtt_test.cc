#include <gtest/gtest.h>

#include <cmath>

#include "export/sample_alignment.h"
#include "export/srt_reader.h"
#include "export/srt_writer.h"
#include "export/vtt_reader.h"
#include "export/vtt_writer.h"

namespace ytl {
namespace {

// Half a tick, plus slack for binary floating point.
constexpr double kHalfMilli = 0.0005 + 1e-9;

TEST(SrtWriter, WritesNumberedCuesWithCommaMillis) {
  Alignment alignment;
  testing::AddSampleLine(alignment, 3723.0044, 3725.5, {{"hour", 3723.0044, 3725.5, 1, false}});
  EXPECT_EQ(WriteSrt(alignment), "1\n01:02:03,004 --> 01:02:05,500\nhour\n");
}

TEST(SrtWriter, SkipsLinesWithoutTextAndEmptyAlignment) {
  Alignment alignment;
  testing::AddSampleLine(alignment, 1, 2, {});
  EXPECT_EQ(WriteSrt(alignment), "");
  EXPECT_EQ(WriteSrt(Alignment{}), "");
}

TEST(SrtReader, RoundTripsLinesToTheMillisecond) {
  const Alignment original = testing::SampleAlignment();
  const auto read = ParseSrt(WriteSrt(original));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->lines.size(), original.lines.size());
  for (size_t i = 0; i < original.lines.size(); ++i) {
    EXPECT_EQ(read->lines[i].text, original.lines[i].text);
    EXPECT_NEAR(read->lines[i].start_s, original.lines[i].start_s, kHalfMilli);
    EXPECT_NEAR(read->lines[i].end_s, original.lines[i].end_s, kHalfMilli);
  }
}

TEST(SrtReader, JoinsMultiRowCuesAndRejectsBadTiming) {
  const auto read = ParseSrt(
      "\xEF\xBB\xBF"
      "1\r\n00:00:01,000 --> 00:00:02,000\r\na\r\nb\r\n");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->lines[0].text, "a b");
  const auto bad = ParseSrt("1\n00:00:01,000 --> 00:00:02,000\na\n\n2\n00:00:03.000 --> x\nb\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("row 6"), std::string::npos) << bad.status().message();
  EXPECT_FALSE(ParseSrt("1\n00:00:05,000 --> 00:00:02,000\nend before start\n").ok());
}

TEST(VttWriter, TagsEveryWordButTheFirstAndEscapes) {
  const std::string vtt = WriteVtt(testing::SampleAlignment());
  EXPECT_EQ(vtt.rfind("WEBVTT\n\n", 0), 0u);
  EXPECT_NE(vtt.find("Ask <00:00:03.800>{not} <00:00:04.200>a\\b <00:00:04.500>&amp; "
                     "<00:00:04.600>&lt;tag&gt;\n"),
            std::string::npos)
      << vtt;
  EXPECT_NE(vtt.find("01:40:05.254 --> 01:40:07.500\n"), std::string::npos);
}

TEST(VttWriter, OptionalClassSpansAndPlainCues) {
  Alignment alignment;
  testing::AddSampleLine(alignment, 1, 2, {{"a", 1, 1.5, 1, false}, {"b", 1.5, 2, 1, false}});
  EXPECT_NE(WriteVtt(alignment, {.word_timestamps = true, .class_spans = true})
                .find("<c>a</c> <00:00:01.500><c>b</c>\n"),
            std::string::npos);
  EXPECT_NE(WriteVtt(alignment, {.word_timestamps = false, .class_spans = false}).find("\na b\n"),
            std::string::npos);
  EXPECT_EQ(WriteVtt(Alignment{}), "WEBVTT\n");
}

TEST(VttReader, RoundTripsWordStartsToTheMillisecond) {
  const Alignment original = testing::SampleAlignment();
  for (bool spans : {false, true}) {
    const auto read = ParseVtt(WriteVtt(original, {.word_timestamps = true, .class_spans = spans}));
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    ASSERT_EQ(read->lines.size(), original.lines.size());
    ASSERT_EQ(read->words.size(), original.words.size());
    for (size_t i = 0; i < original.words.size(); ++i) {
      EXPECT_EQ(read->words[i].text, original.words[i].text);
      EXPECT_EQ(read->words[i].line, original.words[i].line);
      EXPECT_NEAR(read->words[i].start_s, original.words[i].start_s, kHalfMilli);
    }
    EXPECT_EQ(read->lines[1].text, original.lines[1].text);
    EXPECT_NEAR(read->lines[2].end_s, 6007.5, kHalfMilli);
  }
}

TEST(VttReader, SkipsNotesAndIdentifiers) {
  const auto read = ParseVtt(
      "WEBVTT - lyrics\nKind: captions\n\nNOTE a comment\nspanning rows\n\nintro\n"
      "00:01.000 --> 00:02.000 align:start\nhello\n");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->lines.size(), 1u);
  EXPECT_EQ(read->lines[0].text, "hello");
  EXPECT_TRUE(read->words.empty());
  EXPECT_DOUBLE_EQ(read->lines[0].start_s, 1.0);
}

TEST(VttReader, RejectsMissingHeaderAndBadTiming) {
  EXPECT_FALSE(ParseVtt("").ok());
  EXPECT_FALSE(ParseVtt("WEBVTTX\n").ok());
  const auto bad = ParseVtt("WEBVTT\n\nid\n00:01.000 -> 00:02.000\ntext\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("row 4"), std::string::npos) << bad.status().message();
}

}  // namespace
}  // namespace ytl
