// Builds the AlignmentGraph of a word sequence over an AcousticModel:
//   [garbage] w1 [sil] w2 [sil] ... (line break: [sil | garbage]) ... wn [garbage]
// with alternative pronunciations in parallel and optional words skippable. Inside a line
// [sil] is silence only (unless GraphOptions::noise_between_words); at a line break it may
// also be a noise filler, and garbage is any run of fillers.
#pragma once

#include <string_view>
#include <vector>

#include "alignment/acoustic_model.h"
#include "alignment/alignment_graph.h"

namespace ytl {

struct GraphWord {
  std::vector<std::vector<int>> pronunciations;  // CI phone ids, each non-empty, best first
  bool optional = false;                         // may be skipped (ad-lib)
  bool line_start = false;                       // first word of a lyric line
  bool vocable = false;  // "ooh", "ah": its vowels last GraphOptions::vocable_vowel_min_frames
};

struct GraphOptions {
  bool use_triphones = true;   // context-dependent phones (else CI phones)
  float silence_logp = -6.0f;  // entering an optional silence between words
  float noise_logp = -2.0f;    // a noise filler instead of silence there
  // Whether the pause between two words of a line may be a noise filler (+NSN+, +SPN+) as
  // well as silence. Off for singing: the fillers match a held sung vowel better than the
  // speech model's own vowels do, so a pause there swallowed the first half of held notes
  // and the word was placed at the note's end (Veränderung's "hält jung": 0.6-0.75 s late,
  // each time). Line breaks keep them (garbage). Off: 0.353 -> 0.307 s on jamendo-dev
  // (bench/README.md). Speech: on.
  bool noise_between_words = false;
  float garbage_logp = -8.0f;               // entering garbage at line breaks and the edges
  float garbage_phone_logp = -4.0f;         // each further phone inside a garbage stretch
  float speech_garbage_frame_logp = -1.0f;  // per frame of +SPN+ or a speech phone in garbage
  bool garbage_speech_phones = false;       // garbage may also loop over speech phones
  float skip_logp = -8.0f;                  // skipping an optional word
  float alternative_logp = -0.5f;           // choosing a non-first pronunciation
  // Sung vowels last: each vowel of a word holds at least this many frames
  // (0 or up to its state count: no minimum beyond one frame per state).
  // 6 (60 ms): lowers the error on jamendo-dev and on the synthetic songs;
  // 8 was better on jamendo-dev but pulled a synthetic line 6 s into a
  // break, and 10 and more hurt fast rap (see bench/README.md).
  int vowel_min_frames = 6;
  // A vocable ("ooh", "ah", "mmm": LyricWord::vocable) is a note held on one vowel: its vowels
  // hold at least this many frames. Without it the aligner crammed Fantasma's "ah ah ah ah ah
  // ah" (six notes of about 1 s) into 4 s and came 2.4-5 s late. 20 (0.2 s, the shortest
  // vocable among the 33 annotated in jamendo-dev) lowered the error there from 0.392 to
  // 0.353 s; 30 gave 0.365, 40 0.341 (but 13 of those vocables are shorter), and 60 sent a
  // whole line 20-40 s early into an instrumental (1.33 s): a long minimum makes a held word
  // look for the loudest stretch of the activity track (bench/README.md). 0: vocables are
  // like any word.
  int vocable_vowel_min_frames = 20;
  // Scale of the acoustic model's log transition probabilities, which encode
  // the phone durations of read speech. 0 (every duration costs the same):
  // sung phones, and the silences and garbage between them, last far longer
  // than speech's; on jamendo-dev 0 lowered the error from 0.484 to 0.410 s
  // (0.5: 0.471, 0.2: 0.458; see bench/README.md). Speech: 1.
  float transition_weight = 0.0f;
  // A held note: after its last vowel a word may stay in a state scored as whichever vowel
  // fits best (kBestVowelSenone), entered for hold_entry_logp and paying hold_frame_logp a
  // frame. A sung vowel drifts from the speech model's, and without this the note's tail went
  // to a pause or the next word started early (de bonne humeur's chorus, 0.3-2 s). It also
  // lets words stretch over an instrument that the separated track keeps, so the aligner
  // only turns it on in its second, banded pass (HmmAlignerConfig::refine_band_s).
  bool hold_notes = false;
  float hold_entry_logp = -2.0f;
  float hold_frame_logp = -2.0f;
};

// True for the 15 vowels of the CMU phone set (AA ... UW).
bool IsVowelPhone(std::string_view phone);

// Segments of the result: one kWord segment per word (GraphSegment::word is
// the index into `words`), plus silence and garbage segments.
AlignmentGraph BuildAlignmentGraph(const AcousticModel& model, const std::vector<GraphWord>& words,
                                   const GraphOptions& options);

}  // namespace ytl
