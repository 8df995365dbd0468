#include "export/cue_timing.h"

#include "export/text_rows.h"
#include "export/timestamp.h"

namespace ytl {

std::optional<CueTiming> ParseCueTiming(std::string_view row, char fraction_separator) {
  const size_t arrow = row.find("-->");
  if (arrow == std::string_view::npos) return std::nullopt;
  std::string_view rest = TrimBlanks(row.substr(arrow + 3));
  const std::string_view end_text = rest.substr(0, rest.find_first_of(" \t"));
  const auto start_s = ParseClockMillis(TrimBlanks(row.substr(0, arrow)), fraction_separator);
  const auto end_s = ParseClockMillis(end_text, fraction_separator);
  if (!start_s || !end_s || *end_s < *start_s) return std::nullopt;
  return CueTiming{*start_s, *end_s};
}

}  // namespace ytl
