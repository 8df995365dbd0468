// Reads LRC and enhanced LRC (A2 word tags) back into an Alignment.
#pragma once

#include <string_view>

#include "alignment/alignment.h"
#include "core/status.h"
#include "export/song_info.h"

namespace ytl {

struct LrcDocument {
  SongInfo song;        // from [ti:], [ar:] and [al:]
  Alignment alignment;  // lines sorted by time; duration_s from [length:]
};

// Parses LRC text. Every non-blank row must start with time tags
// ("[mm:ss]", "[mm:ss.x]" to "[mm:ss.xxx]", any number of minute digits) or
// be one ID tag ("[key:value]", key in letters). A row with several time tags
// becomes one line per tag. Word tags "<mm:ss.xx>" in a row make words: each
// runs to the next tag, and a tag with no text after it ends the line. A '<'
// that does not open a valid time tag is kept as text, and so is a '[' after
// the time tags that opens no further time tag ("[00:12.00][Chorus] la" is the
// text "[Chorus] la"). A line ends where the
// next begins (the last one at [length:], if later). [offset:ms] is applied
// (a positive offset makes the lyrics come sooner), clamping at zero.
// Fails with InvalidInput naming the row on anything else, and on a row with
// both several time tags and word tags.
Result<LrcDocument> ParseLrc(std::string_view text);

}  // namespace ytl
