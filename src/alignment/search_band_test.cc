#include "alignment/search_band.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

LyricSheet SheetWithHints(std::vector<std::optional<double>> hints, int words_per_line = 2) {
  LyricSheet sheet;
  for (const auto& h : hints) {
    LyricLine line;
    for (int i = 0; i < words_per_line; ++i) line.words.push_back({"w", "w", false});
    line.start_hint_s = h;
    sheet.lines.push_back(line);
  }
  return sheet;
}

TEST(WindowsFromHints, NoHintsMeansNoBand) {
  EXPECT_FALSE(WindowsFromHints(SheetWithHints({std::nullopt, std::nullopt}), 60, {}).has_value());
}

TEST(WindowsFromHints, LinesStayBetweenTheirHintAndTheNextOne) {
  const auto windows = WindowsFromHints(SheetWithHints({10.0, 20.0, 30.0}), 60, {2, 3});
  ASSERT_TRUE(windows.has_value());
  ASSERT_EQ(windows->size(), 6u);
  EXPECT_DOUBLE_EQ((*windows)[0].start_s, 8);   // hint 10 - 2
  EXPECT_DOUBLE_EQ((*windows)[1].end_s, 23);    // next hint 20 + 3
  EXPECT_DOUBLE_EQ((*windows)[2].start_s, 18);  // hint 20 - 2
  EXPECT_DOUBLE_EQ((*windows)[3].end_s, 33);
  EXPECT_DOUBLE_EQ((*windows)[4].start_s, 28);
  EXPECT_DOUBLE_EQ((*windows)[5].end_s, 60);  // last line: to the end of the song
}

TEST(WindowsFromHints, PinsTheFirstPhoneOfEachHintedLine) {
  HintBandConfig config{2, 3, 1};
  const auto windows = WindowsFromHints(SheetWithHints({10.0, std::nullopt}), 60, config);
  ASSERT_TRUE(windows.has_value());
  ASSERT_TRUE((*windows)[0].first_phone_end_s.has_value());
  EXPECT_DOUBLE_EQ(*(*windows)[0].first_phone_end_s, 14);  // 10 + 3 + 1
  EXPECT_FALSE((*windows)[1].first_phone_end_s.has_value());
  EXPECT_FALSE((*windows)[2].first_phone_end_s.has_value());  // unhinted line
}

TEST(WindowsFromHints, UnhintedLinesLieBetweenTheHintedOnes) {
  const auto windows =
      WindowsFromHints(SheetWithHints({std::nullopt, 10.0, std::nullopt, 40.0}, 1), 60, {1, 1});
  ASSERT_TRUE(windows.has_value());
  EXPECT_DOUBLE_EQ((*windows)[0].start_s, 0);
  EXPECT_DOUBLE_EQ((*windows)[0].end_s, 11);
  EXPECT_DOUBLE_EQ((*windows)[2].start_s, 9);
  EXPECT_DOUBLE_EQ((*windows)[2].end_s, 41);
}

TEST(WindowsFromHints, IgnoresHintsOutOfOrderOrOutsideTheSong) {
  const auto windows = WindowsFromHints(SheetWithHints({30.0, 10.0, 90.0}, 1), 60, {0, 0});
  ASSERT_TRUE(windows.has_value());
  // 10 precedes 30 and 90 is past the end: only the first hint counts.
  EXPECT_DOUBLE_EQ((*windows)[1].start_s, 30);
  EXPECT_DOUBLE_EQ((*windows)[2].end_s, 60);
}

TEST(NodeFrameRanges, WordNodesFollowTheirWindowAndFillersSpanTheGap) {
  AlignmentGraph g;
  g.start = g.AddNull();
  g.current_word = 0;
  const int w0 = g.AddHmm({{0, -1, -1}}, SegmentKind::kWord);
  g.current_word = 1;
  const int sil = g.AddHmm({{0, -1, -1}}, SegmentKind::kSilence);
  const int w1 = g.AddHmm({{0, -1, -1}}, SegmentKind::kWord);
  g.current_word = 2;
  const int tail = g.AddHmm({{0, -1, -1}}, SegmentKind::kGarbage);
  g.final = g.AddNull();
  const std::vector<WordWindow> windows{{1.0, 2.0, std::nullopt}, {3.0, 4.0, std::nullopt}};
  // Frames of 0.1 s starting at 0.5 s; 100 frames.
  const auto ranges = NodeFrameRanges(g, windows, 0.5, 0.1, 100);
  ASSERT_EQ(ranges.size(), g.nodes.size());
  EXPECT_EQ(ranges[g.start].first, 0);
  EXPECT_EQ(ranges[w0].first, 5);
  EXPECT_EQ(ranges[w0].last, 15);
  EXPECT_EQ(ranges[w1].first, 25);
  EXPECT_EQ(ranges[w1].last, 35);
  EXPECT_EQ(ranges[sil].first, 5);  // from word 0's window start
  EXPECT_EQ(ranges[sil].last, 35);  // to word 1's window end
  EXPECT_EQ(ranges[tail].first, 25);
  EXPECT_EQ(ranges[tail].last, 99);
}

TEST(NodeFrameRanges, AFirstPhoneEndsByItsWordsDeadline) {
  AlignmentGraph g;
  g.start = g.AddNull();
  g.current_word = 0;
  const int in = g.AddNull(g.AddSegment(SegmentKind::kWord, 0));
  g.Connect(g.start, in, 0);
  const int first = g.AddHmm({{0, -1, -1}}, SegmentKind::kWord);
  const int second = g.AddHmm({{0, -1, -1}}, SegmentKind::kWord);
  g.Connect(in, first, 0);
  g.Connect(first, second, 0);
  g.final = g.AddNull();
  const std::vector<WordWindow> windows{{1.0, 5.0, 2.0}};
  const auto ranges = NodeFrameRanges(g, windows, 0.0, 0.1, 100);
  EXPECT_EQ(ranges[first].first, 10);
  EXPECT_EQ(ranges[first].last, 20);
  EXPECT_EQ(ranges[second].last, 50);
}

}  // namespace
}  // namespace ytl
