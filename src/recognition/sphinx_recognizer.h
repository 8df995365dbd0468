// SphinxRecognizer: speech recognition with PocketSphinx and its general
// English model (Debian pocketsphinx-en-us).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "recognition/recognizer.h"
#include "recognition/sphinx_decoder.h"

namespace ytl {

struct SphinxRecognizerConfig {
  // Acoustic model directory (-hmm).
  std::string acoustic_model_dir = "/usr/share/pocketsphinx/model/en-us/en-us";
  // N-gram language model (-lm), binary or ARPA.
  std::string language_model_path = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";
  // Pronunciation dictionary (-dict).
  std::string dictionary_path = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";

  // Ok when every path is set and exists; otherwise names the field and the fix.
  Status Validate() const;
};

// Decodes each voiced region as one whole utterance (never in small chunks,
// which would switch PocketSphinx to live cepstral normalisation and shift
// times) with silence removal off (it shifts timestamps too). Fillers
// (<s>, </s>, <sil>, [NOISE], [SPEECH]) are dropped and alternate-pronunciation
// markers ("read(2)") stripped; confidence is the word's posterior.
//
// Loading the models takes about a second, so create one and reuse it.
// Transcribe calls are serialised by an internal mutex. PocketSphinx's
// logging is sent to /dev/null for the whole process (its log is global).
class SphinxRecognizer : public Recognizer {
 public:
  static Result<std::unique_ptr<SphinxRecognizer>> Create(const SphinxRecognizerConfig& config);

  Result<Alignment> Transcribe(const AudioBuffer& vocals16k, const VocalActivity& activity,
                               const StageContext& ctx) const override;
  std::string_view name() const override { return "pocketsphinx"; }

 private:
  explicit SphinxRecognizer(SphinxDecoder decoder) : decoder_(std::move(decoder)) {}

  mutable std::mutex mutex_;  // guards decoder_, which is not thread-safe
  SphinxDecoder decoder_;
};

}  // namespace ytl
