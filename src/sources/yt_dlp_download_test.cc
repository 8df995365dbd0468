// Drives ResolveSource for URLs against a fake yt-dlp: a bash script written
// by each test that records its argv and imitates one yt-dlp behaviour. No
// network is used.
#include "sources/yt_dlp_download.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "sources/source.h"

namespace ytl {
namespace {

namespace fs = std::filesystem;

// A URL full of shell metacharacters: it must reach yt-dlp unchanged.
constexpr char kUrl[] = "https://example.com/watch?v=abc&list=x;$(touch pwned) 'q'";

class RecordingProgress : public ProgressSink {
 public:
  void OnProgress(std::string_view stage, double fraction) override {
    std::lock_guard<std::mutex> lock(mu_);
    EXPECT_EQ(stage, "download");
    fractions_.push_back(fraction);
  }
  std::vector<double> fractions() const {
    std::lock_guard<std::mutex> lock(mu_);
    return fractions_;
  }

 private:
  mutable std::mutex mu_;
  std::vector<double> fractions_;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class YtDlpDownloadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/ytl_yt_dlp_test_XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    work_dir_ = root_ / "work";
    fs::create_directory(work_dir_);
    request_.source = kUrl;
    request_.work_dir = work_dir_.string();
    request_.yt_dlp_path = (root_ / "yt-dlp").string();
    request_.yt_dlp_timeout_s = 10;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  // A small wav made by sox, or an empty path (the test then skips).
  fs::path MakeWav() {
    fs::path wav = root_ / "fixture.wav";
    RunOptions options;
    Result<ProcessResult> run = runner_.Run(
        {"sox", "-n", "-r", "16000", "-c", "1", wav.string(), "synth", "0.5", "sine", "440"},
        options);
    if (!run.ok() || run->exit_code != 0) return {};
    return wav;
  }

  // Installs a fake yt-dlp whose body runs after it saved its argv, one
  // argument a line, to argv.txt and set $dest to <--paths>/audio.<ext>
  // (ext given) from the --paths and --output arguments.
  void WriteFakeYtDlp(const std::string& body, const std::string& ext = "wav") {
    std::ofstream script(request_.yt_dlp_path);
    script << "#!/bin/bash\n"
           << "printf '%s\\n' \"$@\" > '" << (root_ / "argv.txt").string() << "'\n"
           << "prev=''; paths=''; out=''\n"
           << "for a in \"$@\"; do\n"
           << "  case \"$prev\" in --paths) paths=\"$a\";; --output) out=\"$a\";; esac\n"
           << "  prev=\"$a\"\n"
           << "done\n"
           << "dest=\"$paths/${out%.%(ext)s}." << ext << "\"\n"
           << body << "\n";
    script.close();
    fs::permissions(request_.yt_dlp_path, fs::perms::owner_all);
  }

  Result<ResolvedSource> Resolve(const CancelToken* cancel = nullptr) {
    return ResolveSource(request_, runner_, StageContext{&progress_, cancel});
  }

