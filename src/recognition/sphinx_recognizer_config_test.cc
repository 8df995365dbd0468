#include <gtest/gtest.h>

#include "recognition/sphinx_recognizer.h"

namespace ytl {
namespace {

TEST(SphinxRecognizerConfig, NamesTheMissingField) {
  SphinxRecognizerConfig config;
  config.dictionary_path = "/nonexistent/cmudict.dict";
  const Status status = config.Validate();
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("dictionary_path"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("/nonexistent/cmudict.dict"), std::string::npos);

  config.acoustic_model_dir = "";
  const Status empty = config.Validate();
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.code(), Status::Code::kInvalidInput);
  EXPECT_NE(empty.message().find("acoustic_model_dir"), std::string::npos);
}

TEST(SphinxRecognizerConfig, CreateFailsCleanlyOnABadConfig) {
  SphinxRecognizerConfig config;
  config.language_model_path = "/nonexistent/en-us.lm.bin";
  const auto created = SphinxRecognizer::Create(config);
  ASSERT_FALSE(created.ok());
  EXPECT_NE(created.status().message().find("language_model_path"), std::string::npos);
}

}  // namespace
}  // namespace ytl
