#include "bench/onset_metrics.h"

#include <gtest/gtest.h>

namespace ytl::bench {
namespace {

TEST(OnsetMetrics, PerfectPredictionScoresZero) {
  std::vector<ScoredWord> ref = {{"a", 1.0}, {"b", 2.0}, {"c", 3.0}};
  const OnsetScore s = ScoreOnsets(ref, ref);
  EXPECT_DOUBLE_EQ(s.mean_abs_error_s, 0.0);
  EXPECT_DOUBLE_EQ(s.within_300ms, 1.0);
  EXPECT_EQ(s.placed_words, 3u);
}

TEST(OnsetMetrics, MeanMedianAndWithin) {
  std::vector<ScoredWord> ref = {{"a", 1.0}, {"b", 2.0}, {"c", 3.0}, {"d", 4.0}};
  std::vector<ScoredWord> pred = {{"a", 1.1}, {"b", 2.5}, {"c", 3.0}, {"d", 5.0}};
  const OnsetScore s = ScoreOnsets(ref, pred);
  EXPECT_NEAR(s.mean_abs_error_s, (0.1 + 0.5 + 0 + 1.0) / 4, 1e-9);
  EXPECT_NEAR(s.median_abs_error_s, (0.1 + 0.5) / 2, 1e-9);
  EXPECT_NEAR(s.within_300ms, 0.5, 1e-9);
}

TEST(OnsetMetrics, DroppedWordTakesNextPlacedOnset) {
  std::vector<ScoredWord> ref = {{"a", 1.0}, {"b", 2.0}, {"c", 3.0}};
  std::vector<ScoredWord> pred = {{"a", 1.0}, {"c", 3.0}};
  const OnsetScore s = ScoreOnsets(ref, pred);
  EXPECT_EQ(s.placed_words, 2u);
  EXPECT_NEAR(s.mean_abs_error_s, 1.0 / 3, 1e-9);  // "b" scored at 3.0
}

TEST(OnsetMetrics, InsertedWordDoesNotShiftTheRest) {
  std::vector<ScoredWord> ref = {{"a", 1.0}, {"b", 2.0}};
  std::vector<ScoredWord> pred = {{"a", 1.0}, {"oh", 1.5}, {"b", 2.0}};
  EXPECT_DOUBLE_EQ(ScoreOnsets(ref, pred).mean_abs_error_s, 0.0);
}

TEST(OnsetMetrics, MatchingIgnoresCaseAndPunctuation) {
  std::vector<ScoredWord> ref = {{"don't", 1.0}};
  std::vector<ScoredWord> pred = {{"Don't,", 1.2}};
  EXPECT_EQ(ScoreOnsets(ref, pred).placed_words, 1u);
}

TEST(OnsetMetrics, AverageWeighsSongsEqually) {
  OnsetScore a, b;
  a.mean_abs_error_s = 0.2;
  a.within_300ms = 1.0;
  b.mean_abs_error_s = 0.4;
  b.within_300ms = 0.5;
  const OnsetScore avg = AverageScores({a, b});
  EXPECT_NEAR(avg.mean_abs_error_s, 0.3, 1e-9);
  EXPECT_NEAR(avg.within_300ms, 0.75, 1e-9);
}

}  // namespace
}  // namespace ytl::bench
