// Many processes on one PostgreSQL job store: API-only nodes (serve
// --workers 0) and `yt-lyrics worker`s. Workers are SIGKILLed mid-job,
// SIGSTOPped past their lease, and the database is restarted; every job
// must still succeed exactly once.
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <pqxx/pqxx>
#include <sstream>
#include <thread>

#include "store/postgres/pg_test_database.h"
#include "tests/postgres/worker_process.h"
#include "tests/serve_test_fixture.h"

namespace ytl::testing {
namespace {

using pg::PgTestDatabase;

// Polls `done` every 100 ms until it holds or `timeout_s` passes.
bool WaitUntil(const std::function<bool()>& done, double timeout_s) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return done();
}

class MultiNodeTest : public ServeTest {
 protected:
  void SetUp() override {
    ServeTest::SetUp();
    if (database_.url().empty()) GTEST_SKIP() << database_.error();
    url_ = database_.url();
  }

  void TearDown() override {
    if (HasFailure()) {
      for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
        if (entry.path().extension() != ".log" || entry.path().filename() == "server.log") continue;
        std::ifstream in(entry.path());
        std::stringstream log;
        log << in.rdbuf();
        std::cerr << "---- " << entry.path().filename() << " ----\n"
                  << log.str().substr(0, 8000) << "\n";
      }
    }
    ServeTest::TearDown();
  }

  std::unique_ptr<ServeProcess> StartApiNode(const std::string& name) {
    return Start({"--store", url_, "--workers", "0", "--max-jobs-per-client", "200"},
                 "data-" + name);
  }

  std::unique_ptr<WorkerProcess> StartWorker(const std::string& id, const std::string& lease_s,
                                             const std::string& fault_delay_ms) {
    auto worker = std::make_unique<WorkerProcess>(
        YTL_CLI_PATH,
        std::vector<std::string>{"--store", url_, "--worker-id", id, "--lease", lease_s,
                                 "--heartbeat", "0.4", "--max-attempts", "8", "--scratch-dir",
                                 dir_ + "/scratch-" + id, "--fault-delay-ms", fault_delay_ms},
        dir_ + "/worker-" + id + ".log");
    EXPECT_TRUE(worker->started()) << worker->Log();
    return worker;
  }

  // Submits the test song with lyrics that differ only in trailing blank
  // lines, so each variant is a new job (no deduplication) with the same
  // words.
  std::string Submit(const ServeProcess& api, int variant) {
    const auto response = SubmitUpload(api, lyrics_ + std::string(variant, '\n'));
    EXPECT_EQ(response.status, 202) << response.body;
    return JsonOf(response).value("id", "");
  }

  std::int64_t Count(const std::string& sql) {
    try {
      pqxx::connection connection(url_);
      pqxx::read_transaction tx(connection);
      return tx.exec1(sql)[0].as<std::int64_t>();
    } catch (const std::exception&) {
      return -1;  // the server is restarting
    }
  }

  // A running job past its first stage whose worker id is LIKE `pattern`.
  std::string RunningJobOf(const std::string& pattern) {
    try {
      pqxx::connection connection(url_);
      pqxx::read_transaction tx(connection);
      const pqxx::result rows = tx.exec_params(
          "SELECT id FROM jobs WHERE state = 'running' AND worker_id LIKE $1 AND stage <> '' "
          "LIMIT 1",
          pattern);
      return rows.empty() ? "" : rows[0][0].as<std::string>();
    } catch (const std::exception&) {
      return "";
    }
  }

  // Every job succeeded once: one result, one final state event, one
  // timing per stage.
  void ExpectEachJobSucceededOnce(std::int64_t jobs) {
    EXPECT_EQ(Count("SELECT COUNT(*) FROM jobs WHERE state = 'succeeded'"), jobs);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM job_results"), jobs);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM job_events WHERE type = 'state' AND "
                    "data_json::jsonb ->> 'state' = 'succeeded' AND data_json::jsonb ? 'attempts'"),
              jobs);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM (SELECT job_id, data_json::jsonb ->> 'stage' "
                    "FROM job_events WHERE type = 'stage' AND data_json::jsonb ? 'seconds' "
                    "GROUP BY 1, 2 HAVING COUNT(*) > 1) AS repeated"),
              0);
  }

  PgTestDatabase database_;
  std::string url_;
};

