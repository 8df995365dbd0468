// JobStore contract, part 4: lease expiry, heartbeats and retries with
// backoff, which let many worker processes share jobs and survive losing one.
#include "store/job_store_contract_test.h"
#include "store/job_store_test_macros.h"

namespace ytl {
namespace {

TEST_P(JobStoreContractTest, AnExpiredLeaseIsRequeuedByAnyProcessAndFenced) {
  const Job stale = CreateAndClaim("a", "w1");
  std::unique_ptr<JobStore> other = OpenAnother();
  ASSERT_NE(other, nullptr);
  clock_.AdvanceMs(kDefaultLeaseMs - 1);
  YTL_ASSERT_OK_AND_ASSIGN(int early, other->RequeueExpiredLeases(5));
  EXPECT_EQ(early, 0);
  clock_.AdvanceMs(2);
  YTL_ASSERT_OK_AND_ASSIGN(int expired, other->RequeueExpiredLeases(5));
  EXPECT_EQ(expired, 1);

  EXPECT_TRUE(IsLeaseLost(store_->UpdateProgress(stale.id, stale.lease_version, "align", 0.5)));
  EXPECT_TRUE(IsLeaseLost(store_->RenewLease(stale.id, stale.lease_version)));
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<Job> resumed, other->ClaimNextJob("w2"));
  ASSERT_TRUE(resumed.has_value());
  EXPECT_EQ(resumed->id, stale.id);
  EXPECT_EQ(resumed->attempts, 2);
  EXPECT_GT(resumed->lease_version, stale.lease_version);
}

TEST_P(JobStoreContractTest, ARenewedLeaseDoesNotExpire) {
  const Job job = CreateAndClaim("a", "w");
  clock_.AdvanceMs(kDefaultLeaseMs - 1000);
  YTL_ASSERT_OK(store_->RenewLease(job.id, job.lease_version));
  clock_.AdvanceMs(2000);
  YTL_ASSERT_OK_AND_ASSIGN(int none, store_->RequeueExpiredLeases(5));
  EXPECT_EQ(none, 0);
  clock_.AdvanceMs(kDefaultLeaseMs);
  YTL_ASSERT_OK_AND_ASSIGN(int expired, store_->RequeueExpiredLeases(5));
  EXPECT_EQ(expired, 1);
  EXPECT_EQ(store_->RenewLease("job_missing", 1).code(), Status::Code::kNotFound);
}

TEST_P(JobStoreContractTest, AJobWhoseLeaseKeepsExpiringFailsWithTheReason) {
  const Job first = CreateAndClaim("a", "w1");
  clock_.AdvanceMs(kDefaultLeaseMs + 1);
  YTL_ASSERT_OK_AND_ASSIGN(int requeued, store_->RequeueExpiredLeases(2));
  EXPECT_EQ(requeued, 1);
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<Job> second, store_->ClaimNextJob("w2"));
  ASSERT_TRUE(second.has_value());
  clock_.AdvanceMs(kDefaultLeaseMs + 1);
  YTL_ASSERT_OK_AND_ASSIGN(int failed, store_->RequeueExpiredLeases(2));
  EXPECT_EQ(failed, 1);
  YTL_ASSERT_OK_AND_ASSIGN(Job stored, store_->GetJob(first.id));
  EXPECT_EQ(stored.state, JobState::kFailed);
  EXPECT_EQ(stored.error_code, "lease_expired");
  EXPECT_NE(stored.error_message.find("w2"), std::string::npos);
  EXPECT_GT(stored.finished_ms, 0);
}

TEST_P(JobStoreContractTest, TheHeartbeatHearsACancel) {
  const Job job = CreateAndClaim("a", "w");
  YTL_ASSERT_OK(store_->RequestCancel(job.id));
  EXPECT_EQ(store_->RenewLease(job.id, job.lease_version).code(), Status::Code::kCancelled);
  clock_.AdvanceMs(kDefaultLeaseMs + 1);
  YTL_ASSERT_OK_AND_ASSIGN(int ended, store_->RequeueExpiredLeases(5));
  EXPECT_EQ(ended, 1);
  YTL_ASSERT_OK_AND_ASSIGN(Job stored, store_->GetJob(job.id));
  EXPECT_EQ(stored.state, JobState::kCancelled);
}

TEST_P(JobStoreContractTest, ARetriedJobWaitsForItsBackoffAndKeepsTheReason) {
  const Job job = CreateAndClaim("a", "w1");
  const Job later = CreateUrlJob("b");
  YTL_ASSERT_OK(
      store_->RetryLater(job.id, job.lease_version, 5000, "unavailable", "yt-dlp timed out"));
  YTL_ASSERT_OK_AND_ASSIGN(Job waiting, store_->GetJob(job.id));
  EXPECT_EQ(waiting.state, JobState::kQueued);
  EXPECT_EQ(waiting.error_message, "yt-dlp timed out");
  EXPECT_TRUE(IsLeaseLost(store_->FinishJob(job.id, job.lease_version, JobState::kFailed, "", "")));

  YTL_ASSERT_OK_AND_ASSIGN(std::optional<Job> other, store_->ClaimNextJob("w2"));
  ASSERT_TRUE(other.has_value());
  EXPECT_EQ(other->id, later.id);  // the retried job still waits
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<Job> none, store_->ClaimNextJob("w2"));
  EXPECT_FALSE(none.has_value());
  clock_.AdvanceMs(5000);
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<Job> retried, store_->ClaimNextJob("w2"));
  ASSERT_TRUE(retried.has_value());
  EXPECT_EQ(retried->id, job.id);
  EXPECT_EQ(retried->attempts, 2);
  EXPECT_EQ(store_->RetryLater(job.id, retried->lease_version, -1, "x", "y").code(),
            Status::Code::kInvalidInput);
}

}  // namespace
}  // namespace ytl
