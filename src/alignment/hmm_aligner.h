// HmmAligner: yt-lyrics' own forced aligner. Viterbi over a graph of
// PocketSphinx en-us phone HMMs (PTM model files from pocketsphinx-en-us),
// with optional silence between words, garbage between lines, skippable
// optional words and a vocal-activity prior.
//
// By default the whole song is aligned in one exact (unpruned) pass, then a
// second pass keeps each word near its first place and lets it hold its sung
// note (HmmAlignerConfig::refine_band_s). With
// `windowed`, alignment runs per window: stretches of voiced audio split at
// long non-voiced gaps; a coarse global pass decides which lines fall into
// which window, then each window is aligned as one utterance (its own CMN).
//
// Thread-safe: Align() is const and keeps its state on the stack.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "alignment/acoustic_model.h"
#include "alignment/aligner.h"
#include "alignment/alignment_graph_builder.h"
#include "alignment/feature_extractor.h"
#include "alignment/search_band.h"
#include "alignment/senone_scorer.h"
#include "alignment/viterbi_decoder.h"
#include "alignment/window_plan.h"
#include "alignment/word_placement.h"
#include "lyrics/pronouncer.h"

namespace ytl {

struct HmmAlignerConfig {
  // Directory with mdef, means, variances, sendump, transition_matrices.
  std::string model_dir = "/usr/share/pocketsphinx/model/en-us/en-us";
  FeatureConfig features;  // front end; defaults match the en-us feat.params
  GraphOptions graph;      // silence/garbage/skip penalties, triphones on/off
  // Exact search: a beam against the best partial path loses the true path on
  // songs (a path lagging in a well-matching vowel leads by hundreds of nats
  // for tens of seconds), and the forced end then crams the rest of the lyrics.
  ViterbiConfig viterbi = ViterbiConfig::Exact();
  int top_n = 4;            // Gaussians mixed per codebook and stream
  float vad_weight = 2.0f;  // scale of log P(voice) added to word frames
  float vad_floor = 0.02f;  // P(voice) is clamped to at least this
  // A word that starts at a vocal onset (VocalActivity::onset, in [0, 1]) gains up to this
  // many nats; the strongest onset within onset_lead_frames after the word's first frame
  // counts (a consonant starts before the vowel's rise). On jamendo-dev 8, 12, 15 and 20
  // lowered the error from 0.410 to 0.400-0.406 s, 30 raised it to 0.463 (bench/README.md).
  float onset_weight = 12.0f;
  int onset_lead_frames = 3;
  // A word that starts with a consonant is reported this much later (at most half its length).
  // The aligner starts a sung word where its consonant begins; the JamendoLyrics annotators
  // hear it start later, on the vowel and the note: on jamendo-dev consonant-initial words came
  // 0.059 s early (median), vowel-initial ones 0.006 s, and speech (MFA clips) shows no lag.
  // 0.06 removed the lag there (AAE 0.404 -> 0.389 s) but the synthetic songs, whose truth is
  // espeak-ng's acoustic word start, went from 0.069 to 0.112 s mean (target 0.1); 0.03 keeps
  // them at 0.091 s and jamendo-dev at 0.392 s (bench/README.md). Speech: 0.
  double consonant_onset_delay_s = 0.03;
  double min_confidence = 0.0;         // placed words below this are interpolated
  double confidence_scale_nats = 4.0;  // per-frame score gap that lowers confidence by 1/e
  double window_min_gap_s = 4.0;       // non-voiced gaps at least this long split windows
  double window_margin_s = 1.0;        // audio kept around a window's voiced stretch
  // true: a coarse CI-phone pass assigns lines to voiced stretches, each then
  // aligned alone (cheaper on long songs, but the coarse pass's errors are
  // locked in); false: one exact triphone pass over the whole song.
  bool windowed = false;
  // Lines with a start hint (LyricLine::start_hint_s) keep their words
  // within these tolerances of the hints; the band also cuts the search.
  HintBandConfig hint_band;
  // Songs longer than this without line hints are searched within a band: each word within
  // long_song_slack_s of where its share of the phones falls in the sung time (see
  // ProportionalWindows). Exact search over a whole hour takes 35 CPU-minutes here.
  double long_song_s = 600;
  double long_song_slack_s = 180;
  // After the search over the whole song, a second pass keeps each word within this many
  // seconds of where the first placed it and lets it hold its note (GraphOptions::hold_notes):
  // held over the whole song, notes stretched into instrumentals the separated track keeps
  // (Fantasma 1.0 -> 3.3 s); within 1 s of the first pass they only fix the note's own
  // boundaries (jamendo-dev 0.307 -> 0.297 s, 84.3 -> 85.5%; 1.5 s: 0.315 s, 84.1%;
  // bench/README.md). 0: one pass. Speech: 0.
  double refine_band_s = 1.0;
  Status Validate() const;
};

// What is being aligned. The defaults above are for singing; speech keeps
// the model's read-speech phone durations (its transition probabilities) and
// no minimum vowel length.
enum class AlignedContent { kSinging, kSpeech };

// "singing" or "speech"; anything else is an error naming the choices.
Result<AlignedContent> ParseAlignedContent(std::string_view name);

// The default configuration for `content`.
HmmAlignerConfig AlignerConfigFor(AlignedContent content);

class HmmAligner : public Aligner {
 public:
  // Loads the acoustic model. `pronouncer` must outlive the aligner.
  static Result<std::unique_ptr<HmmAligner>> Create(HmmAlignerConfig config,
                                                    const Pronouncer& pronouncer);

  Result<Alignment> Align(const AudioBuffer& vocals, const VocalActivity& activity,
                          const LyricSheet& sheet, const StageContext& ctx) const override;
  std::string_view name() const override { return "hmm"; }
  std::string Fingerprint() const override;

 private:
  HmmAligner(HmmAlignerConfig config, AcousticModel model, const Pronouncer& pronouncer);
  // What AlignWindow does when no path fits the band: search again without it, or leave the
  // words unplaced.
  enum class BandMiss { kSearchWithout, kLeaveUnplaced };
  // Aligns words [win.first_word, win.last_word) against the window's audio
  // (plus margins) and writes their placements; reports to and stops with `progress`.
  // `bests`, if not null, carries the frames' best scores from one call to a later one over
  // the same window (see FrameBestScores).
  Status AlignWindow(const AudioBuffer& vocals, const VocalActivity& activity,
                     const std::vector<GraphWord>& words, const WindowSpan& win,
                     const GraphOptions& graph_options, const std::vector<WordWindow>* band,
                     BandMiss on_miss, FrameBestScores* bests, const SearchProgress& progress,
                     std::vector<WordPlacement>* placements) const;
  // The second pass (refine_band_s) over the whole song, with the first pass's `bests`:
  // replaces `placements` when every word was placed in both passes.
  Status Refine(const AudioBuffer& vocals, const VocalActivity& activity,
                const std::vector<GraphWord>& words, FrameBestScores* bests,
                const SearchProgress& progress, std::vector<WordPlacement>* placements) const;

  HmmAlignerConfig config_;
  AcousticModel model_;
  FeatureExtractor features_;
  const Pronouncer& pronouncer_;
};

}  // namespace ytl