TEST_F(MultiNodeTest, ThreeWorkersFinishThirtyJobsOnceThoughOneIsKilledAndOneStopped) {
  auto api = StartApiNode("a");
  ASSERT_TRUE(api->started());
  auto killed = StartWorker("w1", "2", "300");
  auto stopped = StartWorker("w2", "2", "300");
  auto steady = StartWorker("w3", "2", "300");
  constexpr int kJobs = 30;
  for (int i = 0; i < kJobs; ++i) ASSERT_FALSE(Submit(*api, i).empty());

  // Each worker is frozen before its running job is looked up, so the job cannot finish between
  // the lookup and the kill (or the stop).
  const auto frozen_with_a_job = [&](WorkerProcess& worker, const std::string& pattern,
                                     std::string* job) {
    worker.Signal(SIGSTOP);
    *job = RunningJobOf(pattern);
    if (job->empty()) worker.Signal(SIGCONT);
    return !job->empty();
  };
  std::string killed_job;
  ASSERT_TRUE(WaitUntil([&] { return frozen_with_a_job(*killed, "w1-%", &killed_job); }, 120));
  EXPECT_EQ(killed->Stop(SIGKILL), 128 + SIGKILL);

  std::string stopped_job;
  ASSERT_TRUE(WaitUntil([&] { return frozen_with_a_job(*stopped, "w2-%", &stopped_job); }, 120));
  // Past its 2 s lease another worker takes the job over.
  EXPECT_TRUE(WaitUntil(
      [&] {
        return Count("SELECT COUNT(*) FROM jobs WHERE id = '" + stopped_job +
                     "' AND worker_id LIKE 'w3-%'") == 1;
      },
      60));
  stopped->Signal(SIGCONT);

  ASSERT_TRUE(WaitUntil(
      [&] { return Count("SELECT COUNT(*) FROM jobs WHERE state = 'succeeded'") == kJobs; }, 600))
      << Count("SELECT COUNT(*) FROM jobs WHERE state = 'succeeded'") << " of " << kJobs;
  ExpectEachJobSucceededOnce(kJobs);
  for (const std::string& id : {killed_job, stopped_job}) {
    const auto job = JsonOf(api->Call("GET", "/v1/jobs/" + id));
    EXPECT_EQ(job["state"], "succeeded");
    EXPECT_GE(job["attempts"].get<int>(), 2) << id;
  }
  EXPECT_NE(stopped->Log().find("lost its lease"), std::string::npos);
  EXPECT_EQ(stopped->Stop(SIGTERM), 0);
  EXPECT_EQ(steady->Stop(SIGTERM), 0);
  EXPECT_EQ(api->Stop(SIGTERM), 0);
}

TEST_F(MultiNodeTest, AJobSubmittedOnOneApiNodeStreamsItsEventsOnAnother) {
  auto submit_node = StartApiNode("a");
  auto watch_node = StartApiNode("b");
  ASSERT_TRUE(submit_node->started() && watch_node->started());
  auto worker = StartWorker("w1", "5", "500");
  const std::string id = Submit(*submit_node, 0);
  ASSERT_FALSE(id.empty());
  http::testing::SseClient events(watch_node->port(), "/v1/jobs/" + id + "/events");
  ASSERT_EQ(events.status(), 200);
  bool saw_stage = false;
  bool saw_success = false;
  for (std::string block = events.NextBlock(); !block.empty() && !saw_success;
       block = events.NextBlock()) {
    saw_stage = saw_stage || block.find("event: stage") != std::string::npos;
    saw_success = block.find("event: state") != std::string::npos &&
                  block.find("\"succeeded\"") != std::string::npos;
  }
  EXPECT_TRUE(saw_stage);
  EXPECT_TRUE(saw_success);
  EXPECT_EQ(watch_node->Call("GET", "/v1/jobs/" + id + "/lyrics.lrc").status, 200);
  EXPECT_EQ(worker->Stop(SIGTERM), 0);
}

