#include "alignment/word_placement.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

LyricSheet Sheet(const std::vector<std::vector<std::string>>& lines) {
  LyricSheet s;
  for (const auto& words : lines) {
    LyricLine line;
    for (const auto& w : words) line.words.push_back({w, w, false});
    s.lines.push_back(line);
  }
  return s;
}

TEST(AssembleAlignment, InterpolatesUnplacedWordsBetweenNeighbours) {
  const LyricSheet sheet = Sheet({{"aa", "bb", "cc"}, {"dd"}});
  std::vector<WordPlacement> p(4);
  p[0] = {true, 1.0, 2.0, 0.9};
  p[3] = {true, 4.0, 5.0, 0.8};
  const Alignment a = AssembleAlignment(sheet, p, 0.0, 10.0);
  ASSERT_EQ(a.words.size(), 4u);
  EXPECT_FALSE(a.words[0].interpolated);
  EXPECT_TRUE(a.words[1].interpolated);
  EXPECT_DOUBLE_EQ(a.words[1].start_s, 2.0);
  EXPECT_DOUBLE_EQ(a.words[2].start_s, 3.0);
  EXPECT_DOUBLE_EQ(a.words[2].end_s, 4.0);
  EXPECT_EQ(a.words[3].line, 1);
  ASSERT_EQ(a.lines.size(), 2u);
  EXPECT_EQ(a.lines[0].words, (std::vector<int>{0, 1, 2}));
  EXPECT_DOUBLE_EQ(a.lines[0].start_s, 1.0);
  EXPECT_DOUBLE_EQ(a.lines[0].end_s, 4.0);
}

TEST(AssembleAlignment, LowConfidenceWordsAreInterpolated) {
  const LyricSheet sheet = Sheet({{"aa", "bb", "cc"}});
  std::vector<WordPlacement> p = {
      {true, 0.0, 1.0, 0.9}, {true, 5.0, 6.0, 0.1}, {true, 2.0, 3.0, 0.9}};
  const Alignment a = AssembleAlignment(sheet, p, 0.5, 10.0);
  EXPECT_TRUE(a.words[1].interpolated);
  EXPECT_DOUBLE_EQ(a.words[1].start_s, 1.0);
  EXPECT_DOUBLE_EQ(a.words[1].end_s, 2.0);
}

}  // namespace
}  // namespace ytl
