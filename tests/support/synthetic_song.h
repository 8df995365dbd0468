// Synthetic songs with known word timings, for end-to-end tests and the
// bundled example: espeak-ng sings the lyrics over a generated music bed.
#pragma once

#include <string>
#include <vector>

#include "audio/audio_buffer.h"
#include "core/status.h"

namespace ytl::testing {

struct SyntheticSongSpec {
  std::vector<std::string> lines;  // lyric lines, plain words separated by spaces
  std::string voice = "en";        // espeak-ng voice / language code
  int pitch = 50;                  // espeak-ng pitch, 0-99
  int speed_wpm = 150;             // espeak-ng words per minute
  double intro_s = 6;              // music alone before the first line
  double break_s = 5;              // music alone after the first half of the lines
  double outro_s = 4;              // music alone after the last line
  double line_gap_s = 0.6;         // silence in the voice between lines
  double vocal_to_music_db = 0;    // RMS of the voice (where it sings) over the music's
  int sample_rate_hz = 44100;
  unsigned seed = 1;  // for the drums' noise
};

struct TrueWord {
  std::string text;
  int index = 0;  // position of the word in the whole lyric sheet
  double onset_s = 0;
};

struct SyntheticSong {
  AudioBuffer mix;              // stereo: voice centred, music panned
  AudioBuffer voice;            // the voice alone, mono, same rate
  std::vector<TrueWord> words;  // every sung word with its true onset
  std::string lyrics_text;      // the lyric sheet: one line per line
};

// Synthesises the song. Not thread-safe (espeak-ng is process-global).
Result<SyntheticSong> MakeSyntheticSong(const SyntheticSongSpec& spec);

// Writes 16-bit PCM WAV.
Status WriteWav(const std::string& path, const AudioBuffer& audio);

}  // namespace ytl::testing
