// Jobs end to end on a real SQLite store and the real sync pipeline: run,
// cancel, drain on shutdown and resume, injected faults, uploads.
#include "jobs/worker_pool.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cli/engines.h"
#include "cli/temp_dir.h"
#include "jobs/job_progress.h"
#include "jobs/job_runner.h"
#include "jobs/store_stage_cache.h"
#include "store/sqlite/sqlite_job_store.h"
#include "tests/support/synthetic_song.h"

namespace ytl {
namespace {
using namespace std::chrono_literals;

class Jobs : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dir = cli::TempDir::Create();
    ASSERT_TRUE(dir.ok());
    dir_ = std::make_unique<cli::TempDir>(std::move(dir).value());
    testing::SyntheticSongSpec spec;
    spec.lines = {"hello there my friend", "how are you today"};
    spec.intro_s = spec.break_s = spec.outro_s = 1;
    auto song = testing::MakeSyntheticSong(spec);
    ASSERT_TRUE(song.ok());
    wav_ = dir_->path() + "/song.wav";
    lyrics_ = song->lyrics_text;
    ASSERT_TRUE(testing::WriteWav(wav_, song->mix).ok());
    auto engines = cli::Engines::Build({});
    ASSERT_TRUE(engines.ok()) << engines.status().ToString();
    engines_ = std::make_unique<cli::Engines>(std::move(engines).value());
    OpenStore();
  }

  void OpenStore() {
    SqliteStoreConfig config;
    config.data_dir = dir_->path() + "/data";
    auto store = SqliteJobStore::Open(config);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    cache_ = std::make_unique<StoreStageCache>(*store_);
  }

  std::unique_ptr<JobRunner> Runner(int fault_delay_ms = 0, std::string fail_at = "",
                                    int fault_shift_ms = 0) {
    SyncEngines view = engines_->View();
    view.cache = cache_.get();
    JobRunnerConfig config;
    config.scratch_root = dir_->path();
    config.fault_delay_ms = fault_delay_ms;
    config.fault_fail_at_stage = std::move(fail_at);
    config.fault_shift_ms = fault_shift_ms;
    return std::make_unique<JobRunner>(*store_, view, config);
  }

  // Submits one job to a one-worker pool on `runner` and returns it once it has ended.
  Job RunOneJob(JobRunner& runner) {
    WorkerPool pool(*store_, runner, {1, "t", 0.05});
    pool.Start();
    const Job job = Submit();
    pool.Notify();
    const Job done = WaitFor(job.id, [](const Job& j) { return IsFinalState(j.state); });
    pool.Drain(0ms);
    return done;
  }

  Job Submit() {
    JobRequest request;
    request.url = wav_;  // the runner resolves local paths like the CLI does
    request.lyrics = lyrics_;
    auto created = store_->CreateJob(request, "");
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created->job;
  }

  Job WaitFor(const std::string& id, std::function<bool(const Job&)> done) {
    for (int i = 0; i < 600; ++i) {
      auto job = store_->GetJob(id);
      if (job.ok() && done(*job)) return *job;
      std::this_thread::sleep_for(50ms);
    }
    ADD_FAILURE() << "job " << id << " did not reach the expected state";
    return {};
  }

  std::unique_ptr<cli::TempDir> dir_;
  std::unique_ptr<cli::Engines> engines_;
  std::unique_ptr<SqliteJobStore> store_;
  std::unique_ptr<StoreStageCache> cache_;
  std::string wav_, lyrics_;
};

