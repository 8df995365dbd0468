#include "lyrics/espeak_phonemizer.h"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <set>

namespace ytl {
namespace {

// espeak_TextToPhonemes() phoneme mode: bit 1 asks for IPA, bits 8-23 hold
// the character written between phoneme names.
constexpr char kPhonemeSeparator = '|';
constexpr int kPhonemeModeIpa = 0x02 | (kPhonemeSeparator << 8);
// TextToPhonemes() returns one clause per call; a spoken word has a few.
constexpr int kMaxClauses = 1000;
constexpr std::size_t kMaxVoiceLength = 40;

// The process-global espeak-ng library (see the header for why it is one).
struct EspeakLibrary {
  std::mutex mutex;
  bool started = false;
  Status start_failure = Status::Ok();  // kept: espeak-ng cannot be restarted
  std::string data_dir;
  int sample_rate_hz = 0;  // of synthesized speech
  std::string voice;       // the voice selected now, empty when unknown
};

EspeakLibrary& Library() {
  static EspeakLibrary library;
  return library;
}

std::string DataHint() {
  return "install the espeak-ng-data package (apt-get install espeak-ng-data) or set "
         "EspeakPhonemizerConfig::data_dir to the folder that holds espeak-ng-data";
}

Status StartLocked(EspeakLibrary& library, const std::string& data_dir) {
  if (library.started) {
    if (library.data_dir == data_dir) return Status::Ok();
    return Status::InvalidInput("espeak-ng already runs with data folder '" + library.data_dir +
                                "' in this process, cannot switch to '" + data_dir +
                                "'; use one data_dir per process");
  }
  if (!library.start_failure.ok()) return library.start_failure;
  const int sample_rate_hz =
      espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, data_dir.empty() ? nullptr : data_dir.c_str(),
                        espeakINITIALIZE_DONT_EXIT);
  const char* data_path = nullptr;
  espeak_Info(&data_path);
  const std::string data = data_path != nullptr ? data_path : "(unknown)";
  if (sample_rate_hz <= 0 || !std::filesystem::exists(data + "/phontab")) {
    library.start_failure = Status::Unavailable("espeak-ng could not start: its data " + data +
                                                "/phontab is missing; " + DataHint());
    return library.start_failure;
  }
  library.started = true;
  library.data_dir = data_dir;
  library.sample_rate_hz = sample_rate_hz;
  return Status::Ok();
}

std::vector<std::string> LanguagesLocked() {
  std::set<std::string> languages;
  const espeak_VOICE** voices = espeak_ListVoices(nullptr);
  for (int i = 0; voices != nullptr && voices[i] != nullptr; ++i) {
    // "languages" is a list of (priority byte, NUL-terminated name), ending in 0.
    for (const char* p = voices[i]->languages; p != nullptr && *p != 0;) {
      const std::string name(p + 1);
      if (!name.empty()) languages.insert(name);
      p += 1 + name.size() + 1;
    }
  }
  return {languages.begin(), languages.end()};
}

Status UnknownVoiceLocked(std::string_view voice) {
  const std::vector<std::string> languages = LanguagesLocked();
  std::string examples;
  for (const char* code : {"en", "fr", "es", "de", "it", "pt", "nl"}) {
    if (!std::binary_search(languages.begin(), languages.end(), code)) continue;
    examples += examples.empty() ? code : std::string(", ") + code;
  }
  return Status::InvalidInput("unknown language '" + std::string(voice) +
                              "': espeak-ng has no voice for it; use a language code such as " +
                              examples + " (" + std::to_string(languages.size()) +
                              " installed, `espeak-ng --voices` lists them)");
}

bool IsPlausibleVoice(std::string_view voice) {
  return !voice.empty() && voice.size() <= kMaxVoiceLength &&
         std::all_of(voice.begin(), voice.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_' || c == '+';
         });
}

Status SelectVoiceLocked(EspeakLibrary& library, std::string_view voice) {
  if (!IsPlausibleVoice(voice)) return UnknownVoiceLocked(voice);
  if (library.voice == voice) return Status::Ok();
  if (espeak_SetVoiceByName(std::string(voice).c_str()) != EE_OK) {
    library.voice.clear();
    return UnknownVoiceLocked(voice);
  }
  library.voice = std::string(voice);
  return Status::Ok();
}

