#include "lyrics/espeak_pronouncer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "lyrics/phone_mapper.h"

namespace ytl {
namespace {

std::unique_ptr<EspeakPronouncer> MakePronouncer(EspeakPronouncerConfig config = {}) {
  Result<std::unique_ptr<EspeakPronouncer>> pronouncer = EspeakPronouncer::Create(config);
  EXPECT_TRUE(pronouncer.ok()) << pronouncer.status().ToString();
  return pronouncer.ok() ? std::move(pronouncer).value() : nullptr;
}

Phones Best(const Pronouncer& pronouncer, std::string_view word, std::string_view language) {
  Result<std::vector<Phones>> alternatives = pronouncer.Pronounce(word, language);
  EXPECT_TRUE(alternatives.ok()) << word << ": " << alternatives.status().ToString();
  if (!alternatives.ok() || alternatives->empty()) return {};
  return alternatives->front();
}

bool ContainsRun(const Phones& phones, const Phones& run) {
  return std::search(phones.begin(), phones.end(), run.begin(), run.end()) != phones.end();
}

class EspeakPronouncerTest : public testing::Test {
 protected:
  void SetUp() override {
    pronouncer_ = MakePronouncer();
    ASSERT_NE(pronouncer_, nullptr);
  }
  std::unique_ptr<EspeakPronouncer> pronouncer_;
};

TEST_F(EspeakPronouncerTest, PronouncesKnownWordsPerLanguage) {
  EXPECT_EQ(Best(*pronouncer_, "hello", "en"), (Phones{"HH", "AH", "L", "OW"}));
  EXPECT_EQ(Best(*pronouncer_, "bonjour", "fr"), (Phones{"B", "OW", "N", "ZH", "UW", "R"}));
  const Phones corazon = Best(*pronouncer_, "corazón", "es");
  EXPECT_TRUE(ContainsRun(corazon, {"K", "OW", "R", "AA"})) << testing::PrintToString(corazon);
  EXPECT_TRUE(ContainsRun(corazon, {"TH", "OW", "N"}) || ContainsRun(corazon, {"S", "OW", "N"}));
  const Phones veraenderung = Best(*pronouncer_, "veränderung", "de");
  EXPECT_TRUE(ContainsRun(veraenderung, {"F", "EH"})) << testing::PrintToString(veraenderung);
  EXPECT_TRUE(ContainsRun(veraenderung, {"N", "D"}));
  EXPECT_EQ(veraenderung.back(), "NG");
  EXPECT_EQ(Best(*pronouncer_, "ich", "de"), (Phones{"IH", "HH"}));
}

TEST_F(EspeakPronouncerTest, ConcatenatesTheTokensOfASpokenWord) {
  Phones expected = Best(*pronouncer_, "twenty", "en");
  const Phones one = Best(*pronouncer_, "one", "en");
  expected.insert(expected.end(), one.begin(), one.end());
  EXPECT_EQ(Best(*pronouncer_, "twenty one", "en"), expected);
  EXPECT_EQ(Best(*pronouncer_, "  twenty   one ", "en"), expected);
}

TEST_F(EspeakPronouncerTest, NeverEmptyForTrickyWords) {
  const std::vector<std::pair<std::string, std::string>> words = {
      {"twenty one", "en"},  {"don't", "en"},   {"don’t", "en"}, {"rock'n'roll", "en"},
      {"a", "en"},           {"x", "en"},       {"hmm", "en"},   {"shh", "en"},
      {"42", "en"},          {"l'amour", "fr"}, {"c'est", "fr"}, {"j'te", "fr"},
      {"ça", "fr"},          {"École", "fr"},   {"ÉCOLE", "fr"}, {"y", "fr"},
      {"vingt et un", "fr"}, {"ñ", "es"},       {"ÑANDÚ", "es"}, {"¿qué", "es"},
      {"über", "de"},        {"straße", "de"},  {"ÄRGER", "de"}, {"mmh", "de"},
      {"yeeaha", "fr"},      {"z", "es"},       {"oh", "pt"},    {"ciao", "it"}};
  for (const auto& [word, language] : words) {
    Result<std::vector<Phones>> alternatives = pronouncer_->Pronounce(word, language);
    ASSERT_TRUE(alternatives.ok()) << word << ": " << alternatives.status().ToString();
    ASSERT_FALSE(alternatives->empty()) << word;
    for (const Phones& phones : *alternatives) {
      EXPECT_FALSE(phones.empty()) << word;
      for (const std::string& phone : phones)
        EXPECT_TRUE(IsCmuPhone(phone)) << word << ": " << phone;
    }
  }
}

TEST_F(EspeakPronouncerTest, OffersCmuPronunciationsAfterEspeaksForEnglish) {
  Result<std::vector<Phones>> read = pronouncer_->Pronounce("read", "en");
  ASSERT_TRUE(read.ok());
  ASSERT_GE(read->size(), 2u);
  EXPECT_NE(std::find(read->begin(), read->end(), Phones{"R", "EH", "D"}), read->end());
  EXPECT_NE(std::find(read->begin(), read->end(), Phones{"R", "IY", "D"}), read->end());
  // "hello": espeak and the dictionary's main entry agree, the duplicate is dropped.
  Result<std::vector<Phones>> hello = pronouncer_->Pronounce("hello", "en");
  ASSERT_TRUE(hello.ok());
  EXPECT_EQ(*hello, (std::vector<Phones>{{"HH", "AH", "L", "OW"}, {"HH", "EH", "L", "OW"}}));
  // Not for other languages.
  Result<std::vector<Phones>> pour = pronouncer_->Pronounce("pour", "fr");
  ASSERT_TRUE(pour.ok());
  EXPECT_EQ(pour->size(), 1u);
}

TEST(EspeakPronouncer, CmuDictionaryCanComeFirstOrNotAtAll) {
  EspeakPronouncerConfig prefer;
  prefer.prefer_cmu_dictionary = true;
  auto preferring = MakePronouncer(prefer);
  ASSERT_NE(preferring, nullptr);
  EXPECT_EQ(Best(*preferring, "tomato", "en"), (Phones{"T", "AH", "M", "EY", "T", "OW"}));

  EspeakPronouncerConfig off;
  off.use_cmu_dictionary_for_english = false;
  auto espeak_only = MakePronouncer(off);
  ASSERT_NE(espeak_only, nullptr);
  Result<std::vector<Phones>> read = espeak_only->Pronounce("read", "en");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->size(), 1u);
}

TEST(EspeakPronouncer, FingerprintNamesTheVersionAndChangesWithTheSettings) {
  auto plain = MakePronouncer({});
  EspeakPronouncerConfig latin;
  latin.voice_by_language["es"] = "es-419";
  auto latin_american = MakePronouncer(latin);
  ASSERT_NE(plain, nullptr);
  ASSERT_NE(latin_american, nullptr);
  EXPECT_NE(plain->Fingerprint().find("version=" + EspeakVersion()), std::string::npos);
  EXPECT_NE(EspeakVersion(), "unknown");
  EXPECT_NE(plain->Fingerprint(), latin_american->Fingerprint());
  EXPECT_EQ(plain->Fingerprint(), MakePronouncer({})->Fingerprint());
}

TEST_F(EspeakPronouncerTest, UnknownLanguageIsInvalidInputNamingIt) {
  Result<std::vector<Phones>> result = pronouncer_->Pronounce("hello", "xx");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(result.status().message().find("'xx'"), std::string::npos);
  EXPECT_NE(result.status().message().find("fr"), std::string::npos);
  EXPECT_EQ(pronouncer_->Pronounce("hello", "").status().code(), Status::Code::kInvalidInput);
}

TEST_F(EspeakPronouncerTest, WordsWithoutLettersAreInvalidInput) {
  for (std::string_view word : {"", "   ", "..."}) {
    Result<std::vector<Phones>> result = pronouncer_->Pronounce(word, "en");
    ASSERT_FALSE(result.ok()) << "'" << word << "'";
    EXPECT_EQ(result.status().code(), Status::Code::kInvalidInput);
  }
}

TEST_F(EspeakPronouncerTest, ConcurrentCallsGiveTheSameResults) {
  const std::vector<std::pair<std::string, std::string>> words = {
      {"hello", "en"}, {"bonjour", "fr"},  {"corazón", "es"}, {"veränderung", "de"},
      {"ich", "de"},   {"l'amour", "fr"},  {"don't", "en"},   {"twenty one", "en"},
      {"niño", "es"},  {"pourquoi", "fr"}, {"welt", "de"},    {"tomorrow", "en"}};
  std::vector<std::vector<Phones>> expected;
  for (const auto& [word, language] : words) {
    expected.push_back(pronouncer_->Pronounce(word, language).value());
  }
  // A fresh pronouncer has an empty cache: threads race on espeak-ng itself.
  auto fresh = MakePronouncer();
  ASSERT_NE(fresh, nullptr);
  std::vector<int> mismatches(8, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        for (std::size_t i = 0; i < words.size(); ++i) {
          const std::size_t k = (i + t) % words.size();
          Result<std::vector<Phones>> got = fresh->Pronounce(words[k].first, words[k].second);
          if (!got.ok() || *got != expected[k]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

TEST(EspeakPronouncer, ValidatesItsConfig) {
  EspeakPronouncerConfig config;
  config.max_cmu_alternatives = 0;
  EXPECT_EQ(config.Validate().code(), Status::Code::kInvalidInput);
  config = {};
  config.use_cmu_dictionary_for_english = false;
  config.prefer_cmu_dictionary = true;
  EXPECT_EQ(config.Validate().code(), Status::Code::kInvalidInput);
  config = {};
  config.voice_by_language["es"] = "";
  EXPECT_EQ(config.Validate().code(), Status::Code::kInvalidInput);
  EXPECT_TRUE(EspeakPronouncerConfig{}.Validate().ok());
}

TEST(EspeakPronouncer, MissingResourcesAreReported) {
  EspeakPronouncerConfig no_dictionary;
  no_dictionary.cmu_dictionary_path = "/nonexistent/cmudict.dict";
  EXPECT_EQ(EspeakPronouncer::Create(no_dictionary).status().code(), Status::Code::kNotFound);
  EspeakPronouncerConfig no_data;
  no_data.espeak.data_dir = "/nonexistent/espeak";
  EXPECT_EQ(EspeakPronouncer::Create(no_data).status().code(), Status::Code::kUnavailable);
}

}  // namespace
}  // namespace ytl
