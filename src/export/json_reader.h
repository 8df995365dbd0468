// Reads the JSON that WriteAlignmentJson writes back into an Alignment.
#pragma once

#include <string_view>

#include "alignment/alignment.h"
#include "core/status.h"

namespace ytl {

// Parses an alignment document (see json_writer.h). Words come from each
// line's "words", in order, so TimedWord::line and TimedLine::words are
// rebuilt; a top-level "words" array, when present, must hold as many words.
// "lines" is required; other top-level fields default as in Alignment, and
// unknown fields are ignored. Fails with InvalidInput naming the field (e.g.
// "lines[1].words[0].start_s") on malformed JSON, wrong types, negative or
// non-finite times, or an unknown "mode".
Result<Alignment> ParseAlignmentJson(std::string_view text);

}  // namespace ytl
