// Engines: the default engine of every stage, built and owned in one place
// so that main wires them explicitly.
#pragma once

#include <memory>
#include <string>

#include "alignment/aligner.h"
#include "core/status.h"
#include "lyrics/pronouncer.h"
#include "net/http_client.h"
#include "pipeline/sync_pipeline.h"
#include "recognition/recognizer.h"
#include "separation/separator.h"
#include "sources/lrclib/lrclib_client.h"
#include "sources/subprocess.h"
#include "vad/voice_activity.h"

namespace ytl::cli {

struct EngineOptions {
  std::string separator = "dsp";      // dsp | none | demucs
  std::string content = "singing";    // singing | speech (--content): the aligner's profile
  std::string model_dir;              // PocketSphinx en-us folder; empty: Debian's
  bool need_aligner = true;           // build the pronouncer and aligner (lyrics, transcripts)
  bool need_recognizer = false;       // no lyrics: build the recognizer
  std::string recognizer = "sphinx";  // sphinx | whisper (--recognizer)
  std::string whisper_model;          // ggml model file for whisper (--model)
  bool use_lrclib = false;            // no lyrics: look them up on LRCLIB before transcribing
  LrclibConfig lrclib;                // used when use_lrclib
};

// Owns the engines; SyncEngines() lends them to a pipeline.
class Engines {
 public:
  static Result<Engines> Build(const EngineOptions& options);

  SyncEngines View() const;

 private:
  std::unique_ptr<ProcessRunner> process_runner_;
  std::unique_ptr<Separator> separator_;
  std::unique_ptr<VoiceActivity> voice_activity_;
  std::unique_ptr<Pronouncer> pronouncer_;
  std::unique_ptr<Aligner> aligner_;
  std::unique_ptr<Recognizer> recognizer_;
  std::unique_ptr<net::HttpClient> http_;
  std::unique_ptr<LyricsLookup> lyrics_lookup_;
};

}  // namespace ytl::cli
