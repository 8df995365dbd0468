#include "separation/dsp_separator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <random>
#include <vector>

#include "separation/passthrough_separator.h"

namespace ytl {
namespace {

constexpr int kRateHz = 44100;

// A centred "voice" (vibrato tone with harmonics, sung in syllables), a guitar-like chord in the
// left channel only, and centred drum hits (decaying noise bursts).
struct SyntheticSong {
  std::vector<float> voice;
  AudioBuffer mix;
};

SyntheticSong MakeSong(double duration_s) {
  const std::size_t n = static_cast<std::size_t>(duration_s * kRateHz);
  SyntheticSong song;
  song.voice.resize(n);
  std::vector<float> chord(n), drums(n);
  std::mt19937 rng(11);
  std::normal_distribution<float> noise(0.0f, 1.0f);
  double phase = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / kRateHz;
    const double f0 = 220.0 * (1.0 + 0.03 * std::sin(2 * std::numbers::pi * 5.5 * t)) *
                      (1.0 + 0.25 * (static_cast<int>(t / 0.5) % 3));
    phase += 2 * std::numbers::pi * f0 / kRateHz;
    const double syllable = std::fmod(t, 0.5) < 0.4 ? 1.0 : 0.0;
    double v = 0;
    for (int h = 1; h <= 15; ++h) v += std::sin(h * phase) / h;
    song.voice[i] = static_cast<float>(0.3 * syllable * v);
    double c = 0;
    for (double f : {196.0, 293.7, 392.0}) {
      for (int h = 1; h <= 8; ++h) c += std::sin(2 * std::numbers::pi * f * h * t) / (h * h);
    }
    chord[i] = static_cast<float>(0.2 * c);
    const double since_hit = std::fmod(t, 0.25);
    drums[i] = static_cast<float>(0.5 * std::exp(-since_hit / 0.03) * noise(rng));
  }
  song.mix.sample_rate_hz = kRateHz;
  song.mix.channels.assign(2, std::vector<float>(n));
  for (std::size_t i = 0; i < n; ++i) {
    song.mix.channels[0][i] = song.voice[i] + chord[i] + drums[i];
    song.mix.channels[1][i] = song.voice[i] + drums[i];
  }
  return song;
}

// Scale-invariant signal-to-distortion ratio of `estimate` against `reference`, in dB.
double SiSdrDb(const std::vector<float>& estimate, const std::vector<float>& reference) {
  double er = 0, rr = 0, ee = 0;
  for (std::size_t i = 0; i < estimate.size(); ++i) {
    er += static_cast<double>(estimate[i]) * reference[i];
    rr += static_cast<double>(reference[i]) * reference[i];
    ee += static_cast<double>(estimate[i]) * estimate[i];
  }
  const double target = er * er / rr;  // energy of the projection on the reference
  return 10.0 * std::log10(target / std::max(1e-12, ee - target));
}

std::vector<float> SeparateOrDie(const DspSeparatorConfig& config, const AudioBuffer& mix) {
  NullProgress progress;
  StageContext ctx{&progress, nullptr};
  Result<AudioBuffer> vocals = DspSeparator(config).Separate(mix, ctx);
  EXPECT_TRUE(vocals.ok()) << vocals.status().ToString();
  if (!vocals.ok()) return {};
  EXPECT_EQ(vocals->channels.size(), 1u);
  EXPECT_EQ(vocals->sample_rate_hz, mix.sample_rate_hz);
  return vocals->channels[0];
}

DspSeparatorConfig OnlyStage(bool centre, bool harmonic, bool voice) {
  DspSeparatorConfig config;
  config.centre_extraction = centre;
  config.harmonic_percussive = harmonic;
  config.predominant_voice_mask = voice;
  return config;
}

class DspSeparatorOnSyntheticSong : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { song_ = new SyntheticSong(MakeSong(6.0)); }
  static void TearDownTestSuite() { delete song_; }
  static double MixSdrDb() {
    NullProgress progress;
    Result<AudioBuffer> mid = PassthroughSeparator().Separate(song_->mix, {&progress, nullptr});
    return SiSdrDb(mid->channels[0], song_->voice);
  }
  static SyntheticSong* song_;
};
SyntheticSong* DspSeparatorOnSyntheticSong::song_ = nullptr;

