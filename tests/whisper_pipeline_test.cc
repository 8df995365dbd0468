// `yt-lyrics sync` without lyrics on a whisper.cpp build (label: whisper): the whole pipeline
// (decode, separation, vocal activity, whisper transcription of the sung regions, realignment
// of the transcript by the forced aligner, export) runs as a user runs it. Built only with
// -DYT_LYRICS_WITH_WHISPER=ON; YTL_WHISPER_TEST_MODEL names a ggml model file (whisper.cpp's
// models/for-tests-ggml-tiny.bin loads and runs but transcribes nothing useful: an empty or a
// nonsense transcript must be handled as gracefully as a real one); skips without one.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.h"
#include "sources/subprocess.h"
#include "tests/support/synthetic_song.h"

namespace ytl {
namespace {
namespace fs = std::filesystem;

class WhisperPipeline : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* model = std::getenv("YTL_WHISPER_TEST_MODEL");
    if (model == nullptr || !fs::exists(model)) {
      GTEST_SKIP() << "set YTL_WHISPER_TEST_MODEL to a ggml Whisper model file";
    }
    model_ = model;
    root_ = fs::temp_directory_path() / ("ytl-whisper-" + std::to_string(getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "out");
    testing::SyntheticSongSpec spec;
    spec.lines = {"hello there my friend", "how are you today"};
    spec.intro_s = spec.break_s = spec.outro_s = 1;
    auto song = testing::MakeSyntheticSong(spec);
    ASSERT_TRUE(song.ok());
    ASSERT_TRUE(testing::WriteWav((root_ / "song.wav").string(), song->mix).ok());
  }
  void TearDown() override {
    if (!root_.empty()) fs::remove_all(root_);
  }

  ProcessResult Sync(std::vector<std::string> extra) const {
    std::vector<std::string> args = {
        YTL_CLI_PATH, "sync",     (root_ / "song.wav").string(), "--no-lrclib", "--format",
        "json,lrc",   "--output", (root_ / "out").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    RunOptions options;
    options.timeout_s = 300;
    auto result = PosixProcessRunner().Run(args, options);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? *result : ProcessResult{};
  }

  std::string model_;
  fs::path root_;
};

TEST_F(WhisperPipeline, RunsTheWholePipelineAndWritesWhatWasHeard) {
  const ProcessResult run = Sync({"--recognizer", "whisper", "--model", model_});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  std::ifstream in(root_ / "out" / "song.json");
  ASSERT_TRUE(in) << "no song.json written; stderr:\n" << run.stderr_text;
  const auto doc = nlohmann::json::parse(in);
  EXPECT_EQ(doc["mode"], "transcribed");
  EXPECT_EQ(doc["lyrics_source"], "transcribed");
  for (const char* stage : {"decode", "separate", "vad"}) {
    EXPECT_TRUE(doc["timings_s"].contains(stage)) << stage << " missing: " << doc["timings_s"];
  }
  // Whatever the model heard (the test models hear little), every word has ordered times
  // inside the song and no word lies in the 1 s silent intro.
  const double duration = doc["duration_s"];
  for (const auto& word : doc["words"]) {
    EXPECT_LE(word["start_s"].get<double>(), word["end_s"].get<double>()) << word;
    EXPECT_GE(word["start_s"].get<double>(), 0.0) << word;
    EXPECT_LE(word["end_s"].get<double>(), duration + 1e-3) << word;
  }
  EXPECT_TRUE(fs::exists(root_ / "out" / "song.lrc"));
  // The user is told what happened: words transcribed (expect errors), or none heard.
  const bool heard = !doc["words"].empty();
  EXPECT_NE(
      run.stderr_text.find(heard ? "these words were transcribed" : "no words were recognised"),
      std::string::npos)
      << run.stderr_text;
}

TEST_F(WhisperPipeline, AMissingModelFailsBeforeDecodingNamingTheFile) {
  const std::string missing = (root_ / "no-such-model.bin").string();
  const ProcessResult run = Sync({"--recognizer", "whisper", "--model", missing});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.exit_code, 128 + 11) << "crashed";
  EXPECT_NE(run.stderr_text.find(missing), std::string::npos) << run.stderr_text;
  EXPECT_FALSE(fs::exists(root_ / "out" / "song.json"));
}

}  // namespace
}  // namespace ytl
