#include "audio/decoder.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "audio/test_media.h"

namespace ytl {
namespace {

using testing::BestLag;
using testing::RunQuiet;
using testing::ScratchDir;

constexpr int kSourceRateHz = 44100;
constexpr double kSourceDurationS = 1.5;

// Counts sign changes of `samples`; a sine of f Hz gives 2 f per second.
int ZeroCrossings(const std::vector<float>& samples) {
  int count = 0;
  for (std::size_t i = 1; i < samples.size(); ++i) {
    if ((samples[i - 1] < 0) != (samples[i] < 0)) ++count;
  }
  return count;
}

class RecordingProgress : public ProgressSink {
 public:
  void OnProgress(std::string_view stage, double fraction) override {
    stages.emplace_back(stage);
    fractions.push_back(fraction);
  }
  std::vector<std::string> stages;
  std::vector<double> fractions;
};

// Cancels `token` once progress passes `at`.
class CancellingProgress : public ProgressSink {
 public:
  CancellingProgress(CancelToken* token, double at) : token_(token), at_(at) {}
  void OnProgress(std::string_view, double fraction) override {
    if (fraction >= at_) token_->Cancel();
  }

 private:
  CancelToken* token_;
  double at_;
};

// How each test input is made, in a shell in the scratch directory. The
// reference src.wav is silence, a noise burst at 0.5 s, silence (1.5 s mono).
struct MediaRecipe {
  const char* name;
  const char* needs;  // another recipe's file, or ""
  std::string command;
};

std::vector<MediaRecipe> Recipes() {
  const std::string ff = "ffmpeg -nostdin -v error -y ";
  const std::string video = "-f lavfi -i testsrc=duration=1.5:size=160x120:rate=10 -i src.wav ";
  return {
      {"src.wav", "",
       "sox -n -r 44100 -c 1 src.wav synth 0.5 sine 0 : synth 0.3 whitenoise vol 0.5 : "
       "synth 0.7 sine 0"},
      {"lame.mp3", "src.wav", "lame --quiet -b 128 src.wav lame.mp3"},
      {"src.flac", "src.wav", ff + "-i src.wav src.flac"},
      {"src.ogg", "src.wav", ff + "-i src.wav -c:a libvorbis src.ogg"},
      {"src.opus", "src.wav", ff + "-i src.wav -c:a libopus src.opus"},
      {"src.m4a", "src.wav", ff + "-i src.wav -c:a aac src.m4a"},
      {"video.mp4", "src.wav", ff + video + "-c:v libx264 -c:a aac video.mp4"},
      {"video.webm", "src.wav", ff + video + "-c:v libvpx -c:a libopus video.webm"},
      {"silent_video.mp4", "",
       ff + "-f lavfi -i testsrc=duration=1:size=160x120:rate=10 -an silent_video.mp4"},
      {"tone.wav", "", "sox -n -r 44100 -c 2 tone.wav synth 2 sine 1000 vol 0.5"},
      {"six.wav", "", "sox -n -r 48000 -c 6 six.wav synth 1 sine 440 vol 0.3"},
      {"long.wav", "", "sox -n -r 44100 -c 1 long.wav synth 4 sine 300 vol 0.3"},
      {"long.ogg", "", "sox -n -r 44100 -c 1 long.ogg synth 4 sine 300 vol 0.3"},
      {"empty.wav", "", "sox -n -r 44100 -c 1 empty.wav trim 0 0"},
      {"tagged.mp3", "tone.wav",
       ff + "-i tone.wav -metadata title='Test Song' -metadata artist=Someone tagged.mp3"},
  };
}

class DecoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { dir_ = new ScratchDir(); }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  void SetUp() override {
    if (!RunQuiet("command -v sox && command -v ffmpeg && command -v lame")) {
      GTEST_SKIP() << "sox, ffmpeg or lame is not installed; apt-get install sox ffmpeg lame";
    }
  }

  // The path of a generated input, made on first use (ctest runs each test in
  // its own process, so each makes only what it needs).
  static std::string Media(const std::string& name) {
    const std::string path = dir_->File(name);
    if (testing::FileSize(path) >= 0) return path;
    for (const MediaRecipe& recipe : Recipes()) {
      if (recipe.name != name) continue;
      if (*recipe.needs != '\0') Media(recipe.needs);
      EXPECT_TRUE(RunQuiet("cd " + dir_->path() + " && " + recipe.command))
          << "could not make " << name << ": " << recipe.command;
      return path;
    }
    ADD_FAILURE() << "no recipe for " << name;
    return path;
  }
  static std::string File(const std::string& name) { return dir_->File(name); }

