// Reads SubRip (SRT) back into an Alignment: one line per cue, no words.
#pragma once

#include <string_view>

#include "alignment/alignment.h"
#include "core/status.h"

namespace ytl {

// Parses cues separated by blank rows: an optional number row, a
// "HH:MM:SS,mmm --> HH:MM:SS,mmm" row (anything after the end time is
// ignored), then text rows, joined with spaces. Fails with InvalidInput
// naming the row when a cue has no valid timing row.
Result<Alignment> ParseSrt(std::string_view text);

}  // namespace ytl
