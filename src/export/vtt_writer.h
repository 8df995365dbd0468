// WebVTT: a "WEBVTT" header, then one cue per lyric line with a timestamp tag
// before every word but the first (karaoke style, as YouTube writes it):
//   00:00:12.000 --> 00:00:14.350
//   ask <00:00:12.400>not <00:00:12.900>what
//
// Times round to the nearest millisecond; word tags are kept inside their cue
// and in order. '&', '<' and '>' in the text are written as entities. Lines
// with no text are left out, as in SRT.
#pragma once

#include <string>

#include "alignment/alignment.h"

namespace ytl {

struct VttOptions {
  bool word_timestamps = true;  // write <hh:mm:ss.mmm> tags before words
  bool class_spans = false;     // wrap each word in <c>...</c> (YouTube's form)
};

// The whole WebVTT file; an Alignment with no lines gives "WEBVTT\n".
std::string WriteVtt(const Alignment& alignment, const VttOptions& options = {});

}  // namespace ytl
