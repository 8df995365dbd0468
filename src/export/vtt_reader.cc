#include "export/vtt_reader.h"

#include <string>
#include <utility>
#include <vector>

#include "export/cue_timing.h"
#include "export/text_rows.h"
#include "export/timestamp.h"

namespace ytl {
namespace {

// A run of cue text and the time it starts at.
using Segment = std::pair<double, std::string>;

// Decodes the entity at text[i] ('&'), appending it to `out`; returns the
// index of its last character, or `i` when it is no known entity.
size_t DecodeEntity(std::string_view text, size_t i, std::string* out) {
  static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&nbsp;", " "}, {"&lrm;", ""}, {"&rlm;", ""}};
  for (const auto& [entity, decoded] : kEntities) {
    if (text.substr(i, entity.size()) == entity) {
      *out += decoded;
      return i + entity.size() - 1;
    }
  }
  *out += '&';
  return i;
}

// Splits cue text at timestamp tags, dropping other tags.
std::vector<Segment> SplitCueText(std::string_view text, double start_s) {
  std::vector<Segment> segments = {{start_s, ""}};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      i = DecodeEntity(text, i, &segments.back().second);
      continue;
    }
    const size_t close = text[i] == '<' ? text.find('>', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      segments.back().second += text[i];
      continue;
    }
    if (auto time_s = ParseClockMillis(text.substr(i + 1, close - i - 1), '.')) {
      segments.push_back({*time_s, ""});
    }
    i = close;
  }
  return segments;
}

void AddCue(std::string_view text, double start_s, double end_s, Alignment* alignment) {
  const std::vector<Segment> segments = SplitCueText(text, start_s);
  TimedLine line;
  line.start_s = start_s;
  line.end_s = end_s;
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string_view part = TrimBlanks(segments[i].second);
    if (part.empty()) continue;
    line.text += (line.text.empty() ? "" : " ") + std::string(part);
    if (segments.size() == 1) break;
    TimedWord word;
    word.text = part;
    word.start_s = segments[i].first;
    word.end_s = i + 1 < segments.size() ? segments[i + 1].first : end_s;
    word.line = static_cast<int>(alignment->lines.size());
    line.words.push_back(static_cast<int>(alignment->words.size()));
    alignment->words.push_back(std::move(word));
  }
  alignment->lines.push_back(std::move(line));
}

bool StartsWithWord(std::string_view row, std::string_view word) {
  return row.substr(0, word.size()) == word &&
         (row.size() == word.size() || row[word.size()] == ' ' || row[word.size()] == '\t');
}

Status RowError(size_t row, std::string_view what) {
  return Status::InvalidInput("WebVTT row " + std::to_string(row) + ": " + std::string(what) +
                              "; fix the file or re-export it");
}

}  // namespace

Result<Alignment> ParseVtt(std::string_view text) {
  const std::vector<std::string_view> rows = SplitRows(text);
  if (rows.empty() || !StartsWithWord(rows[0], "WEBVTT")) {
    return RowError(1, "the file must start with \"WEBVTT\"");
  }
  Alignment alignment;
  size_t i = 1;
  while (i < rows.size() && !TrimBlanks(rows[i]).empty()) ++i;  // header rows
  while (i < rows.size()) {
    const std::string_view first = TrimBlanks(rows[i]);
    if (first.empty()) {
      ++i;
      continue;
    }
    const bool skip = StartsWithWord(first, "NOTE") || StartsWithWord(first, "STYLE") ||
                      StartsWithWord(first, "REGION");
    if (!skip && first.find("-->") == std::string_view::npos) ++i;  // cue identifier
    const auto timing = skip || i >= rows.size() ? std::nullopt : ParseCueTiming(rows[i], '.');
    if (!skip && !timing) {
      return RowError(i + 1, "expected a cue timing \"00:00:01.000 --> 00:00:02.000\"");
    }
    std::string cue_text;
    for (++i; i < rows.size() && !TrimBlanks(rows[i]).empty(); ++i) {
      cue_text += (cue_text.empty() ? "" : " ") + std::string(TrimBlanks(rows[i]));
    }
    if (!skip) AddCue(cue_text, timing->start_s, timing->end_s, &alignment);
  }
  return alignment;
}

}  // namespace ytl
