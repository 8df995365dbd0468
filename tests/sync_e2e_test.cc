// End to end: synthetic songs (espeak-ng over a music bed, with an intro, an
// instrumental break and an outro, at 0 dB vocal-to-music) through the whole
// sync pipeline, scored against espeak-ng's own word onsets.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "cli/engines.h"
#include "cli/temp_dir.h"
#include "pipeline/sync_pipeline.h"
#include "tests/support/synthetic_song.h"

namespace ytl {
namespace {

// The sync issue's targets are a mean onset error of 0.1 s and no word more
// than 1 s off. The embedded engine meets them on most voices but not yet on
// all (measured: mean 0.08-0.22 s, worst 0.3-1.3 s; see bench/README.md), so
// these bounds guard the measured level against regressions while the issue
// stays open; tighten them as the aligner improves.
constexpr double kMaxMeanErrorS = 0.25;
constexpr double kMaxWordErrorS = 1.5;

struct Variant {
  const char* name;
  const char* voice;
  int pitch;
  int speed_wpm;
};

class SyncEndToEnd : public ::testing::TestWithParam<Variant> {};

TEST_P(SyncEndToEnd, PlacesEveryWordNearItsTrueOnset) {
  const Variant& variant = GetParam();
  testing::SyntheticSongSpec spec;
  spec.voice = variant.voice;
  spec.pitch = variant.pitch;
  spec.speed_wpm = variant.speed_wpm;
  spec.lines = {
      "the city lights are calling me tonight", "i walk along the river in the rain",
      "every window holds a story of its own",  "and every story has a song to sing",
      "so hold my hand and never let me go",    "we will be dancing till the morning comes"};
  auto song = testing::MakeSyntheticSong(spec);
  ASSERT_TRUE(song.ok()) << song.status().ToString();
  auto scratch = cli::TempDir::Create();
  ASSERT_TRUE(scratch.ok());
  const std::string wav = scratch->path() + "/song.wav";
  ASSERT_TRUE(testing::WriteWav(wav, song->mix).ok());

  auto engines = cli::Engines::Build({});
  ASSERT_TRUE(engines.ok()) << engines.status().ToString();
  PipelineConfig config;
  config.work_dir = scratch->path();
  SyncPipeline pipeline(config, engines->View());
  SyncRequest request;
  request.source = wav;
  request.lyrics_text = song->lyrics_text;
  NullProgress quiet;
  auto alignment = pipeline.Run(request, StageContext{&quiet, nullptr});
  ASSERT_TRUE(alignment.ok()) << alignment.status().ToString();

  // Every word present, in order, with its text.
  std::size_t sheet_words = 0;
  for (const auto& line : spec.lines) {
    std::istringstream in(line);
    for (std::string w; in >> w;) {
      ASSERT_LT(sheet_words, alignment->words.size());
      EXPECT_EQ(alignment->words[sheet_words++].text, w);
    }
  }
  EXPECT_EQ(alignment->words.size(), sheet_words);

  double sum = 0, worst = 0;
  for (const auto& truth : song->words) {
    const double error = std::abs(alignment->words[truth.index].start_s - truth.onset_s);
    sum += error;
    worst = std::max(worst, error);
    EXPECT_LE(error, kMaxWordErrorS) << "word " << truth.index << " '" << truth.text << "' at "
                          << alignment->words[truth.index].start_s << " s, truly at "
                          << truth.onset_s << " s";
  }
  const double mean = sum / song->words.size();
  RecordProperty("mean_onset_error_s", std::to_string(mean));
  std::printf("[ %s ] mean onset error %.3f s, worst %.3f s over %zu words\n", variant.name, mean,
              worst, song->words.size());
  EXPECT_LE(mean, kMaxMeanErrorS);
}

INSTANTIATE_TEST_SUITE_P(Voices, SyncEndToEnd,
                         ::testing::Values(Variant{"low_slow", "en", 25, 120},
                                           Variant{"mid", "en-us", 50, 150},
                                           Variant{"high_fast", "en+f3", 80, 185}),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace ytl
