// Reads WebVTT back into an Alignment, with words where cues carry
// <hh:mm:ss.mmm> timestamp tags.
#pragma once

#include <string_view>

#include "alignment/alignment.h"
#include "core/status.h"

namespace ytl {

// Parses a WebVTT file: the "WEBVTT" row and header, then blocks separated by
// blank rows. NOTE, STYLE and REGION blocks are skipped; a cue is an optional
// identifier row, a "[HH:]MM:SS.mmm --> [HH:]MM:SS.mmm[ settings]" row and
// text rows (joined with spaces). In the text, timestamp tags split words
// (the text before the first one starts at the cue start, each runs to the
// next tag or the cue end), other tags such as <c> are dropped, and &amp;
// &lt; &gt; &nbsp; are decoded. A cue without timestamp tags gives a line
// without words. Fails with InvalidInput naming the row when the header or a
// timing row is malformed.
Result<Alignment> ParseVtt(std::string_view text);

}  // namespace ytl
