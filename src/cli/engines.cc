#include "cli/engines.h"

#include <sphinxbase/err.h>

#include "alignment/hmm_aligner.h"
#include "lyrics/espeak_pronouncer.h"
#include "recognition/recognizer_factory.h"
#include "separation/separator_factory.h"
#include "vad/spectral_voice_activity.h"

namespace ytl::cli {

Result<Engines> Engines::Build(const EngineOptions& options) {
  // sphinxbase logs every configuration it reads to stderr; we report ourselves.
  err_set_logfp(nullptr);

  Engines engines;
  engines.process_runner_ = std::make_unique<PosixProcessRunner>();

  auto kind = ParseSeparatorKind(options.separator);
  if (!kind.ok()) return kind.status();
  auto separator = MakeSeparator(*kind, DspSeparatorConfig{});
  if (!separator.ok()) return separator.status();
  engines.separator_ = std::move(separator).value();

  engines.voice_activity_ = std::make_unique<SpectralVoiceActivity>(SpectralVoiceActivityConfig{});

  const std::string model_root =
      options.model_dir.empty() ? "/usr/share/pocketsphinx/model/en-us" : options.model_dir;
  if (options.need_aligner) {
    auto pronouncer = EspeakPronouncer::Create(EspeakPronouncerConfig{});
    if (!pronouncer.ok()) return pronouncer.status();
    engines.pronouncer_ = std::move(pronouncer).value();
    auto content = ParseAlignedContent(options.content);
    if (!content.ok()) return content.status();
    HmmAlignerConfig aligner_config = AlignerConfigFor(*content);
    aligner_config.model_dir = model_root + "/en-us";
    auto aligner = HmmAligner::Create(aligner_config, *engines.pronouncer_);
    if (!aligner.ok()) return aligner.status();
    engines.aligner_ = std::move(aligner).value();
  }
  if (options.need_recognizer) {
    RecognizerOptions recognizer_options;
    auto kind = ParseRecognizerKind(options.recognizer);
    if (!kind.ok()) return kind.status();
    recognizer_options.kind = *kind;
    recognizer_options.sphinx.acoustic_model_dir = model_root + "/en-us";
    recognizer_options.sphinx.language_model_path = model_root + "/en-us.lm.bin";
    recognizer_options.sphinx.dictionary_path = model_root + "/cmudict-en-us.dict";
    recognizer_options.whisper.model_path = options.whisper_model;
    auto recognizer = MakeRecognizer(recognizer_options);
    if (!recognizer.ok()) return recognizer.status();
    engines.recognizer_ = std::move(recognizer).value();
  }
  if (options.use_lrclib) {
    YTL_RETURN_IF_ERROR(options.lrclib.Validate());
    engines.http_ = std::make_unique<net::HttpClient>();
    engines.lyrics_lookup_ = std::make_unique<LrclibClient>(options.lrclib, *engines.http_);
  }
  return engines;
}

SyncEngines Engines::View() const {
  SyncEngines view{process_runner_.get(), separator_.get(), voice_activity_.get(), aligner_.get(),
                   recognizer_.get()};
  view.lyrics_lookup = lyrics_lookup_.get();
  return view;
}

}  // namespace ytl::cli
