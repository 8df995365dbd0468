// `yt-lyrics serve` shutdown and recovery: SIGTERM drains and exits 0, a killed server's job
// finishes after a restart with exactly one result.
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "tests/serve_test_fixture.h"

namespace ytl::testing {
namespace {

int CountFinalEvents(const ServeProcess& server, const std::string& id) {
  http::testing::SseClient client(server.port(), "/v1/jobs/" + id + "/events");
  int succeeded = 0;
  for (std::string block = client.NextBlock(); !block.empty(); block = client.NextBlock()) {
    if (block.find("event: state") != std::string::npos &&
        block.find("\"succeeded\"") != std::string::npos) {
      ++succeeded;
    }
  }
  return succeeded;
}

TEST_F(ServeTest, SigtermRequeuesARunningJobAndExitsZeroThenTheJobFinishes) {
  // Every stage waits 4 s, so the running job cannot finish within the 5 s grace period, and
  // the drain lasts long enough to be seen from a slow or loaded machine.
  auto server = Start({"--fault-delay-ms", "4000", "--grace-period", "5"});
  ASSERT_TRUE(server->started());
  const auto submitted = SubmitUpload(*server, lyrics_);
  ASSERT_EQ(submitted.status, 202);
  const std::string id = JsonOf(submitted)["id"];
  WaitFor(*server, id, "running");
  std::thread stopper([&] { EXPECT_EQ(server->Stop(SIGTERM, 30), 0); });
  // While draining: /health answers, /ready and submissions are refused.
  bool saw_draining = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(4);
  while (!saw_draining && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const auto ready = http::testing::Fetch(server->port(), "GET", "/ready");
    if (ready.status == 503) {
      saw_draining = true;
      EXPECT_EQ(http::testing::Fetch(server->port(), "GET", "/health").status, 200);
      EXPECT_EQ(SubmitUpload(*server, "late words").status, 503);
    }
  }
  stopper.join();
  EXPECT_TRUE(saw_draining);
  EXPECT_NE(server->Log().find("\"event\":\"stopped\""), std::string::npos);

  auto restarted = Start({});
  ASSERT_TRUE(restarted->started());
  const auto job = WaitFor(*restarted, id, "succeeded");
  EXPECT_GE(job["attempts"].get<int>(), 2);
  EXPECT_EQ(CountFinalEvents(*restarted, id), 1);
  EXPECT_EQ(restarted->Stop(SIGINT), 0);
}

TEST_F(ServeTest, SigkillThenRestartFinishesTheJobWithOneResult) {
  auto server = Start({"--fault-delay-ms", "4000"});
  ASSERT_TRUE(server->started());
  const auto submitted = SubmitUpload(*server, lyrics_);
  ASSERT_EQ(submitted.status, 202);
  const std::string id = JsonOf(submitted)["id"];
  WaitFor(*server, id, "running");
  EXPECT_EQ(server->Stop(SIGKILL), 128 + SIGKILL);

  auto restarted = Start({});
  ASSERT_TRUE(restarted->started());
  EXPECT_NE(restarted->Log().find("\"event\":\"recovered\""), std::string::npos);
  const auto job = WaitFor(*restarted, id, "succeeded");
  EXPECT_EQ(job["attempts"], 2);
  EXPECT_EQ(restarted->Call("GET", "/v1/jobs/" + id + "/lyrics.json").status, 200);
  EXPECT_EQ(CountFinalEvents(*restarted, id), 1);
  const auto list = JsonOf(restarted->Call("GET", "/v1/jobs"));
  EXPECT_EQ(list["jobs"].size(), 1u);
}

TEST_F(ServeTest, AUrlJobKilledAfterItsDownloadResumesWithoutDownloadingAgain) {
  const std::vector<std::string> args = {"--yt-dlp", WriteFakeYtDlp(), "--allow-private-urls"};
  std::vector<std::string> slow = args;
  slow.insert(slow.end(), {"--fault-delay-ms", "4000"});
  auto server = Start(slow);
  ASSERT_TRUE(server->started());
  const auto submitted = server->PostJson(
      "/v1/jobs",
      nlohmann::json{{"url", "http://127.0.0.1:9/watch?v=resume"}, {"lyrics", lyrics_}}.dump());
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  const std::string id = JsonOf(submitted)["id"];
  std::string stage;
  for (int i = 0; i < 600 && (stage.empty() || stage == "download"); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto job = JsonOf(server->Call("GET", "/v1/jobs/" + id));
    stage = job.value("stage", "");
  }
  ASSERT_FALSE(stage.empty() || stage == "download") << "the job never got past its download";
  EXPECT_EQ(server->Stop(SIGKILL), 128 + SIGKILL);

  auto restarted = Start(args);
  ASSERT_TRUE(restarted->started());
  WaitFor(*restarted, id, "succeeded");
  std::ifstream calls(dir_ + "/yt-dlp-calls");
  std::string line;
  int downloads = 0;
  while (std::getline(calls, line)) ++downloads;
  EXPECT_EQ(downloads, 1) << "the re-run downloaded the song again";
  const auto audio = restarted->Call("GET", "/v1/jobs/" + id + "/audio");
  EXPECT_EQ(audio.status, 200);
  EXPECT_TRUE(audio.body == song_bytes_);
}

}  // namespace
}  // namespace ytl::testing
