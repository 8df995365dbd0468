// The output formats, chosen by name on the command line or in a job request.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "alignment/alignment.h"
#include "core/status.h"
#include "export/song_info.h"

namespace ytl {

enum class Format { kLrc, kElrc, kSrt, kVtt, kAss, kJson };

// Parses a comma-separated list such as "lrc,srt, JSON". Names are matched
// case-insensitively after trimming blanks; duplicates are kept once, in
// first-seen order. Fails with InvalidInput naming the bad entry and listing
// the valid names when an entry is unknown or empty, or the list is empty.
Result<std::vector<Format>> ParseFormats(std::string_view comma_list);

// The name ParseFormats accepts: "lrc", "elrc", "srt", "vtt", "ass", "json".
std::string_view FormatName(Format format);

// The file-name suffix, without the leading dot. Enhanced LRC is
// "enhanced.lrc", so it can sit beside the plain ".lrc" and players still
// see an .lrc file.
std::string_view Extension(Format format);

// The file contents for `format`, written with that format's defaults;
// `song` feeds the LRC and ASS headers.
std::string Export(const Alignment& alignment, Format format, const SongInfo& song = {});

}  // namespace ytl
