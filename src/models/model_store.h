// Whisper models on disk: download (resumable, checksum-verified) and verification.
#pragma once

#include <string>
#include <vector>

#include "core/progress.h"
#include "core/status.h"
#include "models/model_catalog.h"
#include "net/http_client.h"

namespace ytl::models {

struct ModelStoreConfig {
  // Where models live; created by PullModel when missing.
  std::string models_dir;
  // The server folder holding the model files (no trailing slash needed).
  std::string base_url = "https://huggingface.co/ggerganov/whisper.cpp/resolve/main";
  // A download that receives nothing for this long stops (and resumes on the next pull).
  double idle_timeout_s = 60;

  // InvalidInput naming the field and the fix.
  Status Validate() const;
};

// Lower-case hex SHA-1 of a file's content, read in chunks; NotFound naming a missing file.
Result<std::string> Sha1OfFile(const std::string& path);

// Downloads `model` into config.models_dir: into "<file>.part" first, resuming it when a previous
// pull was interrupted, then checks its SHA-1 and renames it to <file>. A checksum mismatch
// deletes the download and fails with InvalidInput naming both sums. Returns the model's path.
// `on_progress` gets bytes so far and the total (-1 unknown); Cancelled when `cancel` fires (the
// .part file stays, to resume).
Result<std::string> PullModel(const ModelEntry& model, const ModelStoreConfig& config,
                              const net::HttpClient& http, const net::ProgressCallback& on_progress,
                              const CancelToken* cancel);

struct ModelCheck {
  ModelEntry model;
  std::string path;
  bool present = false;
  bool checksum_ok = false;  // only meaningful when present
  std::string sha1;          // what the file hashes to (when present)
};

// Checks every catalog model found in config.models_dir against its published SHA-1.
Result<std::vector<ModelCheck>> VerifyModels(const std::vector<ModelEntry>& catalog,
                                             const ModelStoreConfig& config);

}  // namespace ytl::models
