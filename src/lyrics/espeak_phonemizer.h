// EspeakPhonemizer: a word in a language -> espeak-ng IPA phonemes.
//
// espeak-ng keeps process-global state, is not thread-safe, and cannot be
// initialised again after espeak_Terminate() (a second initialisation
// hangs). So the library is initialised once per process, on the first
// Create(), with that call's data directory, and never terminated; every
// espeak-ng call of every EspeakPhonemizer goes through one process-wide
// mutex. Each phonemizer caches its results per (voice, word).
//
// Thread-safe: Phonemize(), CheckVoice() and Languages() may be called
// concurrently from any thread.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace ytl {

struct EspeakPhonemizerConfig {
  // Folder that holds "espeak-ng-data"; empty for the library's default
  // (/usr/lib/x86_64-linux-gnu on Debian). The first phonemizer of the
  // process fixes it: later ones must use the same value.
  std::string data_dir;
  // Cached (voice, word) results kept before the cache is cleared.
  std::size_t max_cache_entries = 200000;

  // InvalidInput naming the field when a value is out of range.
  Status Validate() const;
};

class EspeakPhonemizer {
 public:
  // Initialises espeak-ng (once per process). Unavailable when the data
  // folder lacks espeak-ng-data/phontab or espeak-ng fails to start;
  // InvalidInput when the process already runs espeak-ng with another
  // data_dir.
  static Result<std::unique_ptr<EspeakPhonemizer>> Create(const EspeakPhonemizerConfig& config);

  EspeakPhonemizer(const EspeakPhonemizer&) = delete;
  EspeakPhonemizer& operator=(const EspeakPhonemizer&) = delete;

  // IPA phonemes of `text` (UTF-8, one word or a few space-separated ones)
  // spoken by `voice` (an espeak-ng voice or language code: "en-us", "fr",
  // "es-419"), one element per phoneme, stress and length marks kept
  // ("ˈoʊ"); words are separated by an element " ". May hold espeak's
  // language-switch markers ("(en)"). Empty when espeak reads nothing
  // (punctuation only). InvalidInput when the voice is unknown.
  Result<std::vector<std::string>> Phonemize(std::string_view text, std::string_view voice) const;

  // Ok when espeak-ng has `voice`; else InvalidInput naming it and listing a
  // few supported language codes.
  Status CheckVoice(std::string_view voice) const;

  // Language codes of the installed voices, sorted ("af", "am", ...).
  std::vector<std::string> Languages() const;

 private:
  explicit EspeakPhonemizer(EspeakPhonemizerConfig config) : config_(std::move(config)) {}

  EspeakPhonemizerConfig config_;
  mutable std::shared_mutex cache_mutex_;
  mutable std::map<std::pair<std::string, std::string>, std::vector<std::string>> cache_;
};

// Runs `use` with espeak-ng started (as Create() starts it, with `data_dir`) and the
// process-wide espeak-ng lock held: the way for the process's other uses of the library (the
// tests' speech synthesis). Calling espeak_Initialize() a second time in one process
// re-initialises the mutexes that the first call's thread waits on (a data race that
// ThreadSanitizer reports). `use` receives the library's output rate and may change the
// voice and the synthesis settings; phonemizers select their voice again afterwards.
Status WithEspeak(const std::string& data_dir,
                  const std::function<Status(int sample_rate_hz)>& use);

// The version of the espeak-ng library this process uses ("1.51", ...).
std::string EspeakVersion();

}  // namespace ytl
