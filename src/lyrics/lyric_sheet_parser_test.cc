#include "lyrics/lyric_sheet_parser.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

Result<LyricSheet> Parse(std::string_view text, const ParseOptions& options = {}) {
  return ParseLyricSheet(text, "song.txt", options);
}

std::vector<std::string> Spoken(const LyricSheet& sheet) {
  std::vector<std::string> out;
  for (const LyricLine& line : sheet.lines) {
    for (const LyricWord& word : line.words) out.push_back(word.spoken);
  }
  return out;
}

using Words = std::vector<std::string>;

TEST(LyricSheetParser, KeepsLinesAndBlankLineSections) {
  const auto sheet = Parse("Hello, World!\nsecond line\n\nnew part\n");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  ASSERT_EQ(sheet->lines.size(), 3u);
  EXPECT_EQ(sheet->lines[0].text, "Hello, World!");
  EXPECT_EQ(sheet->lines[0].words[1].text, "World!");
  EXPECT_EQ(sheet->lines[0].section, 0);
  EXPECT_EQ(sheet->lines[1].section, 0);
  EXPECT_EQ(sheet->lines[2].section, 1);
  EXPECT_EQ(Spoken(*sheet), (Words{"hello", "world", "second", "line", "new", "part"}));
  EXPECT_EQ(sheet->language, "en");
}

TEST(LyricSheetParser, HandlesCrLfLoneCrAndByteOrderMark) {
  const auto sheet = Parse("\xEF\xBB\xBFone two\r\nthree\rfour\r\n\r\nfive");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(sheet->lines.size(), 4u);
  EXPECT_EQ(sheet->lines[0].words[0].text, "one");
  EXPECT_EQ(sheet->lines[3].section, 1);
  EXPECT_EQ(Spoken(*sheet), (Words{"one", "two", "three", "four", "five"}));
}

TEST(LyricSheetParser, DropsTagsAndExpandsRepeats) {
  const auto sheet = Parse(
      "[Verse 1]\nwalk on (x2)\n\n[Chorus]\nla la\n\n[Verse 2]\nrun\n\n[Chorus]\n\n[Outro "
      "x2]\nbye\n");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(Spoken(*sheet),
            (Words{"walk", "on", "walk", "on", "la", "la", "run", "la", "la", "bye", "bye"}));
  EXPECT_EQ(sheet->lines[0].text, "walk on");
  EXPECT_EQ(sheet->lines.back().section, 5);
}

TEST(LyricSheetParser, MarkerAloneRepeatsTheSection) {
  const auto sheet = Parse("oh no\nnot again\n(x2)\n");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(Spoken(*sheet), (Words{"oh", "no", "not", "again", "oh", "no", "not", "again"}));
}

TEST(LyricSheetParser, ParenthesisedAdLibsAreOptional) {
  const auto sheet = Parse("I love you (oh yeah)\n(whole line here)\n");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  const auto& first = sheet->lines[0].words;
  ASSERT_EQ(first.size(), 5u);
  EXPECT_FALSE(first[2].optional);
  EXPECT_TRUE(first[3].optional);
  EXPECT_TRUE(first[4].optional);
  for (const LyricWord& word : sheet->lines[1].words) EXPECT_TRUE(word.optional) << word.text;
}

TEST(LyricSheetParser, SpellsNumbersInTheGivenLanguage) {
  ParseOptions options;
  options.language = "fr";
  const auto sheet = Parse("j'ai 21 ans en 1999", options);
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  ASSERT_EQ(sheet->lines[0].words.size(), 5u);
  EXPECT_EQ(sheet->lines[0].words[1].text, "21");
  EXPECT_EQ(sheet->lines[0].words[1].spoken, "vingt et un");
  EXPECT_EQ(sheet->lines[0].words[4].spoken, "mille neuf cent quatre vingt dix neuf");
  EXPECT_EQ(sheet->language, "fr");
}

TEST(LyricSheetParser, PunctuationOnlyWordsAndLinesAreDropped) {
  const auto sheet = Parse("wait - what...\n...\n[laughs]\nok");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(sheet->lines.size(), 2u);
  EXPECT_EQ(Spoken(*sheet), (Words{"wait", "what", "ok"}));
}

