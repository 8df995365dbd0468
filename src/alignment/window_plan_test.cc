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
