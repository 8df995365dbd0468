#include "vad/vocal_onsets.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ytl {
namespace {

constexpr int kRateHz = 16000;
constexpr double kFrameS = 0.01;

// A sung vowel: ten harmonics over f0(t), phase-continuous, from `from_s` (silence before).
template <typename F0>
std::vector<float> Vowel(double from_s, double to_s, F0 f0, float amplitude = 0.3f) {
  std::vector<float> out(static_cast<std::size_t>(to_s * kRateHz), 0.0f);
  double phase = 0;
  for (std::size_t i = static_cast<std::size_t>(from_s * kRateHz); i < out.size(); ++i) {
    const double t = static_cast<double>(i) / kRateHz;
    phase += 2 * std::numbers::pi * f0(t) / kRateHz;
    double v = 0;
    for (int h = 1; h <= 10; ++h) v += std::sin(h * phase) / h;
    out[i] = static_cast<float>(amplitude * v);
  }
  return out;
}

std::vector<float> Onsets(const std::vector<float>& samples) {
  NullProgress progress;
  auto onsets = ComputeVocalOnsets(samples, kRateHz, VocalOnsetConfig{}, {&progress});
  EXPECT_TRUE(onsets.ok()) << onsets.status().ToString();
  return onsets.ok() ? *onsets : std::vector<float>{};
}

float MaxOver(const std::vector<float>& v, double from_s, double to_s) {
  const auto a = static_cast<std::size_t>(from_s / kFrameS);
  const auto b = std::min(v.size(), static_cast<std::size_t>(to_s / kFrameS));
  return *std::max_element(v.begin() + a, v.begin() + b);
}

// "ah ah" on a melody: the same vowel, at the same level, from A3 up to D4 at 1.5 s. Only
// the pitch tells the second note from the first, and the onset track marks it.
TEST(VocalOnsets, MarksANewPitchOnAHeldVowel) {
  const auto samples = Vowel(0.5, 2.5, [](double t) { return t < 1.5 ? 220.0 : 293.66; });
  const std::vector<float> onsets = Onsets(samples);
  ASSERT_EQ(onsets.size(), 250u);
  EXPECT_GT(MaxOver(onsets, 1.47, 1.56), 0.5f);
  EXPECT_GT(MaxOver(onsets, 0.47, 0.56), 0.5f) << "the note's start is an onset too";
  EXPECT_LT(MaxOver(onsets, 0.7, 1.4), 0.1f) << "a held note is not";
  EXPECT_LT(MaxOver(onsets, 1.7, 2.4), 0.1f);
}

// Vibrato (a 5.5 Hz, +-50 cent wobble) is not a new note: the maximum filter across
// frequency and the local mean keep it well below the real change of note (17 times below
// and more; with a 3-bin filter 6 times, without one 4 times).
TEST(VocalOnsets, VibratoStaysBelowANoteChange) {
  const auto f0 = [](double t) {
    const double centre = t < 2.0 ? 220.0 : 293.66;
    return centre * std::pow(2.0, 0.5 / 12 * std::sin(2 * std::numbers::pi * 5.5 * t));
  };
  const std::vector<float> onsets = Onsets(Vowel(0.5, 3.0, f0));
  const float change = MaxOver(onsets, 1.97, 2.06);
  EXPECT_GT(change, 10 * MaxOver(onsets, 0.8, 1.9));
  EXPECT_GT(change, 10 * MaxOver(onsets, 2.2, 2.9));
}

TEST(VocalOnsets, DoNotDependOnTheLevel) {
  const auto loud = Vowel(
      0.5, 2.0, [](double t) { return t < 1.2 ? 196.0 : 261.63; }, 0.5f);
  std::vector<float> quiet = loud;
  for (float& s : quiet) s *= 0.01f;
  const std::vector<float> a = Onsets(loud), b = Onsets(quiet);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t f = 0; f < a.size(); ++f) EXPECT_NEAR(a[f], b[f], 1e-3) << "frame " << f;
}

TEST(VocalOnsets, SilenceHasNone) {
  const std::vector<float> onsets = Onsets(std::vector<float>(kRateHz / 2, 0.0f));
  ASSERT_EQ(onsets.size(), 50u);
  EXPECT_EQ(*std::max_element(onsets.begin(), onsets.end()), 0.0f);
  EXPECT_TRUE(Onsets({}).empty());
}

TEST(VocalOnsets, CancelledWhenAsked) {
  NullProgress progress;
  CancelToken token;
  token.Cancel();
  auto onsets = ComputeVocalOnsets(std::vector<float>(kRateHz, 0.1f), kRateHz, VocalOnsetConfig{},
                                   {&progress, &token});
  EXPECT_EQ(onsets.status().code(), Status::Code::kCancelled);
}

TEST(VocalOnsetConfig, ValidateNamesTheBadField) {
  VocalOnsetConfig config;
  EXPECT_TRUE(config.Validate().ok());
  config.max_filter_bins = 4;
  EXPECT_NE(config.Validate().message().find("max_filter_bins"), std::string::npos);
  config = VocalOnsetConfig{};
  config.high_hz = 50;
  EXPECT_NE(config.Validate().message().find("low_hz"), std::string::npos);
  config = VocalOnsetConfig{};
  config.lag_frames = 0;
  EXPECT_NE(config.Validate().message().find("lag_frames"), std::string::npos);
}

}  // namespace
}  // namespace ytl
