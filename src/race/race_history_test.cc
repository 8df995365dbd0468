#include "race/race_history.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <fstream>

namespace ytl::race {
namespace {

RaceRecord Rec(const std::string& backend, Outcome outcome, double total_s,
               double duration_s = 30) {
  return {backend, outcome, total_s, DurationBucket(duration_s), 0};
}

TEST(RaceHistory, PercentileInterpolatesBetweenClosestRanks) {
  EXPECT_DOUBLE_EQ(Percentile({5, 1, 3}, 50), 3);
  EXPECT_DOUBLE_EQ(Percentile({1, 2, 3, 4}, 50), 2.5);
  EXPECT_NEAR(Percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90), 9.1, 1e-9);
  EXPECT_TRUE(std::isnan(Percentile({}, 50)));
}

TEST(RaceHistory, SongsFallIntoDurationBuckets) {
  EXPECT_EQ(DurationBucket(12), "under 1 min");
  EXPECT_EQ(DurationBucket(60), "1-4 min");
  EXPECT_EQ(DurationBucket(300), "4-8 min");
  EXPECT_EQ(DurationBucket(3600), "8 min and over");
  EXPECT_EQ(DurationBucket(NAN), "unknown length");
}

TEST(RaceHistory, SummaryLeavesCancelledRunsOutAndTimesSuccessesOnly) {
  const std::vector<RaceRecord> history = {
      Rec("a", Outcome::kSucceeded, 10),      Rec("a", Outcome::kSucceeded, 20),
      Rec("a", Outcome::kFailed, 1),          Rec("a", Outcome::kCancelled, 2),
      Rec("a", Outcome::kSucceeded, 30),      Rec("b", Outcome::kSucceeded, 99),
      Rec("a", Outcome::kSucceeded, 500, 400)};
  const BackendStats a = Summarize(history, "a", std::string("under 1 min"));
  EXPECT_EQ(a.runs, 4);
  EXPECT_EQ(a.successes, 3);
  EXPECT_DOUBLE_EQ(a.success_rate, 0.75);
  EXPECT_DOUBLE_EQ(a.median_s, 20);
  EXPECT_DOUBLE_EQ(a.p90_s, 28);
  EXPECT_EQ(Summarize(history, "a").runs, 5);
  EXPECT_TRUE(std::isnan(Summarize(history, "c").success_rate));
}

TEST(RaceHistory, SurvivesSaveAndLoadAndKeepsTheNewest) {
  const std::string dir = ::testing::TempDir() + "race_history_" + std::to_string(getpid());
  const std::filesystem::path path = dir + "/sub/history.json";
  std::vector<RaceRecord> history;
  for (std::size_t i = 0; i < kMaxRecords + 3; ++i) {
    history.push_back(Rec("http://a", Outcome::kSucceeded, static_cast<double>(i)));
  }
  history.push_back(Rec("http://b", Outcome::kUnreachable, -1));
  ASSERT_TRUE(SaveHistory(path, history).ok());
  auto loaded = LoadHistory(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->size(), kMaxRecords);
  EXPECT_DOUBLE_EQ(loaded->front().total_s, 4);
  EXPECT_EQ(loaded->back().backend, "http://b");
  EXPECT_EQ(loaded->back().outcome, Outcome::kUnreachable);
  EXPECT_LT(loaded->back().total_s, 0);
  std::filesystem::remove_all(dir);
}

TEST(RaceHistory, MissingFileIsEmptyAndBadFileNamesItself) {
  const std::string path = ::testing::TempDir() + "race_history_bad_" + std::to_string(getpid());
  auto missing = LoadHistory(path);
  ASSERT_TRUE(missing.ok());
  EXPECT_TRUE(missing->empty());
  std::ofstream(path) << "{\"not\": \"an array\"}";
  auto bad = LoadHistory(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(path), std::string::npos);
  EXPECT_NE(bad.status().message().find("--history"), std::string::npos);
  std::filesystem::remove(path);
}

TEST(RaceHistory, DefaultPathFollowsXdgStateHome) {
  setenv("XDG_STATE_HOME", "/tmp/state-here", 1);
  EXPECT_EQ(DefaultHistoryPath(), "/tmp/state-here/yt-lyrics/race-history.json");
  unsetenv("XDG_STATE_HOME");
  setenv("HOME", "/home/someone", 1);
  EXPECT_EQ(DefaultHistoryPath(), "/home/someone/.local/state/yt-lyrics/race-history.json");
}

}  // namespace
}  // namespace ytl::race
