// The whisper.cpp recognizer with a real model (label: whisper). Built only with
// -DYT_LYRICS_WITH_WHISPER=ON; set YTL_WHISPER_TEST_MODEL to a ggml model file (whisper.cpp's
// models/for-tests-ggml-base.en.bin will do for loading and running); skips without one.
#include "recognition/whisper_recognizer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace ytl {
namespace {

std::string TestModel() {
  const char* path = std::getenv("YTL_WHISPER_TEST_MODEL");
  return path != nullptr && std::filesystem::exists(path) ? path : "";
}

AudioBuffer Tone(double seconds) {
  AudioBuffer audio;
  audio.sample_rate_hz = 16000;
  audio.channels.resize(1);
  const auto frames = static_cast<std::size_t>(seconds * audio.sample_rate_hz);
  for (std::size_t i = 0; i < frames; ++i) {
    audio.channels[0].push_back(0.2f * static_cast<float>(std::sin(i * 2 * M_PI * 220 / 16000)));
  }
  return audio;
}

TEST(WhisperRecognizer, MissingModelIsNotFoundNamingIt) {
  WhisperRecognizerConfig config;
  config.model_path = "/nonexistent/ggml-base.en.bin";
  auto made = CreateWhisperRecognizer(config);
  ASSERT_FALSE(made.ok());
  EXPECT_EQ(made.status().code(), Status::Code::kNotFound);
  EXPECT_NE(made.status().message().find("/nonexistent/ggml-base.en.bin"), std::string::npos);
}

TEST(WhisperRecognizer, LoadsAndTranscribesOnlyTheSungRegions) {
  const std::string model = TestModel();
  if (model.empty()) GTEST_SKIP() << "set YTL_WHISPER_TEST_MODEL to a ggml Whisper model file";
  WhisperRecognizerConfig config;
  config.model_path = model;
  config.language = "en";
  config.threads = 2;
  auto recognizer = CreateWhisperRecognizer(config);
  ASSERT_TRUE(recognizer.ok()) << recognizer.status().ToString();
  VocalActivity activity;
  activity.regions = {{1.0, 2.5}};
  NullProgress progress;
  auto transcript = (*recognizer)->Transcribe(Tone(4.0), activity, {&progress, nullptr});
  ASSERT_TRUE(transcript.ok()) << transcript.status().ToString();
  EXPECT_EQ(transcript->mode, SyncMode::kTranscribed);
  for (const TimedWord& word : transcript->words) {
    EXPECT_GE(word.start_s, 0.8);  // the region, padded by 0.2 s
    EXPECT_LE(word.end_s, 2.7);
  }
  VocalActivity silent;  // no sung region: nothing decoded, an empty transcript
  auto empty = (*recognizer)->Transcribe(Tone(4.0), silent, {&progress, nullptr});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->lines.empty());
}

}  // namespace
}  // namespace ytl
