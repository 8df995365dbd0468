// DspSeparator on the jamendo-dev songs: speed, memory and how much it favours the singing.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "core/sanitized_build.h"
#include "separation/dsp_separator.h"
#include "separation/testing/cli_audio.h"
#include "separation/testing/jamendo_songs.h"

namespace ytl {
namespace {

constexpr double kContrastMarginS = 1.0;

const std::string kSongsDir = std::string(YTL_SHARED_DATA_DIR) + "/jamendo-dev";

std::vector<testing::AnnotatedSong> SongsOrEmpty() { return testing::LoadJamendoSongs(kSongsDir); }

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

struct SongResult {
  double real_time_factor = 0;
  double mix_contrast_db = 0;
  double vocals_contrast_db = 0;
};

SongResult MeasureSong(const testing::AnnotatedSong& song, const DspSeparatorConfig& config,
                       const testing::TempDir& scratch) {
  SongResult result;
  Result<AudioBuffer> mix = testing::DecodeWithFfmpeg(song.mp3_path, 44100, 2, scratch.path());
  EXPECT_TRUE(mix.ok()) << mix.status().ToString();
  if (!mix.ok()) return result;
  NullProgress progress;
  const StageContext ctx{&progress, nullptr};
  // The baseline is the downmix limited to the same band as the vocals.
  DspSeparatorConfig downmix = config;
  downmix.centre_extraction = downmix.harmonic_percussive = downmix.predominant_voice_mask = false;
  Result<AudioBuffer> mono = DspSeparator(downmix).Separate(*mix, ctx);
  result.mix_contrast_db =
      testing::VocalContrastDb(mono->channels[0], 44100, song.words, kContrastMarginS);
  const auto start = std::chrono::steady_clock::now();
  Result<AudioBuffer> vocals = DspSeparator(config).Separate(*mix, ctx);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(vocals.ok()) << vocals.status().ToString();
  if (!vocals.ok()) return result;
  EXPECT_EQ(vocals->frames(), mix->frames());
  result.real_time_factor = elapsed.count() / mix->duration_s();
  result.vocals_contrast_db =
      testing::VocalContrastDb(vocals->channels[0], 44100, song.words, kContrastMarginS);
  return result;
}

TEST(DspSeparatorSongs, IsFastAndFavoursTheSinging) {
  if (kSanitizedBuild) {
    GTEST_SKIP() << "speed is not measured in a sanitizer build (it runs several times slower); "
                    "the normal build checks it";
  }
  const auto songs = SongsOrEmpty();
  if (songs.empty()) GTEST_SKIP() << "no songs in " << kSongsDir << "; fetch jamendo-dev there";
  const testing::TempDir scratch;
  double gain_sum_db = 0;
  for (const auto& song : songs) {
    const SongResult r = MeasureSong(song, DspSeparatorConfig{}, scratch);
    std::printf("%-34s RTF %.4f  vocal contrast mix %5.1f dB -> vocals %5.1f dB\n",
                song.name.c_str(), r.real_time_factor, r.mix_contrast_db, r.vocals_contrast_db);
    EXPECT_LT(r.real_time_factor, 0.05) << song.name;  // budget 5 s per 4 min = 0.021
    gain_sum_db += r.vocals_contrast_db - r.mix_contrast_db;
  }
  const double mean_gain_db = gain_sum_db / songs.size();
  std::printf("mean vocal contrast gain %.2f dB\n", mean_gain_db);
  EXPECT_GT(mean_gain_db, 0.2);  // measured 0.39 dB with the defaults
}

TEST(DspSeparatorSongs, TenMinuteStereoStaysWithinMemoryBudget) {
  if (kSanitizedBuild) {
    GTEST_SKIP() << "resident memory is not measured in a sanitizer build (shadow memory and "
                    "quarantine inflate it); the normal build checks it";
  }
  if (SongsOrEmpty().empty()) GTEST_SKIP() << "e2e memory check runs with the jamendo-dev data";
  AudioBuffer mix;
  mix.sample_rate_hz = 44100;
  const std::size_t frames = 600 * 44100;
  std::mt19937 rng(1);
  std::uniform_real_distribution<float> dist(-0.5f, 0.5f);
  mix.channels.assign(2, std::vector<float>(frames));
  for (auto& channel : mix.channels) {
    for (float& v : channel) v = dist(rng);
  }
  const double before_mb = PeakRssMb();
  NullProgress progress;
  Result<AudioBuffer> vocals = DspSeparator(DspSeparatorConfig{}).Separate(mix, {&progress});
  ASSERT_TRUE(vocals.ok());
  const double added_mb = PeakRssMb() - before_mb;
  const double output_mb = frames * sizeof(float) / 1048576.0;
  std::printf("10-min stereo: input %.0f MB, stage added %.0f MB (its output is %.0f MB)\n",
              2 * output_mb, added_mb, output_mb);
  EXPECT_LT(added_mb, output_mb + 40);
}

// Each stage switched off in turn; run with YTL_RUN_ABLATION=1 (about a minute).
TEST(DspSeparatorSongs, Ablation) {
  if (std::getenv("YTL_RUN_ABLATION") == nullptr) {
    GTEST_SKIP() << "set YTL_RUN_ABLATION=1 to measure each stage on the songs";
  }
  const auto songs = SongsOrEmpty();
  if (songs.empty()) GTEST_SKIP() << "no songs in " << kSongsDir;
  const testing::TempDir scratch;
  for (int variant = 0; variant < 4; ++variant) {
    DspSeparatorConfig config;
    config.centre_extraction = variant != 1;
    config.harmonic_percussive = variant == 2;
    config.predominant_voice_mask = variant != 3;
    double gain_sum_db = 0;
    for (const auto& song : songs) {
      const SongResult r = MeasureSong(song, config, scratch);
      gain_sum_db += r.vocals_contrast_db - r.mix_contrast_db;
    }
    const char* names[] = {"default", "no centre", "with harmonic", "no voice comb"};
    std::printf("%-14s mean vocal contrast gain %.2f dB\n", names[variant],
                gain_sum_db / songs.size());
  }
}

}  // namespace
}  // namespace ytl
