// Reads a dataset folder in the JamendoLyrics layout.
//
//   DIR/mp3/<song>.mp3                 the audio
//   DIR/lyrics/<song>.txt              lyrics to align (lines, blank lines between sections)
//   DIR/lyrics/<song>.words.txt        the word sequence the annotations refer to
//   DIR/annotations/words/<song>.csv   word_start,word_end,line_end per word
//   DIR/JamendoLyrics.csv              optional: Filepath and Language columns
#pragma once

#include <string>
#include <vector>

#include "bench/onset_metrics.h"
#include "core/status.h"

namespace ytl::bench {

struct DatasetSong {
  std::string name;  // file stem, e.g. "Fantasma_-_Los_Rombos"
  std::string audio_path;
  std::string lyrics_path;
  std::string language;               // ISO 639-1 ("es"), "en" when the metadata is missing
  std::vector<ScoredWord> reference;  // words with their reference onsets
};

// Lists the songs of `dir` sorted by name. Fails with a message naming the
// missing file when a song's lyrics or annotations are absent.
Result<std::vector<DatasetSong>> LoadJamendoDataset(const std::string& dir);

// Maps a language name of the metadata ("French", "Spanish") to its code.
std::string LanguageCode(const std::string& name);

}  // namespace ytl::bench
