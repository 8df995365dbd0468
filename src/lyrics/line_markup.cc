#include "lyrics/line_markup.h"

#include <algorithm>
#include <cctype>

#include "lyrics/text_normalizer.h"
#include "lyrics/utf8.h"

namespace ytl {
namespace {

constexpr std::string_view kTimesSign = "\xC3\x97";  // U+00D7 "×"

std::string_view TrimSpaces(std::string_view text) {
  std::size_t first = text.size(), last = 0, pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    if (IsSpaceCodePoint(DecodeUtf8At(text, &pos))) continue;
    first = std::min(first, start);
    last = pos;
  }
  return first < last ? text.substr(first, last - first) : std::string_view();
}

// Trims and turns every run of spaces into one ASCII space.
std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    if (IsSpaceCodePoint(DecodeUtf8At(text, &pos))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(text.substr(start, pos - start));
  }
  return out;
}

bool StartsWithTimes(std::string_view* text) {
  if (!text->empty() && (text->front() == 'x' || text->front() == 'X')) {
    text->remove_prefix(1);
    return true;
  }
  if (text->starts_with(kTimesSign)) {
    text->remove_prefix(kTimesSign.size());
    return true;
  }
  return false;
}

std::optional<int> ParseCount(std::string_view digits) {
  if (digits.empty() || digits.size() > 2) return std::nullopt;
  int count = 0;
  for (const char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    count = count * 10 + (c - '0');
  }
  return count >= 1 ? std::optional<int>(count) : std::nullopt;
}

// "x2", "×2", "2x", "x 2" (the latter only when `allow_spaces`).
std::optional<int> ParseBareMarker(std::string_view text, bool allow_spaces) {
  std::string compact;
  for (const char c : text) {
    if (c == ' ' && !allow_spaces) return std::nullopt;
    if (c != ' ') compact.push_back(c);
  }
  std::string_view rest = compact;
  if (StartsWithTimes(&rest)) return ParseCount(rest);
  std::size_t digits = 0;
  while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
  std::string_view suffix = rest.substr(digits);
  if (!StartsWithTimes(&suffix) || !suffix.empty()) return std::nullopt;
  return ParseCount(rest.substr(0, digits));
}

// Splits a trailing repeat marker off `*text`; returns its count or 1.
int TakeTrailingMarker(std::string_view* text) {
  const std::string_view line = TrimSpaces(*text);
  std::size_t marker_start = std::string_view::npos;
  if (line.ends_with(')'))
    marker_start = line.rfind('(');
  else if (line.ends_with(']'))
    marker_start = line.rfind('[');
  else
    marker_start = line.find_last_of(" \t") + 1;  // npos + 1 == 0: the whole line
  if (marker_start == std::string_view::npos) return 1;
  const std::optional<int> count = ParseRepeatMarker(line.substr(marker_start));
  if (!count) return 1;
  *text = TrimSpaces(line.substr(0, marker_start));
  return *count;
}

// Lyric text without [bracketed notes]; an unclosed "[" runs to the end.
std::string RemoveNotes(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find('[', pos);
    out.append(text.substr(pos, open == std::string_view::npos ? open : open - pos));
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find(']', open);
    if (close == std::string_view::npos) break;
    out.push_back(' ');
    pos = close + 1;
  }
  return CollapseSpaces(out);
}

bool IsOneTag(std::string_view text) {
  return text.size() >= 2 && text.front() == '[' && text.back() == ']' &&
         text.find_first_of("[]", 1) == text.size() - 1;
}

}  // namespace

std::optional<int> ParseRepeatMarker(std::string_view text) {
  text = TrimSpaces(text);
  const bool bracketed = text.size() >= 2 && ((text.front() == '(' && text.back() == ')') ||
                                              (text.front() == '[' && text.back() == ']'));
  if (!bracketed) return ParseBareMarker(text, false);
  std::string inner = ToLowerUtf8(TrimSpaces(text.substr(1, text.size() - 2)));
  constexpr std::string_view kRepeat = "repeat";
  if (!inner.starts_with(kRepeat)) return ParseBareMarker(inner, true);
  const std::string_view count = TrimSpaces(std::string_view(inner).substr(kRepeat.size()));
  if (count.empty()) return 2;  // "(repeat)": once more
  return ParseBareMarker(count, true);
}

LineMarkup ReadLineMarkup(std::string_view line) {
  std::string_view text = TrimSpaces(line);
  if (text.empty()) return {};
  if (const std::optional<int> count = ParseRepeatMarker(text)) {
    return {LineKind::kRepeatMarker, "", *count};
  }
  int repeat_count = TakeTrailingMarker(&text);
  if (!IsOneTag(text)) return {LineKind::kLyric, RemoveNotes(text), repeat_count};
  std::string_view label = text.substr(1, text.size() - 2);
  repeat_count *= TakeTrailingMarker(&label);
  label = label.substr(0, label.find(':'));
  return {LineKind::kSectionTag, ToLowerUtf8(CollapseSpaces(label)), repeat_count};
}

}  // namespace ytl