TEST_F(Jobs, JobRunsToSuccessWithEventsResultAndTimings) {
  const Job done = RunOneJob(*Runner());
  EXPECT_EQ(done.state, JobState::kSucceeded) << done.error_message;
  EXPECT_TRUE(done.stage_timings_s.count("align"));
  auto result = store_->GetResult(done.id);
  ASSERT_TRUE(result.ok() && result->has_value());
  EXPECT_NE((*result)->find("\"words\""), std::string::npos);
  auto events = store_->EventsAfter(done.id, 0, 1000);
  ASSERT_TRUE(events.ok());
  ASSERT_GE(events->size(), 4u);
  EXPECT_EQ(events->front().type, "state");
  EXPECT_NE(events->back().data_json.find("succeeded"), std::string::npos);
  bool saw_align = false;
  for (const auto& e : *events)
    saw_align |= e.type == "stage" && e.data_json.find("align") != std::string::npos;
  EXPECT_TRUE(saw_align);
  // Each stage is announced once: the store writes the "stage" event with the
  // progress, under the lease (stage timings are "stage" events with seconds).
  std::map<std::string, int> announced;
  for (const auto& e : *events) {
    if (e.type == "stage" && e.data_json.find("\"seconds\"") == std::string::npos) {
      ++announced[e.data_json];
    }
  }
  for (const auto& [data, count] : announced) EXPECT_EQ(count, 1) << data;
  // Each state is announced once too, by the store: queued, running, succeeded.
  std::vector<std::string> states;
  for (const auto& e : *events) {
    if (e.type != "state") continue;
    const auto data = nlohmann::json::parse(e.data_json);
    EXPECT_TRUE(data.contains("error_message")) << "not the store's event: " << e.data_json;
    states.push_back(data.value("state", ""));
  }
  EXPECT_EQ(states, (std::vector<std::string>{"queued", "running", "succeeded"}));
}

// A worker that lost its lease (it stalled; the job went to another worker)
// writes no more progress events to the job.
TEST_F(Jobs, AWorkerThatLostItsLeaseWritesNoEvents) {
  const Job submitted = Submit();
  auto claimed = store_->ClaimNextJob("stale-worker");
  ASSERT_TRUE(claimed.ok() && claimed->has_value());
  const Job stale = **claimed;
  CancelToken shutdown, job_cancel;
  JobProgress progress(*store_, stale, shutdown, job_cancel, {});
  progress.OnProgress("decode", 0.5);
  ASSERT_FALSE(progress.lease_lost());
  auto before = store_->EventsAfter(submitted.id, 0, 1000);
  ASSERT_TRUE(before.ok());
  ASSERT_FALSE(before->empty()) << "the lease holder's progress is recorded";

  ASSERT_TRUE(store_->RequeueJobs(std::nullopt).ok());  // fenced off, as after its lease expired
  auto reclaimed = store_->ClaimNextJob("other-worker");
  ASSERT_TRUE(reclaimed.ok() && reclaimed->has_value());
  progress.OnProgress("separate", 0.1);
  progress.OnProgress("separate", 1.0);
  EXPECT_TRUE(progress.lease_lost());
  EXPECT_TRUE(job_cancel.cancelled()) << "the stale worker is told to stop";
  auto after = store_->EventsAfter(submitted.id, 0, 1000);
  ASSERT_TRUE(after.ok());
  for (const auto& e : *after) {
    EXPECT_EQ(e.data_json.find("separate"), std::string::npos)
        << "stale event " << e.type << " " << e.data_json;
  }
}

TEST_F(Jobs, CancelStopsARunningJob) {
  auto runner = Runner(/*fault_delay_ms=*/3000);
  WorkerPool pool(*store_, *runner, {1, "t", 0.05});
  pool.Start();
  const Job job = Submit();
  pool.Notify();
  WaitFor(job.id, [](const Job& j) { return j.state == JobState::kRunning; });
  ASSERT_TRUE(store_->RequestCancel(job.id).ok());
  const Job done = WaitFor(job.id, [](const Job& j) { return IsFinalState(j.state); });
  pool.Drain(0ms);
  EXPECT_EQ(done.state, JobState::kCancelled);
  auto result = store_->GetResult(job.id);
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(result->has_value());
}

TEST_F(Jobs, DrainRequeuesAndTheNextStartResumesFromCachedStages) {
  {
    // Slow stages: the job is still running when the grace period ends.
    auto runner = Runner(/*fault_delay_ms=*/1500);
    WorkerPool pool(*store_, *runner, {1, "t", 0.05});
    pool.Start();
    const Job job = Submit();
    pool.Notify();
    WaitFor(job.id, [](const Job& j) { return j.stage == "vad"; });
    pool.Drain(100ms);
    auto requeued = store_->GetJob(job.id);
    ASSERT_TRUE(requeued.ok());
    EXPECT_EQ(requeued->state, JobState::kQueued);
  }
  store_.reset();
  OpenStore();  // as after a restart
  auto runner = Runner();
  WorkerPool pool(*store_, *runner, {1, "t2", 0.05});
  pool.Start();
  auto page = store_->ListJobs(std::nullopt, 10, "");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->jobs.size(), 1u);
  const Job done = WaitFor(page->jobs[0].id, [](const Job& j) { return IsFinalState(j.state); });
  pool.Drain(0ms);
  EXPECT_EQ(done.state, JobState::kSucceeded) << done.error_message;
  EXPECT_EQ(done.attempts, 2);
  auto result = store_->GetResult(done.id);
  ASSERT_TRUE(result.ok() && result->has_value());
  EXPECT_EQ((*result)->find("\"separate\""), std::string::npos)
      << "the separated vocals came from the cache";
}

