#include "pipeline/stage_codec.h"

#include <gtest/gtest.h>

#include "pipeline/stage_cache.h"

namespace ytl {
namespace {

TEST(StageCodec, AudioRoundTrips) {
  AudioBuffer audio;
  audio.sample_rate_hz = 16000;
  audio.channels = {{0.f, 0.5f, -1.f}, {1.f, 0.25f, 0.f}};
  auto decoded = DecodeAudio(EncodeAudio(audio));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->sample_rate_hz, 16000);
  EXPECT_EQ(decoded->channels, audio.channels);
}

TEST(StageCodec, CorruptAudioIsRefused) {
  AudioBuffer audio;
  audio.sample_rate_hz = 16000;
  audio.channels = {{0.f, 0.5f}};
  std::string bytes = EncodeAudio(audio);
  EXPECT_FALSE(DecodeAudio(bytes.substr(0, bytes.size() - 1)).ok());
  EXPECT_FALSE(DecodeAudio("YTL").ok());
  bytes[0] = 'X';
  EXPECT_FALSE(DecodeAudio(bytes).ok());
}

TEST(StageCodec, ActivityRoundTrips) {
  VocalActivity activity;
  activity.probability = {0.f, 0.5f, 1.f};
  activity.regions = {{0.5, 1.25}, {3.0, 4.0}};
  activity.onset = {0.f, 1.f, 0.25f};
  auto decoded = DecodeActivity(EncodeActivity(activity));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->probability, activity.probability);
  EXPECT_EQ(decoded->onset, activity.onset);
  ASSERT_EQ(decoded->regions.size(), 2u);
  EXPECT_DOUBLE_EQ(decoded->regions[1].end_s, 4.0);
  EXPECT_FALSE(DecodeActivity("{\"frame_s\": 1}").ok());
  EXPECT_FALSE(DecodeActivity("not json").ok());
}

TEST(StageCache, DirectoryCacheStoresAndLoads) {
  DirectoryStageCache cache(::testing::TempDir() + "/ytl_stage_cache_test");
  ASSERT_TRUE(cache.Store("v1/a/b", std::string("bytes\0with nul", 14)).ok());
  auto loaded = cache.Load("v1/a/b");
  ASSERT_TRUE(loaded.ok());
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ(**loaded, std::string("bytes\0with nul", 14));
  auto missing = cache.Load("v1/other");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

}  // namespace
}  // namespace ytl