  Result<DecodedAudio> Decode(const std::string& path, const DecodeOptions& options = {}) {
    return DecodeFile(path, options, ctx_);
  }

  NullProgress null_progress_;
  StageContext ctx_{&null_progress_, nullptr};

  static ScratchDir* dir_;
};

ScratchDir* DecoderTest::dir_ = nullptr;

struct FormatCase {
  std::string file;
  int rate_hz;
};

void PrintTo(const FormatCase& format, std::ostream* out) { *out << format.file; }

class DecoderFormatTest : public DecoderTest, public ::testing::WithParamInterface<FormatCase> {};

// Length and alignment against the wav source, in the decoded file's rate:
// encoder delay and padding must be trimmed (gapless).
TEST_P(DecoderFormatTest, KeepsSourceLengthAndAlignment) {
  const FormatCase& format = GetParam();
  auto decoded = Decode(Media(format.file));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  auto source = Decode(Media("src.wav"));
  ASSERT_TRUE(source.ok()) << source.status().ToString();

  const AudioBuffer& audio = decoded->original;
  EXPECT_EQ(audio.sample_rate_hz, format.rate_hz);
  ASSERT_EQ(audio.channels.size(), 1u);
  const double expected_frames = kSourceDurationS * format.rate_hz;
  EXPECT_NEAR(static_cast<double>(audio.frames()), expected_frames, 0.002 * format.rate_hz);

  // Compare against the source at the decoded rate, around the noise burst.
  if (format.rate_hz == kSourceRateHz) {
    const int lag = BestLag(source->original.channels[0], audio.channels[0],
                            kSourceRateHz * 45 / 100, kSourceRateHz * 85 / 100, 2000);
    RecordProperty("offset_samples", lag);
    EXPECT_LE(std::abs(lag), 2) << format.file << " is offset by " << lag << " samples";
  }
  EXPECT_EQ(decoded->mono16k.sample_rate_hz, 16000);
  ASSERT_EQ(decoded->mono16k.channels.size(), 1u);
  EXPECT_NEAR(decoded->mono16k.duration_s(), audio.duration_s(), 0.001);
  EXPECT_FALSE(decoded->truncated);
}

INSTANTIATE_TEST_SUITE_P(
    Formats, DecoderFormatTest,
    ::testing::Values(FormatCase{"src.wav", 44100}, FormatCase{"src.flac", 44100},
                      FormatCase{"lame.mp3", 44100}, FormatCase{"src.ogg", 44100},
                      FormatCase{"src.opus", 48000}, FormatCase{"src.m4a", 44100},
                      FormatCase{"video.mp4", 44100}, FormatCase{"video.webm", 48000}),
    [](const auto& info) {
      std::string name = info.param.file;
      for (char& c : name) c = std::isalnum(c) ? c : '_';
      return name;
    });

TEST_F(DecoderTest, OpusKeepsSourceAlignmentAt48kHz) {
  auto opus = Decode(Media("src.opus"));
  auto flac = Decode(Media("src.flac"));
  ASSERT_TRUE(opus.ok() && flac.ok());
  // Both mono16k copies come from the same source: their bursts must line up.
  const int lag = BestLag(flac->mono16k.channels[0], opus->mono16k.channels[0], 16000 * 45 / 100,
                          16000 * 85 / 100, 800);
  EXPECT_LE(std::abs(lag), 1) << "opus is offset by " << lag << " samples at 16 kHz";
}

TEST_F(DecoderTest, KeepsStereoAndDownmixesMoreChannelsToStereo) {
  auto stereo = Decode(Media("tone.wav"));
  ASSERT_TRUE(stereo.ok()) << stereo.status().ToString();
  EXPECT_EQ(stereo->original.channels.size(), 2u);
  EXPECT_EQ(stereo->original.frames(), 88200u);

  auto six = Decode(Media("six.wav"));
  ASSERT_TRUE(six.ok()) << six.status().ToString();
  EXPECT_EQ(six->original.channels.size(), 2u);
  EXPECT_EQ(six->original.sample_rate_hz, 48000);
  EXPECT_EQ(six->original.frames(), 48000u);
  for (const auto& channel : six->original.channels) {
    for (float sample : channel) ASSERT_LE(std::abs(sample), 1.0f);
  }
}

// A capped original (what a separator that drops the top of the spectrum asks for) is the
// source's rate halved, while decoding: same length, same alignment, same tone.
TEST_F(DecoderTest, CappedOriginalIsHalvedAndKeepsLengthAlignmentAndTone) {
  DecodeOptions capped;
  capped.max_original_rate_hz = 24000;
  auto half = Decode(Media("tone.wav"), capped);  // 44.1 kHz stereo
  ASSERT_TRUE(half.ok()) << half.status().ToString();
  EXPECT_EQ(half->original.sample_rate_hz, 22050);
  EXPECT_EQ(half->original.channels.size(), 2u);
  EXPECT_NEAR(static_cast<double>(half->original.frames()), 44100, 2);
  EXPECT_NEAR(ZeroCrossings(half->original.channels[0]), 4000, 4);  // still 1 kHz for 2 s
  EXPECT_EQ(half->mono16k.frames(), 32000u);

  auto opus = Decode(Media("src.opus"), capped);  // 48 kHz: 24 kHz is not above the cap
  auto full = Decode(Media("src.opus"));
  ASSERT_TRUE(opus.ok() && full.ok());
  EXPECT_EQ(opus->original.sample_rate_hz, 24000);
  const int lag = BestLag(full->mono16k.channels[0], opus->mono16k.channels[0], 16000 * 45 / 100,
                          16000 * 85 / 100, 800);
  EXPECT_LE(std::abs(lag), 1) << "the capped decode is offset by " << lag << " samples";

  capped.max_original_rate_hz = 48000;  // at or under the cap: the source's rate
  auto kept = Decode(Media("src.opus"), capped);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->original.sample_rate_hz, 48000);
}

