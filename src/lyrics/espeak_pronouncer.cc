#include "lyrics/espeak_pronouncer.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "core/fingerprint.h"
#include "lyrics/phone_mapper.h"

namespace ytl {
namespace {

// "EN_us " -> "en-us".
std::string NormalizeLanguage(std::string_view language) {
  std::string out;
  for (char c : language) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    out.push_back(c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

// Splits on ASCII spaces; curly apostrophes (U+2019, U+2018) become "'".
std::vector<std::string> SplitTokens(std::string_view word) {
  std::string text(word);
  for (const std::string_view curly : {"\u2019", "\u2018"}) {
    for (std::size_t at = text.find(curly); at != std::string::npos; at = text.find(curly, at)) {
      text.replace(at, curly.size(), "'");
    }
  }
  std::vector<std::string> tokens;
  std::string current;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

bool IsEnglish(std::string_view voice) { return voice == "en" || voice.starts_with("en-"); }

void AppendUnique(Phones phones, std::vector<Phones>* alternatives) {
  if (phones.empty()) return;
  if (std::find(alternatives->begin(), alternatives->end(), phones) != alternatives->end()) return;
  alternatives->push_back(std::move(phones));
}

// Alternative k of a word joins alternative k of each token (or the token's
// last one when it has fewer).
std::vector<Phones> CombineTokens(const std::vector<std::vector<Phones>>& per_token) {
  std::size_t count = 0;
  for (const auto& alternatives : per_token) count = std::max(count, alternatives.size());
  std::vector<Phones> combined;
  for (std::size_t k = 0; k < count; ++k) {
    Phones phones;
    for (const auto& alternatives : per_token) {
      const Phones& chosen = alternatives[std::min(k, alternatives.size() - 1)];
      phones.insert(phones.end(), chosen.begin(), chosen.end());
    }
    AppendUnique(std::move(phones), &combined);
  }
  return combined;
}

}  // namespace

Status EspeakPronouncerConfig::Validate() const {
  YTL_RETURN_IF_ERROR(espeak.Validate());
  for (const auto& [language, voice] : voice_by_language) {
    if (language.empty() || voice.empty()) {
      return Status::InvalidInput(
          "EspeakPronouncerConfig::voice_by_language has an empty language or voice ('" + language +
          "' -> '" + voice + "'); give both, e.g. {\"en\", \"en-us\"}");
    }
  }
  if (!use_cmu_dictionary_for_english) {
    if (prefer_cmu_dictionary) {
      return Status::InvalidInput(
          "EspeakPronouncerConfig::prefer_cmu_dictionary is set but "
          "use_cmu_dictionary_for_english is off; turn the dictionary on or the preference off");
    }
    return Status::Ok();
  }
  if (cmu_dictionary_path.empty()) {
    return Status::InvalidInput(
        "EspeakPronouncerConfig::cmu_dictionary_path is empty; give the dictionary file or set "
        "use_cmu_dictionary_for_english = false");
  }
  if (max_cmu_alternatives < 1) {
    return Status::InvalidInput("EspeakPronouncerConfig::max_cmu_alternatives is " +
                                std::to_string(max_cmu_alternatives) + "; use at least 1");
  }
  return Status::Ok();
}

EspeakPronouncer::EspeakPronouncer(EspeakPronouncerConfig config,
                                   std::unique_ptr<EspeakPhonemizer> phonemizer,
                                   std::optional<CmuDictionary> dictionary)
    : config_(std::move(config)),
      phonemizer_(std::move(phonemizer)),
      dictionary_(std::move(dictionary)) {}

Result<std::unique_ptr<EspeakPronouncer>> EspeakPronouncer::Create(EspeakPronouncerConfig config) {
  YTL_RETURN_IF_ERROR(config.Validate());
  Result<std::unique_ptr<EspeakPhonemizer>> phonemizer = EspeakPhonemizer::Create(config.espeak);
  if (!phonemizer.ok()) return phonemizer.status();
  std::optional<CmuDictionary> dictionary;
  if (config.use_cmu_dictionary_for_english) {
    Result<CmuDictionary> loaded = CmuDictionary::Load(config.cmu_dictionary_path);
    if (!loaded.ok()) return loaded.status();
    dictionary = std::move(loaded).value();
  }
  return std::unique_ptr<EspeakPronouncer>(new EspeakPronouncer(
      std::move(config), std::move(phonemizer).value(), std::move(dictionary)));
}

std::string EspeakPronouncer::VoiceFor(const std::string& language) const {
  const auto it = config_.voice_by_language.find(language);
  return it != config_.voice_by_language.end() ? it->second : language;
}

Result<std::vector<Phones>> EspeakPronouncer::Pronounce(std::string_view word,
                                                        std::string_view language) const {
  const std::string code = NormalizeLanguage(language);
  if (code.empty()) {
    return Status::InvalidInput("no language given for word '" + std::string(word) +
                                "'; set the lyric sheet's language, e.g. en, fr, es, de");
  }
  const std::vector<std::string> tokens = SplitTokens(word);
  if (tokens.empty()) {
    return Status::InvalidInput("empty word given to the pronouncer; drop it from the lyrics");
  }
  const std::string voice = VoiceFor(code);
  std::vector<std::vector<Phones>> per_token;
  for (const std::string& token : tokens) {
    Result<std::vector<Phones>> alternatives = PronounceToken(token, code, voice);
    if (!alternatives.ok()) return alternatives.status();
    per_token.push_back(std::move(alternatives).value());
  }
  return CombineTokens(per_token);
}

Result<std::vector<Phones>> EspeakPronouncer::PronounceToken(const std::string& token,
                                                             const std::string& language,
                                                             const std::string& voice) const {
  Result<std::vector<std::string>> ipa = phonemizer_->Phonemize(token, voice);
  if (!ipa.ok()) return ipa.status();
  Phones espeak_phones = MapIpaToCmu(*ipa, voice).phones;
  if (espeak_phones.empty()) espeak_phones = MapLettersToCmu(token);
  if (espeak_phones.empty()) {
    return Status::InvalidInput("word '" + token + "' (language " + language +
                                ") has no letters to pronounce; remove it from the lyrics");
  }
  std::vector<Phones> dictionary_phones;
  if (dictionary_.has_value() && IsEnglish(voice)) {
    dictionary_phones = dictionary_->Find(token);
    if (dictionary_phones.size() > static_cast<std::size_t>(config_.max_cmu_alternatives)) {
      dictionary_phones.resize(config_.max_cmu_alternatives);
    }
  }
  std::vector<Phones> alternatives;
  if (config_.prefer_cmu_dictionary) {
    for (Phones& phones : dictionary_phones) AppendUnique(std::move(phones), &alternatives);
  }
  AppendUnique(std::move(espeak_phones), &alternatives);
  if (!config_.prefer_cmu_dictionary) {
    for (Phones& phones : dictionary_phones) AppendUnique(std::move(phones), &alternatives);
  }
  return alternatives;
}

std::string EspeakPronouncer::Fingerprint() const {
  std::string voices;
  for (const auto& [language, voice] : config_.voice_by_language)
    voices += language + "=" + voice + ",";
  return ytl::Fingerprint("espeak")
      .Add("version", EspeakVersion())
      .Add("voices", voices)
      .Add("cmu", config_.use_cmu_dictionary_for_english)
      .Add("cmu_first", config_.prefer_cmu_dictionary)
      .Add("dict", config_.cmu_dictionary_path)
      .Add("cmu_alts", config_.max_cmu_alternatives)
      .str();
}

}  // namespace ytl
