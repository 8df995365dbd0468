#include "race/onset_agreement.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ytl::race {
namespace {

using nlohmann::json;

// {"lines": [...]} from lines of (word, onset) pairs.
json Lyrics(const std::vector<std::vector<std::pair<std::string, double>>>& lines) {
  json doc = {{"lines", json::array()}};
  for (const auto& words : lines) {
    json line = {{"text", ""}, {"words", json::array()}};
    std::string text;
    for (const auto& [word, start_s] : words) {
      text += (text.empty() ? "" : " ") + word;
      line["words"].push_back({{"text", word}, {"start_s", start_s}});
    }
    line["text"] = text;
    doc["lines"].push_back(line);
  }
  return doc;
}

TEST(OnsetAgreement, IdenticalResultsAgreeExactly) {
  const json a = Lyrics({{{"Hello", 1}, {"world", 1.5}}, {{"again", 3}}});
  const OnsetAgreement r = CompareOnsets(a, a);
  EXPECT_EQ(r.paired_words, 3u);
  EXPECT_DOUBLE_EQ(r.mean_s, 0);
  EXPECT_DOUBLE_EQ(r.max_s, 0);
  EXPECT_EQ(r.disagreeing_lines, 0u);
}

TEST(OnsetAgreement, MeanMaxAndLinesOverThresholdFlagged) {
  const json a = Lyrics({{{"one", 1}, {"two", 2}}, {{"three", 3}, {"four", 4}}});
  const json b = Lyrics({{{"one", 1.1}, {"two", 2.1}}, {{"three", 3.5}, {"four", 4}}});
  const OnsetAgreement r = CompareOnsets(a, b);
  EXPECT_NEAR(r.mean_s, 0.175, 1e-9);
  EXPECT_NEAR(r.max_s, 0.5, 1e-9);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_FALSE(r.lines[0].disagrees);
  EXPECT_TRUE(r.lines[1].disagrees);
  EXPECT_EQ(r.lines[1].text, "three four");
  EXPECT_EQ(r.disagreeing_lines, 1u);
}

TEST(OnsetAgreement, AWordOnlyOneSideHasDoesNotShiftLaterPairs) {
  const auto pairs = PairWords({"la", "hello", "world"}, {"hello", "world"});
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0], std::make_pair(std::size_t{1}, std::size_t{0}));
  const OnsetAgreement r = CompareOnsets(Lyrics({{{"la", 0}, {"Hello,", 1}, {"world", 2}}}),
                                         Lyrics({{{"hello", 1}, {"World!", 2.2}}}));
  EXPECT_EQ(r.unpaired_words, 1u);
  EXPECT_NEAR(r.max_s, 0.2, 1e-9);
}

TEST(OnsetAgreement, NothingToCompareIsNanNotZero) {
  const OnsetAgreement r = CompareOnsets(json::object(), Lyrics({}));
  EXPECT_EQ(r.paired_words, 0u);
  EXPECT_TRUE(std::isnan(r.mean_s));
  EXPECT_TRUE(std::isnan(r.max_s));
}

}  // namespace
}  // namespace ytl::race
