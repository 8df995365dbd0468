// JobStore contract, part 2: lease fencing, cancellation, requeue and results.
#include "store/job_store_contract_test.h"
#include "store/job_store_test_macros.h"

namespace ytl {
namespace {

constexpr char kAlignment[] = R"({"words":[{"text":"la","onset_s":1.0}]})";

TEST_P(JobStoreContractTest, ProgressAndStageTimingsAreStored) {
  const Job job = CreateAndClaim("a", "w");
  YTL_ASSERT_OK(store_->UpdateProgress(job.id, job.lease_version, "separate", 0.25));
  YTL_ASSERT_OK(store_->RecordStageTiming(job.id, job.lease_version, "decode", 1.5));
  YTL_ASSERT_OK_AND_ASSIGN(Job stored, store_->GetJob(job.id));
  EXPECT_EQ(stored.stage, "separate");
  EXPECT_DOUBLE_EQ(stored.progress, 0.25);
  EXPECT_EQ(stored.stage_timings_s, (std::map<std::string, double>{{"decode", 1.5}}));
  EXPECT_EQ(store_->UpdateProgress(job.id, job.lease_version, "separate", 1.5).code(),
            Status::Code::kInvalidInput);
}

TEST_P(JobStoreContractTest, StaleLeaseWritesAreRefusedAfterARequeue) {
  const Job stale = CreateAndClaim("a", "w1");
  YTL_ASSERT_OK_AND_ASSIGN(int requeued, store_->RequeueJobs(std::nullopt));
  EXPECT_EQ(requeued, 1);
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<Job> fresh, store_->ClaimNextJob("w2"));
  ASSERT_TRUE(fresh.has_value());
  ASSERT_EQ(fresh->id, stale.id);
  EXPECT_GT(fresh->lease_version, stale.lease_version);
  EXPECT_EQ(fresh->attempts, 2);

  const std::int64_t old_lease = stale.lease_version;
  EXPECT_TRUE(IsLeaseLost(store_->UpdateProgress(stale.id, old_lease, "align", 0.5)));
  EXPECT_TRUE(IsLeaseLost(store_->RecordStageTiming(stale.id, old_lease, "align", 2)));
  EXPECT_TRUE(IsLeaseLost(store_->PutResult(stale.id, old_lease, kAlignment)));
  EXPECT_TRUE(IsLeaseLost(store_->FinishJob(stale.id, old_lease, JobState::kFailed, "x", "y")));

  YTL_ASSERT_OK(store_->UpdateProgress(stale.id, fresh->lease_version, "align", 0.5));
  YTL_ASSERT_OK_AND_ASSIGN(Job stored, store_->GetJob(stale.id));
  EXPECT_EQ(stored.state, JobState::kRunning);
  EXPECT_EQ(stored.worker_id, "w2");
}

TEST_P(JobStoreContractTest, WritesAfterFinishAreRefusedAsLeaseLost) {
  const Job job = CreateAndClaim("a", "w");
  YTL_ASSERT_OK(store_->FinishJob(job.id, job.lease_version, JobState::kFailed, "bad_audio",
                                  "no audio stream"));
  const Status late = store_->UpdateProgress(job.id, job.lease_version, "align", 0.5);
  EXPECT_TRUE(IsLeaseLost(late)) << late.ToString();
  EXPECT_FALSE(IsLeaseLost(Status::Unavailable("disk full")));
  YTL_ASSERT_OK_AND_ASSIGN(Job stored, store_->GetJob(job.id));
  EXPECT_EQ(stored.state, JobState::kFailed);
  EXPECT_EQ(stored.error_code, "bad_audio");
  EXPECT_EQ(stored.error_message, "no audio stream");
  EXPECT_GT(stored.finished_ms, 0);
}

TEST_P(JobStoreContractTest, CancellingAQueuedJobIsImmediate) {
  const Job job = CreateUrlJob("a");
  YTL_ASSERT_OK(store_->RequestCancel(job.id));
  YTL_ASSERT_OK_AND_ASSIGN(Job stored, store_->GetJob(job.id));
  EXPECT_EQ(stored.state, JobState::kCancelled);
  EXPECT_GT(stored.finished_ms, 0);
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<Job> claimed, store_->ClaimNextJob("w"));
  EXPECT_FALSE(claimed.has_value());
  YTL_ASSERT_OK(store_->RequestCancel(job.id));  // idempotent
  EXPECT_EQ(store_->RequestCancel("job_missing").code(), Status::Code::kNotFound);
}

