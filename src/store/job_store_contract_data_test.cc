// JobStore contract, part 3: events, subscriptions, uploads, artifacts,
// persistence and health.
#include <atomic>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "store/job_store_contract_test.h"
#include "store/job_store_test_macros.h"

namespace ytl {
namespace {

std::vector<std::string> Types(const std::vector<JobEvent>& events) {
  std::vector<std::string> types;
  for (const JobEvent& event : events) types.push_back(event.type);
  return types;
}

TEST_P(JobStoreContractTest, EventsRecordTheLifecycleAndResumeAfterASeq) {
  const Job job = CreateAndClaim("a", "w");
  const Job other = CreateUrlJob("b");
  YTL_ASSERT_OK(store_->UpdateProgress(job.id, job.lease_version, "decode", 0.5));
  YTL_ASSERT_OK(store_->UpdateProgress(job.id, job.lease_version, "decode", 1.0));
  YTL_ASSERT_OK_AND_ASSIGN(std::int64_t custom,
                           store_->AppendEvent(job.id, "progress", R"({"note":"x"})"));

  YTL_ASSERT_OK_AND_ASSIGN(std::vector<JobEvent> all, store_->EventsAfter(job.id, 0, 100));
  // queued, running, stage decode, progress, progress, custom
  EXPECT_EQ(Types(all), (std::vector<std::string>{"state", "state", "stage", "progress", "progress",
                                                  "progress"}));
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].seq, static_cast<std::int64_t>(i + 1));  // per job, gapless
    EXPECT_EQ(all[i].job_id, job.id);
  }
  EXPECT_EQ(custom, all.back().seq);
  EXPECT_NE(all[1].data_json.find("running"), std::string::npos);

  YTL_ASSERT_OK_AND_ASSIGN(std::vector<JobEvent> resumed, store_->EventsAfter(job.id, 4, 100));
  ASSERT_EQ(resumed.size(), 2u);
  EXPECT_EQ(resumed.front().seq, 5);
  YTL_ASSERT_OK_AND_ASSIGN(std::vector<JobEvent> limited, store_->EventsAfter(job.id, 0, 2));
  EXPECT_EQ(limited.size(), 2u);
  YTL_ASSERT_OK_AND_ASSIGN(std::vector<JobEvent> others, store_->EventsAfter(other.id, 0, 100));
  ASSERT_EQ(others.size(), 1u);
  EXPECT_EQ(others.front().seq, 1);
}

