#include "export/json_writer.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "export/line_words.h"

namespace ytl {
namespace {

using json = nlohmann::ordered_json;

// Rounded to the millisecond. From 10^12 s on a double holds no fraction of a millisecond
// anyway, and scaling by 1000 could overflow to infinity, which JSON writes as null.
double Milli(double value) {
  if (!(std::abs(value) < 1e12)) return value;
  return std::round(value * 1000.0) / 1000.0;
}

json WordJson(const TimedWord& word) {
  return json{{"text", word.text},
              {"start_s", Milli(word.start_s)},
              {"end_s", Milli(word.end_s)},
              {"confidence", Milli(word.confidence)},
              {"interpolated", word.interpolated}};
}

json LineJson(const Alignment& alignment, const TimedLine& line) {
  json words = json::array();
  for (const TimedWord* word : LineWords(alignment, line)) words.push_back(WordJson(*word));
  return json{{"text", line.text},
              {"start_s", Milli(line.start_s)},
              {"end_s", Milli(line.end_s)},
              {"confidence", Milli(line.confidence)},
              {"words", std::move(words)}};
}

}  // namespace

std::string WriteAlignmentJson(const Alignment& alignment) {
  json lines = json::array();
  for (const TimedLine& line : alignment.lines) lines.push_back(LineJson(alignment, line));
  json words = json::array();
  for (const TimedWord& word : alignment.words) {
    json entry = WordJson(word);
    entry["line"] = word.line;
    words.push_back(std::move(entry));
  }
  json timings = json::object();
  for (const auto& [stage, seconds] : alignment.timings_s) timings[stage] = Milli(seconds);
  const json doc = {
      {"source", alignment.source},
      {"duration_s", Milli(alignment.duration_s)},
      {"language", alignment.language},
      {"mode", alignment.mode == SyncMode::kAligned ? "aligned" : "transcribed"},
      {"lyrics_source", alignment.lyrics_source},
      {"lines", std::move(lines)},
      {"words", std::move(words)},
      {"timings_s", std::move(timings)},
  };
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + '\n';
}

}  // namespace ytl
