#include "lyrics/espeak_phonemizer.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace ytl {
namespace {

std::unique_ptr<EspeakPhonemizer> MakePhonemizer() {
  Result<std::unique_ptr<EspeakPhonemizer>> phonemizer = EspeakPhonemizer::Create({});
  EXPECT_TRUE(phonemizer.ok()) << phonemizer.status().ToString();
  return phonemizer.ok() ? std::move(phonemizer).value() : nullptr;
}

bool Contains(const std::vector<std::string>& phonemes, std::string_view wanted) {
  return std::any_of(phonemes.begin(), phonemes.end(), [&](const std::string& phoneme) {
    return phoneme.find(wanted) != std::string::npos;
  });
}

TEST(EspeakPhonemizer, GivesOneElementPerIpaPhoneme) {
  auto phonemizer = MakePhonemizer();
  ASSERT_NE(phonemizer, nullptr);
  Result<std::vector<std::string>> bonjour = phonemizer->Phonemize("bonjour", "fr");
  ASSERT_TRUE(bonjour.ok()) << bonjour.status().ToString();
  EXPECT_EQ(bonjour->front(), "b");
  EXPECT_TRUE(Contains(*bonjour, "ɔ̃"));
  EXPECT_TRUE(Contains(*bonjour, "ʁ"));
  Result<std::vector<std::string>> ich = phonemizer->Phonemize("ich", "de");
  ASSERT_TRUE(ich.ok());
  EXPECT_TRUE(Contains(*ich, "ç"));
}

TEST(EspeakPhonemizer, SeparatesWordsWithASpaceElement) {
  auto phonemizer = MakePhonemizer();
  ASSERT_NE(phonemizer, nullptr);
  Result<std::vector<std::string>> two = phonemizer->Phonemize("twenty one", "en-us");
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(std::count(two->begin(), two->end(), " "), 1);
  EXPECT_NE(two->back(), " ");
}

TEST(EspeakPhonemizer, CachedResultsMatchFreshOnesAcrossVoices) {
  auto phonemizer = MakePhonemizer();
  ASSERT_NE(phonemizer, nullptr);
  const auto first = phonemizer->Phonemize("amour", "fr");
  const auto english = phonemizer->Phonemize("amour", "en-us");
  const auto again = phonemizer->Phonemize("amour", "fr");
  ASSERT_TRUE(first.ok() && english.ok() && again.ok());
  EXPECT_EQ(*first, *again);
  EXPECT_NE(*first, *english);
}

TEST(EspeakPhonemizer, PunctuationReadsAsNothing) {
  auto phonemizer = MakePhonemizer();
  ASSERT_NE(phonemizer, nullptr);
  Result<std::vector<std::string>> dots = phonemizer->Phonemize("...", "fr");
  ASSERT_TRUE(dots.ok());
  EXPECT_TRUE(dots->empty());
}

TEST(EspeakPhonemizer, UnknownVoiceIsInvalidInputListingSupportedOnes) {
  auto phonemizer = MakePhonemizer();
  ASSERT_NE(phonemizer, nullptr);
  for (std::string_view voice : {"xx", "", "../fr"}) {
    Result<std::vector<std::string>> result = phonemizer->Phonemize("hello", voice);
    ASSERT_FALSE(result.ok()) << voice;
    EXPECT_EQ(result.status().code(), Status::Code::kInvalidInput);
    EXPECT_NE(result.status().message().find("'" + std::string(voice) + "'"), std::string::npos);
    EXPECT_NE(result.status().message().find("en, fr, es, de"), std::string::npos);
  }
  // A failed selection leaves the phonemizer usable.
  EXPECT_TRUE(phonemizer->Phonemize("hola", "es").ok());
  EXPECT_TRUE(phonemizer->CheckVoice("de").ok());
}

TEST(EspeakPhonemizer, ListsInstalledLanguages) {
  auto phonemizer = MakePhonemizer();
  ASSERT_NE(phonemizer, nullptr);
  const std::vector<std::string> languages = phonemizer->Languages();
  for (const char* code : {"en", "en-us", "fr", "es", "de"}) {
    EXPECT_TRUE(std::binary_search(languages.begin(), languages.end(), code)) << code;
  }
}

TEST(EspeakPhonemizer, MissingDataFolderIsUnavailable) {
  EspeakPhonemizerConfig config;
  config.data_dir = "/nonexistent/espeak";
  Result<std::unique_ptr<EspeakPhonemizer>> phonemizer = EspeakPhonemizer::Create(config);
  ASSERT_FALSE(phonemizer.ok());
  EXPECT_EQ(phonemizer.status().code(), Status::Code::kUnavailable);
  EXPECT_NE(phonemizer.status().message().find("/nonexistent/espeak"), std::string::npos);
}

TEST(EspeakPhonemizer, ZeroCacheIsRejected) {
  EspeakPhonemizerConfig config;
  config.max_cache_entries = 0;
  EXPECT_EQ(config.Validate().code(), Status::Code::kInvalidInput);
}

}  // namespace
}  // namespace ytl