TEST_P(JobStoreContractTest, AppendEventChecksItsInput) {
  const Job job = CreateUrlJob("a");
  EXPECT_EQ(store_->AppendEvent(job.id, "stage", "[1,2]").status().code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(store_->AppendEvent(job.id, "", "{}").status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(store_->AppendEvent("job_missing", "stage", "{}").status().code(),
            Status::Code::kNotFound);
  EXPECT_EQ(store_->EventsAfter("job_missing", 0, 10).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(store_->EventsAfter(job.id, 0, 0).status().code(), Status::Code::kInvalidInput);
}

TEST_P(JobStoreContractTest, SubscribersHearCommitsUntilTheyUnsubscribe) {
  const Job job = CreateUrlJob("a");
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<std::pair<std::string, std::int64_t>> heard;
  EventSubscription subscription = store_->Subscribe([&](const std::string& id, std::int64_t seq) {
    std::lock_guard lock(mutex);
    heard.emplace_back(id, seq);
    changed.notify_all();
  });
  YTL_ASSERT_OK_AND_ASSIGN(std::int64_t seq, store_->AppendEvent(job.id, "stage", "{}"));
  {
    std::unique_lock lock(mutex);
    ASSERT_TRUE(changed.wait_for(lock, std::chrono::seconds(5), [&] { return !heard.empty(); }));
    EXPECT_EQ(heard.back(), std::make_pair(job.id, seq));
  }
  // The listener may read the store: it runs after the commit.
  YTL_ASSERT_OK_AND_ASSIGN(std::vector<JobEvent> events, store_->EventsAfter(job.id, seq - 1, 10));
  EXPECT_EQ(events.size(), 1u);

  subscription.Reset();
  const size_t heard_before = heard.size();
  YTL_ASSERT_OK(store_->AppendEvent(job.id, "stage", "{}").status());
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::lock_guard lock(mutex);
  EXPECT_EQ(heard.size(), heard_before);
}

TEST_P(JobStoreContractTest, ArtifactsAreStoredByKeyOnce) {
  EXPECT_FALSE(store_->HasArtifact("stems-abc"));
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<std::string> missing, store_->GetArtifact("stems-abc"));
  EXPECT_FALSE(missing.has_value());

  const std::string bytes("binary\0data", 11);
  YTL_ASSERT_OK(store_->PutArtifact("stems-abc", bytes));
  YTL_ASSERT_OK(store_->PutArtifact("stems-abc", bytes));  // dedup: a no-op
  EXPECT_TRUE(store_->HasArtifact("stems-abc"));
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<std::string> stored, store_->GetArtifact("stems-abc"));
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(*stored, bytes);

  EXPECT_EQ(store_->PutArtifact("../escape", bytes).code(), Status::Code::kInvalidInput);
  EXPECT_EQ(store_->PutArtifact("", bytes).code(), Status::Code::kInvalidInput);
  EXPECT_FALSE(store_->HasArtifact("a/b"));
}

TEST_P(JobStoreContractTest, UploadsAreContentAddressedFiles) {
  YTL_ASSERT_OK_AND_ASSIGN(std::string id, store_->PutUpload("abc", "song.mp3"));
  EXPECT_EQ(id, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  YTL_ASSERT_OK_AND_ASSIGN(std::string same, store_->PutUpload("abc", "again.mp3"));
  EXPECT_EQ(same, id);
  YTL_ASSERT_OK_AND_ASSIGN(std::string path, store_->UploadPath(id));
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_EQ(content.str(), "abc");

  JobRequest request;
  request.upload_id = id;
  YTL_ASSERT_OK_AND_ASSIGN(CreateOutcome created, store_->CreateJob(request, ""));
  EXPECT_EQ(created.job.request.upload_id, id);
  EXPECT_EQ(store_->UploadPath(std::string(64, 'f')).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(store_->UploadPath("../../etc/passwd").status().code(), Status::Code::kInvalidInput);
}

TEST_P(JobStoreContractTest, EverythingPersistsAcrossAReopen) {
  const Job job = CreateAndClaim("https://example.com/a", "w");
  YTL_ASSERT_OK(store_->RecordStageTiming(job.id, job.lease_version, "decode", 0.75));
  YTL_ASSERT_OK(store_->PutResult(job.id, job.lease_version, R"({"words":[]})"));
  YTL_ASSERT_OK(store_->FinishJob(job.id, job.lease_version, JobState::kSucceeded, "", ""));
  YTL_ASSERT_OK(store_->PutArtifact("k1", "v1"));
  YTL_ASSERT_OK_AND_ASSIGN(std::string upload_id, store_->PutUpload("song", "s.wav"));
  const Job queued = CreateUrlJob("https://example.com/b", "dedup-b");
  Reopen();

  YTL_ASSERT_OK_AND_ASSIGN(Job done, store_->GetJob(job.id));
  EXPECT_EQ(done.state, JobState::kSucceeded);
  EXPECT_EQ(done.stage_timings_s.at("decode"), 0.75);
  EXPECT_EQ(done.request.url, "https://example.com/a");
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<std::string> result, store_->GetResult(job.id));
  EXPECT_EQ(result, std::optional<std::string>(R"({"words":[]})"));
  EXPECT_TRUE(store_->HasArtifact("k1"));
  EXPECT_TRUE(store_->UploadPath(upload_id).ok());
  YTL_ASSERT_OK_AND_ASSIGN(std::vector<JobEvent> events, store_->EventsAfter(job.id, 0, 100));
  EXPECT_EQ(events.back().type, "state");
  JobRequest request;
  request.url = "https://example.com/b";
  YTL_ASSERT_OK_AND_ASSIGN(CreateOutcome deduped, store_->CreateJob(request, "dedup-b"));
  EXPECT_TRUE(deduped.existing);
  EXPECT_EQ(deduped.job.id, queued.id);
}

TEST_P(JobStoreContractTest, CountsJobsByStateAndReportsWritable) {
  CreateUrlJob("a");
  CreateUrlJob("b");
  const Job running = CreateAndClaim("c", "w");
  YTL_ASSERT_OK(store_->FinishJob(running.id, running.lease_version, JobState::kFailed, "e", "m"));
  CreateAndClaim("d", "w");
  YTL_ASSERT_OK_AND_ASSIGN(JobCounts counts, store_->CountByState());
  // Claims take the oldest: "a" failed, "b" runs, "c" and "d" wait.
  EXPECT_EQ(counts.queued, 2);
  EXPECT_EQ(counts.running, 1);
  EXPECT_EQ(counts.failed, 1);
  EXPECT_EQ(counts.succeeded, 0);
  EXPECT_EQ(counts.cancelled, 0);
  YTL_ASSERT_OK(store_->CheckWritable());
}

}  // namespace
}  // namespace ytl
