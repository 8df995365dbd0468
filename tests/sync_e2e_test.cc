// End to end: synthetic songs (espeak-ng over a music bed, with an intro, an
// instrumental break and an outro, at 0 dB vocal-to-music) through the whole
// sync pipeline, scored against espeak-ng's own word onsets.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>

#include "cli/engines.h"
#include "cli/temp_dir.h"
#include "pipeline/sync_pipeline.h"
#include "recognition/recognizer.h"
#include "tests/support/synthetic_song.h"

namespace ytl {
namespace {

// The sync issue's targets: a mean onset error of 0.1 s and no word more than
// 1 s off, on every voice (measured with plain sheets: mean 0.04-0.07 s,
// worst 0.27-0.95 s; see bench/README.md).
constexpr double kTargetMeanErrorS = 0.1;
constexpr double kTargetWordErrorS = 1.0;

struct Variant {
  const char* name;
  const char* voice;
  int pitch;
  int speed_wpm;
};

class SyncEndToEnd : public ::testing::TestWithParam<Variant> {
 protected:
  void SetUp() override {
    const Variant& variant = GetParam();
    spec_.voice = variant.voice;
    spec_.pitch = variant.pitch;
    spec_.speed_wpm = variant.speed_wpm;
    spec_.lines = {
        "the city lights are calling me tonight", "i walk along the river in the rain",
        "every window holds a story of its own",  "and every story has a song to sing",
        "so hold my hand and never let me go",    "we will be dancing till the morning comes"};
    auto song = testing::MakeSyntheticSong(spec_);
    ASSERT_TRUE(song.ok()) << song.status().ToString();
    song_ = std::move(*song);
    auto scratch = cli::TempDir::Create();
    ASSERT_TRUE(scratch.ok());
    scratch_.emplace(std::move(*scratch));
    wav_ = scratch_->path() + "/song.wav";
    ASSERT_TRUE(testing::WriteWav(wav_, song_.mix).ok());
  }

  // Without lyrics (nullopt), `recognizer` transcribes; `realign` as in
  // PipelineConfig::realign_transcripts.
  Result<Alignment> Sync(const std::optional<std::string>& lyrics_text,
                         const Recognizer* recognizer = nullptr, bool realign = true) const {
    auto engines = cli::Engines::Build({});
    if (!engines.ok()) return engines.status();
    PipelineConfig config;
    config.work_dir = scratch_->path();
    config.realign_transcripts = realign;
    SyncEngines view = engines->View();
    view.recognizer = recognizer;
    SyncPipeline pipeline(config, view);
    SyncRequest request;
    request.source = wav_;
    request.lyrics_text = lyrics_text;
    NullProgress quiet;
    return pipeline.Run(request, StageContext{&quiet, nullptr});
  }

  // Checks every word's presence and onset; returns the mean onset error.
  double ScoreOnsets(const Alignment& alignment, double max_word_error_s) const {
    std::size_t sheet_words = 0;
    for (const auto& line : spec_.lines) {
      std::istringstream in(line);
      for (std::string w; in >> w;) {
        if (sheet_words >= alignment.words.size()) break;
        EXPECT_EQ(alignment.words[sheet_words++].text, w);
      }
    }
    EXPECT_EQ(alignment.words.size(), sheet_words);
    double sum = 0, worst = 0;
    for (const auto& truth : song_.words) {
      const auto index = static_cast<std::size_t>(truth.index);
      if (index >= alignment.words.size()) return 1e9;
      const double error = std::abs(alignment.words[index].start_s - truth.onset_s);
      sum += error;
      worst = std::max(worst, error);
      EXPECT_LE(error, max_word_error_s)
          << "word " << truth.index << " '" << truth.text << "' at "
          << alignment.words[index].start_s << " s, truly at " << truth.onset_s << " s";
    }
    const double mean = sum / song_.words.size();
    std::printf("[ %s ] mean onset error %.3f s, worst %.3f s over %zu words\n", GetParam().name,
                mean, worst, song_.words.size());
    return mean;
  }

  // The sheet as an LRC file whose line times are the true line onsets
  // shifted by `offset_s`, as a hand-made LRC or LRCLIB's synced lyrics are.
  std::string LrcSheet(double offset_s) const {
    std::string text;
    std::size_t first_word = 0;
    for (const auto& line : spec_.lines) {
      double onset_s = 0;
      for (const auto& truth : song_.words) {
        if (static_cast<std::size_t>(truth.index) == first_word) onset_s = truth.onset_s;
      }
      const double t = std::max(0.0, onset_s + offset_s);
      char tag[32];
      std::snprintf(tag, sizeof tag, "[%02d:%05.2f]", static_cast<int>(t / 60), std::fmod(t, 60.0));
      text += tag + line + "\n";
      std::istringstream in(line);
      for (std::string w; in >> w;) ++first_word;
    }
    return text;
  }

