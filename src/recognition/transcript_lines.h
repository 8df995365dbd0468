// Builds a transcription's lines: each recognised stretch of words becomes one TimedLine.
#pragma once

#include <vector>

#include "alignment/alignment.h"

namespace ytl {

// Moves `words` (not empty, in time order) into `alignment` as one more line: its text joins the
// words with spaces, its times span them, its confidence is their mean.
void AppendTranscribedLine(std::vector<TimedWord> words, Alignment* alignment);

}  // namespace ytl
