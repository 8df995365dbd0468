#include <gtest/gtest.h>

#include "export/json_reader.h"
#include "export/json_writer.h"
#include "export/sample_alignment.h"

namespace ytl {
namespace {

// Half a tick, plus slack for binary floating point.
constexpr double kHalfMilli = 0.0005 + 1e-9;

TEST(AlignmentJson, RoundTripsWithinAMillisecond) {
  Alignment original = testing::SampleAlignment();
  original.mode = SyncMode::kTranscribed;
  original.lyrics_source = "transcribed";
  const auto read = ParseAlignmentJson(WriteAlignmentJson(original));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->source, original.source);
  EXPECT_EQ(read->mode, SyncMode::kTranscribed);
  EXPECT_EQ(read->lyrics_source, "transcribed");
  EXPECT_DOUBLE_EQ(read->duration_s, original.duration_s);
  EXPECT_NEAR(read->timings_s.at("align"), 1.2345, kHalfMilli);
  ASSERT_EQ(read->lines.size(), original.lines.size());
  ASSERT_EQ(read->words.size(), original.words.size());
  for (size_t i = 0; i < original.lines.size(); ++i) {
    EXPECT_EQ(read->lines[i].text, original.lines[i].text);
    EXPECT_EQ(read->lines[i].words, original.lines[i].words);
    EXPECT_NEAR(read->lines[i].end_s, original.lines[i].end_s, kHalfMilli);
  }
  for (size_t i = 0; i < original.words.size(); ++i) {
    const TimedWord& a = read->words[i];
    const TimedWord& b = original.words[i];
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.line, b.line);
    EXPECT_EQ(a.interpolated, b.interpolated);
    EXPECT_NEAR(a.start_s, b.start_s, kHalfMilli);
    EXPECT_NEAR(a.end_s, b.end_s, kHalfMilli);
    EXPECT_NEAR(a.confidence, b.confidence, kHalfMilli);
  }
}

TEST(AlignmentJson, RoundsTimesToMilliseconds) {
  Alignment alignment;
  testing::AddSampleLine(alignment, 1.23456, 2, {{"w", 1.23456, 2, 0.123456, false}});
  const std::string json = WriteAlignmentJson(alignment);
  EXPECT_NE(json.find("\"start_s\": 1.235"), std::string::npos) << json;
  EXPECT_EQ(json.find("1.23456"), std::string::npos) << json;
}

// Found by alignment_json_fuzzer: a timing of -1e308 s (any JSON number the reader accepts)
// was rounded through * 1000, which overflowed to -infinity, written as null, and the file
// no longer read back.
TEST(AlignmentJson, HugeTimesStayNumbersAndReadBack) {
  Alignment original = testing::SampleAlignment();
  original.timings_s["decode"] = -1e308;
  original.words.front().start_s = 1e300;
  original.lines.front().end_s = 4.5e12;
  const std::string written = WriteAlignmentJson(original);
  EXPECT_EQ(written.find("null"), std::string::npos) << written;
  const auto read = ParseAlignmentJson(written);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_DOUBLE_EQ(read->timings_s.at("decode"), -1e308);
  EXPECT_DOUBLE_EQ(read->words.front().start_s, 1e300);
  EXPECT_DOUBLE_EQ(read->lines.front().end_s, 4.5e12);
}

TEST(AlignmentJson, EmptyAlignmentRoundTrips) {
  const std::string json = WriteAlignmentJson(Alignment{});
  EXPECT_NE(json.find("\"lines\": []"), std::string::npos) << json;
  const auto read = ParseAlignmentJson(json);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_TRUE(read->lines.empty());
  EXPECT_EQ(read->mode, SyncMode::kAligned);
}

TEST(AlignmentJson, ReplacesInvalidUtf8InsteadOfFailing) {
  Alignment alignment;
  testing::AddSampleLine(alignment, 0, 1, {{"bad\xFF", 0, 1, 1, false}});
  EXPECT_NE(WriteAlignmentJson(alignment).find("bad\xEF\xBF\xBD"), std::string::npos);
}

TEST(AlignmentJson, IgnoresUnknownFields) {
  const auto read = ParseAlignmentJson(
      R"({"lines": [{"text": "a", "start_s": 1, "end_s": 2, "style": "x",
          "words": [{"text": "a", "start_s": 1, "end_s": 2}]}], "version": 3})");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->words.size(), 1u);
  EXPECT_DOUBLE_EQ(read->words[0].confidence, 0);
}

TEST(AlignmentJson, KeepsLrclibLyricsSourceAndDefaultsOldDocuments) {
  Alignment original = testing::SampleAlignment();
  original.lyrics_source = "lrclib";
  const auto read = ParseAlignmentJson(WriteAlignmentJson(original));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->lyrics_source, "lrclib");
  const auto old_aligned = ParseAlignmentJson(R"({"lines": [], "mode": "aligned"})");
  ASSERT_TRUE(old_aligned.ok());
  EXPECT_EQ(old_aligned->lyrics_source, "user");
  const auto old_transcribed = ParseAlignmentJson(R"({"lines": [], "mode": "transcribed"})");
  ASSERT_TRUE(old_transcribed.ok());
  EXPECT_EQ(old_transcribed->lyrics_source, "transcribed");
}

TEST(AlignmentJson, RejectsMalformedInputNamingTheField) {
  const std::pair<const char*, const char*> cases[] = {
      {"{not json", "not valid JSON"},
      {"[1, 2]", "(document)"},
      {R"({"source": "x"})", "\"lines\""},
      {R"({"lines": [], "mode": "guessed"})", "\"mode\""},
      {R"({"lines": [], "lyrics_source": "radio"})", "\"lyrics_source\""},
      {R"({"lines": [{"text": "a", "start_s": "1", "end_s": 2}]})", "lines[0].start_s"},
      {R"({"lines": [{"text": "a", "start_s": 1, "end_s": -2}]})", "lines[0].end_s"},
      {R"({"lines": [{"text": "a", "start_s": 1, "end_s": 2, "words": [{"text": 5}]}]})",
       "lines[0].words[0].text"},
      {R"({"lines": [], "words": [{"text": "a"}]})", "\"words\""},
      {R"({"lines": [], "timings_s": {"align": "slow"}})", "timings_s.align"},
  };
  for (const auto& [text, field] : cases) {
    const auto read = ParseAlignmentJson(text);
    ASSERT_FALSE(read.ok()) << text;
    EXPECT_EQ(read.status().code(), Status::Code::kInvalidInput);
    EXPECT_NE(read.status().message().find(field), std::string::npos)
        << text << " -> " << read.status().message();
  }
}

}  // namespace
}  // namespace ytl
