// Runs the real yt-dlp against a wav served on 127.0.0.1 by python3, to check
// that the installed yt-dlp accepts our flags and prints what we parse. No
// outside network; skips when yt-dlp, python3 or sox is missing.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "sources/source.h"

extern char** environ;

namespace ytl {
namespace {

namespace fs = std::filesystem;

// Serves the current directory on 127.0.0.1 at a free port written to argv[1].
constexpr char kServer[] = R"(
import http.server, socketserver, sys
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args): pass
with socketserver.TCPServer(("127.0.0.1", 0), Quiet) as s:
    open(sys.argv[1] + ".tmp", "w").write(str(s.server_address[1]))
    __import__("os").rename(sys.argv[1] + ".tmp", sys.argv[1])
    s.serve_forever()
)";

class CountingProgress : public ProgressSink {
 public:
  void OnProgress(std::string_view, double fraction) override { last = fraction; }
  double last = -1;
};

bool ProgramRuns(const ProcessRunner& runner, std::vector<std::string> argv) {
  Result<ProcessResult> run = runner.Run(argv, RunOptions());
  return run.ok() && run->exit_code == 0;
}

class YtDlpLoopbackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!ProgramRuns(runner_, {"yt-dlp", "--version"})) GTEST_SKIP() << "yt-dlp is not installed";
    if (!ProgramRuns(runner_, {"python3", "--version"})) GTEST_SKIP() << "python3 is not installed";
    char tmpl[] = "/tmp/ytl_yt_dlp_loopback_XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    fs::create_directories(root_ / "www");
    fs::create_directories(root_ / "work");
    if (!ProgramRuns(runner_,
                     {"sox", "-n", "-r", "16000", "-c", "1", (root_ / "www" / "song.wav").string(),
                      "synth", "1", "sine", "440"})) {
      GTEST_SKIP() << "sox is not installed";
    }
    StartServer();
  }

  void TearDown() override {
    if (server_pid_ > 0) {
      ::kill(server_pid_, SIGTERM);
      ::waitpid(server_pid_, nullptr, 0);
    }
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  void StartServer() {
    const std::string port_file = (root_ / "port").string();
    std::vector<std::string> args = {"python3", "-c", kServer, port_file};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addchdir_np(&actions, (root_ / "www").c_str());
    ASSERT_EQ(posix_spawnp(&server_pid_, "python3", &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    for (int i = 0; i < 100 && !fs::exists(port_file); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::ifstream(port_file) >> port_;
    ASSERT_GT(port_, 0) << "the loopback HTTP server did not start";
  }

  std::string Url(const std::string& name) const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/" + name;
  }

  Result<ResolvedSource> Resolve(const std::string& url) {
    SourceRequest request;
    request.source = url;
    request.work_dir = (root_ / "work").string();
    request.yt_dlp_timeout_s = 60;
    return ResolveSource(request, runner_, StageContext{&progress_, nullptr});
  }

  fs::path root_;
  pid_t server_pid_ = -1;
  int port_ = 0;
  PosixProcessRunner runner_;
  CountingProgress progress_;
};

TEST_F(YtDlpLoopbackTest, DownloadsADirectAudioLink) {
  Result<ResolvedSource> resolved = Resolve(Url("song.wav"));
  ASSERT_TRUE(resolved.ok()) << resolved.status().ToString();
  EXPECT_EQ(resolved->audio_path, (root_ / "work" / "audio.wav").string());
  EXPECT_EQ(fs::file_size(resolved->audio_path), fs::file_size(root_ / "www" / "song.wav"));
  ASSERT_TRUE(resolved->info.has_value());
  EXPECT_EQ(resolved->info->id, "song");
  EXPECT_EQ(resolved->display_name, "song");
  EXPECT_DOUBLE_EQ(progress_.last, 1.0);
}

TEST_F(YtDlpLoopbackTest, MissingPageIsNotFound) {
  Result<ResolvedSource> resolved = Resolve(Url("missing.wav"));
  EXPECT_EQ(resolved.status().code(), Status::Code::kNotFound);
  EXPECT_NE(resolved.status().message().find("HTTP 404"), std::string::npos)
      << resolved.status().message();
}

}  // namespace
}  // namespace ytl