TEST(LyricSheetParser, RefusesInvalidUtf8NamingTheByte) {
  const std::string text = std::string(112, 'a') + "\xFF rest";
  const auto sheet = Parse(text);
  ASSERT_FALSE(sheet.ok());
  EXPECT_EQ(sheet.status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(sheet.status().message(),
            "lyrics file song.txt is not valid UTF-8 at byte 112; save it as UTF-8");
}

TEST(LyricSheetParser, RefusesEveryKindOfMalformedUtf8) {
  for (const char* text : {"ok \xC0\xAF", "ok \xE2\x82", "ok \x80", "ok \xED\xA0\x80"}) {
    const auto sheet = Parse(text);
    ASSERT_FALSE(sheet.ok()) << text;
    EXPECT_NE(sheet.status().message().find("not valid UTF-8 at byte 3"), std::string::npos);
  }
}

TEST(LyricSheetParser, RefusesSheetsWithNoWords) {
  for (const char* text : {"", "\n\n  \n", "[Chorus]\n\n...\n- - -\n(x2)"}) {
    const auto sheet = Parse(text);
    ASSERT_FALSE(sheet.ok()) << text;
    EXPECT_EQ(sheet.status().code(), Status::Code::kInvalidInput);
    EXPECT_NE(sheet.status().message().find("song.txt has no words to sing"), std::string::npos);
    EXPECT_NE(sheet.status().message().find("give the sung lyrics"), std::string::npos);
  }
}

TEST(LyricSheetParser, EnforcesTheByteLimit) {
  ParseOptions options;
  options.max_bytes = 10;
  EXPECT_TRUE(Parse("0123456789", options).ok());
  const auto sheet = Parse("0123456789a", options);
  ASSERT_FALSE(sheet.ok());
  EXPECT_EQ(sheet.status().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(sheet.status().message().find("song.txt is 11 bytes"), std::string::npos);
  EXPECT_NE(sheet.status().message().find("max_bytes"), std::string::npos);
}

TEST(LyricSheetParser, EnforcesTheLineLimitAsWrittenAndExpanded) {
  ParseOptions options;
  options.max_lines = 3;
  EXPECT_TRUE(Parse("a\nb\nc\n", options).ok());
  const auto written = Parse("a\nb\nc\nd\n", options);
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.status().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(written.status().message().find("has 4 lines"), std::string::npos);
  const auto expanded = Parse("a (x2)\nb x2\n", options);
  ASSERT_FALSE(expanded.ok());
  EXPECT_EQ(expanded.status().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(expanded.status().message().find("repeats"), std::string::npos);
}

TEST(LyricSheetParser, ValidatesOptions) {
  EXPECT_TRUE(ParseOptions{}.Validate().ok());
  for (const char* language : {"", "EN", "english", "e1"}) {
    ParseOptions options;
    options.language = language;
    const Status status = options.Validate();
    EXPECT_EQ(status.code(), Status::Code::kInvalidInput) << language;
    EXPECT_NE(status.message().find("ParseOptions::language"), std::string::npos);
    EXPECT_FALSE(Parse("hello", options).ok());
  }
  ParseOptions no_bytes;
  no_bytes.max_bytes = 0;
  EXPECT_NE(no_bytes.Validate().message().find("max_bytes"), std::string::npos);
  ParseOptions no_lines;
  no_lines.max_lines = 0;
  EXPECT_NE(no_lines.Validate().message().find("max_lines"), std::string::npos);
}

TEST(LyricSheetParser, LrcLineTagsBecomeStartHints) {
  const auto sheet = Parse(
      "[ar: Someone]\n[ti: A Song]\n[00:12.50] Hello, world\n"
      "[00:15.00]<00:15.00> second <00:15.80>line\n");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  ASSERT_EQ(sheet->lines.size(), 2u);
  EXPECT_EQ(sheet->lines[0].text, "Hello, world");
  EXPECT_DOUBLE_EQ(*sheet->lines[0].start_hint_s, 12.5);
  EXPECT_EQ(sheet->lines[1].text, "second line");
  EXPECT_DOUBLE_EQ(*sheet->lines[1].start_hint_s, 15.0);
  EXPECT_EQ(Spoken(*sheet), (Words{"hello", "world", "second", "line"}));
}

TEST(LyricSheetParser, LineWithSeveralTagsIsSungAtEachInTimeOrder) {
  const auto sheet = Parse("[00:10.00][00:30.00]la la\n[00:20.00]verse\n");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  ASSERT_EQ(sheet->lines.size(), 3u);
  EXPECT_EQ(Spoken(*sheet), (Words{"la", "la", "verse", "la", "la"}));
  EXPECT_DOUBLE_EQ(*sheet->lines[1].start_hint_s, 20.0);
  EXPECT_DOUBLE_EQ(*sheet->lines[2].start_hint_s, 30.0);
}

TEST(LyricSheetParser, LrcOffsetShiftsHintsSooner) {
  const auto sheet = Parse("[offset:+500]\n[00:00.20]one\n[00:02.00]two\n");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_DOUBLE_EQ(*sheet->lines[0].start_hint_s, 0.0);
  EXPECT_DOUBLE_EQ(*sheet->lines[1].start_hint_s, 1.5);
}

TEST(LyricSheetParser, GapsAndSectionTagsInTimedSheetsStartSections) {
  const auto sheet = Parse(
      "[00:01.00]one\n[00:02.00]two\n[00:05.00]\n[00:09.00]three\n[Chorus]\n"
      "[00:12.00]four (x2)\nuntimed five\n");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  ASSERT_EQ(sheet->lines.size(), 5u);
  EXPECT_EQ(sheet->lines[1].section, 0);
  EXPECT_EQ(sheet->lines[2].section, 1);
  EXPECT_EQ(sheet->lines[3].section, 2);
  EXPECT_EQ(sheet->lines[3].text, "four");
  EXPECT_EQ(sheet->lines[4].text, "untimed five");
  EXPECT_FALSE(sheet->lines[4].start_hint_s.has_value());
}

TEST(LyricSheetParser, PlainSheetsHaveNoHints) {
  const auto sheet = Parse("[Verse]\nhello\n[laughs] there\n");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  for (const LyricLine& line : sheet->lines) EXPECT_FALSE(line.start_hint_s.has_value());
}

TEST(LyricSheetParser, TimedSheetWithOnlyGapsHasNoWords) {
  const auto sheet = Parse("[ar: x]\n[00:01.00]\n[00:05.00] ...\n");
  ASSERT_FALSE(sheet.ok());
  EXPECT_EQ(sheet.status().code(), Status::Code::kInvalidInput);
}

}  // namespace
}  // namespace ytl
