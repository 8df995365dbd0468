// The official whisper.cpp ggml models: names, files, sizes and published checksums.
//
// Source: whisper.cpp models/README.md ("Available models", commit 06b3eb05), which publishes
// each file's SHA-1 and a rounded size; the files are served from Hugging Face
// (huggingface.co/ggerganov/whisper.cpp/resolve/main/<file>). No SHA-256 is published there, so
// downloads are checked against the published SHA-1.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ytl::models {

struct ModelEntry {
  std::string name;             // as `yt-lyrics models pull` takes it: "base.en"
  std::string file;             // the file on the server and on disk: "ggml-base.en.bin"
  std::int64_t approx_mib = 0;  // published size, rounded (MiB)
  std::string sha1;             // published SHA-1 of the file, lower-case hex
  bool english_only = false;    // ".en" models
};

// The catalog, smallest first.
const std::vector<ModelEntry>& OfficialModels();

// The entry named `name` ("base.en", or its file name "ggml-base.en.bin"); nullptr if none.
const ModelEntry* FindModel(std::string_view name);

}  // namespace ytl::models
