// Runs the container's own start command (the Dockerfile's CMD with its ENV, PORT set as a
// platform would) on the built binary, and checks what Railway and Fly rely on: /health and
// /ready answer, SIGTERM turns /ready to 503 while /health stays 200, and the process drains and
// exits 0 before fly.toml's kill_timeout.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/deploy/deploy_files.h"
#include "tests/serve_process.h"
#include "tests/support/synthetic_song.h"

namespace ytl::testing {
namespace {

using Clock = std::chrono::steady_clock;
const std::string kRoot = YTL_SOURCE_DIR;

// A port that was free a moment ago (the platform picks PORT; here the kernel does).
int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof(addr);
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), size) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size) == 0) {
    port = ntohs(addr.sin_port);
  }
  close(fd);
  return port;
}

// Starts argv with exactly `env` (as in a container), stdout and stderr into `log_path`.
pid_t Spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
            const std::string& log_path) {
  std::vector<std::string> env_strings;
  for (const auto& [key, value] : env) env_strings.push_back(key + "=" + value);
  std::vector<char*> args, envp;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  for (const auto& entry : env_strings) envp.push_back(const_cast<char*>(entry.c_str()));
  args.push_back(nullptr);
  envp.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    execve(args[0], args.data(), envp.data());
    _exit(127);
  }
  return pid;
}

class ContainerStartTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/ytl_deploy_e2e_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (HasFailure()) std::cerr << "---- server log ----\n" << Log().substr(0, 20000) << "\n";
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::string Log() const {
    auto text = ReadTextFile(dir_ + "/server.log");
    return text.ok() ? *text : "";
  }
  // Waits (up to 60 s) for the "listening on" line; false when the process ended or never said.
  bool WaitListening() {
    for (auto deadline = Clock::now() + std::chrono::seconds(60); Clock::now() < deadline;) {
      if (Log().find("listening on") != std::string::npos) return true;
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
  std::string WavBytes() {
    SyntheticSongSpec spec;
    spec.lines = {"hello there my friend"};
    spec.intro_s = spec.break_s = spec.outro_s = 1;
    auto song = MakeSyntheticSong(spec);
    EXPECT_TRUE(song.ok()) << song.status().ToString();
    if (!song.ok() || !WriteWav(dir_ + "/song.wav", song->mix).ok()) return "";
    lyrics_ = song->lyrics_text;
    auto bytes = ReadTextFile(dir_ + "/song.wav");
    return bytes.ok() ? *bytes : "";
  }
  std::string JobState(int port, const std::string& id) {
    const auto job = nlohmann::json::parse(http::testing::Fetch(port, "GET", "/v1/jobs/" + id).body,
                                           nullptr, false);
    return job.is_object() ? job.value("state", "") : "";
  }

  // Starts the Dockerfile's CMD on the built binary with the image's ENV, a free PORT, a temp
  // data dir and a slowed job pipeline; reads fly.toml's kill_timeout.
  void StartContainerCommand(int* port, double* kill_timeout_s) {
    auto dockerfile_text = ReadTextFile(kRoot + "/Dockerfile");
    auto fly_text = ReadTextFile(kRoot + "/fly.toml");
    ASSERT_TRUE(dockerfile_text.ok() && fly_text.ok()) << "Dockerfile or fly.toml missing";
    auto dockerfile = ParseDockerfile(*dockerfile_text);
    ASSERT_TRUE(dockerfile.ok()) << dockerfile.status().ToString();
    const auto* cmd = dockerfile->FinalInstruction("CMD");
    ASSERT_NE(cmd, nullptr);
    auto argv = ExecFormArgs(*cmd);
    ASSERT_TRUE(argv.ok()) << argv.status().ToString();
    ASSERT_EQ((*argv)[0], "yt-lyrics");
    (*argv)[0] = YTL_CLI_PATH;  // the image puts the same binary on PATH
    const auto fly = ScanToml(*fly_text);
    ASSERT_TRUE(fly.count("kill_timeout"));
    *kill_timeout_s = std::stod(fly.at("kill_timeout"));

    // The image's environment, with what the platform and this test set on top.
    auto env = dockerfile->FinalEnv();
    *port = FreePort();
    ASSERT_GT(*port, 0);
    env["PORT"] = std::to_string(*port);
    env["YT_LYRICS_DATA_DIR"] = dir_ + "/data";
    env["PATH"] = "/usr/local/bin:/usr/bin:/bin";
    env["HOME"] = dir_;
    env["YT_LYRICS_WORKERS"] = "1";
    env["YT_LYRICS_FAULT_DELAY_MS"] = "3000";  // keeps the job running through the SIGTERM
    env["YT_LYRICS_GRACE_PERIOD"] = "4";       // shorter than the image's, to keep the test short
    pid_ = Spawn(*argv, env, dir_ + "/server.log");
    ASSERT_GT(pid_, 0);
  }

  std::string dir_;
  std::string lyrics_;
  pid_t pid_ = -1;
};

TEST_F(ContainerStartTest, StartCommandServesHealthAndDrainsOnSigterm) {
  int port = 0;
  double kill_timeout_s = 0;
  StartContainerCommand(&port, &kill_timeout_s);
  if (HasFatalFailure()) return;
  ASSERT_TRUE(WaitListening()) << "no 'listening on' line from the start command";
  EXPECT_NE(Log().find("0.0.0.0:" + std::to_string(port)), std::string::npos)
      << "PORT should make the server listen on 0.0.0.0:$PORT";
  EXPECT_EQ(http::testing::Fetch(port, "GET", "/health").status, 200);
  EXPECT_EQ(http::testing::Fetch(port, "GET", "/ready").status, 200);

  const std::string wav = WavBytes();
  ASSERT_FALSE(wav.empty());
  const auto submitted = http::testing::Fetch(
      port, "POST", "/v1/jobs", {{"Content-Type", kMultipartType}},
      MultipartBody({{"audio", "song.wav", wav}, {"lyrics", "", lyrics_}, {"formats", "", "lrc"}}));
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  const std::string id = nlohmann::json::parse(submitted.body)["id"];
  for (int i = 0; i < 200 && JobState(port, id) != "running"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(JobState(port, id), "running");

  const auto term_sent = Clock::now();
  ASSERT_EQ(kill(pid_, SIGTERM), 0);
  bool saw_draining = false;
  int status = 0;
  pid_t ended = 0;
  while (ended == 0 && Clock::now() - term_sent < std::chrono::duration<double>(kill_timeout_s)) {
    if (!saw_draining && http::testing::Fetch(port, "GET", "/ready").status == 503) {
      saw_draining = true;
      EXPECT_EQ(http::testing::Fetch(port, "GET", "/health").status, 200)
          << "/health must stay 200 while draining, or the platform restarts the machine";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ended = waitpid(pid_, &status, WNOHANG);
  }
  ASSERT_EQ(ended, pid_) << "the server did not exit within fly.toml's kill_timeout ("
                         << kill_timeout_s << " s) after SIGTERM";
  pid_ = -1;
  EXPECT_TRUE(saw_draining) << "/ready never answered 503 after SIGTERM";
  ASSERT_TRUE(WIFEXITED(status)) << "ended by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace ytl::testing
