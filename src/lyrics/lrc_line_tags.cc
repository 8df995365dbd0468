#include "lyrics/lrc_line_tags.h"

#include <array>
#include <charconv>

#include "export/timestamp.h"

namespace ytl {
namespace {

// The ID tag keys of the LRC format; any other "[key: value]" is sheet markup.
constexpr std::array<std::string_view, 12> kIdTagKeys = {
    "ar", "ti", "al", "au", "by", "length", "offset", "re", "ve", "tool", "la", "#"};

std::string_view Trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool IsIdTagKey(std::string_view key) {
  for (std::string_view known : kIdTagKeys) {
    if (key.size() != known.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < key.size(); ++i) {
      same &= (key[i] | 0x20) == (known[i] | 0x20);
    }
    if (same) return true;
  }
  return false;
}

std::optional<double> ParseOffsetSeconds(std::string_view value) {
  value = Trim(value);
  if (!value.empty() && value[0] == '+') value.remove_prefix(1);
  long long offset_ms = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), offset_ms);
  if (error != std::errc() || end != value.data() + value.size()) return std::nullopt;
  return static_cast<double>(offset_ms) / 1000.0;
}

// Reads "[key:value]" filling the whole (trimmed) line; false when it is anything else.
bool ReadIdTag(std::string_view line, LrcLineTags* tags) {
  if (line.size() < 4 || line.front() != '[' || line.back() != ']') return false;
  const std::string_view inside = line.substr(1, line.size() - 2);
  const std::size_t colon = inside.find(':');
  if (colon == std::string_view::npos || inside.find(']') != std::string_view::npos) return false;
  if (!IsIdTagKey(Trim(inside.substr(0, colon)))) return false;
  tags->id_tag = true;
  if (Trim(inside.substr(0, colon)) == "offset") {
    tags->offset_s = ParseOffsetSeconds(inside.substr(colon + 1));
  }
  return true;
}

}  // namespace

std::string StripLrcWordTags(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t close = text[i] == '<' ? text.find('>', i) : std::string_view::npos;
    if (close != std::string_view::npos &&
        ParseMinutesSeconds(text.substr(i + 1, close - i - 1)).has_value()) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      i = close + 1;
      while (i < text.size() && text[i] == ' ') ++i;
      continue;
    }
    out += text[i++];
  }
  return std::string(Trim(out));
}

LrcLineTags ReadLrcLineTags(std::string_view line) {
  LrcLineTags tags;
  std::string_view rest = Trim(line);
  if (ReadIdTag(rest, &tags)) return tags;
  while (rest.starts_with('[')) {
    const std::size_t close = rest.find(']');
    if (close == std::string_view::npos) break;
    const auto time_s = ParseMinutesSeconds(rest.substr(1, close - 1));
    if (!time_s) break;
    tags.times_s.push_back(*time_s);
    rest = Trim(rest.substr(close + 1));
  }
  tags.text = StripLrcWordTags(rest);
  return tags;
}

}  // namespace ytl
