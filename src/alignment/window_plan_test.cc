#include "alignment/window_plan.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

TEST(VoicedStretches, MergesRegionsAcrossShortGaps) {
  VocalActivity va;
  va.regions = {{1, 2}, {3, 5}, {20, 30}, {31, 40}};
  const auto s = VoicedStretches(va, 50, 4.0);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_DOUBLE_EQ(s[0].start_s, 1);
  EXPECT_DOUBLE_EQ(s[0].end_s, 5);
  EXPECT_DOUBLE_EQ(s[1].start_s, 20);
  EXPECT_DOUBLE_EQ(s[1].end_s, 40);
}

TEST(AssignLines, PutsLinesInTheStretchOfTheirCoarseTimesInOrder) {
  LyricSheet sheet;
  for (int l = 0; l < 3; ++l) {
    LyricLine line;
    line.words = {{"a", "a", false}, {"b", "b", false}};
    sheet.lines.push_back(line);
  }
  std::vector<WordPlacement> coarse = {{true, 1, 2, 1},   {true, 2, 3, 1}, {true, 21, 22, 1},
                                       {true, 22, 23, 1}, {true, 3, 4, 1}, {true, 4, 5, 1}};
  const auto w = AssignLines(sheet, coarse, {{0, 10}, {20, 30}});
  ASSERT_EQ(w.size(), 1u + 0u + 1u) << "line 2 cannot go back before line 1";
  EXPECT_EQ(w[0].first_word, 0u);
  EXPECT_EQ(w[0].last_word, 2u);
  EXPECT_EQ(w[1].first_word, 2u);
  EXPECT_EQ(w[1].last_word, 6u);
  EXPECT_LE(w[1].start_s, 3.0);
}

}  // namespace
}  // namespace ytl

namespace ytl {
namespace {

// Words fall where their share of the phones falls in the sung time, skipping the gap between
// stretches, widened by the slack and kept inside the song.
TEST(ProportionalWindows, FollowThePhonesThroughTheSungTime) {
  const std::vector<TimeStretch> sung = {{10, 30}, {50, 70}};  // 40 s sung, a 20 s break
  const std::vector<WordWindow> w = ProportionalWindows({1, 3, 4}, sung, 100, 5);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_DOUBLE_EQ(w[0].start_s, 5);   // phones 0-1 of 8: 10 s + 0 s, less the slack
  EXPECT_DOUBLE_EQ(w[0].end_s, 20);    // 1/8 of 40 s = 5 s into the first stretch, + 5
  EXPECT_DOUBLE_EQ(w[1].start_s, 10);  // 15 s, less 5
  EXPECT_DOUBLE_EQ(w[1].end_s, 35);    // 4/8 = 20 s sung: the first stretch's end, + 5
  EXPECT_DOUBLE_EQ(w[2].start_s, 25);  // the same point, less 5 (not in the break)
  EXPECT_DOUBLE_EQ(w[2].end_s, 75);    // the end of the sung time, + 5
  const std::vector<WordWindow> wide = ProportionalWindows({1, 1}, sung, 100, 500);
  EXPECT_DOUBLE_EQ(wide[0].start_s, 0);
  EXPECT_DOUBLE_EQ(wide[1].end_s, 100);
}

}  // namespace
}  // namespace ytl
