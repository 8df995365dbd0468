#include "lyrics/lyric_sheet_parser.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "lyrics/line_markup.h"
#include "lyrics/lrc_line_tags.h"
#include "lyrics/section_assembler.h"
#include "lyrics/text_normalizer.h"
#include "lyrics/utf8.h"

namespace ytl {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Lines ending in "\n", "\r\n" or "\r"; a final line break adds no line.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find_first_of("\r\n", start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
    if (end + 1 < text.size() && text[end] == '\r' && text[end + 1] == '\n') ++start;
  }
  return lines;
}

void ApplyLine(const LineMarkup& markup, std::string_view language, SectionAssembler* sections) {
  switch (markup.kind) {
    case LineKind::kBlank:
      sections->StartSection("", 1);
      return;
    case LineKind::kSectionTag:
      sections->StartSection(markup.text, markup.repeat_count);
      return;
    case LineKind::kRepeatMarker:
      sections->RepeatSection(markup.repeat_count);
      return;
    case LineKind::kLyric: {
      LyricLine line;
      line.text = markup.text;
      line.words = SplitLyricWords(markup.text, language);
      if (!line.words.empty()) sections->AddLine(line, markup.repeat_count);
      return;
    }
  }
}

// One row of an LRC-timed sheet, before sorting by time.
struct TimedRow {
  double order_s = 0;                  // sort key: its tag, or the tag of the row it follows
  std::optional<double> start_hint_s;  // its own tag, when it has one
  std::string text;                    // sung text; empty for a break ([Chorus], blank, gap)
};

bool HasTimeTags(const std::vector<std::string_view>& lines) {
  return std::any_of(lines.begin(), lines.end(),
                     [](std::string_view line) { return !ReadLrcLineTags(line).times_s.empty(); });
}

// The sung text of a line once its time tags are gone; empty for breaks and repeat markers.
std::string SungText(std::string_view text) {
  const LineMarkup markup = ReadLineMarkup(text);
  return markup.kind == LineKind::kLyric ? markup.text : std::string();
}

// Rows of a sheet with LRC line tags, in time order; [offset:] applied to the hints.
std::vector<TimedRow> ReadTimedRows(const std::vector<std::string_view>& lines) {
  std::vector<TimedRow> rows;
  double offset_s = 0;
  double last_tag_s = 0;
  for (const std::string_view line : lines) {
    LrcLineTags tags = ReadLrcLineTags(line);
    if (tags.id_tag) {
      offset_s = tags.offset_s.value_or(offset_s);
      continue;
    }
    const std::string text = SungText(tags.text);
    for (const double time_s : tags.times_s) rows.push_back({time_s, time_s, text});
    if (!tags.times_s.empty()) {
      last_tag_s = tags.times_s.back();
    } else if (ReadLineMarkup(tags.text).kind != LineKind::kRepeatMarker) {
      rows.push_back({last_tag_s, std::nullopt, text});
    }
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const TimedRow& a, const TimedRow& b) { return a.order_s < b.order_s; });
  for (TimedRow& row : rows) {
    if (row.start_hint_s) row.start_hint_s = std::max(0.0, *row.start_hint_s - offset_s);
  }
  return rows;
}

// Lines of a sheet with LRC line tags: in time order, each tagged line with its start hint, a
// line with several tags once per tag; breaks (blank lines, section tags, empty tagged lines
// that mark instrumental gaps) start sections. Repeat markers are ignored: the tags say when
// each line is sung.
std::vector<LyricLine> TimedLines(const std::vector<std::string_view>& lines,
                                  std::string_view language) {
  std::vector<LyricLine> out;
  int section = 0;
  bool section_has_lines = false;
  for (TimedRow& row : ReadTimedRows(lines)) {
    LyricLine line;
    line.words = SplitLyricWords(row.text, language);
    if (line.words.empty()) {
      if (section_has_lines) ++section;
      section_has_lines = false;
      continue;
    }
    line.text = std::move(row.text);
    line.section = section;
    line.start_hint_s = row.start_hint_s;
    out.push_back(std::move(line));
    section_has_lines = true;
  }
  return out;
}

Status TooLarge(std::string_view name, std::string_view what, std::size_t limit,
                std::string_view field) {
  return Status::ResourceExhausted("lyrics file " + std::string(name) + " " + std::string(what) +
                                   ", more than the " + std::to_string(limit) + " allowed (" +
                                   std::string(field) +
                                   "); trim it to the sung lyrics or raise the limit");
}

}  // namespace

Status ParseOptions::Validate() const {
  const bool letters =
      std::all_of(language.begin(), language.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (language.size() < 2 || language.size() > 3 || !letters) {
    return Status::InvalidInput("ParseOptions::language \"" + language +
                                "\" is not an ISO 639-1 code; give a lower-case code such as "
                                "\"en\", \"fr\", \"es\" or \"de\"");
  }
  if (max_bytes == 0) {
    return Status::InvalidInput(
        "ParseOptions::max_bytes is 0; give the largest sheet size to "
        "accept, in bytes (default 1048576)");
  }
  if (max_lines == 0) {
    return Status::InvalidInput(
        "ParseOptions::max_lines is 0; give the largest number of lines "
        "to accept (default 5000)");
  }
  return Status::Ok();
}

Result<LyricSheet> ParseLyricSheet(std::string_view text, std::string_view source_name,
                                   const ParseOptions& options) {
  YTL_RETURN_IF_ERROR(options.Validate());
  const std::string name = source_name.empty() ? "(unnamed)" : std::string(source_name);
  if (text.size() > options.max_bytes) {
    return TooLarge(name, "is " + std::to_string(text.size()) + " bytes", options.max_bytes,
                    "ParseOptions::max_bytes");
  }
  if (const auto bad_byte = FindInvalidUtf8(text)) {
    return Status::InvalidInput("lyrics file " + name + " is not valid UTF-8 at byte " +
                                std::to_string(*bad_byte) + "; save it as UTF-8");
  }
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  const std::vector<std::string_view> lines = SplitLines(text);
  if (lines.size() > options.max_lines) {
    return TooLarge(name, "has " + std::to_string(lines.size()) + " lines", options.max_lines,
                    "ParseOptions::max_lines");
  }
  LyricSheet sheet;
  sheet.language = options.language;
  SectionAssembler sections(options.max_lines);
  if (HasTimeTags(lines)) {
    sheet.lines = TimedLines(lines, options.language);
  } else {
    for (const std::string_view line : lines) {
      ApplyLine(ReadLineMarkup(line), options.language, &sections);
    }
    sheet.lines = sections.Finish();
  }
  if (sections.over_limit() || sheet.lines.size() > options.max_lines) {
    return TooLarge(name, "expands to more sung lines once repeats like (x2) are applied",
                    options.max_lines, "ParseOptions::max_lines");
  }
  if (sheet.lines.empty()) {
    return Status::InvalidInput(
        "lyrics file " + name +
        " has no words to sing (it is empty or holds only blank lines, [section] tags and "
        "punctuation); give the sung lyrics as plain text, one line per sung line");
  }
  return sheet;
}

}  // namespace ytl
