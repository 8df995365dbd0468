// The words of one lyric line, as the writers walk them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "alignment/alignment.h"

namespace ytl {

// The words that `line.words` points at, in order. Indices outside
// `alignment.words` are skipped, so writers never read past the end of a
// hand-edited or truncated Alignment.
std::vector<const TimedWord*> LineWords(const Alignment& alignment, const TimedLine& line);

// `text` on one row: CR, LF and tab become spaces, and the ends are trimmed.
// Every text format here is line-based, so a raw line break would split a cue.
std::string SingleRow(std::string_view text);

}  // namespace ytl
