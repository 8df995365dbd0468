// Reads a local audio file's metadata tags (ID3, MP4, Vorbis comments) and declared length,
// without decoding the audio (FFmpeg reads a few packets to estimate the length).
#pragma once

#include <map>
#include <string>

#include "core/status.h"

namespace ytl {

struct FileTags {
  std::map<std::string, std::string> tags;  // lower-case keys; stream values win over container
  double duration_s = 0;                    // as the container declares it; 0 when unknown
};

// InvalidInput naming `path` when FFmpeg cannot open it. Thread-safe; never prints.
Result<FileTags> ReadFileTags(const std::string& path);

}  // namespace ytl
