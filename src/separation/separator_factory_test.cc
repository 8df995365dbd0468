#include "separation/separator_factory.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

TEST(SeparatorFactory, BuildsEachAvailableKind) {
  Result<std::unique_ptr<Separator>> none = MakeSeparator(SeparatorKind::kNone, {});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ((*none)->name(), "none");
  Result<std::unique_ptr<Separator>> dsp = MakeSeparator(SeparatorKind::kDsp, {});
  ASSERT_TRUE(dsp.ok());
  EXPECT_EQ((*dsp)->name(), "dsp");
}

TEST(SeparatorFactory, DemucsIsUnavailableWithAHint) {
  Result<std::unique_ptr<Separator>> demucs = MakeSeparator(SeparatorKind::kDemucs, {});
  ASSERT_FALSE(demucs.ok());
  EXPECT_EQ(demucs.status().code(), Status::Code::kUnavailable);
  EXPECT_NE(demucs.status().message().find("--separator dsp"), std::string::npos);
}

TEST(SeparatorFactory, RejectsAnInvalidDspConfig) {
  DspSeparatorConfig config;
  config.hop = 0;
  Result<std::unique_ptr<Separator>> dsp = MakeSeparator(SeparatorKind::kDsp, config);
  ASSERT_FALSE(dsp.ok());
  EXPECT_EQ(dsp.status().code(), Status::Code::kInvalidInput);
}

TEST(SeparatorFactory, ParsesTheFlagValues) {
  EXPECT_EQ(*ParseSeparatorKind("dsp"), SeparatorKind::kDsp);
  EXPECT_EQ(*ParseSeparatorKind("none"), SeparatorKind::kNone);
  EXPECT_EQ(*ParseSeparatorKind("demucs"), SeparatorKind::kDemucs);
  EXPECT_FALSE(ParseSeparatorKind("spleeter").ok());
}

TEST(PassthroughSeparator, AveragesTheChannels) {
  AudioBuffer mix;
  mix.sample_rate_hz = 8000;
  mix.channels = {{1.0f, 0.0f}, {0.0f, -1.0f}};
  NullProgress progress;
  Result<std::unique_ptr<Separator>> none = MakeSeparator(SeparatorKind::kNone, {});
  Result<AudioBuffer> mono = (*none)->Separate(mix, {&progress, nullptr});
  ASSERT_TRUE(mono.ok());
  ASSERT_EQ(mono->channels.size(), 1u);
  EXPECT_FLOAT_EQ(mono->channels[0][0], 0.5f);
  EXPECT_FLOAT_EQ(mono->channels[0][1], -0.5f);
}

}  // namespace
}  // namespace ytl
