// JobStore contract, part 1: creating, reading, listing, deduplicating and
// claiming jobs. Parts 2 and 3: job_store_contract_{lease,data}_test.cc.
#include "store/job_store_contract_test.h"

#include <algorithm>
#include <set>
#include <thread>
#include <vector>

#include "store/job_store_test_macros.h"

namespace ytl {

void JobStoreContractTest::SetUp() {
  backend_ = GetParam().make_backend();
  if (backend_ == nullptr) {
    GTEST_SKIP() << "no " << GetParam().name
                 << " backend here (for PostgreSQL: set YTL_TEST_POSTGRES_URL, see "
                    "scripts/postgres-test-server.sh)";
  }
  store_ = OpenAnother();
  ASSERT_NE(store_, nullptr);
}

std::unique_ptr<JobStore> JobStoreContractTest::OpenAnother() {
  Result<std::unique_ptr<JobStore>> store = backend_->Open(&clock_);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

void JobStoreContractTest::Reopen() {
  store_.reset();
  store_ = OpenAnother();
  ASSERT_NE(store_, nullptr);
}

Job JobStoreContractTest::CreateUrlJob(const std::string& url, const std::string& dedup_key) {
  JobRequest request;
  request.url = url;
  Result<CreateOutcome> created = store_->CreateJob(request, dedup_key);
  EXPECT_TRUE(created.ok()) << created.status().ToString();
  clock_.AdvanceMs(10);
  return created.ok() ? created->job : Job{};
}

Job JobStoreContractTest::CreateAndClaim(const std::string& url, const std::string& worker_id) {
  CreateUrlJob(url);
  Result<std::optional<Job>> claimed = store_->ClaimNextJob(worker_id);
  EXPECT_TRUE(claimed.ok() && claimed->has_value()) << claimed.status().ToString();
  return claimed.ok() && claimed->has_value() ? **claimed : Job{};
}

namespace {

std::vector<std::string> Ids(const std::vector<Job>& jobs) {
  std::vector<std::string> ids;
  for (const Job& job : jobs) ids.push_back(job.id);
  return ids;
}

TEST_P(JobStoreContractTest, CreateThenGetReturnsTheQueuedJob) {
  JobRequest request;
  request.url = "https://example.com/song";
  request.lyrics = "la la la";
  request.language = "fr";
  request.formats = {"lrc", "srt"};
  const std::int64_t now_ms = clock_.NowMs();
  YTL_ASSERT_OK_AND_ASSIGN(CreateOutcome created, store_->CreateJob(request, "key-1"));
  EXPECT_FALSE(created.existing);
  EXPECT_FALSE(created.job.id.empty());

  YTL_ASSERT_OK_AND_ASSIGN(Job job, store_->GetJob(created.job.id));
  EXPECT_EQ(job.id, created.job.id);
  EXPECT_EQ(job.request.url, request.url);
  EXPECT_EQ(job.request.lyrics, request.lyrics);
  EXPECT_EQ(job.request.language, "fr");
  EXPECT_EQ(job.request.formats, request.formats);
  EXPECT_EQ(job.state, JobState::kQueued);
  EXPECT_EQ(job.dedup_key, "key-1");
  EXPECT_EQ(job.attempts, 0);
  EXPECT_EQ(job.created_ms, now_ms);
  EXPECT_EQ(job.finished_ms, 0);
}

TEST_P(JobStoreContractTest, JobIdsAreUnique) {
  std::set<std::string> ids;
  for (int i = 0; i < 20; ++i)
    ids.insert(CreateUrlJob("https://example.com/" + std::to_string(i)).id);
  EXPECT_EQ(ids.size(), 20u);
}

TEST_P(JobStoreContractTest, GetUnknownJobIsNotFound) {
  Result<Job> job = store_->GetJob("job_missing");
  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.status().code(), Status::Code::kNotFound);
  EXPECT_NE(job.status().message().find("job_missing"), std::string::npos);
}

TEST_P(JobStoreContractTest, CreateNeedsExactlyOneSource) {
  JobRequest neither;
  EXPECT_EQ(store_->CreateJob(neither, "").status().code(), Status::Code::kInvalidInput);
  JobRequest both;
  both.url = "https://example.com/a";
  both.upload_id = std::string(64, 'a');
  EXPECT_EQ(store_->CreateJob(both, "").status().code(), Status::Code::kInvalidInput);
  JobRequest unknown_upload;
  unknown_upload.upload_id = std::string(64, 'a');
  EXPECT_EQ(store_->CreateJob(unknown_upload, "").status().code(), Status::Code::kNotFound);
}

TEST_P(JobStoreContractTest, ListPagesNewestFirstAndStaysStableUnderInserts) {
  std::vector<std::string> created;
  for (int i = 0; i < 7; ++i) created.push_back(CreateUrlJob("u" + std::to_string(i)).id);
  std::reverse(created.begin(), created.end());

  std::vector<std::string> listed;
  std::string cursor;
  int pages = 0;
  do {
    YTL_ASSERT_OK_AND_ASSIGN(JobPage page, store_->ListJobs(std::nullopt, 3, cursor));
    for (const std::string& id : Ids(page.jobs)) listed.push_back(id);
    cursor = page.next_cursor;
    if (++pages == 1) CreateUrlJob("inserted while paging");  // must not shift later pages
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(listed, created);
}

TEST_P(JobStoreContractTest, ListFiltersByState) {
  const Job first = CreateUrlJob("a");
  const Job second = CreateUrlJob("b");
  const Job third = CreateUrlJob("c");
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<Job> claimed, store_->ClaimNextJob("w"));
  ASSERT_TRUE(claimed.has_value());
  EXPECT_EQ(claimed->id, first.id);

  YTL_ASSERT_OK_AND_ASSIGN(JobPage queued, store_->ListJobs(JobState::kQueued, 10, ""));
  EXPECT_EQ(Ids(queued.jobs), (std::vector<std::string>{third.id, second.id}));
  EXPECT_TRUE(queued.next_cursor.empty());
  YTL_ASSERT_OK_AND_ASSIGN(JobPage running, store_->ListJobs(JobState::kRunning, 10, ""));
  EXPECT_EQ(Ids(running.jobs), std::vector<std::string>{first.id});
  YTL_ASSERT_OK_AND_ASSIGN(JobPage failed, store_->ListJobs(JobState::kFailed, 10, ""));
  EXPECT_TRUE(failed.jobs.empty());
}

TEST_P(JobStoreContractTest, ListRejectsForeignCursorsAndBadLimits) {
  CreateUrlJob("a");
  EXPECT_EQ(store_->ListJobs(std::nullopt, 10, "garbage").status().code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(store_->ListJobs(std::nullopt, 0, "").status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(store_->ListJobs(std::nullopt, kMaxPageSize + 1, "").status().code(),
            Status::Code::kInvalidInput);
}

TEST_P(JobStoreContractTest, DedupReturnsTheLiveJobButNotAFailedOne) {
  const Job original = CreateUrlJob("https://example.com/x", "same");
  JobRequest request;
  request.url = "https://example.com/x";
  YTL_ASSERT_OK_AND_ASSIGN(CreateOutcome again, store_->CreateJob(request, "same"));
  EXPECT_TRUE(again.existing);
  EXPECT_EQ(again.job.id, original.id);

  YTL_ASSERT_OK_AND_ASSIGN(CreateOutcome undeduplicated, store_->CreateJob(request, ""));
  EXPECT_FALSE(undeduplicated.existing);
  EXPECT_NE(undeduplicated.job.id, original.id);

  YTL_ASSERT_OK_AND_ASSIGN(std::optional<Job> claimed, store_->ClaimNextJob("w"));
  ASSERT_TRUE(claimed.has_value());
  ASSERT_EQ(claimed->id, original.id);
  YTL_ASSERT_OK(store_->FinishJob(original.id, claimed->lease_version, JobState::kFailed,
                                  "download_failed", "404"));
  YTL_ASSERT_OK_AND_ASSIGN(CreateOutcome retried, store_->CreateJob(request, "same"));
  EXPECT_FALSE(retried.existing);
  EXPECT_NE(retried.job.id, original.id);
}

TEST_P(JobStoreContractTest, ClaimTakesTheOldestQueuedJobAndStartsALease) {
  const Job first = CreateUrlJob("a");
  const Job second = CreateUrlJob("b");
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<Job> claimed, store_->ClaimNextJob("worker-1"));
  ASSERT_TRUE(claimed.has_value());
  EXPECT_EQ(claimed->id, first.id);
  EXPECT_EQ(claimed->state, JobState::kRunning);
  EXPECT_EQ(claimed->worker_id, "worker-1");
  EXPECT_EQ(claimed->attempts, 1);
  EXPECT_GT(claimed->lease_version, first.lease_version);

  YTL_ASSERT_OK_AND_ASSIGN(std::optional<Job> next, store_->ClaimNextJob("worker-2"));
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->id, second.id);
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<Job> none, store_->ClaimNextJob("worker-3"));
  EXPECT_FALSE(none.has_value());
  EXPECT_EQ(store_->ClaimNextJob("").status().code(), Status::Code::kInvalidInput);
}

// Each thread claims until the queue is empty; returns every claimed id.
std::vector<std::string> ClaimAllConcurrently(const std::vector<JobStore*>& stores,
                                              int threads_per_store) {
  std::mutex mutex;
  std::vector<std::string> claimed;
  std::vector<std::thread> threads;
  for (size_t s = 0; s < stores.size(); ++s) {
    for (int t = 0; t < threads_per_store; ++t) {
      threads.emplace_back([&, s, t] {
        const std::string worker = "w" + std::to_string(s) + "-" + std::to_string(t);
        for (;;) {
          Result<std::optional<Job>> job = stores[s]->ClaimNextJob(worker);
          ASSERT_TRUE(job.ok()) << job.status().ToString();
          if (!job->has_value()) return;
          std::lock_guard lock(mutex);
          claimed.push_back((*job)->id);
        }
      });
    }
  }
  for (std::thread& thread : threads) thread.join();
  return claimed;
}

void ExpectEachClaimedOnce(std::vector<std::string> claimed, std::vector<std::string> created) {
  std::sort(claimed.begin(), claimed.end());
  std::sort(created.begin(), created.end());
  EXPECT_EQ(claimed, created);
}

TEST_P(JobStoreContractTest, FourThreadsClaimEachJobExactlyOnce) {
  std::vector<std::string> created;
  for (int i = 0; i < 40; ++i) created.push_back(CreateUrlJob("u" + std::to_string(i)).id);
  ExpectEachClaimedOnce(ClaimAllConcurrently({store_.get()}, 4), created);
}

TEST_P(JobStoreContractTest, TwoStoresOnTheSameDataClaimEachJobExactlyOnce) {
  std::unique_ptr<JobStore> other = OpenAnother();
  ASSERT_NE(other, nullptr);
  std::vector<std::string> created;
  for (int i = 0; i < 40; ++i) created.push_back(CreateUrlJob("u" + std::to_string(i)).id);
  ExpectEachClaimedOnce(ClaimAllConcurrently({store_.get(), other.get()}, 2), created);
}

}  // namespace
}  // namespace ytl
