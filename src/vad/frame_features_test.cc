#include "vad/frame_features.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

namespace ytl {
namespace {

constexpr int kRateHz = 16000;

FrameFeatures Features(const std::vector<float>& samples) {
  NullProgress progress;
  Result<FrameFeatures> f = ComputeFrameFeatures(samples, kRateHz, 0.01, 0.032, {&progress});
  EXPECT_TRUE(f.ok());
  return *f;
}

float Mean(const std::vector<float>& v, std::size_t from, std::size_t to) {
  float sum = 0;
  for (std::size_t i = from; i < to; ++i) sum += v[i];
  return sum / (to - from);
}

TEST(FrameFeatures, HarmonicToneIsHarmonicAndNotFlat) {
  std::vector<float> tone(kRateHz);
  for (int i = 0; i < kRateHz; ++i) {
    double v = 0;
    for (int h = 1; h <= 10; ++h) v += std::sin(2 * std::numbers::pi * 180 * h * i / kRateHz) / h;
    tone[i] = static_cast<float>(0.3 * v);
  }
  const FrameFeatures f = Features(tone);
  ASSERT_EQ(f.harmonicity.size(), 100u);
  EXPECT_GT(Mean(f.harmonicity, 10, 90), 0.9f);
  EXPECT_LT(Mean(f.flatness, 10, 90), 0.1f);
}

TEST(FrameFeatures, WhiteNoiseIsFlatAndNotHarmonic) {
  std::mt19937 rng(2);
  std::normal_distribution<float> noise(0.0f, 0.1f);
  std::vector<float> samples(kRateHz);
  for (float& s : samples) s = noise(rng);
  const FrameFeatures f = Features(samples);
  EXPECT_LT(Mean(f.harmonicity, 10, 90), 0.4f);
  EXPECT_GT(Mean(f.flatness, 10, 90), 0.4f);
  EXPECT_NEAR(Mean(f.energy_db, 10, 90), -20.0f, 1.0f);
}

TEST(FrameFeatures, StopsWhenCancelled) {
  NullProgress progress;
  CancelToken cancel;
  cancel.Cancel();
  std::vector<float> samples(kRateHz);
  Result<FrameFeatures> f =
      ComputeFrameFeatures(samples, kRateHz, 0.01, 0.032, {&progress, &cancel});
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), Status::Code::kCancelled);
}

}  // namespace
}  // namespace ytl
