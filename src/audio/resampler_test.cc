#include "audio/resampler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace ytl {
namespace {

AudioBuffer Sine(int rate_hz, int channels, double frequency_hz, double duration_s) {
  AudioBuffer buffer;
  buffer.sample_rate_hz = rate_hz;
  const auto frames = static_cast<std::size_t>(std::lround(duration_s * rate_hz));
  std::vector<float> samples(frames);
  for (std::size_t i = 0; i < frames; ++i) {
    samples[i] = static_cast<float>(
        0.5 * std::sin(2 * std::numbers::pi * frequency_hz * static_cast<double>(i) / rate_hz));
  }
  buffer.channels.assign(static_cast<std::size_t>(channels), samples);
  return buffer;
}

// Energy of `samples` at `frequency_hz` (Goertzel), normalised by length.
double PowerAt(const std::vector<float>& samples, int rate_hz, double frequency_hz) {
  const double coeff = 2 * std::cos(2 * std::numbers::pi * frequency_hz / rate_hz);
  double s1 = 0, s2 = 0;
  for (float x : samples) {
    const double s0 = x + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  return power / static_cast<double>(samples.size() * samples.size());
}

int ZeroCrossings(const std::vector<float>& samples) {
  int count = 0;
  for (std::size_t i = 1; i < samples.size(); ++i) {
    if ((samples[i - 1] < 0) != (samples[i] < 0)) ++count;
  }
  return count;
}

TEST(Resample, KeepsA1kHzToneAt1kHzFrom44100StereoTo16kMono) {
  auto out = Resample(Sine(44100, 2, 1000, 2.0), 16000, 1);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->sample_rate_hz, 16000);
  ASSERT_EQ(out->channels.size(), 1u);
  EXPECT_EQ(out->frames(), 32000u);
  EXPECT_NEAR(ZeroCrossings(out->channels[0]), 4000, 2);
  const auto& mono = out->channels[0];
  EXPECT_GT(PowerAt(mono, 16000, 1000), 100 * PowerAt(mono, 16000, 1100));
  EXPECT_GT(PowerAt(mono, 16000, 1000), 100 * PowerAt(mono, 16000, 900));
}

TEST(Resample, KeepsAmplitudeAndPhaseAligned) {
  const AudioBuffer in = Sine(48000, 1, 440, 1.0);
  auto out = Resample(in, 16000, 1);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_EQ(out->frames(), 16000u);
  // Away from the edges, output frame i is input frame 3 i.
  for (std::size_t i = 1000; i < 15000; i += 97) {
    EXPECT_NEAR(out->channels[0][i], in.channels[0][3 * i], 0.01) << "frame " << i;
  }
}

TEST(Resample, UpsamplesWithExactLength) {
  auto out = Resample(Sine(16000, 1, 300, 0.37), 44100, 2);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->frames(), static_cast<std::size_t>(std::lround(0.37 * 44100)));
  ASSERT_EQ(out->channels.size(), 2u);
  EXPECT_EQ(out->channels[0], out->channels[1]);
  EXPECT_NEAR(ZeroCrossings(out->channels[0]), 2 * 300 * 0.37, 2);
}

TEST(Resample, AveragesChannelsWhenDownmixingAtTheSameRate) {
  AudioBuffer in;
  in.sample_rate_hz = 16000;
  in.channels = {{1.0f, 0.5f, -1.0f}, {1.0f, -0.5f, 0.0f}};
  auto out = Resample(in, 16000, 1);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->channels, (std::vector<std::vector<float>>{{1.0f, 0.0f, -0.5f}}));
}

TEST(Resample, DownmixesSixChannelsWithinFullScale) {
  AudioBuffer in = Sine(48000, 6, 440, 0.5);
  for (auto& channel : in.channels) {
    for (float& sample : channel) sample *= 2.0f;  // full-scale sine
  }
  auto out = Resample(in, 16000, 2);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_EQ(out->channels.size(), 2u);
  for (const auto& channel : out->channels) {
    for (float sample : channel) ASSERT_LE(std::abs(sample), 1.01f);
  }
}

TEST(Resample, GivesEmptyOutputForEmptyInput) {
  AudioBuffer in;
  in.sample_rate_hz = 44100;
  in.channels.assign(2, {});
  auto out = Resample(in, 16000, 1);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->sample_rate_hz, 16000);
  EXPECT_EQ(out->frames(), 0u);
}

TEST(Resample, RejectsBadArguments) {
  const AudioBuffer good = Sine(16000, 1, 440, 0.1);
  EXPECT_EQ(Resample(good, 0, 1).status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(Resample(good, 16000, 3).status().code(), Status::Code::kInvalidInput);
  AudioBuffer no_rate = good;
  no_rate.sample_rate_hz = 0;
  EXPECT_EQ(Resample(no_rate, 16000, 1).status().code(), Status::Code::kInvalidInput);
  AudioBuffer ragged = Sine(16000, 2, 440, 0.1);
  ragged.channels[1].pop_back();
  auto out = Resample(ragged, 8000, 1);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("different lengths"), std::string::npos);
}

}  // namespace
}  // namespace ytl
