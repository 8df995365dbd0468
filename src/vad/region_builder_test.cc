#include "vad/region_builder.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

// 10-ms frames: `spans` are [start, end) in frames where the probability is 1.
std::vector<float> Track(int frames, std::vector<std::pair<int, int>> spans) {
  std::vector<float> p(frames, 0.0f);
  for (auto [start, end] : spans) {
    for (int i = start; i < end; ++i) p[i] = 1.0f;
  }
  return p;
}

RegionParams NoPadding() {
  RegionParams params;
  params.pad_s = 0;
  return params;
}

TEST(BuildRegions, ClosesGapsShorterThanMinGap) {
  const auto regions = BuildRegions(Track(500, {{100, 150}, {170, 220}}), NoPadding());
  ASSERT_EQ(regions.size(), 1u);
  EXPECT_NEAR(regions[0].start_s, 1.0, 1e-9);
  EXPECT_NEAR(regions[0].end_s, 2.2, 1e-9);
}

TEST(BuildRegions, KeepsLongBreaksApart) {
  const auto regions = BuildRegions(Track(1000, {{100, 150}, {450, 500}}), NoPadding());
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_NEAR(regions[1].start_s, 4.5, 1e-9);
}

TEST(BuildRegions, DropsShortRegionsAndClicks) {
  const auto regions = BuildRegions(Track(500, {{100, 102}, {300, 310}}), NoPadding());
  EXPECT_TRUE(regions.empty());
}

TEST(BuildRegions, PadsAndClipsToTheTrack) {
  RegionParams params;
  params.pad_s = 0.1;
  const auto regions = BuildRegions(Track(300, {{0, 50}, {250, 300}}), params);
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_DOUBLE_EQ(regions[0].start_s, 0.0);
  EXPECT_NEAR(regions[0].end_s, 0.6, 1e-9);
  EXPECT_NEAR(regions[1].start_s, 2.4, 1e-9);
  EXPECT_NEAR(regions[1].end_s, 3.0, 1e-9);
}

TEST(BuildRegions, HysteresisIgnoresDipsAboveTheOffThreshold) {
  std::vector<float> p = Track(400, {{100, 300}});
  for (int i = 150; i < 200; ++i) p[i] = 0.5f;
  RegionParams params = NoPadding();
  params.min_gap_s = 0;
  ASSERT_EQ(BuildRegions(p, params).size(), 1u);
}

}  // namespace
}  // namespace ytl
