// `yt-lyrics models list | pull NAME | verify`: the Whisper models the whisper recognizer loads.
#pragma once

#include <string>

#include "core/progress.h"

namespace ytl::cli {

struct ModelsOptions {
  std::string action;      // "list", "pull" or "verify"
  std::string name;        // pull: a catalog name such as "base.en"
  std::string models_dir;  // where models live; empty: DefaultModelsDir()
  std::string base_url = "https://huggingface.co/ggerganov/whisper.cpp/resolve/main";
  bool quiet = false;  // no progress bar
};

// $XDG_DATA_HOME/yt-lyrics/models, else ~/.local/share/yt-lyrics/models, else ./models.
std::string DefaultModelsDir();

// Runs the command and returns the process exit code; errors go to stderr, listings to stdout.
int RunModels(const ModelsOptions& options, const CancelToken& cancel);

}  // namespace ytl::cli
