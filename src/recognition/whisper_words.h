// Whisper's token stream -> timed words, and the rules that keep hallucinations out.
//
// Pure functions over plain data, so they are tested without whisper.cpp (whisper_words_test.cc)
// and used by whisper_recognizer.cc on whisper_full_get_token_data() output.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "alignment/alignment.h"

namespace ytl {

// One decoded token as whisper.cpp reports it.
struct WhisperToken {
  std::string text;        // UTF-8 piece; a leading space starts a new word
  std::int64_t t0_cs = 0;  // start, centiseconds from the start of the decoded clip
  std::int64_t t1_cs = 0;  // end, centiseconds
  float probability = 0;   // in [0, 1]
  bool special = false;    // timestamp, [_BEG_], end-of-text, ...: not text
};

// Merges `tokens` (one segment, in order) into words: a token starting with a space, or the first
// one, opens a word; others (word pieces, punctuation, the bytes of a multi-byte character)
// continue it. Times are shifted by `offset_s`, kept monotone (a word never starts before the
// previous one ends), clipped to [offset_s, offset_s + clip_s] and given at least 20 ms; the
// confidence is the mean token probability. Special tokens and words that are only punctuation
// or bracketed notes ("[Music]", "(upbeat music)", "♪") are dropped.
std::vector<TimedWord> MergeTokensIntoWords(const std::vector<WhisperToken>& tokens,
                                            double offset_s, double clip_s);

// True for segment text Whisper is known to invent over music or silence: video-outro credits
// ("Thanks for watching", "Subtitles by ..."), or the same text as `previous_text` when that is
// a repeated loop. Compared case-insensitively without punctuation.
bool IsLikelyHallucination(const std::string& text, const std::string& previous_text);

}  // namespace ytl
