#include "sources/song_title.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace ytl {
namespace {

// Words that mark a bracketed group as decoration rather than part of the song name.
constexpr std::array<std::string_view, 27> kNoiseWords = {
    "official", "video",   "audio", "lyric",   "lyrics",      "visualizer", "visualiser",
    "hd",       "hq",      "4k",    "1080p",   "720p",        "remaster",   "remastered",
    "mv",       "m/v",     "feat.", "feat",    "ft.",         "ft",         "explicit",
    "clean",    "version", "live",  "karaoke", "performance", "color coded"};

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool IsNoiseGroup(std::string_view inside) {
  const std::string lower = " " + Lower(inside) + " ";
  for (std::string_view word : kNoiseWords) {
    const std::string needle = std::string(word);
    std::size_t at = lower.find(needle);
    while (at != std::string::npos) {
      const char before = lower[at - 1];
      const char after = at + needle.size() < lower.size() ? lower[at + needle.size()] : ' ';
      if (!std::isalnum(static_cast<unsigned char>(before)) &&
          !std::isalnum(static_cast<unsigned char>(after))) {
        return true;
      }
      at = lower.find(needle, at + 1);
    }
  }
  return false;
}

// Removes "(...)" and "[...]" groups whose content is decoration.
std::string DropNoiseGroups(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const char open = text[i];
    if (open == '(' || open == '[' || open == '{') {
      const char close = open == '(' ? ')' : open == '[' ? ']' : '}';
      const std::size_t end = text.find(close, i + 1);
      if (end != std::string_view::npos && IsNoiseGroup(text.substr(i + 1, end - i - 1))) {
        i = end + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

// Cuts `text` at the first of `markers` (matched case-insensitively as whole words).
std::string CutAtMarker(std::string text, std::initializer_list<std::string_view> markers) {
  const std::string lower = Lower(text);
  std::size_t cut = std::string::npos;
  for (std::string_view marker : markers) {
    const std::size_t at = lower.find(marker);
    if (at != std::string::npos && at > 0) cut = std::min(cut, at);
  }
  if (cut != std::string::npos) text.resize(cut);
  return text;
}

std::string TrimPunctuation(std::string text) {
  auto junk = [](unsigned char c) {
    return std::isspace(c) || c == '-' || c == '|' || c == '"' || c == '\'' || c == ':';
  };
  while (!text.empty() && junk(static_cast<unsigned char>(text.back()))) text.pop_back();
  std::size_t start = 0;
  while (start < text.size() && junk(static_cast<unsigned char>(text[start]))) ++start;
  return text.substr(start);
}

// Finds " - ", " – " or " — " (UTF-8 dashes); returns {position, separator length}.
std::pair<std::size_t, std::size_t> FindDash(std::string_view text) {
  for (std::string_view dash : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    const std::size_t at = text.find(dash);
    if (at != std::string_view::npos) return {at, dash.size()};
  }
  return {std::string_view::npos, 0};
}

bool EndsWithIgnoreCase(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && Lower(text.substr(text.size() - suffix.size())) == suffix;
}

}  // namespace

std::string CleanSongTitle(std::string_view title) {
  std::string text = DropNoiseGroups(title);
  text = CutAtMarker(text, {" | ", " ft. ", " ft ", " feat. ", " feat ", " featuring ",
                            " - official", " - lyrics", " - audio", " - remaster", " m/v"});
  return CollapseSpaces(TrimPunctuation(CollapseSpaces(text)));
}

ArtistTitle SplitArtistTitle(std::string_view video_title) {
  const std::string cleaned = CollapseSpaces(DropNoiseGroups(video_title));
  const auto [dash, length] = FindDash(cleaned);
  if (dash != std::string::npos) {
    return {CleanSongTitle(cleaned.substr(0, dash)), CleanSongTitle(cleaned.substr(dash + length))};
  }
  const std::size_t open_quote = cleaned.find('"');
  const std::size_t close_quote =
      open_quote == std::string::npos ? std::string::npos : cleaned.find('"', open_quote + 1);
  if (open_quote != std::string::npos && open_quote > 0 && close_quote != std::string::npos) {
    return {CleanSongTitle(cleaned.substr(0, open_quote)),
            CleanSongTitle(cleaned.substr(open_quote + 1, close_quote - open_quote - 1))};
  }
  return {"", CleanSongTitle(cleaned)};
}

std::string ArtistFromUploader(std::string_view uploader) {
  std::string name = CollapseSpaces(uploader);
  for (std::string_view suffix : {" - topic", "vevo", " official", " music"}) {
    if (EndsWithIgnoreCase(name, suffix) && name.size() > suffix.size()) {
      name.resize(name.size() - suffix.size());
    }
  }
  return TrimPunctuation(CollapseSpaces(name));
}

}  // namespace ytl