TEST_F(DspSeparatorOnSyntheticSong, AllStagesBringTheOutputCloserToTheVoice) {
  const double mix = MixSdrDb();
  const double separated =
      SiSdrDb(SeparateOrDie(OnlyStage(true, true, true), song_->mix), song_->voice);
  std::printf("SI-SDR against the voice: mix %.1f dB, separated %.1f dB\n", mix, separated);
  EXPECT_GT(separated, mix + 6.0);
}

TEST_F(DspSeparatorOnSyntheticSong, EachStageAloneHelps) {
  const double mix = MixSdrDb();
  const double centre =
      SiSdrDb(SeparateOrDie(OnlyStage(true, false, false), song_->mix), song_->voice);
  const double harmonic =
      SiSdrDb(SeparateOrDie(OnlyStage(false, true, false), song_->mix), song_->voice);
  const double voice =
      SiSdrDb(SeparateOrDie(OnlyStage(false, false, true), song_->mix), song_->voice);
  std::printf("SI-SDR, one stage alone: centre %.1f, harmonic %.1f, voice %.1f (mix %.1f) dB\n",
              centre, harmonic, voice, mix);
  EXPECT_GT(centre, mix + 3.0);
  EXPECT_GT(harmonic, mix + 1.5);
  EXPECT_GT(voice, mix + 1.5);
}

TEST_F(DspSeparatorOnSyntheticSong, WithEveryStageOffItIsTheDownmix) {
  DspSeparatorConfig config = OnlyStage(false, false, false);
  config.min_frequency_hz = 0;
  config.max_frequency_hz = kRateHz;
  config.max_input_rate_hz = 0;
  const std::vector<float> vocals = SeparateOrDie(config, song_->mix);
  ASSERT_EQ(vocals.size(), song_->mix.frames());
  for (std::size_t i = 0; i < vocals.size(); ++i) {
    const float mid = 0.5f * (song_->mix.channels[0][i] + song_->mix.channels[1][i]);
    ASSERT_NEAR(vocals[i], mid, 1e-4) << i;
  }
}

TEST_F(DspSeparatorOnSyntheticSong, BlockSizeDoesNotChangeTheOutput) {
  DspSeparatorConfig large = OnlyStage(true, true, true);
  DspSeparatorConfig small = large;
  small.block_frames = 7;
  const std::vector<float> a = SeparateOrDie(large, song_->mix);
  const std::vector<float> b = SeparateOrDie(small, song_->mix);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) ASSERT_NEAR(a[i], b[i], 1e-5) << i;
}

TEST(DspSeparator, MonoInputPassesThroughCentreExtraction) {
  AudioBuffer mono;
  mono.sample_rate_hz = 16000;
  mono.channels.assign(1, std::vector<float>(16000));
  for (std::size_t i = 0; i < mono.frames(); ++i) {
    mono.channels[0][i] = static_cast<float>(0.5 * std::sin(0.05 * i) + 0.2 * std::sin(0.31 * i));
  }
  DspSeparatorConfig config = OnlyStage(true, false, false);
  config.min_frequency_hz = 0;
  const std::vector<float> vocals = SeparateOrDie(config, mono);
  ASSERT_EQ(vocals.size(), mono.frames());
  for (std::size_t i = 0; i < vocals.size(); ++i) ASSERT_NEAR(vocals[i], mono.channels[0][i], 1e-4);
}

TEST(DspSeparator, OutputHasTheInputLength) {
  for (std::size_t length : {0u, 1u, 777u, 2048u, 100001u}) {
    AudioBuffer mix;
    mix.sample_rate_hz = 22050;
    mix.channels.assign(2, std::vector<float>(length, 0.1f));
    EXPECT_EQ(SeparateOrDie(OnlyStage(true, true, true), mix).size(), length);
  }
}

TEST(DspSeparator, StopsWhenCancelled) {
  AudioBuffer mix;
  mix.sample_rate_hz = 44100;
  mix.channels.assign(2, std::vector<float>(441000, 0.1f));
  NullProgress progress;
  CancelToken cancel;
  cancel.Cancel();
  Result<AudioBuffer> vocals =
      DspSeparator(DspSeparatorConfig{}).Separate(mix, {&progress, &cancel});
  ASSERT_FALSE(vocals.ok());
  EXPECT_EQ(vocals.status().code(), Status::Code::kCancelled);
}

