// `yt-lyrics race`: sends one song to several yt-lyrics backends (race, smart or single
// routing), follows them, prints each backend's outcome, the winner and how far the finishers'
// word onsets agree, writes the winner's lyrics, and keeps a history file for smart routing.
#pragma once

#include <string>
#include <vector>

#include "core/progress.h"

namespace ytl::cli {

struct RaceOptions {
  std::vector<std::string> backends;  // base URLs of yt-lyrics servers, in the user's order
  std::string source;                 // audio/video file (uploaded) or http(s) URL
  std::string lyrics_path;            // lyric sheet, "-" for stdin; empty: transcribe
  std::string language = "en";
  std::string mode = "race";  // race | smart | single
  std::string formats = "lrc,elrc,srt,vtt,ass,json";
  std::string output = ".";      // a folder, or "-" for stdout (one format)
  bool cancel_losers = false;    // cancel the others once one wins
  double stall_timeout_s = 300;  // a backend with no progress for this long drops out
  std::string history_path;      // empty: $XDG_STATE_HOME/yt-lyrics/race-history.json
  std::string api_key;           // Bearer token for every backend
  bool quiet = false;            // no live progress on stderr
};

// Runs the race; returns the exit code (0 when a backend won, 5 when none succeeded).
int RunRace(const RaceOptions& options, const CancelToken& cancel);

}  // namespace ytl::cli
