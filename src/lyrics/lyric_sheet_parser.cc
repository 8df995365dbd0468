#include "lyrics/lyric_sheet_parser.h"

#include <algorithm>
#include <vector>

#include "lyrics/line_markup.h"
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
  SectionAssembler sections(options.max_lines);
  for (const std::string_view line : lines) {
    ApplyLine(ReadLineMarkup(line), options.language, &sections);
  }
  LyricSheet sheet;
  sheet.language = options.language;
  sheet.lines = sections.Finish();
  if (sections.over_limit()) {
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