TEST(DspSeparator, ReportsProgressUpToOne) {
  struct Recorder : ProgressSink {
    void OnProgress(std::string_view stage, double fraction) override {
      EXPECT_EQ(stage, "separate");
      EXPECT_GE(fraction, last);
      last = fraction;
      ++calls;
    }
    double last = 0;
    int calls = 0;
  } recorder;
  AudioBuffer mix;
  mix.sample_rate_hz = 44100;
  mix.channels.assign(2, std::vector<float>(441000, 0.1f));
  ASSERT_TRUE(DspSeparator(DspSeparatorConfig{}).Separate(mix, {&recorder, nullptr}).ok());
  EXPECT_GT(recorder.calls, 2);
  EXPECT_DOUBLE_EQ(recorder.last, 1.0);
}

TEST(DspSeparator, RejectsMoreThanTwoChannels) {
  AudioBuffer mix;
  mix.sample_rate_hz = 44100;
  mix.channels.assign(6, std::vector<float>(100));
  NullProgress progress;
  Result<AudioBuffer> vocals =
      DspSeparator(DspSeparatorConfig{}).Separate(mix, {&progress, nullptr});
  ASSERT_FALSE(vocals.ok());
  EXPECT_EQ(vocals.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(vocals.status().message().find("6 channels"), std::string::npos);
}

// Every other sample of the mix (after a low-pass well under the new Nyquist): what the
// decoder gives a separator that caps its input at 24 kHz.
AudioBuffer HalfRate(const AudioBuffer& mix) {
  AudioBuffer half;
  half.sample_rate_hz = mix.sample_rate_hz / 2;
  constexpr int kTaps = 63;  // windowed sinc, cut-off 9 kHz
  std::vector<double> taps(kTaps);
  for (int k = 0; k < kTaps; ++k) {
    const double x = k - kTaps / 2;
    const double cut = 9000.0 / mix.sample_rate_hz;
    const double sinc =
        x == 0 ? 2 * cut : std::sin(2 * std::numbers::pi * cut * x) / (std::numbers::pi * x);
    taps[k] = sinc * (0.54 - 0.46 * std::cos(2 * std::numbers::pi * k / (kTaps - 1)));
  }
  for (const auto& channel : mix.channels) {
    std::vector<float> out(channel.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
      double sum = 0;
      for (int k = 0; k < kTaps; ++k) {
        const auto j = static_cast<std::ptrdiff_t>(2 * i) + k - kTaps / 2;
        if (j >= 0 && j < static_cast<std::ptrdiff_t>(channel.size())) sum += taps[k] * channel[j];
      }
      out[i] = static_cast<float>(sum);
    }
    half.channels.push_back(std::move(out));
  }
  return half;
}

// At half the rate the STFT keeps its duration (1024 samples at 22.05 kHz for 2048 at 44.1),
// so the vocals are as good: nothing above max_frequency_hz is kept at either rate.
TEST_F(DspSeparatorOnSyntheticSong, HalfRateInputSeparatesAsWell) {
  const DspSeparatorConfig config = OnlyStage(true, true, true);
  const double full = SiSdrDb(SeparateOrDie(config, song_->mix), song_->voice);
  const std::vector<float> half_voice = HalfRate(AudioBuffer{kRateHz, {song_->voice}}).channels[0];
  const double half = SiSdrDb(SeparateOrDie(config, HalfRate(song_->mix)), half_voice);
  std::printf("SI-SDR against the voice: 44.1 kHz %.1f dB, 22.05 kHz %.1f dB\n", full, half);
  EXPECT_NEAR(half, full, 1.0);
  EXPECT_EQ(DspSeparator(config).max_input_rate_hz(), 24000);
}

TEST(DspSeparatorConfig, ValidateNamesTheBadField) {
  EXPECT_TRUE(DspSeparatorConfig{}.Validate().ok());
  DspSeparatorConfig config;
  config.fft_size = 1000;
  EXPECT_NE(config.Validate().message().find("fft_size"), std::string::npos);
  config = {};
  config.hop = 300;
  EXPECT_NE(config.Validate().message().find("hop"), std::string::npos);
  config = {};
  config.consonant_keep = 2;
  EXPECT_NE(config.Validate().message().find("consonant_keep"), std::string::npos);
  config = {};
  config.max_f0_hz = 50;
  EXPECT_NE(config.Validate().message().find("min_f0_hz"), std::string::npos);
  config = {};
  config.max_input_rate_hz = 12000;  // would cut the kept band (up to 8 kHz)
  EXPECT_NE(config.Validate().message().find("max_input_rate_hz"), std::string::npos);
}

}  // namespace
}  // namespace ytl
