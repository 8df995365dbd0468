// The `yt-lyrics sync` command as a user runs it. Bad inputs each give a
// clear error naming the input, their documented exit code, no crash, and no
// stray files.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "cli/exit_codes.h"
#include "http/testing/test_server.h"
#include "sources/lrclib/testing/fake_lrclib.h"
#include "sources/subprocess.h"
#include "tests/support/synthetic_song.h"

namespace ytl {
namespace {
namespace fs = std::filesystem;

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmpdir = std::getenv("TMPDIR");
    saved_tmpdir_ = tmpdir != nullptr ? tmpdir : "";
    root_ = fs::temp_directory_path() /
            ("ytl-cli-" + std::to_string(getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "tmp");
    fs::create_directories(root_ / "out");
    // The CLI's scratch folders go here, so the test can see nothing is left.
    setenv("TMPDIR", (root_ / "tmp").c_str(), 1);
    testing::SyntheticSongSpec spec;
    spec.lines = {"hello there my friend"};
    spec.intro_s = spec.break_s = spec.outro_s = 0.5;
    auto song = testing::MakeSyntheticSong(spec);
    ASSERT_TRUE(song.ok());
    ASSERT_TRUE(testing::WriteWav(Path("song.wav"), song->mix).ok());
    Write("lyrics.txt", "hello there my friend\n");
  }
  void TearDown() override {
    fs::remove_all(root_);
    if (saved_tmpdir_.empty()) {
      unsetenv("TMPDIR");
    } else {
      setenv("TMPDIR", saved_tmpdir_.c_str(), 1);
    }
  }

  std::string Path(const std::string& name) const { return (root_ / name).string(); }
  void Write(const std::string& name, const std::string& content) const {
    std::ofstream(root_ / name, std::ios::binary) << content;
  }

  ProcessResult Sync(std::vector<std::string> args) const {
    args.insert(args.begin(), {YTL_CLI_PATH, "sync"});
    args.insert(args.end(), {"--output", Path("out"), "--quiet"});
    RunOptions options;
    options.timeout_s = 120;
    auto result = PosixProcessRunner().Run(args, options);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? *result : ProcessResult{};
  }

  // The error case's common promises: exit code, message, nothing left behind.
  void ExpectCleanFailure(const ProcessResult& result, int exit_code, const std::string& message) {
    EXPECT_EQ(result.exit_code, exit_code) << result.stderr_text;
    EXPECT_NE(result.stderr_text.find(message), std::string::npos) << result.stderr_text;
    EXPECT_EQ(result.stderr_text.find("terminate called"), std::string::npos);
    EXPECT_TRUE(fs::is_empty(root_ / "out")) << "output written despite the error";
    EXPECT_TRUE(fs::is_empty(root_ / "tmp")) << "temporary files left behind";
  }

