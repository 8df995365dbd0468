#include "race/race_state.h"

#include <gtest/gtest.h>

namespace ytl::race {
namespace {

std::vector<std::string> Starts(const std::vector<RaceAction>& actions) {
  std::vector<std::string> names;
  for (const auto& a : actions) {
    if (a.type == RaceAction::Type::kStart) names.push_back(a.backend);
  }
  return names;
}

RacePlan Plan(RaceMode mode, std::vector<std::string> backends) {
  return *PlanRace(mode, backends, {}, std::nullopt);
}

TEST(RaceState, FirstSuccessWinsAndTheOthersRunOn) {
  RaceState race(Plan(RaceMode::kRace, {"a", "b"}), 60, false, 0);
  EXPECT_EQ(Starts(race.TakeActions(0)), (std::vector<std::string>{"a", "b"}));
  race.Submitted("a", "ja", 0.1);
  race.Submitted("b", "jb", 0.1);
  race.JobUpdate("a", "running", "decode", 0, "", 0.4);
  race.JobUpdate("b", "running", "align", 0.5, "", 0.5);
  race.JobUpdate("b", "succeeded", "align", 1, "", 2);
  EXPECT_TRUE(race.TakeActions(2).empty());
  ASSERT_TRUE(race.winner().has_value());
  EXPECT_EQ(*race.winner(), "b");
  EXPECT_DOUBLE_EQ(*race.Find("a")->first_progress_s, 0.4);
  EXPECT_DOUBLE_EQ(*race.Find("b")->total_s, 2);
  EXPECT_EQ(race.Find("a")->state, EntryState::kRunning);
  EXPECT_FALSE(race.finished());
  race.JobUpdate("a", "succeeded", "align", 1, "", 3);
  race.TakeActions(3);
  EXPECT_EQ(*race.winner(), "b");
  EXPECT_TRUE(race.finished());
  EXPECT_EQ(race.Summary(), "b won in 2.0 s.");
}

TEST(RaceState, CancelLosersCancelsTheRunningOthers) {
  RaceState race(Plan(RaceMode::kRace, {"a", "b"}), 60, true, 0);
  race.TakeActions(0);
  race.Submitted("a", "ja", 0);
  race.Submitted("b", "jb", 0);
  race.JobUpdate("a", "succeeded", "align", 1, "", 1);
  const auto actions = race.TakeActions(1);
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].type, RaceAction::Type::kCancel);
  EXPECT_EQ(actions[0].job_id, "jb");
  EXPECT_EQ(race.Find("b")->state, EntryState::kCancelled);
  EXPECT_TRUE(race.finished());
}

TEST(RaceState, FailedUnreachableAndStalledBackendsDropOutWithTheirReason) {
  RaceState race(Plan(RaceMode::kRace, {"down", "broken", "stuck", "ok"}), 5, false, 0);
  race.TakeActions(0);
  race.Error("down", true, "connection refused", 0.02);
  for (const char* b : {"broken", "stuck", "ok"}) race.Submitted(b, std::string("j-") + b, 0.03);
  race.JobUpdate("broken", "running", "vad", 0, "", 1);
  race.JobUpdate("broken", "failed", "vad", 0, "fault injected", 1.1);
  race.JobUpdate("ok", "running", "separate", 0.2, "", 4);
  race.Tick(5.5);
  const auto actions = race.TakeActions(5.5);
  EXPECT_EQ(race.Find("down")->reason, "unreachable: connection refused");
  EXPECT_EQ(race.Find("broken")->reason, "failed at vad: fault injected");
  EXPECT_EQ(race.Find("stuck")->state, EntryState::kStalled);
  EXPECT_EQ(race.Find("stuck")->reason, "stalled: no progress for 5 s");
  ASSERT_EQ(actions.size(), 1u);  // the stalled job is cancelled to free its worker
  EXPECT_EQ(actions[0].job_id, "j-stuck");
  EXPECT_EQ(race.Find("ok")->state, EntryState::kRunning);
  race.JobUpdate("ok", "succeeded", "align", 1, "", 7);
  race.TakeActions(7);
  EXPECT_TRUE(race.finished());
  EXPECT_NE(race.Summary().find("down dropped out (unreachable"), std::string::npos);
}

TEST(RaceState, SmartHedgesAfterP90AndFailsOverAtOnce) {
  RacePlan plan;
  plan.mode = RaceMode::kSmart;
  plan.start_at_once = 1;
  plan.order = {{"fast", 10, ""}, {"slow", 30, ""}, {"spare", 60, ""}};
  RaceState race(plan, 1000, false, 0);
  EXPECT_EQ(Starts(race.TakeActions(0)), std::vector<std::string>{"fast"});
  race.Submitted("fast", "jf", 0);
  EXPECT_TRUE(race.TakeActions(9.9).empty());
  EXPECT_EQ(Starts(race.TakeActions(10)), std::vector<std::string>{"slow"});
  race.Error("slow", true, "down", 11);
  race.Error("fast", false, "429 too many jobs", 12);
  EXPECT_EQ(Starts(race.TakeActions(12)), std::vector<std::string>{"spare"});
}

TEST(RaceState, SingleNeverStartsAnother) {
  RaceState race(Plan(RaceMode::kSingle, {"a", "b"}), 60, false, 0);
  race.TakeActions(0);
  race.Error("a", true, "down", 1);
  EXPECT_TRUE(race.TakeActions(1).empty());
  EXPECT_TRUE(race.finished());
  EXPECT_EQ(race.Summary(), "No backend succeeded. a dropped out (unreachable: down).");
}

}  // namespace
}  // namespace ytl::race