TEST_F(Jobs, InjectedFaultFailsTheJobWithAClearReason) {
  const Job done = RunOneJob(*Runner(0, "vad"));
  EXPECT_EQ(done.state, JobState::kFailed);
  EXPECT_NE(done.error_message.find("fault injected at stage vad"), std::string::npos);
  // The last event tells SSE clients the reason: the store's state event, once.
  auto events = store_->EventsAfter(done.id, 0, 1000);
  ASSERT_TRUE(events.ok() && !events->empty());
  const auto last = nlohmann::json::parse(events->back().data_json);
  EXPECT_EQ(events->back().type, "state");
  EXPECT_EQ(last.value("state", ""), "failed");
  EXPECT_NE(last.value("error_message", "").find("fault injected at stage vad"), std::string::npos);
  int failed_events = 0;
  for (const auto& e : *events)
    failed_events += e.data_json.find("\"failed\"") != std::string::npos;
  EXPECT_EQ(failed_events, 1);
}

// --fault-shift-ms: the same song, run once plainly and once shifted, gives the same times
// on lines 0, 2, ... and times later by the shift on lines 1, 3, ...
TEST_F(Jobs, FaultShiftMovesEverySecondLineOnly) {
  const auto run = [&](int shift_ms) {
    const Job done = RunOneJob(*Runner(0, "", shift_ms));
    EXPECT_EQ(done.state, JobState::kSucceeded) << done.error_message;
    auto result = store_->GetResult(done.id);
    EXPECT_TRUE(result.ok() && result->has_value());
    return nlohmann::json::parse(**result);
  };
  const auto plain = run(0);
  const auto shifted = run(700);
  ASSERT_EQ(plain["lines"].size(), 2u);
  ASSERT_EQ(plain["words"].size(), shifted["words"].size());
  for (std::size_t i = 0; i < plain["words"].size(); ++i) {
    const auto& a = plain["words"][i];
    const auto& b = shifted["words"][i];
    const double expected = a["line"].get<int>() % 2 == 1 ? 0.7 : 0.0;
    EXPECT_NEAR(b["start_s"].get<double>() - a["start_s"].get<double>(), expected, 0.002) << a;
    EXPECT_NEAR(b["end_s"].get<double>() - a["end_s"].get<double>(), expected, 0.002) << a;
  }
}

TEST(ShiftEveryOtherLine, StaysWithinTheSong) {
  Alignment alignment;
  alignment.duration_s = 10;
  alignment.words = {{"a", 0.5, 1, 1, false, 0}, {"b", 9.6, 9.9, 1, false, 1}};
  alignment.lines = {{"a", 0.5, 1, 1, {0}}, {"b", 9.6, 9.9, 1, {1}}};
  ShiftEveryOtherLine(alignment, 0.5);
  EXPECT_DOUBLE_EQ(alignment.words[0].start_s, 0.5);
  EXPECT_DOUBLE_EQ(alignment.words[1].start_s, 10);
  EXPECT_DOUBLE_EQ(alignment.lines[1].end_s, 10);
  ShiftEveryOtherLine(alignment, -20);
  EXPECT_DOUBLE_EQ(alignment.words[1].start_s, 0);
}

TEST_F(Jobs, UploadedSongRuns) {
  std::ifstream in(wav_, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto upload = store_->PutUpload(bytes.str(), "song.wav");
  ASSERT_TRUE(upload.ok()) << upload.status().ToString();
  JobRequest request;
  request.upload_id = *upload;
  request.lyrics = lyrics_;
  auto created = store_->CreateJob(request, "");
  ASSERT_TRUE(created.ok());
  auto runner = Runner();
  WorkerPool pool(*store_, *runner, {1, "t", 0.05});
  pool.Start();
  const Job done = WaitFor(created->job.id, [](const Job& j) { return IsFinalState(j.state); });
  pool.Drain(0ms);
  EXPECT_EQ(done.state, JobState::kSucceeded) << done.error_message;
}

}  // namespace
}  // namespace ytl
