#include "alignment/feature_extractor.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace ytl {
namespace {

AudioBuffer Tone(double seconds, int rate = 16000) {
  AudioBuffer a;
  a.sample_rate_hz = rate;
  a.channels.resize(1);
  std::mt19937 rng(7);
  std::normal_distribution<float> noise(0.0f, 0.01f);
  for (int i = 0; i < static_cast<int>(seconds * rate); ++i) {
    a.channels[0].push_back(0.3f * std::sin(2 * M_PI * 440.0 * i / rate) + noise(rng));
  }
  return a;
}

TEST(FeatureExtractor, GivesThirtyNineDimsAtOneHundredFramesPerSecond) {
  FeatureExtractor fx{FeatureConfig{}};
  auto m = fx.Extract(Tone(2.0));
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->dim, 39);
  EXPECT_NEAR(m->frames, 200, 3);
  ASSERT_EQ(m->values.size(), static_cast<std::size_t>(m->frames) * 39);
}

TEST(FeatureExtractor, BatchCmnCentresTheCepstra) {
  FeatureExtractor fx{FeatureConfig{}};
  auto m = fx.Extract(Tone(1.0));
  ASSERT_TRUE(m.ok());
  for (int d = 0; d < 13; ++d) {
    double mean = 0;
    for (int t = 0; t < m->frames; ++t) mean += m->frame(t)[d];
    EXPECT_NEAR(mean / m->frames, 0.0, 0.05) << "cepstrum " << d;
  }
}

TEST(FeatureExtractor, ExtractsASubRange) {
  FeatureExtractor fx{FeatureConfig{}};
  auto m = fx.Extract(Tone(2.0), 16000, 24000);
  ASSERT_TRUE(m.ok());
  EXPECT_NEAR(m->frames, 50, 3);
}

TEST(FeatureExtractor, RejectsOtherSampleRates) {
  FeatureExtractor fx{FeatureConfig{}};
  auto m = fx.Extract(Tone(0.5, 44100));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), Status::Code::kInvalidInput);
}

TEST(FeatureConfig, ValidateNamesTheBadField) {
  FeatureConfig c;
  c.upper_filter_hz = 9000;
  EXPECT_NE(c.Validate().message().find("upper_filter_hz"), std::string::npos);
}

}  // namespace
}  // namespace ytl
