// The "start --> end" row shared by SRT and WebVTT cues.
#pragma once

#include <optional>
#include <string_view>

namespace ytl {

struct CueTiming {
  double start_s = 0;
  double end_s = 0;
};

// Parses "<start> --> <end>[ settings]" with times in ParseClockMillis form;
// nullopt when the row is not a timing row or the end is before the start.
std::optional<CueTiming> ParseCueTiming(std::string_view row, char fraction_separator);

}  // namespace ytl
