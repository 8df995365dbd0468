// Parses a plain-text lyric sheet into the words to align.
//
// The sheet must be UTF-8 (a leading byte-order mark is dropped); lines may
// end in "\n", "\r\n" or "\r". Line markup (section tags, repeat markers,
// [notes]) is read as described in line_markup.h, sections and repeats are
// expanded as described in section_assembler.h, and words get their spoken
// forms as described in text_normalizer.h: one LyricWord per written word,
// whose `spoken` may hold several space-separated tokens ("21" -> "twenty
// one"). Lines without words ("...", "[laughs]") are dropped.
//
// A sheet with LRC line tags ("[01:02.50] text", as LRCLIB's synced lyrics and .lrc files have)
// is read as timed lines instead (see lrc_line_tags.h): each tagged line gets its time as
// LyricLine::start_hint_s ([offset:] applied), lines are sung in time order (once per tag),
// enhanced "<mm:ss.xx>" word tags and LRC ID tags ([ar:], [ti:]...) are dropped, untagged lines
// follow the tagged line before them without a hint, and repeat markers are ignored.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"
#include "lyrics/lyric_sheet.h"

namespace ytl {

struct ParseOptions {
  // ISO 639-1 code of the sung language (2 or 3 lower-case letters); numbers
  // are spelled in it (en, fr, es, de; others fall back to English).
  std::string language = "en";
  // Sheets larger than this many bytes are refused.
  std::size_t max_bytes = 1 << 20;
  // Sheets with more lines than this, as written or once repeats are
  // expanded, are refused.
  std::size_t max_lines = 5000;

  // InvalidInput naming the field when a value is unusable.
  Status Validate() const;
};

// Parses `text`, the contents of the lyrics file `source_name` (used only in
// messages). Errors: InvalidInput for bad options, invalid UTF-8 or a sheet
// with no words to sing; ResourceExhausted when max_bytes or max_lines is
// exceeded. Thread-safe: no shared state.
Result<LyricSheet> ParseLyricSheet(std::string_view text, std::string_view source_name,
                                   const ParseOptions& options);

}  // namespace ytl
