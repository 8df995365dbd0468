#include "audio/duration_probe.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "audio/test_media.h"

namespace ytl {
namespace {

// A 16-bit mono PCM WAV file of `seconds` of silence at `rate_hz`.
std::string SilentWav(double seconds, int rate_hz) {
  const auto u32 = [](std::uint32_t v) {
    return std::string{static_cast<char>(v & 0xff), static_cast<char>(v >> 8 & 0xff),
                       static_cast<char>(v >> 16 & 0xff), static_cast<char>(v >> 24 & 0xff)};
  };
  const auto u16 = [](std::uint16_t v) {
    return std::string{static_cast<char>(v & 0xff), static_cast<char>(v >> 8)};
  };
  const auto data_bytes = static_cast<std::uint32_t>(seconds * rate_hz) * 2;
  return "RIFF" + u32(36 + data_bytes) + "WAVEfmt " + u32(16) + u16(1) + u16(1) + u32(rate_hz) +
         u32(rate_hz * 2) + u16(2) + u16(16) + "data" + u32(data_bytes) +
         std::string(data_bytes, '\0');
}

TEST(ProbeDuration, ReadsTheDeclaredLengthWithoutDecoding) {
  testing::ScratchDir dir;
  ASSERT_TRUE(testing::WriteFile(dir.File("song.wav"), SilentWav(7.5, 8000)));
  auto probe = ProbeDuration(dir.File("song.wav"));
  ASSERT_TRUE(probe.ok()) << probe.status().ToString();
  EXPECT_NEAR(probe->duration_s, 7.5, 0.01);
}

TEST(ProbeDuration, RefusesTextNamingTheFile) {
  testing::ScratchDir dir;
  ASSERT_TRUE(testing::WriteFile(dir.File("notes.txt"), "these are lyrics, not a song\n"));
  auto probe = ProbeDuration(dir.File("notes.txt"));
  ASSERT_FALSE(probe.ok());
  EXPECT_EQ(probe.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(probe.status().message().find("notes.txt"), std::string::npos);
}

}  // namespace
}  // namespace ytl