TEST_F(DecoderTest, Mono16kKeepsTheToneFrequency) {
  auto decoded = Decode(Media("tone.wav"));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  const AudioBuffer& mono = decoded->mono16k;
  ASSERT_EQ(mono.channels.size(), 1u);
  EXPECT_EQ(mono.frames(), 32000u);
  EXPECT_NEAR(ZeroCrossings(mono.channels[0]), 4000, 4);  // 1 kHz for 2 s
}

TEST_F(DecoderTest, ReadsTagsWithLowerCaseKeys) {
  auto decoded = Decode(Media("tagged.mp3"));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->tags["title"], "Test Song");
  EXPECT_EQ(decoded->tags["artist"], "Someone");
}

TEST_F(DecoderTest, ReportsMonotonicProgressEndingAtOne) {
  RecordingProgress progress;
  const StageContext ctx{&progress, nullptr};
  auto decoded = DecodeFile(Media("long.wav"), {}, ctx);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  ASSERT_GE(progress.fractions.size(), 5u);
  for (std::size_t i = 0; i < progress.fractions.size(); ++i) {
    EXPECT_EQ(progress.stages[i], "decode");
    if (i > 0) {
      EXPECT_GE(progress.fractions[i], progress.fractions[i - 1]);
    }
  }
  EXPECT_EQ(progress.fractions.back(), 1.0);
}

TEST_F(DecoderTest, StopsWhenCancelledBeforeStart) {
  CancelToken token;
  token.Cancel();
  const StageContext ctx{&null_progress_, &token};
  auto decoded = DecodeFile(Media("long.wav"), {}, ctx);
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), Status::Code::kCancelled);
}

TEST_F(DecoderTest, StopsWhenCancelledMidway) {
  CancelToken token;
  CancellingProgress progress(&token, 0.3);
  const StageContext ctx{&progress, &token};
  auto decoded = DecodeFile(Media("long.ogg"), {}, ctx);
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), Status::Code::kCancelled);
  EXPECT_NE(decoded.status().message().find("long.ogg"), std::string::npos);
}

TEST_F(DecoderTest, RefusesDeclaredDurationOverTheLimit) {
  DecodeOptions options;
  options.max_duration_s = 3;
  auto decoded = Decode(Media("long.wav"), options);
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(decoded.status().message().find("--max-duration"), std::string::npos);
  EXPECT_NE(decoded.status().message().find("4.0 s long"), std::string::npos)
      << decoded.status().message();
  options.max_duration_s = 5;
  EXPECT_TRUE(Decode(Media("long.wav"), options).ok());
}

