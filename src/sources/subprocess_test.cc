#include "sources/subprocess.h"

#include <dirent.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

namespace ytl {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int CountOpenFds() {
  int count = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator("/proc/self/fd")) ++count;
  return count;
}

// True while `pid` exists and is not a zombie.
bool IsRunning(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  std::size_t paren = line.rfind(')');
  return paren != std::string::npos && paren + 2 < line.size() && line[paren + 2] != 'Z';
}

bool BecomesDead(pid_t pid, double within_s) {
  auto start = Clock::now();
  while (SecondsSince(start) < within_s) {
    if (!IsRunning(pid)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

void ExpectNoChildLeft() {
  errno = 0;
  EXPECT_EQ(::waitpid(-1, nullptr, WNOHANG), -1) << "a child process was left unreaped";
  EXPECT_EQ(errno, ECHILD);
}

class PosixProcessRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/ytl_subprocess_test_XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  RunOptions Options(double timeout_s = 10) const {
    RunOptions options;
    options.timeout_s = timeout_s;
    options.kill_grace_s = 0.5;
    return options;
  }

  fs::path dir_;
  PosixProcessRunner runner_;
};

TEST_F(PosixProcessRunnerTest, PassesArgumentsUnchangedWithoutAShell) {
  const std::string sentinel = (dir_ / "pwned").string();
  const std::vector<std::string> args = {"two words",
                                         "it's \"quoted\"",
                                         "$(touch " + sentinel + ")",
                                         "`touch " + sentinel + "`",
                                         "; touch " + sentinel,
                                         "*",
                                         "",
                                         "tab\there",
                                         "ünïcødé"};
  std::vector<std::string> argv = {"printf", "[%s]\\n"};
  argv.insert(argv.end(), args.begin(), args.end());

  Result<ProcessResult> run = runner_.Run(argv, Options());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  std::string expected;
  for (const std::string& arg : args) expected += "[" + arg + "]\n";
  EXPECT_EQ(run->stdout_text, expected);
  EXPECT_EQ(run->exit_code, 0);
  EXPECT_FALSE(fs::exists(sentinel)) << "an argument was interpreted by a shell";
}

TEST_F(PosixProcessRunnerTest, ReportsExitCodeAndSeparatesStreams) {
  Result<ProcessResult> run =
      runner_.Run({"sh", "-c", "echo out; echo err >&2; exit 7"}, Options());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->exit_code, 7);
  EXPECT_FALSE(run->timed_out);
  EXPECT_EQ(run->stdout_text, "out\n");
  EXPECT_EQ(run->stderr_text, "err\n");
}

TEST_F(PosixProcessRunnerTest, ReportsDeathBySignalAs128PlusSignal) {
  Result<ProcessResult> run = runner_.Run({"sh", "-c", "kill -USR1 $$"}, Options());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->exit_code, 128 + SIGUSR1);
}

TEST_F(PosixProcessRunnerTest, StreamsStderrAndStdoutLines) {
  std::vector<std::string> err_lines, out_lines;
  RunOptions options = Options();
  options.on_stderr_line = [&](std::string_view l) { err_lines.emplace_back(l); };
  options.on_stdout_line = [&](std::string_view l) { out_lines.emplace_back(l); };
  Result<ProcessResult> run = runner_.Run(
      {"sh", "-c", "printf 'a\\rb\\n' >&2; echo x; printf 'c' >&2; printf 'no newline'"}, options);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(err_lines, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(out_lines, (std::vector<std::string>{"x", "no newline"}));
}

TEST_F(PosixProcessRunnerTest, StartsInWorkingDirWithEmptyStdin) {
  RunOptions options = Options();
  options.working_dir = dir_.string();
  Result<ProcessResult> run = runner_.Run({"sh", "-c", "pwd; cat; echo done"}, options);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->stdout_text, fs::canonical(dir_).string() + "\ndone\n");
}