TEST_P(JobStoreContractTest, CancellingARunningJobAsksItsWorkerToStop) {
  const Job job = CreateAndClaim("a", "w");
  YTL_ASSERT_OK(store_->RequestCancel(job.id));
  YTL_ASSERT_OK_AND_ASSIGN(Job stored, store_->GetJob(job.id));
  EXPECT_EQ(stored.state, JobState::kRunning);
  EXPECT_TRUE(stored.cancel_requested);

  EXPECT_EQ(store_->UpdateProgress(job.id, job.lease_version, "align", 0.5).code(),
            Status::Code::kCancelled);
  YTL_ASSERT_OK(store_->FinishJob(job.id, job.lease_version, JobState::kCancelled, "", ""));
  YTL_ASSERT_OK_AND_ASSIGN(Job finished, store_->GetJob(job.id));
  EXPECT_EQ(finished.state, JobState::kCancelled);
}

TEST_P(JobStoreContractTest, CancellingAFinishedJobIsRefused) {
  const Job job = CreateAndClaim("a", "w");
  YTL_ASSERT_OK(store_->PutResult(job.id, job.lease_version, kAlignment));
  YTL_ASSERT_OK(store_->FinishJob(job.id, job.lease_version, JobState::kSucceeded, "", ""));
  EXPECT_EQ(store_->RequestCancel(job.id).code(), Status::Code::kInvalidInput);
}

TEST_P(JobStoreContractTest, RequeueAfterACrashPutsRunningJobsBackInOrder) {
  const Job first = CreateAndClaim("a", "w1");
  const Job second = CreateAndClaim("b", "w2");
  const Job queued = CreateUrlJob("c");
  Reopen();  // the server died; its workers' jobs are still marked running

  YTL_ASSERT_OK_AND_ASSIGN(Job after_crash, store_->GetJob(first.id));
  EXPECT_EQ(after_crash.state, JobState::kRunning);
  YTL_ASSERT_OK_AND_ASSIGN(int only_w1, store_->RequeueJobs(std::string("w1")));
  EXPECT_EQ(only_w1, 1);
  YTL_ASSERT_OK_AND_ASSIGN(Job still_running, store_->GetJob(second.id));
  EXPECT_EQ(still_running.state, JobState::kRunning);
  YTL_ASSERT_OK_AND_ASSIGN(int rest, store_->RequeueJobs(std::nullopt));
  EXPECT_EQ(rest, 1);

  for (const Job* expected : {&first, &second, &queued}) {
    YTL_ASSERT_OK_AND_ASSIGN(std::optional<Job> claimed, store_->ClaimNextJob("w3"));
    ASSERT_TRUE(claimed.has_value());
    EXPECT_EQ(claimed->id, expected->id);
  }
}

TEST_P(JobStoreContractTest, RequeueFinishesJobsWithAResultOrACancelRequest) {
  const Job with_result = CreateAndClaim("a", "w");
  const Job cancel_asked = CreateAndClaim("b", "w");
  YTL_ASSERT_OK(store_->PutResult(with_result.id, with_result.lease_version, kAlignment));
  YTL_ASSERT_OK(store_->RequestCancel(cancel_asked.id));
  YTL_ASSERT_OK_AND_ASSIGN(int changed, store_->RequeueJobs(std::nullopt));
  EXPECT_EQ(changed, 2);
  YTL_ASSERT_OK_AND_ASSIGN(Job succeeded, store_->GetJob(with_result.id));
  EXPECT_EQ(succeeded.state, JobState::kSucceeded);
  YTL_ASSERT_OK_AND_ASSIGN(Job cancelled, store_->GetJob(cancel_asked.id));
  EXPECT_EQ(cancelled.state, JobState::kCancelled);
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<Job> none, store_->ClaimNextJob("w"));
  EXPECT_FALSE(none.has_value());
}

TEST_P(JobStoreContractTest, AResultIsWrittenExactlyOnce) {
  const Job job = CreateAndClaim("a", "w");
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<std::string> before, store_->GetResult(job.id));
  EXPECT_FALSE(before.has_value());
  EXPECT_EQ(store_->FinishJob(job.id, job.lease_version, JobState::kSucceeded, "", "").code(),
            Status::Code::kInvalidInput);

  YTL_ASSERT_OK(store_->PutResult(job.id, job.lease_version, kAlignment));
  EXPECT_EQ(store_->PutResult(job.id, job.lease_version, R"({"words":[]})").code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(store_->PutResult(job.id, job.lease_version, "not json").code(),
            Status::Code::kInvalidInput);
  YTL_ASSERT_OK(store_->FinishJob(job.id, job.lease_version, JobState::kSucceeded, "", ""));

  YTL_ASSERT_OK_AND_ASSIGN(std::optional<std::string> result, store_->GetResult(job.id));
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, kAlignment);
  YTL_ASSERT_OK_AND_ASSIGN(Job stored, store_->GetJob(job.id));
  EXPECT_EQ(stored.state, JobState::kSucceeded);
  EXPECT_DOUBLE_EQ(stored.progress, 1.0);
  EXPECT_EQ(store_->GetResult("job_missing").status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace ytl
