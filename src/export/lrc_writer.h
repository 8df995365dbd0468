// LRC: one "[mm:ss.xx]text" row per lyric line.
//
// Times round to the nearest centisecond, then each line's tag is lowered to
// at most the next line's, so a player that sorts rows by time keeps the
// reading order. LRC has no hour field: past 99 minutes the minute count keeps
// growing ("[100:05.00]"), as most players and ParseLrc accept.
#pragma once

#include <string>

#include "alignment/alignment.h"
#include "export/song_info.h"

namespace ytl {

// The ID-tag rows shared by LRC and enhanced LRC: [ti:], [ar:], [al:] when
// known, [length:mm:ss] when the duration is, and [re:yt-lyrics].
std::string WriteLrcHeader(const Alignment& alignment, const SongInfo& song);

// The whole LRC file; an Alignment with no lines gives the header alone.
std::string WriteLrc(const Alignment& alignment, const SongInfo& song = {});

}  // namespace ytl
