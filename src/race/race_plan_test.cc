#include "race/race_plan.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ytl::race {
namespace {

RaceRecord Rec(const std::string& backend, Outcome outcome, double total_s) {
  return {backend, outcome, total_s, DurationBucket(30), 0};
}

std::vector<std::string> Order(const RacePlan& plan) {
  std::vector<std::string> names;
  for (const auto& p : plan.order) names.push_back(p.backend);
  return names;
}

TEST(RacePlan, RaceStartsEveryBackendAtOnce) {
  auto plan = PlanRace(RaceMode::kRace, {"a", "b", "c"}, {}, std::nullopt);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->start_at_once, 3u);
  EXPECT_EQ(Order(*plan), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(RacePlan, SingleUsesTheFirstBackendOnly) {
  auto plan = PlanRace(RaceMode::kSingle, {"a", "b"}, {}, std::nullopt);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(Order(*plan), std::vector<std::string>{"a"});
}

TEST(RacePlan, SmartPutsTheFastestHealthyFirstAndHedgesAtItsP90) {
  const std::vector<RaceRecord> history = {
      Rec("slow", Outcome::kSucceeded, 30),   Rec("slow", Outcome::kSucceeded, 40),
      Rec("fast", Outcome::kSucceeded, 10),   Rec("fast", Outcome::kSucceeded, 12),
      Rec("flaky", Outcome::kSucceeded, 1),   Rec("flaky", Outcome::kFailed, -1),
      Rec("flaky", Outcome::kUnreachable, -1)};
  auto plan = PlanRace(RaceMode::kSmart, {"flaky", "slow", "new", "fast"}, history,
                       std::string("under 1 min"), 60);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(Order(*plan), (std::vector<std::string>{"fast", "slow", "new", "flaky"}));
  EXPECT_EQ(plan->start_at_once, 1u);
  EXPECT_NEAR(plan->order[0].hedge_s, 11.8, 1e-9);
  EXPECT_DOUBLE_EQ(plan->order[2].hedge_s, 60);
  EXPECT_EQ(plan->order[3].why, "unhealthy: 33% success");
}

TEST(RacePlan, BadModeAndEmptyListAreRefusedWithTheFix) {
  auto mode = ParseRaceMode("fastest");
  ASSERT_FALSE(mode.ok());
  EXPECT_NE(mode.status().message().find("use race, smart or single"), std::string::npos);
  auto plan = PlanRace(RaceMode::kRace, {}, {}, std::nullopt);
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.status().message().find("--backend"), std::string::npos);
}

}  // namespace
}  // namespace ytl::race
