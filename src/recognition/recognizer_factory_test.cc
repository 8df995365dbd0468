#include "recognition/recognizer_factory.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

TEST(RecognizerFactory, ParsesKindsAndRefusesOthersNamingTheFlag) {
  EXPECT_EQ(*ParseRecognizerKind("sphinx"), RecognizerKind::kSphinx);
  EXPECT_EQ(*ParseRecognizerKind("whisper"), RecognizerKind::kWhisper);
  auto bad = ParseRecognizerKind("kaldi");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("--recognizer"), std::string::npos);
}

TEST(RecognizerFactory, WhisperWithoutModelAsksForOne) {
  RecognizerOptions options;
  options.kind = RecognizerKind::kWhisper;
  auto made = MakeRecognizer(options);
  ASSERT_FALSE(made.ok());
  EXPECT_EQ(made.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(made.status().message().find("--model"), std::string::npos);
}

TEST(RecognizerFactory, WhisperStubSaysHowToEnableIt) {
  if (WhisperIsBuiltIn()) GTEST_SKIP() << "this build has whisper.cpp";
  RecognizerOptions options;
  options.kind = RecognizerKind::kWhisper;
  options.whisper.model_path = "/nonexistent/ggml-base.en.bin";
  auto made = MakeRecognizer(options);
  ASSERT_FALSE(made.ok());
  EXPECT_EQ(made.status().code(), Status::Code::kUnavailable);
  EXPECT_NE(made.status().message().find("-DYT_LYRICS_WITH_WHISPER=ON"), std::string::npos);
  EXPECT_NE(WhisperAdvice().find("models pull"), std::string::npos);
}

}  // namespace
}  // namespace ytl
