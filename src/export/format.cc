#include "export/format.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "export/ass_writer.h"
#include "export/elrc_writer.h"
#include "export/json_writer.h"
#include "export/lrc_writer.h"
#include "export/srt_writer.h"
#include "export/text_rows.h"
#include "export/vtt_writer.h"

namespace ytl {
namespace {

constexpr std::array<Format, 6> kAllFormats = {Format::kLrc, Format::kElrc, Format::kSrt,
                                               Format::kVtt, Format::kAss,  Format::kJson};

std::string ValidNames() {
  std::string names;
  for (Format format : kAllFormats) {
    names += (names.empty() ? "" : ", ") + std::string(FormatName(format));
  }
  return names;
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

}  // namespace

Result<std::vector<Format>> ParseFormats(std::string_view comma_list) {
  std::vector<Format> formats;
  size_t begin = 0;
  while (begin <= comma_list.size()) {
    const size_t comma = std::min(comma_list.find(',', begin), comma_list.size());
    const std::string name = Lower(TrimBlanks(comma_list.substr(begin, comma - begin)));
    const auto match = std::find_if(kAllFormats.begin(), kAllFormats.end(),
                                    [&](Format format) { return FormatName(format) == name; });
    if (match == kAllFormats.end()) {
      return Status::InvalidInput((name.empty() ? std::string("empty output format")
                                                : "unknown output format \"" + name + "\"") +
                                  " in \"" + std::string(comma_list) +
                                  "\"; valid formats: " + ValidNames() + " (comma-separated)");
    }
    if (std::find(formats.begin(), formats.end(), *match) == formats.end()) {
      formats.push_back(*match);
    }
    begin = comma + 1;
  }
  return formats;
}

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kLrc:
      return "lrc";
    case Format::kElrc:
      return "elrc";
    case Format::kSrt:
      return "srt";
    case Format::kVtt:
      return "vtt";
    case Format::kAss:
      return "ass";
    case Format::kJson:
      return "json";
  }
  return "unknown";
}

std::string_view Extension(Format format) {
  return format == Format::kElrc ? "enhanced.lrc" : FormatName(format);
}

std::string Export(const Alignment& alignment, Format format, const SongInfo& song) {
  switch (format) {
    case Format::kLrc:
      return WriteLrc(alignment, song);
    case Format::kElrc:
      return WriteElrc(alignment, song);
    case Format::kSrt:
      return WriteSrt(alignment);
    case Format::kVtt:
      return WriteVtt(alignment);
    case Format::kAss:
      return WriteAss(alignment, song);
    case Format::kJson:
      return WriteAlignmentJson(alignment);
  }
  return "";
}

}  // namespace ytl