  testing::SyntheticSongSpec spec_;
  testing::SyntheticSong song_;
  std::optional<cli::TempDir> scratch_;
  std::string wav_;
};

TEST_P(SyncEndToEnd, PlacesEveryWordNearItsTrueOnset) {
  auto alignment = Sync(song_.lyrics_text);
  ASSERT_TRUE(alignment.ok()) << alignment.status().ToString();
  const double mean = ScoreOnsets(*alignment, kTargetWordErrorS);
  RecordProperty("mean_onset_error_s", std::to_string(mean));
  EXPECT_LE(mean, kTargetMeanErrorS);
}

// Line times from an LRC sheet (0.5 s late, a typical hand-made error) band
// the search; the targets still hold.
TEST_P(SyncEndToEnd, LrcLineTimesHoldEveryWordToTheTarget) {
  auto alignment = Sync(LrcSheet(0.5));
  ASSERT_TRUE(alignment.ok()) << alignment.status().ToString();
  const double mean = ScoreOnsets(*alignment, kTargetWordErrorS);
  RecordProperty("mean_onset_error_s", std::to_string(mean));
  EXPECT_LE(mean, kTargetMeanErrorS);
}

// A recognizer that hears every word right but times it the way Whisper's
// tokens do: each word up to 0.6 s off, each line's start 0.4 s late.
class RoughRecognizer : public Recognizer {
 public:
  RoughRecognizer(const std::vector<std::string>& lines,
                  const std::vector<testing::TrueWord>& truth)
      : lines_(lines), truth_(truth) {}

  Result<Alignment> Transcribe(const AudioBuffer& vocals, const VocalActivity&,
                               const StageContext&) const override {
    Alignment a;
    a.mode = SyncMode::kTranscribed;
    a.duration_s = vocals.duration_s();
    std::size_t index = 0;
    for (const std::string& text : lines_) {
      TimedLine line;
      line.text = text;
      std::istringstream in(text);
      for (std::string w; in >> w; ++index) {
        const double onset = OnsetOf(index);
        const double error = index % 2 == 0 ? 0.6 : -0.6;
        TimedWord word{w, std::max(0.0, onset + error), onset + error + 0.3, 0.5, false};
        line.words.push_back(static_cast<int>(a.words.size()));
        a.words.push_back(word);
      }
      line.start_s = OnsetOf(index - line.words.size()) + 0.4;
      line.end_s = a.words.back().end_s;
      a.lines.push_back(line);
    }
    return a;
  }
  std::string_view name() const override { return "rough"; }

 private:
  double OnsetOf(std::size_t index) const {
    for (const auto& w : truth_) {
      if (static_cast<std::size_t>(w.index) == index) return w.onset_s;
    }
    return 0;
  }
  std::vector<std::string> lines_;
  std::vector<testing::TrueWord> truth_;
};

// Without lyrics, the transcript is aligned again (the WhisperX pattern): the
// recognizer's rough word times become the aligner's onsets.
TEST_P(SyncEndToEnd, TranscriptIsRealignedToTheWords) {
  const RoughRecognizer recognizer(spec_.lines, song_.words);
  auto rough = Sync(std::nullopt, &recognizer, /*realign=*/false);
  ASSERT_TRUE(rough.ok()) << rough.status().ToString();
  EXPECT_EQ(rough->mode, SyncMode::kTranscribed);
  const double rough_mean = ScoreOnsets(*rough, 0.61);
  EXPECT_GT(rough_mean, 0.5) << "the recognizer's own times are kept without realignment";

  auto realigned = Sync(std::nullopt, &recognizer);
  ASSERT_TRUE(realigned.ok()) << realigned.status().ToString();
  EXPECT_EQ(realigned->mode, SyncMode::kTranscribed);
  EXPECT_EQ(realigned->lyrics_source, "transcribed");
  const double mean = ScoreOnsets(*realigned, kTargetWordErrorS);
  RecordProperty("mean_onset_error_s", std::to_string(mean));
  EXPECT_LE(mean, kTargetMeanErrorS);
}

INSTANTIATE_TEST_SUITE_P(Voices, SyncEndToEnd,
                         ::testing::Values(Variant{"low_slow", "en", 25, 120},
                                           Variant{"mid", "en-us", 50, 150},
                                           Variant{"high_fast", "en+f3", 80, 185}),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace ytl
