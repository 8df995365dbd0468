// DecodeFile's limits on hostile files: a claimed sample rate no resampler takes, and more
// samples than DecodeOptions::max_samples, refused from the header before any sample buffer is
// allocated, or while decoding when the header does not tell.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdint>
#include <string>

#include "audio/decoder.h"
#include "audio/test_media.h"

namespace ytl {
namespace {

using testing::RunQuiet;
using testing::ScratchDir;

void AppendLe(std::string& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

// A 16-bit PCM WAV header declaring `declared_frames` at `rate_hz`, followed by only
// `present_frames` frames of data: the header may promise far more than the file holds.
std::string Wav(std::uint32_t rate_hz, int channels, std::uint32_t declared_frames,
                std::uint32_t present_frames) {
  const std::uint32_t block = 2 * channels;
  std::string fmt;
  AppendLe(fmt, 1, 2);  // PCM
  AppendLe(fmt, channels, 2);
  AppendLe(fmt, rate_hz, 4);
  AppendLe(fmt, rate_hz * block, 4);
  AppendLe(fmt, block, 2);
  AppendLe(fmt, 16, 2);
  std::string body = "WAVEfmt ";
  AppendLe(body, 16, 4);
  body += fmt + "data";
  AppendLe(body, declared_frames * block, 4);
  for (std::uint32_t i = 0; i < present_frames * channels; ++i) AppendLe(body, i % 2 ? 300 : 0, 2);
  std::string out = "RIFF";
  AppendLe(out, static_cast<std::uint32_t>(body.size()), 4);
  return out + body;
}

class DecoderLimitsTest : public ::testing::Test {
 protected:
  Result<DecodedAudio> Decode(const std::string& name, const std::string& bytes,
                              const DecodeOptions& options) {
    const std::string path = dir_.File(name);
    EXPECT_TRUE(testing::WriteFile(path, bytes));
    return DecodeFile(path, options, ctx_);
  }

  ScratchDir dir_;
  NullProgress progress_;
  StageContext ctx_{&progress_, nullptr};
};

TEST_F(DecoderLimitsTest, RefusesAClaimedSampleRateNoResamplerTakes) {
  const auto decoded = Decode("fast.wav", Wav(2'000'000'000, 1, 1000, 1000), {});
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(decoded.status().message().find("sample rate of 2000000000 Hz"), std::string::npos)
      << decoded.status().message();
  EXPECT_NE(decoded.status().message().find("fast.wav"), std::string::npos);
  // The process is still up and decodes the next file.
  EXPECT_TRUE(Decode("ok.wav", Wav(768'000, 1, 1000, 1000), {}).ok());
}

// The WAV header states the length, so the refusal comes from it, before decoding: the message
// gives the declared count ("holds N samples"), not "runs past".
TEST_F(DecoderLimitsTest, RefusesOneSampleOverTheLimitAndAcceptsTheLimit) {
  DecodeOptions options;
  options.max_samples = 2 * 8000;  // one second of 8 kHz stereo
  const auto at_limit = Decode("at.wav", Wav(8000, 2, 8000, 8000), options);
  ASSERT_TRUE(at_limit.ok()) << at_limit.status().ToString();
  EXPECT_EQ(at_limit->original.frames(), 8000u);
  const auto over = Decode("over.wav", Wav(8000, 2, 8001, 8001), options);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(over.status().message().find("16002 samples, over the limit of 16000"),
            std::string::npos)
      << over.status().message();
}

// Through a pipe the container states no length: the decode loop counts the samples.
TEST_F(DecoderLimitsTest, StopsAStreamThatRunsPastTheSampleLimit) {
  if (!RunQuiet("command -v sox")) GTEST_SKIP() << "sox is not installed; apt-get install sox";
  const std::string ogg = dir_.File("long.ogg");
  ASSERT_TRUE(RunQuiet("sox -n -r 44100 -c 1 " + ogg + " synth 4 sine 300 vol 0.3"));
  const std::string fifo = dir_.File("stream.ogg");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  ASSERT_TRUE(RunQuiet("timeout 20 cat " + ogg + " > " + fifo + " &"));
  DecodeOptions options;
  options.max_samples = 44100;
  const auto decoded = DecodeFile(fifo, options, ctx_);
  RunQuiet("timeout 2 cat " + fifo + " > /dev/null");  // unblock the writer if it still waits
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(decoded.status().message().find("runs past the limit of 44100 samples"),
            std::string::npos)
      << decoded.status().message();
}

TEST(DecodeOptions, RefusesANonPositiveSampleLimit) {
  DecodeOptions options;
  options.max_samples = 0;
  const Status status = options.Validate();
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_NE(status.message().find("max_samples"), std::string::npos);
}

}  // namespace
}  // namespace ytl
