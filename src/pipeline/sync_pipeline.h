// SyncPipeline: runs the stages that turn a song and its lyrics into
// word-timed lyrics: source -> decode -> separate -> vad -> align (or
// recognise). Knows nothing of the CLI, the web or the job queue.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "alignment/aligner.h"
#include "alignment/alignment.h"
#include "audio/decoder.h"
#include "core/progress.h"
#include "core/status.h"
#include "lyrics/lyric_sheet_parser.h"
#include "pipeline/stage_cache.h"
#include "recognition/recognizer.h"
#include "separation/separator.h"
#include "sources/lyrics_lookup.h"
#include "sources/song_metadata.h"
#include "sources/source.h"
#include "sources/subprocess.h"
#include "vad/voice_activity.h"

namespace ytl {

struct SyncRequest {
  std::string source;                      // a local file or an http(s) URL
  std::optional<std::string> lyrics_text;  // the lyric sheet; absent: transcribe
  std::string lyrics_name = "lyrics";      // names the sheet in error messages
  std::string language = "en";             // ISO 639-1 code of the lyrics
  // Without lyrics: the user's --artist/--title (and --album), which win over what the source
  // says when the lyrics are looked up online.
  SongMetadata song_hint;
  // Receives lines for the user about the lyrics lookup (found where, or why not); may be null.
  std::vector<std::string>* notes = nullptr;
};

struct PipelineConfig {
  DecodeOptions decode;
  ParseOptions lyrics;
  std::string yt_dlp_path = "yt-dlp";  // binary for URLs
  double yt_dlp_timeout_s = 600;       // time limit of one download
  // Time limit of each of the decode, separate, vad and align (or recognize) stages; a stage
  // that runs past it stops at its next checkpoint with DeadlineExceeded. 0: no limit.
  double stage_time_limit_s = 1800;
  std::string work_dir;            // scratch folder for downloads; owned by the caller
  bool separate_vocals = true;     // false: align the plain downmix (ablation)
  bool use_vocal_activity = true;  // false: treat the whole song as sung (ablation)
  // Without lyrics: the recognizer's transcript is aligned again by the aligner (the WhisperX
  // pattern), each transcribed line's start a hint, so the words get the aligner's onsets
  // instead of the recognizer's token times. Kept as transcribed when that fails.
  bool realign_transcripts = true;

  Status Validate() const;
};

// The engines a pipeline runs; none is owned. `recognizer` may be null when
// only aligned syncs are wanted.
struct SyncEngines {
  const ProcessRunner* process_runner = nullptr;
  const Separator* separator = nullptr;
  const VoiceActivity* voice_activity = nullptr;
  const Aligner* aligner = nullptr;
  const Recognizer* recognizer = nullptr;
  const StageCache* cache = nullptr;  // stage outputs by content; null: no caching
  // Asked for the song's lyrics when none are given, before transcribing; null: transcribe
  // straight away. Found lyrics are aligned with `aligner` (lyrics_source "lrclib").
  const LyricsLookup* lyrics_lookup = nullptr;
};

class SyncPipeline {
 public:
  // `engines` must outlive the pipeline. Thread-compatible: one Run at a time
  // per pipeline unless the engines are thread-safe.
  SyncPipeline(PipelineConfig config, SyncEngines engines);

  // Runs every stage, reporting progress and checking ctx for cancellation
  // between and inside stages. The Alignment's timings_s holds each stage's
  // wall time in seconds. Without lyrics, asks engines.lyrics_lookup first (when set and an
  // aligner is there) and aligns what it finds; an instrumental track gives an Alignment with no
  // lines; otherwise transcribes with engines.recognizer. lyrics_source says which happened.
  Result<Alignment> Run(const SyncRequest& request, const StageContext& ctx) const;

 private:
  using Timings = std::map<std::string, double>;

  // Each stage loads its output from the cache when an identical run stored
  // it, and otherwise computes and stores it. `key` names the output.
  Result<AudioBuffer> IsolatedVocals(const ResolvedSource& source, const std::string& key,
                                     Timings& timings, const StageContext& ctx) const;
  Result<VocalActivity> SungRegions(const AudioBuffer& vocals, const std::string& key,
                                    Timings& timings, const StageContext& ctx) const;
  Result<Alignment> Words(const AudioBuffer& vocals, const VocalActivity& activity,
                          const std::optional<LyricSheet>& sheet, const std::string& language,
                          const std::string& key, Timings& timings, const StageContext& ctx) const;
  // The transcript's words placed again by the aligner; an error when the
  // transcript cannot be parsed as a sheet or aligned.
  Result<Alignment> Realigned(const Alignment& transcript, const AudioBuffer& vocals,
                              const VocalActivity& activity, const std::string& language,
                              Timings& timings, const StageContext& ctx) const;
  bool RealignsTranscripts() const {
    return config_.realign_transcripts && engines_.aligner != nullptr;
  }
  std::optional<std::string> CacheLoad(const std::string& key) const;
  void CacheStore(const std::string& key, std::string_view bytes) const;

  PipelineConfig config_;
  SyncEngines engines_;
};

}  // namespace ytl
