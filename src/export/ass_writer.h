// Advanced SubStation Alpha (ASS) karaoke: one Dialogue event per lyric line,
// each word led by a {\kNN} tag (NN in centiseconds). The \k durations of a
// line add up to exactly its length: a silence before, between or after
// words becomes a text-less {\kNN} of its own, so highlighting follows the
// words and never drifts.
//
// Text escaping follows libass (as mpv does it): '{' and '}' become "\{" and
// "\}", and a '\' is followed by U+2060 WORD JOINER so that "\N" or "\k" in
// the lyrics never reads as an override code.
#pragma once

#include <string>

#include "alignment/alignment.h"
#include "export/song_info.h"

namespace ytl {

// The whole .ass file: [Script Info], [V4+ Styles] with one "Default" style,
// and [Events]; an Alignment with no lines gives the sections without events.
std::string WriteAss(const Alignment& alignment, const SongInfo& song = {});

// `text` safe to place in a Dialogue text field (see above); exposed for tests.
std::string EscapeAssText(std::string_view text);

}  // namespace ytl