// "h|ə|l|ˈoʊ w|ˈɜː|l|d" -> {"h", "ə", "l", "ˈoʊ", " ", "w", "ˈɜː", "l", "d"}.
void AppendClause(std::string_view clause, std::vector<std::string>* phonemes) {
  std::string current;
  auto flush = [&] {
    if (!current.empty()) phonemes->push_back(std::move(current));
    current.clear();
  };
  for (char c : clause) {
    if (c == kPhonemeSeparator) {
      flush();
    } else if (c == ' ' || c == '\n') {
      flush();
      if (!phonemes->empty() && phonemes->back() != " ") phonemes->emplace_back(" ");
    } else {
      current.push_back(c);
    }
  }
  flush();
}

}  // namespace

Status EspeakPhonemizerConfig::Validate() const {
  if (max_cache_entries == 0) {
    return Status::InvalidInput("EspeakPhonemizerConfig::max_cache_entries is 0; use at least 1");
  }
  return Status::Ok();
}

Result<std::unique_ptr<EspeakPhonemizer>> EspeakPhonemizer::Create(
    const EspeakPhonemizerConfig& config) {
  YTL_RETURN_IF_ERROR(config.Validate());
  if (!config.data_dir.empty() &&
      !std::filesystem::exists(config.data_dir + "/espeak-ng-data/phontab")) {
    return Status::Unavailable("espeak-ng data not found: " + config.data_dir +
                               "/espeak-ng-data/phontab is missing; " + DataHint());
  }
  EspeakLibrary& library = Library();
  std::lock_guard lock(library.mutex);
  YTL_RETURN_IF_ERROR(StartLocked(library, config.data_dir));
  if (LanguagesLocked().empty()) {
    return Status::Unavailable("espeak-ng started but lists no voices; " + DataHint());
  }
  return std::unique_ptr<EspeakPhonemizer>(new EspeakPhonemizer(config));
}

Result<std::vector<std::string>> EspeakPhonemizer::Phonemize(std::string_view text,
                                                             std::string_view voice) const {
  std::pair<std::string, std::string> key{std::string(voice), std::string(text)};
  {
    std::shared_lock lock(cache_mutex_);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  }
  std::vector<std::string> phonemes;
  {
    EspeakLibrary& library = Library();
    std::lock_guard lock(library.mutex);
    YTL_RETURN_IF_ERROR(SelectVoiceLocked(library, voice));
    const void* next = key.second.c_str();
    for (int clause = 0; next != nullptr && clause < kMaxClauses; ++clause) {
      const char* out = espeak_TextToPhonemes(&next, espeakCHARS_UTF8, kPhonemeModeIpa);
      if (!phonemes.empty() && phonemes.back() != " ") phonemes.emplace_back(" ");
      if (out != nullptr) AppendClause(out, &phonemes);
    }
  }
  while (!phonemes.empty() && phonemes.back() == " ") phonemes.pop_back();
  std::unique_lock lock(cache_mutex_);
  if (cache_.size() >= config_.max_cache_entries) cache_.clear();
  cache_.emplace(std::move(key), phonemes);
  return phonemes;
}

Status EspeakPhonemizer::CheckVoice(std::string_view voice) const {
  EspeakLibrary& library = Library();
  std::lock_guard lock(library.mutex);
  return SelectVoiceLocked(library, voice);
}

std::vector<std::string> EspeakPhonemizer::Languages() const {
  EspeakLibrary& library = Library();
  std::lock_guard lock(library.mutex);
  return LanguagesLocked();
}

Status WithEspeak(const std::string& data_dir,
                  const std::function<Status(int sample_rate_hz)>& use) {
  EspeakLibrary& library = Library();
  std::lock_guard lock(library.mutex);
  YTL_RETURN_IF_ERROR(StartLocked(library, data_dir));
  const Status status = use(library.sample_rate_hz);
  library.voice.clear();  // `use` may have selected another one
  return status;
}

std::string EspeakVersion() {
  const char* version = espeak_Info(nullptr);
  return version != nullptr ? version : "unknown";
}

}  // namespace ytl
