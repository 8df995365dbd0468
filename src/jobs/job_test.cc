#include "jobs/job.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

TEST(JobState, NamesRoundTrip) {
  for (JobState state : {JobState::kQueued, JobState::kRunning, JobState::kSucceeded,
                         JobState::kFailed, JobState::kCancelled}) {
    std::optional<JobState> parsed = ParseJobState(JobStateName(state));
    ASSERT_TRUE(parsed.has_value()) << JobStateName(state);
    EXPECT_EQ(*parsed, state);
  }
  EXPECT_EQ(JobStateName(JobState::kQueued), "queued");
  EXPECT_EQ(JobStateName(JobState::kCancelled), "cancelled");
}

TEST(JobState, RejectsUnknownNames) {
  EXPECT_FALSE(ParseJobState("Queued").has_value());
  EXPECT_FALSE(ParseJobState("").has_value());
  EXPECT_FALSE(ParseJobState("done").has_value());
}

TEST(JobState, OnlySucceededFailedCancelledAreFinal) {
  EXPECT_FALSE(IsFinalState(JobState::kQueued));
  EXPECT_FALSE(IsFinalState(JobState::kRunning));
  EXPECT_TRUE(IsFinalState(JobState::kSucceeded));
  EXPECT_TRUE(IsFinalState(JobState::kFailed));
  EXPECT_TRUE(IsFinalState(JobState::kCancelled));
}

}  // namespace
}  // namespace ytl
