// `yt-lyrics bench`: scores the sync engine on a JamendoLyrics-layout dataset.
#pragma once

#include <string>
#include <vector>

#include "core/progress.h"

namespace ytl::cli {

struct BenchOptions {
  std::string dataset_dir;              // JamendoLyrics layout (see bench/jamendo_dataset.h)
  std::vector<std::string> songs;       // only these song names; empty: all
  std::vector<std::string> sync_flags;  // passed to every `yt-lyrics sync` (e.g. --separator none)
  std::string json_report;              // also write the figures as JSON here; empty: don't
  std::string keep_dir;  // keep each song's sync output in keep_dir/<song>/; empty: don't
};

// Syncs each song in a child `yt-lyrics sync` process (so that its peak
// memory and wall time are measured alone), scores the word onsets against
// the annotations, and prints a table per song and the average.
int RunBench(const BenchOptions& options, const CancelToken& cancel);

}  // namespace ytl::cli
