#include "vad/spectral_voice_activity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <numbers>
#include <random>

#include "separation/testing/cli_audio.h"

namespace ytl {
namespace {

constexpr int kRateHz = 16000;

// Speech by espeak-ng, trimmed of leading and trailing silence, at 16 kHz, peak -3 dBFS.
Result<std::vector<float>> Speak(const testing::TempDir& dir, const std::string& name,
                                 const std::string& text) {
  const std::string wav = dir.File(name + ".wav");
  const std::string raw = dir.File(name + ".f32");
  YTL_RETURN_IF_ERROR(testing::RunCommand("espeak-ng -w '" + wav + "' '" + text + "'"));
  YTL_RETURN_IF_ERROR(
      testing::RunCommand("sox '" + wav + "' -r 16000 -c 1 -b 32 -e floating-point -t raw '" + raw +
                          "' silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse gain -n -3"));
  Result<AudioBuffer> speech = testing::ReadRawFloat(raw, kRateHz, 1);
  if (!speech.ok()) return speech.status();
  return speech->channels[0];
}

// What the separator leaves of an accompaniment: a sustained chord that changes every 2 s,
// pink-ish noise and soft drum hits, at `level` RMS.
std::vector<float> MusicBed(std::size_t frames, double level) {
  std::vector<float> bed(frames);
  std::mt19937 rng(4);
  std::normal_distribution<float> noise(0.0f, 1.0f);
  const double roots_hz[] = {110.0, 146.8, 130.8, 98.0};
  float brown = 0;
  double sum_squares = 0;
  for (std::size_t i = 0; i < frames; ++i) {
    const double t = static_cast<double>(i) / kRateHz;
    const double root = roots_hz[static_cast<int>(t / 2) % 4];
    double chord = 0;
    for (double ratio : {1.0, 1.25, 1.5}) {
      for (int h = 1; h <= 6; ++h)
        chord += std::sin(2 * std::numbers::pi * root * ratio * h * t) / h;
    }
    brown = 0.98f * brown + 0.2f * noise(rng);
    const double hit = std::exp(-std::fmod(t, 0.5) / 0.04) * noise(rng);
    bed[i] = static_cast<float>(0.3 * chord + brown + 0.8 * hit);
    sum_squares += bed[i] * bed[i];
  }
  const double scale = level / std::sqrt(sum_squares / frames);
  for (float& v : bed) v = static_cast<float>(v * scale);
  return bed;
}

struct SpokenSong {
  AudioBuffer audio;
  std::vector<VoicedRegion> speech;  // where the words are
  double silence_from_s = 0;         // digital silence from here to the end
};

// Intro 6 s, sentence, 5 s break, sentence, 3 s outro, all over the bed; then 2 s of zeros.
Result<SpokenSong> MakeSpokenSong(const testing::TempDir& dir, double bed_level) {
  Result<std::vector<float>> first =
      Speak(dir, "first", "the quick brown fox jumps over the lazy dog");
  if (!first.ok()) return first.status();
  Result<std::vector<float>> second =
      Speak(dir, "second", "she sells sea shells by the sea shore every summer morning");
  if (!second.ok()) return second.status();
  SpokenSong song;
  const std::size_t first_at = 6 * kRateHz;
  const std::size_t second_at = first_at + first->size() + 5 * kRateHz;
  const std::size_t bed_end = second_at + second->size() + 3 * kRateHz;
  std::vector<float> samples = MusicBed(bed_end, bed_level);
  samples.resize(bed_end + 2 * kRateHz, 0.0f);
  for (std::size_t i = 0; i < first->size(); ++i) samples[first_at + i] += (*first)[i];
  for (std::size_t i = 0; i < second->size(); ++i) samples[second_at + i] += (*second)[i];
  auto seconds = [](std::size_t frames) { return static_cast<double>(frames) / kRateHz; };
  song.speech = {{seconds(first_at), seconds(first_at + first->size())},
                 {seconds(second_at), seconds(second_at + second->size())}};
  song.silence_from_s = seconds(bed_end);
  song.audio.sample_rate_hz = kRateHz;
  song.audio.channels = {std::move(samples)};
  return song;
}

VocalActivity DetectOrDie(const AudioBuffer& audio) {
  NullProgress progress;
  Result<VocalActivity> activity =
      SpectralVoiceActivity(SpectralVoiceActivityConfig{}).Detect(audio, {&progress});
  EXPECT_TRUE(activity.ok()) << activity.status().ToString();
  return activity.ok() ? *activity : VocalActivity{};
}

class SpectralVoiceActivityOnSpeech : public ::testing::TestWithParam<double> {};

TEST_P(SpectralVoiceActivityOnSpeech, FindsTheSentencesAndNotTheBreaks) {
  const testing::TempDir dir;
  Result<SpokenSong> song = MakeSpokenSong(dir, GetParam());
  ASSERT_TRUE(song.ok()) << song.status().ToString() << "; is espeak-ng installed?";
  const VocalActivity activity = DetectOrDie(song->audio);
  for (const VoicedRegion& r : activity.regions)
    std::printf("region %.2f-%.2f s\n", r.start_s, r.end_s);
  ASSERT_EQ(activity.regions.size(), song->speech.size());
  for (std::size_t i = 0; i < song->speech.size(); ++i) {
    EXPECT_NEAR(activity.regions[i].start_s, song->speech[i].start_s, 0.3) << "sentence " << i;
    EXPECT_NEAR(activity.regions[i].end_s, song->speech[i].end_s, 0.3) << "sentence " << i;
  }
}

TEST_P(SpectralVoiceActivityOnSpeech, DigitalSilenceIsNeverVoiced) {
  const testing::TempDir dir;
  Result<SpokenSong> song = MakeSpokenSong(dir, GetParam());
  ASSERT_TRUE(song.ok()) << song.status().ToString();
  const VocalActivity activity = DetectOrDie(song->audio);
  const std::size_t first =
      static_cast<std::size_t>((song->silence_from_s + 0.05) / activity.frame_s);
  ASSERT_LT(first, activity.probability.size());
  for (std::size_t f = first; f < activity.probability.size(); ++f) {
    ASSERT_EQ(activity.probability[f], 0.0f) << "frame " << f;
  }
}

// Bed RMS levels: a quiet residual and a strong one (about 12 dB under the speech).
INSTANTIATE_TEST_SUITE_P(BedLevels, SpectralVoiceActivityOnSpeech, ::testing::Values(0.005, 0.02));

TEST(SpectralVoiceActivity, AllZerosHasNoRegions) {
  AudioBuffer silence;
  silence.sample_rate_hz = kRateHz;
  silence.channels = {std::vector<float>(5 * kRateHz, 0.0f)};
  const VocalActivity activity = DetectOrDie(silence);
  EXPECT_EQ(activity.probability.size(), 500u);
  EXPECT_TRUE(activity.regions.empty());
}

TEST(SpectralVoiceActivity, RejectsStereo) {
  AudioBuffer stereo;
  stereo.sample_rate_hz = kRateHz;
  stereo.channels.assign(2, std::vector<float>(100));
  NullProgress progress;
  Result<VocalActivity> activity =
      SpectralVoiceActivity(SpectralVoiceActivityConfig{}).Detect(stereo, {&progress});
  ASSERT_FALSE(activity.ok());
  EXPECT_EQ(activity.status().code(), Status::Code::kInvalidInput);
}

TEST(SpectralVoiceActivityConfig, ValidateNamesTheBadField) {
  EXPECT_TRUE(SpectralVoiceActivityConfig{}.Validate().ok());
  SpectralVoiceActivityConfig config;
  config.regions.off_threshold = 0.9f;
  EXPECT_NE(config.Validate().message().find("off_threshold"), std::string::npos);
  config = {};
  config.floor_percentile = 0.99;
  EXPECT_NE(config.Validate().message().find("floor_percentile"), std::string::npos);
}

}  // namespace
}  // namespace ytl
