// EspeakPronouncer: the Pronouncer for every language espeak-ng speaks.
//
// Each token of a spoken word ("twenty one" has two) is phonemized by
// espeak-ng in the word's language and mapped onto en-us phones (see
// phone_mapper.h); the tokens' phones are concatenated. For English, CMU
// dictionary pronunciations can be offered as further alternatives. A token
// whose phonemes map to nothing is spelled letter by letter, so every word
// with letters gets a pronunciation.
//
// Thread-safe: Pronounce() may be called concurrently.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "lyrics/cmu_dictionary.h"
#include "lyrics/espeak_phonemizer.h"
#include "lyrics/pronouncer.h"

namespace ytl {

struct EspeakPronouncerConfig {
  // espeak-ng settings: data folder and cache size.
  EspeakPhonemizerConfig espeak;
  // espeak-ng voice for a sheet language code; a code not listed is used as
  // the voice itself. "en" reads as American English because the phones are
  // en-us; add {"es", "es-419"} for Latin American Spanish.
  std::map<std::string, std::string> voice_by_language = {{"en", "en-us"}};
  // Also offer the CMU dictionary's pronunciations of English words. They
  // come after espeak's: a probe found espeak-mapped phones align better even
  // for words the dictionary has.
  bool use_cmu_dictionary_for_english = true;
  // Put the CMU pronunciations first, before espeak's.
  bool prefer_cmu_dictionary = false;
  // CMU dictionary file (PocketSphinx format), read when the dictionary is used.
  std::string cmu_dictionary_path = std::string(kDefaultCmuDictionaryPath);
  // Most CMU pronunciations offered per token.
  int max_cmu_alternatives = 2;

  // InvalidInput naming the field and the fix when a value is unusable.
  Status Validate() const;
};

class EspeakPronouncer : public Pronouncer {
 public:
  // Starts espeak-ng and, when configured, loads the CMU dictionary.
  // Unavailable when espeak-ng data is missing; NotFound when the
  // dictionary file is; InvalidInput for a bad config.
  static Result<std::unique_ptr<EspeakPronouncer>> Create(EspeakPronouncerConfig config);

  // Alternatives for `word` (space-separated tokens, lower case, apostrophes
  // kept) in `language` (ISO 639-1 code or espeak voice: "en", "fr", "de",
  // "es-419"), best first, duplicates removed. InvalidInput when the
  // language is unknown to espeak-ng (the message lists supported codes) or
  // the word has nothing to pronounce (no letters or digits).
  Result<std::vector<Phones>> Pronounce(std::string_view word,
                                        std::string_view language) const override;
  // espeak-ng's version, the voices, and the CMU dictionary settings.
  std::string Fingerprint() const override;

 private:
  EspeakPronouncer(EspeakPronouncerConfig config, std::unique_ptr<EspeakPhonemizer> phonemizer,
                   std::optional<CmuDictionary> dictionary);

  std::string VoiceFor(const std::string& language) const;
  Result<std::vector<Phones>> PronounceToken(const std::string& token, const std::string& language,
                                             const std::string& voice) const;

  EspeakPronouncerConfig config_;
  std::unique_ptr<EspeakPhonemizer> phonemizer_;
  std::optional<CmuDictionary> dictionary_;  // set when CMU pronunciations are used
};

}  // namespace ytl
