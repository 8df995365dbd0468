// SubRip (SRT): one numbered cue per lyric line,
//   1
//   00:00:12,000 --> 00:00:14,350
//   ask not what your country can do for you
//
// Times round to the nearest millisecond; hours keep counting past 99. A line
// with no text is left out (an empty cue would end the file for most
// readers), and an end before its start is raised to the start.
#pragma once

#include <string>

#include "alignment/alignment.h"

namespace ytl {

// The whole SRT file; an Alignment with no lines gives an empty string.
std::string WriteSrt(const Alignment& alignment);

}  // namespace ytl
