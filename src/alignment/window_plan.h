// Window planning: split a song at long non-voiced gaps and decide which
// lyric lines are aligned inside which voiced stretch, so that an error in
// one stretch cannot drift through the whole song.
#pragma once

#include <cstddef>
#include <vector>

#include "alignment/search_band.h"
#include "alignment/word_placement.h"
#include "lyrics/lyric_sheet.h"
#include "vad/voice_activity.h"

namespace ytl {

// Words [first_word, last_word) of the sheet (whole lines) and the audio
// stretch [start_s, end_s) they are aligned against.
struct WindowSpan {
  std::size_t first_word = 0;
  std::size_t last_word = 0;
  double start_s = 0;
  double end_s = 0;
};

struct TimeStretch {
  double start_s = 0;
  double end_s = 0;
};

// Voiced stretches of `activity`: its regions, merged across gaps shorter
// than `min_gap_s`. One stretch covering everything when there are no regions.
std::vector<TimeStretch> VoicedStretches(const VocalActivity& activity, double duration_s,
                                         double min_gap_s);

// A search band for a long song without line times: word k is expected where its share of the
// lyrics' phones (`phones[k]` each) falls in the sung time (the stretches laid end to end), and
// may be sung up to `slack_s` before or after that, within [0, duration_s]. It makes the exact
// search linear in the song's length; a band too narrow for the song leaves the search without
// a complete path, and the caller then searches without it.
std::vector<WordWindow> ProportionalWindows(const std::vector<int>& phones,
                                            const std::vector<TimeStretch>& stretches,
                                            double duration_s, double slack_s);

// Assigns every line of `sheet` to one stretch, in order, using the word
// times of a coarse whole-song pass (`coarse`, one per word). Lines keep
// their order; stretches that receive no line are dropped. The windows tile
// the lines; a window's times are its stretch widened to cover its lines'
// coarse times.
std::vector<WindowSpan> AssignLines(const LyricSheet& sheet,
                                    const std::vector<WordPlacement>& coarse,
                                    const std::vector<TimeStretch>& stretches);

}  // namespace ytl
