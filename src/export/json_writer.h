// JSON: the full Alignment, for the web page, the job server and scripts.
//
//   {"source", "duration_s", "language", "mode": "aligned"|"transcribed",
//    "lines": [{"text", "start_s", "end_s", "confidence",
//               "words": [{"text", "start_s", "end_s", "confidence",
//                          "interpolated"}]}],
//    "words": [every word in reading order, as above plus "line"],
//    "timings_s": {"<stage>": seconds}}
//
// Times and confidences are rounded to 3 decimals (milliseconds). Readers
// must ignore fields they do not know, so fields may be added.
#pragma once

#include <string>

#include "alignment/alignment.h"

namespace ytl {

// The document, pretty-printed with two-space indents and a final newline.
// Invalid UTF-8 in the text is replaced by U+FFFD rather than failing.
std::string WriteAlignmentJson(const Alignment& alignment);

}  // namespace ytl