TEST_F(PosixProcessRunnerTest, RejectsMissingWorkingDir) {
  RunOptions options = Options();
  options.working_dir = (dir_ / "absent").string();
  Result<ProcessResult> run = runner_.Run({"true"}, options);
  EXPECT_EQ(run.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(run.status().message().find("absent"), std::string::npos);
}

TEST_F(PosixProcessRunnerTest, MissingBinaryIsNotFound) {
  for (const std::string program : {"ytl-no-such-program-4711", "/nonexistent/dir/yt-dlp"}) {
    Result<ProcessResult> run = runner_.Run({program, "--version"}, Options());
    EXPECT_EQ(run.status().code(), Status::Code::kNotFound) << program;
    EXPECT_NE(run.status().message().find(program), std::string::npos);
  }
  ExpectNoChildLeft();
}

TEST_F(PosixProcessRunnerTest, NonExecutableFileIsUnavailable) {
  fs::path script = dir_ / "not_executable";
  std::ofstream(script) << "#!/bin/sh\necho hi\n";
  Result<ProcessResult> run = runner_.Run({script.string()}, Options());
  EXPECT_EQ(run.status().code(), Status::Code::kUnavailable);
}

TEST_F(PosixProcessRunnerTest, EmptyArgvIsInvalidInput) {
  EXPECT_EQ(runner_.Run({}, Options()).status().code(), Status::Code::kInvalidInput);
}

TEST_F(PosixProcessRunnerTest, TimeoutKillsTheWholeProcessGroup) {
  auto start = Clock::now();
  // The grandchild `sleep` shares the pipes; only a group kill ends it.
  Result<ProcessResult> run =
      runner_.Run({"sh", "-c", "sleep 30 & echo $!; wait"}, Options(/*timeout_s=*/0.3));
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_TRUE(run->timed_out);
  EXPECT_LT(SecondsSince(start), 3.0);
  pid_t grandchild = std::atoi(run->stdout_text.c_str());
  ASSERT_GT(grandchild, 0) << "stdout: " << run->stdout_text;
  EXPECT_TRUE(BecomesDead(grandchild, 2.0)) << "grandchild " << grandchild << " survived";
  ExpectNoChildLeft();
}

TEST_F(PosixProcessRunnerTest, TimeoutEscalatesToSigkillWhenTermIsIgnored) {
  auto start = Clock::now();
  Result<ProcessResult> run =
      runner_.Run({"sh", "-c", "trap '' TERM; sleep 30"}, Options(/*timeout_s=*/0.2));
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_TRUE(run->timed_out);
  EXPECT_EQ(run->exit_code, 128 + SIGKILL);
  EXPECT_LT(SecondsSince(start), 3.0);
  ExpectNoChildLeft();
}

TEST_F(PosixProcessRunnerTest, EndlessOutputHitsTheCap) {
  RunOptions options = Options();
  options.max_output_bytes = 100000;
  auto start = Clock::now();
  Result<ProcessResult> run = runner_.Run({"yes", "endless"}, options);
  EXPECT_EQ(run.status().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(run.status().message().find("100000"), std::string::npos);
  EXPECT_LT(SecondsSince(start), 3.0);
  ExpectNoChildLeft();
}

TEST_F(PosixProcessRunnerTest, OutputJustUnderTheCapIsKept) {
  RunOptions options = Options();
  options.max_output_bytes = 1000;
  Result<ProcessResult> run = runner_.Run({"head", "-c", "1000", "/dev/zero"}, options);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->stdout_text.size(), 1000u);
}

TEST_F(PosixProcessRunnerTest, CancelStopsARunningProgram) {
  CancelToken cancel;
  RunOptions options = Options(/*timeout_s=*/30);
  options.cancel = &cancel;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    cancel.Cancel();
  });
  auto start = Clock::now();
  Result<ProcessResult> run = runner_.Run({"sleep", "30"}, options);
  canceller.join();
  EXPECT_EQ(run.status().code(), Status::Code::kCancelled);
  EXPECT_LT(SecondsSince(start), 3.0);
  ExpectNoChildLeft();
}

TEST_F(PosixProcessRunnerTest, AlreadyCancelledDoesNotStart) {
  CancelToken cancel;
  cancel.Cancel();
  RunOptions options = Options();
  options.cancel = &cancel;
  const std::string marker = (dir_ / "started").string();
  Result<ProcessResult> run = runner_.Run({"touch", marker}, options);
  EXPECT_EQ(run.status().code(), Status::Code::kCancelled);
  EXPECT_FALSE(fs::exists(marker));
}

TEST_F(PosixProcessRunnerTest, LeaksNoDescriptorsIntoTheChildOrTheParent) {
  // A descriptor opened without O_CLOEXEC must still not reach the child.
  int null_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  int stray = ::fcntl(null_fd, F_DUPFD, 100);  // F_DUPFD clears FD_CLOEXEC
  ::close(null_fd);
  ASSERT_GE(stray, 100);
  const int before = CountOpenFds();
  Result<ProcessResult> run = runner_.Run({"ls", "/proc/self/fd"}, Options());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  // ls lists 0, 1, 2 and the descriptor it uses to read the directory.
  EXPECT_EQ(("\n" + run->stdout_text).find("\n" + std::to_string(stray) + "\n"), std::string::npos)
      << run->stdout_text;
  (void)runner_.Run({"ytl-no-such-program-4711"}, Options());
  (void)runner_.Run({"sleep", "5"}, Options(/*timeout_s=*/0.1));
  EXPECT_EQ(CountOpenFds(), before);
  ::close(stray);
  ExpectNoChildLeft();
}

TEST(RunOptions, ValidateNamesTheField) {
  RunOptions options;
  options.timeout_s = -1;
  Status s = options.Validate();
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("timeout_s"), std::string::npos);
  options = RunOptions();
  options.max_output_bytes = 0;
  EXPECT_NE(options.Validate().message().find("max_output_bytes"), std::string::npos);
  EXPECT_TRUE(RunOptions().Validate().ok());
}

}  // namespace
}  // namespace ytl