// A named pipe has no size and cannot seek: FFmpeg cannot know the duration,
// so only the count while decoding can stop it.
TEST_F(DecoderTest, RefusesStreamedAudioThatRunsPastTheLimit) {
  const std::string fifo = File("stream.ogg");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  ASSERT_TRUE(RunQuiet("timeout 20 cat " + Media("long.ogg") + " > " + fifo + " &"));
  DecodeOptions options;
  options.max_duration_s = 2;
  auto decoded = Decode(fifo, options);
  RunQuiet("timeout 2 cat " + fifo + " > /dev/null");  // unblock the writer if it still waits
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(decoded.status().message().find("runs past the limit of 2 s"), std::string::npos)
      << decoded.status().message();
}

TEST_F(DecoderTest, DecodesWhatIsThereOfAnMp3CutInHalf) {
  const std::string half = File("half.mp3");
  ASSERT_TRUE(
      testing::CopyPrefix(Media("lame.mp3"), half, testing::FileSize(Media("lame.mp3")) / 2));
  auto decoded = Decode(half);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_TRUE(decoded->truncated);
  EXPECT_NEAR(decoded->original.duration_s(), kSourceDurationS / 2, 0.2);
}

void ExpectError(const Result<DecodedAudio>& decoded, Status::Code code, const std::string& path,
                 const std::string& words) {
  ASSERT_FALSE(decoded.ok()) << path << " decoded but should not";
  EXPECT_EQ(decoded.status().code(), code) << decoded.status().ToString();
  const std::string& message = decoded.status().message();
  EXPECT_EQ(message.rfind(path + ": ", 0), 0u) << message;
  EXPECT_NE(message.find(words), std::string::npos) << message;
}

TEST_F(DecoderTest, RejectsAnMp3CutAfterAFewBytes) {
  for (long bytes : {3L, 100L}) {
    const std::string cut = File("cut" + std::to_string(bytes) + ".mp3");
    ASSERT_TRUE(testing::CopyPrefix(Media("lame.mp3"), cut, bytes));
    ExpectError(Decode(cut), Status::Code::kInvalidInput, cut, "truncated");
  }
}

TEST_F(DecoderTest, ExplainsEachUnusableInput) {
  ExpectError(Decode(File("missing.mp3")), Status::Code::kNotFound, File("missing.mp3"),
              "no such file; check the path");
  ExpectError(Decode(dir_->path()), Status::Code::kInvalidInput, dir_->path(),
              "is a directory, not an audio file");
  ASSERT_TRUE(testing::WriteFile(File("notes.txt"), "Verse one\nChorus: la la la\n"));
  ExpectError(Decode(File("notes.txt")), Status::Code::kInvalidInput, File("notes.txt"),
              "not an audio or video file FFmpeg can read");
  ASSERT_TRUE(testing::WriteFile(File("lyrics.dat"), "[Chorus]\nOh oh oh\n"));
  ExpectError(Decode(File("lyrics.dat")), Status::Code::kInvalidInput, File("lyrics.dat"),
              "not an audio or video file FFmpeg can read");
  ASSERT_TRUE(testing::WriteFile(File("zero.mp3"), ""));
  ExpectError(Decode(File("zero.mp3")), Status::Code::kInvalidInput, File("zero.mp3"),
              "empty file (0 bytes)");
  ExpectError(Decode(Media("empty.wav")), Status::Code::kInvalidInput, Media("empty.wav"),
              "contains no audio samples");
  ExpectError(Decode(Media("silent_video.mp4")), Status::Code::kInvalidInput,
              Media("silent_video.mp4"), "has no audio stream");
}

TEST(DecodeOptions, ValidateNamesTheBadField) {
  DecodeOptions options;
  EXPECT_TRUE(options.Validate().ok());
  options.max_duration_s = 0;
  EXPECT_NE(options.Validate().message().find("--max-duration"), std::string::npos);
  options.max_duration_s = NAN;
  EXPECT_EQ(options.Validate().code(), Status::Code::kInvalidInput);
  options = DecodeOptions();
  options.recognition_sample_rate_hz = 100;
  EXPECT_NE(options.Validate().message().find("recognition_sample_rate_hz"), std::string::npos);
  options = DecodeOptions();
  options.max_original_rate_hz = 4000;
  EXPECT_NE(options.Validate().message().find("max_original_rate_hz"), std::string::npos);
}

TEST(DecodeFile, RefusesInvalidOptionsBeforeTouchingTheFile) {
  NullProgress progress;
  DecodeOptions options;
  options.max_duration_s = -1;
  auto decoded = DecodeFile("/nonexistent.mp3", options, StageContext{&progress, nullptr});
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), Status::Code::kInvalidInput);
}

}  // namespace
}  // namespace ytl