  fs::path root_;
  fs::path work_dir_;
  SourceRequest request_;
  PosixProcessRunner runner_;
  RecordingProgress progress_;
};

TEST_F(YtDlpDownloadTest, DownloadsReportsProgressAndReadsTheInfo) {
  fs::path wav = MakeWav();
  if (wav.empty()) GTEST_SKIP() << "sox is not installed (apt install sox)";
  WriteFakeYtDlp(
      "echo '[download]  10.0% of 1.00MiB at 1.00MiB/s ETA 00:01' >&2\n"
      "echo '[download]  42.3% of 1.00MiB at 1.00MiB/s ETA 00:01' >&2\n"
      "cp '" +
      wav.string() +
      "' \"$dest\"\n"
      "echo '[download] 100% of 1.00MiB in 00:00:01 at 1.00MiB/s' >&2\n"
      "echo '{\"id\": \"abc\", \"title\": \"Song Title\", \"artist\": \"Singer\", "
      "\"track\": \"Song\", \"uploader\": \"Chan\", \"duration\": 3.5}'\n"
      "echo \"$dest\"");

  Result<ResolvedSource> resolved = Resolve();
  ASSERT_TRUE(resolved.ok()) << resolved.status().ToString();
  EXPECT_EQ(resolved->audio_path, (work_dir_ / "audio.wav").string());
  EXPECT_EQ(fs::file_size(resolved->audio_path), fs::file_size(wav));
  EXPECT_TRUE(resolved->is_url);
  EXPECT_EQ(resolved->display_name, "Singer - Song");
  ASSERT_TRUE(resolved->info.has_value());
  EXPECT_EQ(resolved->info->id, "abc");
  EXPECT_EQ(resolved->info->title, "Song Title");
  EXPECT_EQ(resolved->info->uploader, "Chan");
  EXPECT_EQ(resolved->info->album, "");
  EXPECT_DOUBLE_EQ(resolved->info->duration_s, 3.5);
  EXPECT_EQ(progress_.fractions(), (std::vector<double>{0.0, 0.1, 0.423, 1.0}));
  EXPECT_FALSE(fs::exists(root_ / "pwned"));
}

TEST_F(YtDlpDownloadTest, PassesTheDocumentedArgumentsWithTheUrlLast) {
  WriteFakeYtDlp("echo data > \"$dest\"");
  ASSERT_TRUE(Resolve().ok());
  const std::string expected =
      "--no-playlist\n--format\nbestaudio/best\n--newline\n--progress\n"
      "--no-simulate\n--dump-json\n--print\nafter_move:filepath\n"
      "--paths\n" +
      work_dir_.string() + "\n--output\naudio.%(ext)s\n--\n" + kUrl + "\n";
  EXPECT_EQ(ReadFile(root_ / "argv.txt"), expected);
}

TEST_F(YtDlpDownloadTest, FindsTheFileWhenNoPathIsPrinted) {
  WriteFakeYtDlp(
      "echo partial > \"$dest.part\"\necho '{}' > \"$paths/audio.info.json\"\n"
      "echo data > \"$dest\"",
      "m4a");
  Result<ResolvedSource> resolved = Resolve();
  ASSERT_TRUE(resolved.ok()) << resolved.status().ToString();
  EXPECT_EQ(resolved->audio_path, (work_dir_ / "audio.m4a").string());
  EXPECT_FALSE(resolved->info.has_value());
  EXPECT_EQ(resolved->display_name, kUrl);
}

TEST_F(YtDlpDownloadTest, ToleratesSparseInfo) {
  WriteFakeYtDlp("echo data > \"$dest\"\necho '{\"id\": \"xyz\", \"duration\": null}'");
  Result<ResolvedSource> resolved = Resolve();
  ASSERT_TRUE(resolved.ok()) << resolved.status().ToString();
  ASSERT_TRUE(resolved->info.has_value());
  EXPECT_EQ(resolved->display_name, "xyz");
  EXPECT_DOUBLE_EQ(resolved->info->duration_s, 0);
}

TEST_F(YtDlpDownloadTest, SuccessWithoutAFileIsUnavailable) {
  WriteFakeYtDlp("exit 0");
  Result<ResolvedSource> resolved = Resolve();
  EXPECT_EQ(resolved.status().code(), Status::Code::kUnavailable);
  EXPECT_NE(resolved.status().message().find("no audio file"), std::string::npos);
}

struct FailureCase {
  std::string error_line;
  Status::Code code;
  std::string expected_text;
};

TEST_F(YtDlpDownloadTest, MapsKnownFailuresToClearMessages) {
  const std::vector<FailureCase> cases = {
      {"ERROR: unable to download video data: HTTP Error 403: Forbidden",
       Status::Code::kUnavailable, "the site refused the download (HTTP 403); update yt-dlp"},
      {"ERROR: [youtube] abc: Video unavailable. This video has been removed by the uploader",
       Status::Code::kNotFound, "the video is unavailable"},
      {"ERROR: [youtube] abc: Private video. Sign in if you have been granted access",
       Status::Code::kUnavailable, "the video is private"},
      {"ERROR: [youtube] abc: Sign in to confirm your age. This video may be inappropriate",
       Status::Code::kUnavailable, "age-restricted"},
      {"ERROR: Unsupported URL: https://example.com/", Status::Code::kInvalidInput,
       "yt-dlp does not support this URL"},
      {"ERROR: [generic] abc: some brand new failure", Status::Code::kUnavailable,
       "ERROR: [generic] abc: some brand new failure"},
  };
  for (const FailureCase& c : cases) {
    WriteFakeYtDlp("echo '[youtube] abc: Downloading webpage' >&2\necho '" + c.error_line +
                   "' >&2\nexit 1");
    Result<ResolvedSource> resolved = Resolve();
    EXPECT_EQ(resolved.status().code(), c.code) << c.error_line;
    EXPECT_NE(resolved.status().message().find(c.expected_text), std::string::npos)
        << resolved.status().message();
    EXPECT_NE(resolved.status().message().find(kUrl), std::string::npos)
        << resolved.status().message();
  }
}

TEST_F(YtDlpDownloadTest, MissingYtDlpSaysHowToInstallIt) {
  request_.yt_dlp_path = (root_ / "no-yt-dlp-here").string();
  Result<ResolvedSource> resolved = Resolve();
  EXPECT_EQ(resolved.status().code(), Status::Code::kUnavailable);
  EXPECT_EQ(resolved.status().message(),
            "yt-dlp not found at '" + request_.yt_dlp_path +
                "'; install it (apt install yt-dlp, or pipx install yt-dlp for a current one) or "
                "pass --yt-dlp PATH");
}

TEST_F(YtDlpDownloadTest, TimeoutNamesTheLimit) {
  WriteFakeYtDlp("echo '[download]   1.0% of 9.00MiB' >&2\nexec sleep 30");
  request_.yt_dlp_timeout_s = 0.3;
  auto start = std::chrono::steady_clock::now();
  Result<ResolvedSource> resolved = Resolve();
  EXPECT_EQ(resolved.status().code(), Status::Code::kDeadlineExceeded);
  EXPECT_NE(resolved.status().message().find("0.3 s"), std::string::npos)
      << resolved.status().message();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST_F(YtDlpDownloadTest, EndlessOutputIsStopped) {
  WriteFakeYtDlp("exec yes '[download]  50.0% of 1.00MiB'");
  request_.yt_dlp_max_output_bytes = 1 << 20;
  Result<ResolvedSource> resolved = Resolve();
  EXPECT_EQ(resolved.status().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(resolved.status().message().find("1048576"), std::string::npos);
}

TEST_F(YtDlpDownloadTest, CancelStopsTheDownload) {
  WriteFakeYtDlp("exec sleep 30");
  CancelToken cancel;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    cancel.Cancel();
  });
  auto start = std::chrono::steady_clock::now();
  Result<ResolvedSource> resolved = Resolve(&cancel);
  canceller.join();
  EXPECT_EQ(resolved.status().code(), Status::Code::kCancelled);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace
}  // namespace ytl
