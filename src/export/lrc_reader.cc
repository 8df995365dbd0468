#include "export/lrc_reader.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "export/text_rows.h"
#include "export/timestamp.h"

namespace ytl {
namespace {

struct ParsedLine {
  double start_s = 0;
  std::optional<double> end_s;  // from a closing word tag
  std::string text;
  std::vector<TimedWord> words;  // `line` and end times filled at the end
};

struct Parse {
  LrcDocument doc;
  double offset_s = 0;
  std::vector<ParsedLine> lines;
};

Status RowError(size_t row, std::string_view what) {
  return Status::InvalidInput("LRC row " + std::to_string(row) + ": " + std::string(what) +
                              "; each row must be \"[mm:ss.xx]text\" or \"[key:value]\"");
}

bool IsIdTag(std::string_view content) {
  const size_t colon = content.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  return std::all_of(content.begin(), content.begin() + colon,
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

Status ApplyIdTag(std::string_view content, size_t row, Parse* parse) {
  const size_t colon = content.find(':');
  const std::string key(content.substr(0, colon));
  const std::string_view value = TrimBlanks(content.substr(colon + 1));
  if (key == "ti") parse->doc.song.title = value;
  if (key == "ar") parse->doc.song.artist = value;
  if (key == "al") parse->doc.song.album = value;
  if (key == "length") {
    if (auto length_s = ParseMinutesSeconds(value)) parse->doc.alignment.duration_s = *length_s;
  }
  if (key == "offset") {
    long long offset_ms = 0;
    const std::string_view digits = value.substr(!value.empty() && value[0] == '+');
    const auto [end, error] = std::from_chars(digits.begin(), digits.end(), offset_ms);
    if (error != std::errc() || end != digits.end()) {
      return RowError(row, "[offset:] must be whole milliseconds such as [offset:-250]");
    }
    parse->offset_s = static_cast<double>(offset_ms) / 1000.0;
  }
  return Status::Ok();
}

// Splits the text after the line tags at each valid "<mm:ss.xx>" word tag.
void ParseWordTags(std::string_view text, ParsedLine* line) {
  std::vector<std::pair<double, std::string>> tokens = {{line->start_s, ""}};
  for (size_t i = 0; i < text.size(); ++i) {
    const size_t close = text[i] == '<' ? text.find('>', i) : std::string_view::npos;
    const auto time = close == std::string_view::npos
                          ? std::nullopt
                          : ParseMinutesSeconds(text.substr(i + 1, close - i - 1));
    if (time) {
      tokens.push_back({*time, ""});
      i = close;
    } else {
      tokens.back().second += text[i];
    }
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view word = TrimBlanks(tokens[i].second);
    if (word.empty()) continue;
    TimedWord timed;
    timed.text = word;
    timed.start_s = tokens[i].first;
    timed.end_s = i + 1 < tokens.size() ? tokens[i + 1].first : -1;  // -1: until the line end
    line->words.push_back(std::move(timed));
  }
  if (tokens.size() > 1 && TrimBlanks(tokens.back().second).empty()) {
    line->end_s = tokens.back().first;
  }
  if (tokens.size() == 1) {
    line->text = TrimBlanks(text);
    line->words.clear();
    return;
  }
  for (const TimedWord& word : line->words) {
    line->text += (line->text.empty() ? "" : " ") + word.text;
  }
}

Status ParseRow(std::string_view row, size_t row_number, Parse* parse) {
  row = TrimBlanks(row);
  if (row.empty()) return Status::Ok();
  if (row[0] != '[') return RowError(row_number, "text without a [mm:ss.xx] time tag before it");
  std::vector<double> times_s;
  while (!row.empty() && row[0] == '[') {
    const size_t close = row.find(']');
    const std::optional<double> time_s = close == std::string_view::npos
                                             ? std::nullopt
                                             : ParseMinutesSeconds(row.substr(1, close - 1));
    // After the time tags, a '[' that opens no time tag is text: "[00:12.00][Chorus] la".
    if (!time_s && !times_s.empty()) break;
    if (close == std::string_view::npos) return RowError(row_number, "a '[' tag is not closed");
    const std::string_view content = row.substr(1, close - 1);
    if (time_s) {
      times_s.push_back(*time_s);
    } else if (IsIdTag(content)) {
      return ApplyIdTag(content, row_number, parse);
    } else {
      return RowError(row_number, "[" + std::string(content) + "] is neither a time nor an ID tag");
    }
    row = TrimBlanks(row.substr(close + 1));
  }
  for (double start_s : times_s) {
    ParsedLine line;
    line.start_s = start_s;
    ParseWordTags(row, &line);
    if (!line.words.empty() && times_s.size() > 1) {
      return RowError(row_number,
                      "word tags need a single line tag, not " + std::to_string(times_s.size()));
    }
    parse->lines.push_back(std::move(line));
  }
  return Status::Ok();
}

double Shift(double time_s, double offset_s) { return std::max(0.0, time_s - offset_s); }

// Sorts the lines, closes open ends and applies [offset:].
void Finish(Parse* parse) {
  std::stable_sort(parse->lines.begin(), parse->lines.end(),
                   [](const ParsedLine& a, const ParsedLine& b) { return a.start_s < b.start_s; });
  Alignment& alignment = parse->doc.alignment;
  for (size_t i = 0; i < parse->lines.size(); ++i) {
    ParsedLine& parsed = parse->lines[i];
    const double next_s = i + 1 < parse->lines.size()
                              ? parse->lines[i + 1].start_s
                              : std::max(parsed.start_s, alignment.duration_s);
    TimedLine line;
    line.text = parsed.text;
    line.start_s = Shift(parsed.start_s, parse->offset_s);
    line.end_s = Shift(parsed.end_s.value_or(next_s), parse->offset_s);
    for (TimedWord& word : parsed.words) {
      word.end_s =
          Shift(word.end_s < 0 ? parsed.end_s.value_or(next_s) : word.end_s, parse->offset_s);
      word.start_s = Shift(word.start_s, parse->offset_s);
      word.line = static_cast<int>(i);
      line.words.push_back(static_cast<int>(alignment.words.size()));
      alignment.words.push_back(std::move(word));
    }
    alignment.lines.push_back(std::move(line));
  }
}

}  // namespace

Result<LrcDocument> ParseLrc(std::string_view text) {
  Parse parse;
  const std::vector<std::string_view> rows = SplitRows(text);
  for (size_t i = 0; i < rows.size(); ++i) YTL_RETURN_IF_ERROR(ParseRow(rows[i], i + 1, &parse));
  Finish(&parse);
  return std::move(parse.doc);
}

}  // namespace ytl
