#include "tests/serve_test_fixture.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "tests/support/synthetic_song.h"

namespace ytl::testing {

std::string ServeTest::song_bytes_;
std::string ServeTest::lyrics_;

nlohmann::json JsonOf(const http::testing::ClientResponse& response) {
  return nlohmann::json::parse(response.body, nullptr, false);
}

void ServeTest::SetUpTestSuite() {
  if (!song_bytes_.empty()) return;
  SyntheticSongSpec spec;
  spec.lines = {"hello there my friend", "how are you today"};
  spec.intro_s = spec.break_s = spec.outro_s = 1;
  auto song = MakeSyntheticSong(spec);
  ASSERT_TRUE(song.ok()) << song.status().ToString();
  // Per process: ctest runs the test executables in parallel.
  const std::string path = std::filesystem::temp_directory_path() /
                           ("ytl_serve_song_" + std::to_string(getpid()) + ".wav");
  ASSERT_TRUE(WriteWav(path, song->mix).ok());
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  song_bytes_ = bytes.str();
  lyrics_ = song->lyrics_text;
  std::filesystem::remove(path);
}

void ServeTest::SetUp() {
  char tmpl[] = "/tmp/ytl_serve_e2e_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  dir_ = tmpl;
}

void ServeTest::TearDown() {
  if (HasFailure()) {
    std::ifstream in(dir_ + "/server.log");
    std::stringstream log;
    log << in.rdbuf();
    std::cerr << "---- server log ----\n" << log.str().substr(0, 20000) << "\n";
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::unique_ptr<ServeProcess> ServeTest::Start(std::vector<std::string> args,
                                               const std::string& data) {
  if (std::find(args.begin(), args.end(), "--workers") == args.end()) {
    args.insert(args.end(), {"--workers", "1"});
  }
  auto server =
      std::make_unique<ServeProcess>(YTL_CLI_PATH, dir_ + "/" + data, args, dir_ + "/server.log");
  EXPECT_TRUE(server->started()) << server->Log();
  return server;
}

http::testing::ClientResponse ServeTest::SubmitUpload(const ServeProcess& server,
                                                      const std::string& lyrics,
                                                      const http::testing::Headers& headers) {
  http::testing::Headers all = headers;
  all.emplace_back("Content-Type", kMultipartType);
  return server.Call(
      "POST", "/v1/jobs",
      MultipartBody(
          {{"audio", "song.wav", song_bytes_}, {"lyrics", "", lyrics}, {"formats", "", "lrc,srt"}}),
      all);
}

nlohmann::json ServeTest::WaitFor(const ServeProcess& server, const std::string& id,
                                  const std::string& state, double timeout_s) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  nlohmann::json job;
  while (std::chrono::steady_clock::now() < deadline) {
    job = JsonOf(server.Call("GET", "/v1/jobs/" + id));
    if (job.is_object() && job.contains("state")) {
      const std::string now = job["state"];
      const bool final = now == "succeeded" || now == "failed" || now == "cancelled";
      if (now == state || (state == "final" && final)) return job;
      if (final && state != now) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ADD_FAILURE() << "job " << id << " did not reach " << state << "; last: " << job.dump();
  return job;
}

std::string ServeTest::WriteFakeYtDlp(double reported_duration_s) {
  const std::string wav = dir_ + "/song.wav";
  std::ofstream(wav, std::ios::binary) << song_bytes_;
  const std::string fake = dir_ + "/yt-dlp";
  {
    std::ofstream script(fake);
    script << "#!/bin/bash\nprev=''; paths=''; out=''\n"
           << "for a in \"$@\"; do\n"
           << "  case \"$prev\" in --paths) paths=\"$a\";; --output) out=\"$a\";; esac\n"
           << "  prev=\"$a\"\ndone\n"
           << "echo call >> '" << dir_ << "/yt-dlp-calls'\n"
           << "dest=\"$paths/${out%.%(ext)s}.wav\"\ncp '" << wav << "' \"$dest\"\n"
           << "echo '{\"id\": \"abc\", \"title\": \"Song\", \"duration\": " << reported_duration_s
           << "}'\n"
           << "echo \"$dest\"\n";
  }
  chmod(fake.c_str(), 0755);
  return fake;
}

double ServeTest::SongDurationS() {
  const auto u32 = [](std::size_t at) {
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i)
      value = value << 8 | static_cast<unsigned char>(song_bytes_[at + i]);
    return value;
  };
  // Canonical header: byte rate at 28, data size at 40.
  return static_cast<double>(u32(40)) / u32(28);
}

}  // namespace ytl::testing