  fs::path root_;
  std::string saved_tmpdir_;
};

TEST_F(Cli, MissingAudioFile) {
  ExpectCleanFailure(Sync({Path("nope.mp3"), "--lyrics", Path("lyrics.txt")}), cli::kExitNotFound,
                     "nope.mp3: no such file");
}

TEST_F(Cli, DirectoryAsAudio) {
  fs::create_directories(root_ / "adir");
  ExpectCleanFailure(Sync({Path("adir"), "--lyrics", Path("lyrics.txt")}), cli::kExitInvalidInput,
                     "adir");
}

TEST_F(Cli, NonAudioFile) {
  Write("notes.txt", "these are not sounds\n");
  ExpectCleanFailure(Sync({Path("notes.txt"), "--lyrics", Path("lyrics.txt")}),
                     cli::kExitInvalidInput, "not an audio or video file");
}

TEST_F(Cli, TruncatedMp3) {
  const std::string mp3 = Path("song.mp3");
  ASSERT_EQ(std::system(("lame --quiet '" + Path("song.wav") + "' '" + mp3 + "'").c_str()), 0);
  fs::resize_file(mp3, 100);
  ExpectCleanFailure(Sync({mp3, "--lyrics", Path("lyrics.txt")}), cli::kExitInvalidInput,
                     "song.mp3");
}

TEST_F(Cli, ZeroLengthAudio) {
  Write("empty.wav", "");
  ExpectCleanFailure(Sync({Path("empty.wav"), "--lyrics", Path("lyrics.txt")}),
                     cli::kExitInvalidInput, "empty.wav");
}

TEST_F(Cli, LyricsNotUtf8) {
  Write("latin1.txt", "caf\xe9 au lait\n");
  ExpectCleanFailure(Sync({Path("song.wav"), "--lyrics", Path("latin1.txt")}),
                     cli::kExitInvalidInput, "not valid UTF-8 at byte 3");
}

TEST_F(Cli, EmptyLyrics) {
  Write("empty.txt", "\n\n[Chorus]\n");
  ExpectCleanFailure(Sync({Path("song.wav"), "--lyrics", Path("empty.txt")}),
                     cli::kExitInvalidInput, "empty.txt");
}

TEST_F(Cli, MissingLyricsFile) {
  ExpectCleanFailure(Sync({Path("song.wav"), "--lyrics", Path("gone.txt")}), cli::kExitNotFound,
                     "gone.txt");
}

TEST_F(Cli, LyricsFarLongerThanAudio) {
  std::string long_lyrics;
  for (int i = 0; i < 200; ++i) long_lyrics += "la la la la la la la la la la\n";
  Write("long.txt", long_lyrics);
  ExpectCleanFailure(Sync({Path("song.wav"), "--lyrics", Path("long.txt")}), cli::kExitInvalidInput,
                     "far more than can be sung");
}

TEST_F(Cli, UrlWhoseYtDlpFails) {
  Write("yt-dlp", "#!/bin/sh\necho 'ERROR: [youtube] abc: Video unavailable' >&2\nexit 1\n");
  fs::permissions(root_ / "yt-dlp", fs::perms::owner_all);
  ExpectCleanFailure(Sync({"https://www.youtube.com/watch?v=abc", "--lyrics", Path("lyrics.txt"),
                           "--yt-dlp", Path("yt-dlp")}),
                     cli::kExitNotFound, "unavailable");
}

TEST_F(Cli, YtDlpNotInstalled) {
  ExpectCleanFailure(Sync({"https://example.com/song", "--lyrics", Path("lyrics.txt"), "--yt-dlp",
                           Path("no-such-yt-dlp")}),
                     cli::kExitUnavailable, "yt-dlp not found");
}

TEST_F(Cli, StageTimeLimitStopsTheSyncAndNamesTheStage) {
  ExpectCleanFailure(
      Sync({Path("song.wav"), "--lyrics", Path("lyrics.txt"), "--stage-time-limit", "0.001"}),
      cli::kExitLimit, "stage ran past its time limit of 0.001 s (--stage-time-limit)");
}

TEST_F(Cli, NegativeStageTimeLimitIsAUsageMistake) {
  const ProcessResult result =
      Sync({Path("song.wav"), "--lyrics", Path("lyrics.txt"), "--stage-time-limit", "-1"});
  EXPECT_EQ(result.exit_code, cli::kExitUsage);
  EXPECT_NE(result.stderr_text.find("--stage-time-limit"), std::string::npos) << result.stderr_text;
}

TEST_F(Cli, UnknownFormat) {
  ExpectCleanFailure(Sync({Path("song.wav"), "--lyrics", Path("lyrics.txt"), "--format", "mp4"}),
                     cli::kExitInvalidInput, "mp4");
}

TEST_F(Cli, GoodInputWritesEveryFormat) {
  const ProcessResult result = Sync({Path("song.wav"), "--lyrics", Path("lyrics.txt")});
  ASSERT_EQ(result.exit_code, 0) << result.stderr_text;
  for (const char* ext : {"lrc", "enhanced.lrc", "srt", "vtt", "ass", "json"}) {
    EXPECT_TRUE(fs::exists(root_ / "out" / (std::string("song.") + ext))) << ext;
  }
  EXPECT_TRUE(fs::is_empty(root_ / "tmp"));
}

TEST_F(Cli, SpeechContentAlignsEveryWord) {
  const ProcessResult result = Sync({Path("song.wav"), "--lyrics", Path("lyrics.txt"), "--content",
                                     "speech", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.stderr_text;
  std::ifstream in(root_ / "out" / "song.json");
  const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const char* word : {"\"hello\"", "\"there\"", "\"my\"", "\"friend\""}) {
    EXPECT_NE(json.find(word), std::string::npos) << word << " missing from " << json;
  }
}

TEST_F(Cli, UnknownContentIsAUsageMistake) {
  const ProcessResult result =
      Sync({Path("song.wav"), "--lyrics", Path("lyrics.txt"), "--content", "rap"});
  EXPECT_EQ(result.exit_code, cli::kExitUsage);
  EXPECT_NE(result.stderr_text.find("--content"), std::string::npos) << result.stderr_text;
  EXPECT_TRUE(fs::is_empty(root_ / "out"));
}

// `yt-lyrics worker` takes the lookup and recognizer settings that serve takes.
TEST_F(Cli, WorkerTakesTheLrclibAndRecognizerSettings) {
  RunOptions options;
  options.timeout_s = 60;
  auto result = PosixProcessRunner().Run(
      {YTL_CLI_PATH, "worker", "--store", "sqlite:" + Path("store"), "--lrclib-url",
       "http://127.0.0.1:9", "--recognizer", "whisper", "--model", Path("missing.bin")},
      options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const std::string said = result->stdout_text + result->stderr_text;
  // This build has no whisper.cpp: the worker refuses to start and says how to get it.
  EXPECT_EQ(result->exit_code, cli::kExitUnavailable) << said;
  EXPECT_NE(said.find("YT_LYRICS_WITH_WHISPER"), std::string::npos) << said;
}

// The pids of running processes whose command line (arguments joined by spaces) holds `needle`.
std::vector<pid_t> ProcessesWith(const std::string& needle) {
  std::vector<pid_t> pids;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator("/proc", error)) {
    const std::string name = entry.path().filename();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(entry.path() / "cmdline");
    std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::replace(cmdline.begin(), cmdline.end(), '\0', ' ');
    if (cmdline.find(needle) != std::string::npos) pids.push_back(std::stoi(name));
  }
  return pids;
}

TEST_F(Cli, InterruptStopsCleanly) {
  testing::SyntheticSongSpec spec;
  for (int i = 0; i < 12; ++i) spec.lines.push_back("we sing along the night is long");
  auto song = testing::MakeSyntheticSong(spec);
  ASSERT_TRUE(song.ok());
  ASSERT_TRUE(testing::WriteWav(Path("long.wav"), song->mix).ok());
  std::string lyrics;
  for (const auto& line : spec.lines) lyrics += line + "\n";
  Write("long.txt", lyrics);

  // Ctrl-C as soon as the align stage reports its start, so that it lands in the middle of the
  // run on any machine (a fixed delay came after the end on a fast one), and only on this
  // test's own process (its audio path is in a fresh folder).
  const std::string audio = Path("long.wav");
  bool interrupted = false;
  RunOptions options;
  options.timeout_s = 120;
  options.on_stderr_line = [&](std::string_view line) {
    if (interrupted || !line.starts_with("align:")) return;
    for (const pid_t pid : ProcessesWith(" sync " + audio + " ")) kill(pid, SIGINT);
    interrupted = true;
  };
  auto result = PosixProcessRunner().Run(
      {YTL_CLI_PATH, "sync", audio, "--lyrics", Path("long.txt"), "--output", Path("out")},
      options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE(interrupted) << result->stderr_text;
  // Said, not just died of the signal (which would also read as exit status 130).
  ExpectCleanFailure(*result, cli::kExitCancelled, "cancelled; nothing was saved");
}

}  // namespace
}  // namespace ytl

namespace ytl {
namespace {

TEST_F(Cli, WithoutLyricsTranscribesAndSaysSo) {
  RunOptions options;
  options.timeout_s = 120;
  auto result = PosixProcessRunner().Run(
      {YTL_CLI_PATH, "sync", Path("song.wav"), "--format", "json", "--output", "-"}, options);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->exit_code, 0) << result->stderr_text;
  EXPECT_NE(result->stdout_text.find("\"mode\": \"transcribed\""), std::string::npos)
      << result->stdout_text;
  EXPECT_NE(result->stderr_text.find("lyrics text gives far better results"), std::string::npos);
}

TEST_F(Cli, LyricsFromStdinAndOneFormatToStdout) {
  const std::string command = std::string(YTL_CLI_PATH) + " sync '" + Path("song.wav") +
                              "' --lyrics - --format srt --output - --quiet < '" +
                              Path("lyrics.txt") + "' > '" + Path("out.srt") + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::ifstream in(Path("out.srt"));
  const std::string srt((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(srt.find("1\n00:00:0"), std::string::npos) << srt;
  EXPECT_NE(srt.find("hello there my friend"), std::string::npos) << srt;
}

TEST_F(Cli, StdoutWithSeveralFormatsIsAUsageMistake) {
  RunOptions options;
  auto result = PosixProcessRunner().Run(
      {YTL_CLI_PATH, "sync", Path("song.wav"), "--lyrics", Path("lyrics.txt"), "--output", "-"},
      options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->exit_code, cli::kExitInvalidInput);
  EXPECT_NE(result->stderr_text.find("exactly one --format"), std::string::npos);
}

TEST_F(Cli, HelpShowsExamplesAndExitCodes) {
  RunOptions options;
  auto result = PosixProcessRunner().Run({YTL_CLI_PATH, "sync", "--help"}, options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->exit_code, 0);
  EXPECT_NE(result->stdout_text.find("Examples:"), std::string::npos);
  EXPECT_NE(result->stdout_text.find("130 interrupted"), std::string::npos);
}

}  // namespace
}  // namespace ytl

namespace ytl {
namespace {

// yt-dlp stand-in: "downloads" song.wav into the --paths folder and prints an info JSON whose
// title names the song the way YouTube videos do.
std::string FakeYtDlpScript(const std::string& song_path, double duration_s) {
  return "#!/bin/sh\n"
         "while [ $# -gt 0 ]; do case \"$1\" in --paths) dir=\"$2\"; shift;; esac; shift; done\n"
         "cp '" +
         song_path +
         "' \"$dir/audio.wav\"\n"
         "echo '{\"id\": \"abc\", \"title\": \"Test Artist - Hello Friend (Official Video)\", "
         "\"uploader\": \"TestArtistVEVO\", \"duration\": " +
         std::to_string(duration_s) +
         "}'\n"
         "echo \"$dir/audio.wav\"\n";
}

// Runs `sync URL` (no lyrics) with the fake yt-dlp and the LRCLIB on `port`; JSON on stdout.
ProcessResult SyncUrlWithLrclib(const std::string& yt_dlp, int port,
                                const std::vector<std::string>& extra_args = {}) {
  std::vector<std::string> args = {YTL_CLI_PATH,
                                   "sync",
                                   "https://example.com/watch?v=abc",
                                   "--yt-dlp",
                                   yt_dlp,
                                   "--lrclib-url",
                                   "http://127.0.0.1:" + std::to_string(port),
                                   "--format",
                                   "json",
                                   "--output",
                                   "-"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  RunOptions options;
  options.timeout_s = 120;
  auto result = PosixProcessRunner().Run(args, options);
  EXPECT_TRUE(result.ok());
  return result.ok() ? *result : ProcessResult{};
}

TEST_F(Cli, UrlWithoutLyricsAlignsTheLyricsLrclibHas) {
  const double duration_s = 3.0;  // close enough for LRCLIB's 2 s match; the fake checks it
  Write("yt-dlp", FakeYtDlpScript(Path("song.wav"), duration_s));
  fs::permissions(root_ / "yt-dlp", fs::perms::owner_all);
  testing::FakeLrclib lrclib;
  lrclib.tracks = {testing::LrclibTrack(42, "Test Artist", "Hello Friend", duration_s,
                                        "[00:00.50] hello there my friend\n", "")};
  http::testing::TestServer server({}, lrclib.Routes());
  const ProcessResult result = SyncUrlWithLrclib(Path("yt-dlp"), server.port);
  ASSERT_EQ(result.exit_code, 0) << result.stderr_text;
  EXPECT_NE(result.stderr_text.find("LRCLIB track 42"), std::string::npos) << result.stderr_text;
  const auto doc = nlohmann::json::parse(result.stdout_text);
  EXPECT_EQ(doc["lyrics_source"], "lrclib");
  EXPECT_EQ(doc["mode"], "aligned");
  ASSERT_EQ(doc["words"].size(), 4u);
  EXPECT_EQ(doc["words"][0]["text"], "hello");
  double previous_s = 0;
  for (const auto& word : doc["words"]) {
    EXPECT_GE(word["start_s"].get<double>(), previous_s) << word;
    EXPECT_GT(word["end_s"].get<double>(), word["start_s"].get<double>()) << word;
    previous_s = word["start_s"].get<double>();
  }
  EXPECT_NEAR(doc["words"][0]["start_s"].get<double>(), 0.5, 0.5);
  EXPECT_EQ(lrclib.requests(), 1);
}

TEST_F(Cli, InstrumentalOnLrclibGivesNoLinesAndSaysSo) {
  Write("yt-dlp", FakeYtDlpScript(Path("song.wav"), 3.0));
  fs::permissions(root_ / "yt-dlp", fs::perms::owner_all);
  testing::FakeLrclib lrclib;
  lrclib.tracks = {testing::LrclibTrack(5, "Test Artist", "Hello Friend", 3.0, "", "", true)};
  http::testing::TestServer server({}, lrclib.Routes());
  const ProcessResult result = SyncUrlWithLrclib(Path("yt-dlp"), server.port);
  ASSERT_EQ(result.exit_code, 0) << result.stderr_text;
  const auto doc = nlohmann::json::parse(result.stdout_text);
  EXPECT_EQ(doc["lyrics_source"], "lrclib");
  EXPECT_TRUE(doc["lines"].empty());
  EXPECT_NE(result.stderr_text.find("instrumental"), std::string::npos) << result.stderr_text;
}

TEST_F(Cli, LrclibFailingFallsBackToTranscriptionAndSaysWhy) {
  Write("yt-dlp", FakeYtDlpScript(Path("song.wav"), 3.0));
  fs::permissions(root_ / "yt-dlp", fs::perms::owner_all);
  testing::FakeLrclib lrclib;
  lrclib.fail_status = 503;
  http::testing::TestServer server({}, lrclib.Routes());
  const ProcessResult result = SyncUrlWithLrclib(Path("yt-dlp"), server.port);
  ASSERT_EQ(result.exit_code, 0) << result.stderr_text;
  EXPECT_EQ(nlohmann::json::parse(result.stdout_text)["lyrics_source"], "transcribed");
  EXPECT_NE(result.stderr_text.find("503"), std::string::npos) << result.stderr_text;
}

TEST_F(Cli, NoLrclibTranscribesAndAdvisesWhisper) {
  Write("yt-dlp", FakeYtDlpScript(Path("song.wav"), 3.0));
  fs::permissions(root_ / "yt-dlp", fs::perms::owner_all);
  testing::FakeLrclib lrclib;
  http::testing::TestServer server({}, lrclib.Routes());
  const ProcessResult result = SyncUrlWithLrclib(Path("yt-dlp"), server.port, {"--no-lrclib"});
  ASSERT_EQ(result.exit_code, 0) << result.stderr_text;
  EXPECT_EQ(nlohmann::json::parse(result.stdout_text)["lyrics_source"], "transcribed");
  EXPECT_NE(result.stderr_text.find("Whisper model"), std::string::npos) << result.stderr_text;
  EXPECT_EQ(lrclib.requests(), 0);
}

TEST_F(Cli, WhisperRecognizerInAStubBuildSaysHowToEnableIt) {
  RunOptions options;
  options.timeout_s = 60;
  auto result =
      PosixProcessRunner().Run({YTL_CLI_PATH, "sync", Path("song.wav"), "--no-lrclib",
                                "--recognizer", "whisper", "--model", Path("ggml-base.en.bin")},
                               options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->exit_code, cli::kExitUnavailable) << result->stderr_text;
  EXPECT_NE(result->stderr_text.find("-DYT_LYRICS_WITH_WHISPER=ON"), std::string::npos)
      << result->stderr_text;
}

}  // namespace
}  // namespace ytl
