// `yt-lyrics sync`: one song (file or URL) plus optional lyrics to timed lyrics.
#pragma once

#include <string>
#include <vector>

#include "core/progress.h"

namespace ytl::cli {

struct SyncOptions {
  std::string source;           // a local audio/video file or an http(s) URL
  std::string lyrics_path;      // a lyric sheet, "-" for stdin, empty to transcribe
  std::string language = "en";  // ISO 639-1 code of the lyrics
  std::string formats = "lrc,elrc,srt,vtt,ass,json";
  std::string output = ".";  // a folder, or "-" for stdout
  std::string yt_dlp_path = "yt-dlp";
  double yt_dlp_timeout_s = 600;
  double max_duration_s = 3600;      // longer audio is refused
  double stage_time_limit_s = 1800;  // per stage (decode, separate, vad, align); 0: none
  std::string separator = "dsp";     // dsp | none | demucs
  std::string content = "singing";   // singing | speech: the aligner's profile
  bool use_vocal_activity = true;
  bool quiet = false;     // no progress, no notes on stderr
  std::string model_dir;  // PocketSphinx en-us model folder; empty: Debian's
  std::string cache_dir;  // keep stage outputs here to reuse them; empty: don't
  // Without lyrics: look them up on LRCLIB first (its answers cached under cache_dir/lrclib).
  bool use_lrclib = true;
  std::string lrclib_url = "https://lrclib.net";
  double lrclib_timeout_s = 10;
  std::string artist;  // --artist/--title: the song's name for the lookup, over what the
  std::string title;   // source says
  std::string recognizer = "sphinx";  // sphinx | whisper: transcribes when nothing is found
  std::string whisper_model;          // --model: ggml model file for --recognizer whisper
};

// Runs the command and returns the process exit code. Errors and notes go to
// stderr. `cancel` is set by the SIGINT handler.
int RunSync(const SyncOptions& options, const CancelToken& cancel);

}  // namespace ytl::cli
