// `yt-lyrics serve` end to end over HTTP: uploads and URLs, the SSE sequence, every format, cache
// hits, cancel, limits and bad inputs, API keys.
#include "tests/serve_test_fixture.h"

namespace ytl::testing {
namespace {

using http::testing::SseClient;

// Reads SSE blocks until the stream ends; returns them.
std::vector<std::string> ReadAllEvents(int port, const std::string& target,
                                       const http::testing::Headers& headers = {}) {
  SseClient client(port, target, headers);
  std::vector<std::string> blocks;
  for (int i = 0; i < 10000; ++i) {
    std::string block = client.NextBlock();
    if (block.empty()) break;
    if (block.rfind(':', 0) == 0) continue;  // heartbeat comment
    blocks.push_back(block);
  }
  return blocks;
}

TEST_F(ServeTest, UploadRunsWithEventsEveryFormatAudioRangesAndACacheHit) {
  auto server = Start({});
  ASSERT_TRUE(server->started());
  EXPECT_NE(server->Log().find("the API is open"), std::string::npos);
  EXPECT_EQ(server->Call("GET", "/health").status, 200);
  EXPECT_EQ(server->Call("GET", "/ready").status, 200);

  auto submitted = SubmitUpload(*server, lyrics_);
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  EXPECT_FALSE(submitted.Header("x-request-id").empty());
  const auto job = JsonOf(submitted);
  const std::string id = job["id"];
  EXPECT_EQ(job["existing"], false);
  EXPECT_EQ(job["links"]["events"], "/v1/jobs/" + id + "/events");

  const auto events = ReadAllEvents(server->port(), "/v1/jobs/" + id + "/events");
  ASSERT_GE(events.size(), 4u);
  EXPECT_NE(events.front().find("id: 1\n"), std::string::npos) << events.front();
  EXPECT_NE(events.front().find("event: state"), std::string::npos);
  EXPECT_NE(events.back().find("\"succeeded\""), std::string::npos) << events.back();
  bool saw_stage = false, saw_progress = false;
  for (const auto& e : events) {
    saw_stage |= e.find("event: stage") != std::string::npos;
    saw_progress |= e.find("event: progress") != std::string::npos;
  }
  EXPECT_TRUE(saw_stage && saw_progress);

  // Resume after the next-to-last event: only the final one comes.
  const auto resumed = ReadAllEvents(server->port(), "/v1/jobs/" + id + "/events",
                                     {{"Last-Event-ID", std::to_string(events.size() - 1)}});
  ASSERT_EQ(resumed.size(), 1u);
  EXPECT_EQ(resumed[0], events.back());

  const auto done = WaitFor(*server, id, "succeeded");
  EXPECT_TRUE(done["stage_timings_s"].contains("align")) << done.dump();
  for (const char* format : {"json", "lrc", "elrc", "srt", "vtt", "ass"}) {
    const auto lyrics = server->Call("GET", "/v1/jobs/" + id + "/lyrics." + format);
    EXPECT_EQ(lyrics.status, 200) << format << ": " << lyrics.body;
    EXPECT_NE(lyrics.body.find("friend"), std::string::npos) << format;
  }
  EXPECT_NE(server->Call("GET", "/v1/jobs/" + id + "/lyrics.vtt").body.find("WEBVTT"),
            std::string::npos);

  const auto audio = server->Call("GET", "/v1/jobs/" + id + "/audio", "", {{"Range", "bytes=0-3"}});
  EXPECT_EQ(audio.status, 206);
  EXPECT_EQ(audio.body, "RIFF");

  // The same song and lyrics again, by upload id: the finished job comes back at once.
  const auto again = server->PostJson(
      "/v1/jobs",
      nlohmann::json{{"upload_id", job["request"]["upload_id"]}, {"lyrics", lyrics_}}.dump());
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(JsonOf(again)["id"], id);
  EXPECT_EQ(JsonOf(again)["existing"], true);
  EXPECT_EQ(JsonOf(again)["state"], "succeeded");
  // Other lyrics make a new job.
  const auto other = server->PostJson(
      "/v1/jobs",
      nlohmann::json{{"upload_id", job["request"]["upload_id"]}, {"lyrics", "hello"}}.dump());
  EXPECT_EQ(other.status, 202) << other.body;
  EXPECT_NE(JsonOf(other)["id"], id);

  const auto list = JsonOf(server->Call("GET", "/v1/jobs?state=succeeded&limit=10"));
  ASSERT_TRUE(list["jobs"].is_array());
  EXPECT_EQ(list["jobs"][0]["id"], id);
  const auto metrics = server->Call("GET", "/metrics");
  EXPECT_NE(metrics.body.find("ytl_stage_duration_seconds_count{stage=\"align\"}"),
            std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("route=\"/v1/jobs/{id}\",status=\"200\""), std::string::npos);
  EXPECT_NE(JsonOf(server->Call("GET", "/openapi.json"))["paths"].size(), 0u);
  EXPECT_EQ(server->Stop(SIGTERM), 0);
}

TEST_F(ServeTest, UrlSubmissionRunsThroughYtDlpAndKeepsItsAudio) {
  auto server = Start({"--yt-dlp", WriteFakeYtDlp(), "--allow-private-urls"});
  ASSERT_TRUE(server->started());
  const auto submitted = server->PostJson(
      "/v1/jobs",
      nlohmann::json{{"url", "http://127.0.0.1:9/watch?v=abc"}, {"lyrics", lyrics_}}.dump());
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  const std::string id = JsonOf(submitted)["id"];
  const auto done = WaitFor(*server, id, "succeeded");
  EXPECT_TRUE(done["stage_timings_s"].contains("download")) << done.dump();
  const auto json = JsonOf(server->Call("GET", "/v1/jobs/" + id + "/lyrics.json"));
  EXPECT_EQ(json["source"], "http://127.0.0.1:9/watch?v=abc") << json.dump();
  EXPECT_EQ(server->Call("GET", "/v1/jobs/" + id + "/lyrics.lrc").status, 200);

  // The downloaded song is kept for playback, with its content type and byte ranges.
  const auto audio = server->Call("GET", "/v1/jobs/" + id + "/audio");
  EXPECT_EQ(audio.status, 200);
  EXPECT_EQ(audio.Header("content-type"), "audio/wav");
  EXPECT_EQ(audio.Header("accept-ranges"), "bytes");
  EXPECT_TRUE(audio.body == song_bytes_) << "served " << audio.body.size() << " bytes";
  const auto middle =
      server->Call("GET", "/v1/jobs/" + id + "/audio", "", {{"Range", "bytes=8-11"}});
  EXPECT_EQ(middle.status, 206);
  EXPECT_EQ(middle.body, "WAVE");
  EXPECT_EQ(middle.Header("content-range"), "bytes 8-11/" + std::to_string(song_bytes_.size()));
  const auto outside =
      server->Call("GET", "/v1/jobs/" + id + "/audio", "",
                   {{"Range", "bytes=" + std::to_string(song_bytes_.size()) + "-"}});
  EXPECT_EQ(outside.status, 416);
}

TEST_F(ServeTest, LimitsAndBadInputsGetClearErrors) {
  auto server = Start({"--max-upload-mb", "3", "--max-lyrics-kb", "1", "--max-jobs-per-client", "1",
                       "--fault-delay-ms", "3000"});
  ASSERT_TRUE(server->started());
  const auto expect = [](const http::testing::ClientResponse& r, int status,
                         const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(JsonOf(r)["error"]["code"], code) << r.body;
    EXPECT_FALSE(JsonOf(r)["error"]["message"].get<std::string>().empty());
  };
  expect(server->PostJson("/v1/jobs", "{not json"), 400, "invalid_input");
  expect(server->Call("POST", "/v1/jobs", "x", {{"Content-Type", "text/plain"}}), 415,
         "invalid_input");
  expect(server->Call(
             "POST", "/v1/jobs",
             MultipartBody({{"audio", "big.wav", "RIFF" + std::string((3 << 20) + 30000, 'x')}}),
             {{"Content-Type", kMultipartType}}),
         413, "resource_exhausted");
  expect(server->Call("POST", "/v1/jobs", MultipartBody({{"audio", "notes.txt", "just text"}}),
                      {{"Content-Type", kMultipartType}}),
         415, "unsupported_media");
  expect(server->PostJson(
             "/v1/jobs",
             nlohmann::json{{"url", "https://a.b/c"}, {"lyrics", std::string(2000, 'a')}}.dump()),
         413, "resource_exhausted");
  expect(server->PostJson("/v1/jobs", R"({"url":"http://127.0.0.1/song"})"), 422, "url_refused");
  expect(server->PostJson("/v1/jobs", R"({"url":"http://169.254.169.254/latest"})"), 422,
         "url_refused");
  expect(server->PostJson("/v1/jobs", R"({"url":"ftp://example.com/song"})"), 422, "url_refused");
  expect(server->PostJson("/v1/jobs", R"({"upload_id":"feedbeef"})"), 404, "not_found");
  expect(server->Call("GET", "/v1/jobs/nope"), 404, "not_found");
  expect(server->Call("GET", "/v1/jobs/nope/events"), 404, "not_found");
  expect(server->Call("GET", "/v1/jobs?state=bogus"), 400, "invalid_input");

  // One job per client: the second distinct job is refused, and cancel frees the slot.
  const auto first = SubmitUpload(*server, lyrics_);
  ASSERT_EQ(first.status, 202) << first.body;
  const std::string id = JsonOf(first)["id"];
  expect(server->Call("GET", "/v1/jobs/" + id + "/lyrics.mp3"), 404, "not_found");
  expect(server->Call("GET", "/v1/jobs/" + id + "/lyrics.lrc"), 409, "not_ready");
  expect(SubmitUpload(*server, "other words"), 429, "too_many_jobs");
  WaitFor(*server, id, "running");
  EXPECT_EQ(server->Call("DELETE", "/v1/jobs/" + id).status, 202);
  WaitFor(*server, id, "cancelled");
  expect(server->Call("DELETE", "/v1/jobs/nope"), 404, "not_found");
  EXPECT_EQ(SubmitUpload(*server, "other words").status, 202);
}

TEST_F(ServeTest, AnUploadJustOverMaxDurationIsRefusedAtSubmission) {
  const double limit_s = SongDurationS() - 0.5;
  ASSERT_GT(limit_s, 1);
  auto server = Start({"--max-duration", std::to_string(limit_s)});
  ASSERT_TRUE(server->started());
  const auto refused = SubmitUpload(*server, lyrics_);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(JsonOf(refused)["error"]["code"], "resource_exhausted");
  EXPECT_NE(JsonOf(refused)["error"]["message"].get<std::string>().find("--max-duration"),
            std::string::npos)
      << refused.body;
  EXPECT_EQ(server->Call("POST", "/v1/uploads", song_bytes_).status, 422);
  EXPECT_EQ(JsonOf(server->Call("GET", "/v1/jobs"))["jobs"].size(), 0u) << "a job was queued";
}

TEST_F(ServeTest, AUrlSongOverMaxDurationFailsItsJobAfterTheDownload) {
  auto server =
      Start({"--yt-dlp", WriteFakeYtDlp(7200), "--allow-private-urls", "--max-duration", "600"});
  ASSERT_TRUE(server->started());
  const auto submitted = server->PostJson(
      "/v1/jobs",
      nlohmann::json{{"url", "http://127.0.0.1:9/watch?v=long"}, {"lyrics", lyrics_}}.dump());
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  const std::string id = JsonOf(submitted)["id"];
  const auto job = WaitFor(*server, id, "failed");
  EXPECT_EQ(job["error"]["code"], "resource_exhausted") << job.dump();
  EXPECT_NE(job["error"]["message"].get<std::string>().find("--max-duration"), std::string::npos)
      << job.dump();
  EXPECT_EQ(server->Call("GET", "/v1/jobs/" + id + "/lyrics.lrc").status, 422);
  EXPECT_EQ(server->Call("GET", "/v1/jobs/" + id + "/audio").status, 404)
      << "an overlong song was kept";
}

TEST_F(ServeTest, AStageOverItsTimeLimitFailsTheJobAndTheServerStaysUp) {
  auto server = Start({"--stage-time-limit", "0.001"});
  ASSERT_TRUE(server->started());
  const auto submitted = SubmitUpload(*server, lyrics_);
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  const std::string id = JsonOf(submitted)["id"];
  const auto job = WaitFor(*server, id, "failed");
  EXPECT_EQ(job["error"]["code"], "deadline_exceeded") << job.dump();
  EXPECT_NE(job["error"]["message"].get<std::string>().find("--stage-time-limit"),
            std::string::npos)
      << job.dump();
  EXPECT_EQ(http::testing::Fetch(server->port(), "GET", "/health").status, 200);
}

TEST_F(ServeTest, ApiKeysGuardTheJobRoutesOnly) {
  auto server = Start({"--api-key", "k1", "--api-key", "k2"});
  ASSERT_TRUE(server->started());
  EXPECT_EQ(server->Log().find("the API is open"), std::string::npos);
  EXPECT_EQ(server->Call("GET", "/v1/jobs").status, 401);
  EXPECT_EQ(server->Call("GET", "/v1/jobs", "", {{"Authorization", "Bearer nope"}}).status, 401);
  EXPECT_EQ(server->Call("GET", "/v1/jobs", "", {{"Authorization", "Bearer k2"}}).status, 200);
  EXPECT_EQ(SubmitUpload(*server, lyrics_).status, 401);
  EXPECT_EQ(SubmitUpload(*server, lyrics_, {{"Authorization", "Bearer k1"}}).status, 202);
  EXPECT_EQ(server->Call("GET", "/health").status, 200);
  EXPECT_EQ(server->Call("GET", "/metrics").status, 200);
  const auto page = server->Call("GET", "/");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.Header("content-type").find("text/html"), std::string::npos);
  EXPECT_EQ(server->Call("GET", "/app.js").status, 200);
  EXPECT_EQ(server->Call("GET", "/no-such-file.js").status, 404);
}

}  // namespace
}  // namespace ytl::testing