TEST_F(MultiNodeTest, TransientFailuresAreRetriedThenFailWithTheReasonAndCancelsReachTheWorker) {
  auto api = StartApiNode("a");
  ASSERT_TRUE(api->started());
  // Every job's first two attempts fail transiently: retried with backoff, the third succeeds.
  auto retrying = std::make_unique<WorkerProcess>(
      YTL_CLI_PATH,
      std::vector<std::string>{"--store", url_, "--worker-id", "r1", "--max-attempts", "3",
                               "--retry-backoff", "0.2", "--fault-transient-attempts", "2",
                               "--scratch-dir", dir_ + "/scratch-r1"},
      dir_ + "/worker-r1.log");
  ASSERT_TRUE(retrying->started()) << retrying->Log();
  const std::string retried = Submit(*api, 0);
  const auto done = WaitFor(*api, retried, "succeeded", 120);
  EXPECT_EQ(done["attempts"], 3);
  EXPECT_EQ(retrying->Stop(SIGTERM), 0);

  // Here they fail transiently more often than allowed: failed, with the reason.
  auto giving_up = std::make_unique<WorkerProcess>(
      YTL_CLI_PATH,
      std::vector<std::string>{"--store", url_, "--worker-id", "r2", "--max-attempts", "2",
                               "--retry-backoff", "0.2", "--fault-transient-attempts", "9",
                               "--scratch-dir", dir_ + "/scratch-r2"},
      dir_ + "/worker-r2.log");
  ASSERT_TRUE(giving_up->started()) << giving_up->Log();
  const std::string failing = Submit(*api, 1);
  const auto failed = WaitFor(*api, failing, "failed", 120);
  EXPECT_EQ(failed["attempts"], 2);
  EXPECT_NE(failed.dump().find("transient"), std::string::npos) << failed.dump();
  EXPECT_EQ(giving_up->Stop(SIGTERM), 0);

  // A cancel asked on the API node stops the job on the worker holding it.
  auto slow = StartWorker("c1", "5", "3000");
  const std::string cancelled = Submit(*api, 2);
  WaitFor(*api, cancelled, "running", 60);
  EXPECT_EQ(api->Call("DELETE", "/v1/jobs/" + cancelled).status / 100, 2);
  WaitFor(*api, cancelled, "cancelled", 30);
  EXPECT_EQ(slow->Stop(SIGTERM), 0);
}

// A scratch server of its own, so restarting it disturbs no other test.
class PrivatePostgres {
 public:
  PrivatePostgres() : dir_("/tmp/ytl-pg-restart-" + std::to_string(getpid())) {
    const std::string out = Script("start");
    const auto at = out.find("YTL_TEST_POSTGRES_URL=");
    if (at != std::string::npos) {
      url_ = out.substr(at + 22);
      url_ = url_.substr(0, url_.find_first_of("\r\n"));
    }
  }
  ~PrivatePostgres() {
    Script("stop");
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  const std::string& url() const { return url_; }
  bool Restart() { return Script("restart").find("YTL_TEST_POSTGRES_URL=") != std::string::npos; }

 private:
  std::string Script(const std::string& action) {
    const std::string command = "YTL_PG_DIR=" + dir_ + " " + YTL_SOURCE_DIR +
                                "/scripts/postgres-test-server.sh " + action + " 2>&1";
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
      char buffer[512];
      while (fgets(buffer, sizeof(buffer), pipe) != nullptr) out += buffer;
      pclose(pipe);
    }
    return out;
  }

  std::string dir_;
  std::string url_;
};

TEST_F(MultiNodeTest, EverythingReconnectsAndFinishesWhenPostgresRestarts) {
  PrivatePostgres server;
  ASSERT_FALSE(server.url().empty());
  url_ = server.url();
  auto api = StartApiNode("a");
  ASSERT_TRUE(api->started());
  auto first = StartWorker("w1", "5", "400");
  auto second = StartWorker("w2", "5", "400");
  constexpr int kJobs = 6;
  std::vector<std::string> ids;
  for (int i = 0; i < kJobs; ++i) ids.push_back(Submit(*api, i));
  ASSERT_TRUE(WaitUntil([&] { return !RunningJobOf("%").empty(); }, 120));
  EXPECT_LT(Count("SELECT COUNT(*) FROM jobs WHERE state = 'succeeded'"), kJobs);
  ASSERT_TRUE(server.Restart());
  for (const std::string& id : ids) WaitFor(*api, id, "succeeded", 300);
  ExpectEachJobSucceededOnce(kJobs);
  EXPECT_EQ(http::testing::Fetch(api->port(), "GET", "/ready").status, 200);
  EXPECT_EQ(first->Stop(SIGTERM), 0);
  EXPECT_EQ(second->Stop(SIGTERM), 0);
}

}  // namespace
}  // namespace ytl::testing
