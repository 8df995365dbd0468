// Enhanced LRC (A2 extension): a line tag, then a "<mm:ss.xx>" tag before
// each word and one after the last word that marks where it ends:
//   [00:12.00]<00:12.00>ask <00:12.40>not<00:12.90>
//
// Word tags carry starts only, so a gap between two words is folded into the
// earlier word. Tags within a line never decrease and never precede the line
// tag; line tags follow the LRC rules (see lrc_writer.h). A line without
// words is written as plain LRC.
#pragma once

#include <string>

#include "alignment/alignment.h"
#include "export/song_info.h"

namespace ytl {

// The whole enhanced LRC file, header included.
std::string WriteElrc(const Alignment& alignment, const SongInfo& song = {});

}  // namespace ytl
