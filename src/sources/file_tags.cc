#include "sources/file_tags.h"

#include <algorithm>
#include <cctype>

#include "audio/ffmpeg_handles.h"

namespace ytl {
namespace {

void AddTags(const AVDictionary* dict, std::map<std::string, std::string>* tags) {
  const AVDictionaryEntry* entry = nullptr;
  while ((entry = av_dict_get(dict, "", entry, AV_DICT_IGNORE_SUFFIX)) != nullptr) {
    std::string key = entry->key;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    (*tags)[key] = entry->value;
  }
}

}  // namespace

Result<FileTags> ReadFileTags(const std::string& path) {
  AVFormatContext* raw = nullptr;
  if (avformat_open_input(&raw, path.c_str(), nullptr, nullptr) < 0) {
    return Status::InvalidInput("cannot read the tags of " + path +
                                ": FFmpeg does not recognise it as audio; give an audio file");
  }
  ffmpeg::FormatContextPtr format(raw);
  // The container's header rarely states the length (MP3 does not): FFmpeg estimates it here.
  // A failure only costs the duration.
  (void)avformat_find_stream_info(format.get(), nullptr);
  FileTags out;
  AddTags(format->metadata, &out.tags);
  for (unsigned i = 0; i < format->nb_streams; ++i) {
    if (format->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_AUDIO) {
      AddTags(format->streams[i]->metadata, &out.tags);
      break;
    }
  }
  if (format->duration != AV_NOPTS_VALUE && format->duration > 0) {
    out.duration_s = static_cast<double>(format->duration) / AV_TIME_BASE;
  }
  return out;
}

}  // namespace ytl
