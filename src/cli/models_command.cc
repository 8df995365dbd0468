#include "cli/models_command.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/exit_codes.h"
#include "cli/progress_bar.h"
#include "models/model_store.h"

namespace ytl::cli {
namespace {

int Fail(const Status& status) {
  std::cerr << "yt-lyrics: " << status.message() << "\n";
  return ExitCodeFor(status);
}

int List(const models::ModelStoreConfig& config) {
  std::printf("%-14s %9s  %-24s %-40s %s\n", "NAME", "SIZE", "FILE", "SHA-1 (published)",
              "INSTALLED");
  for (const models::ModelEntry& entry : models::OfficialModels()) {
    std::error_code error;
    const bool present = std::filesystem::is_regular_file(
        std::filesystem::path(config.models_dir) / entry.file, error);
    std::printf("%-14s %5lld MiB  %-24s %-40s %s\n", entry.name.c_str(),
                static_cast<long long>(entry.approx_mib), entry.file.c_str(), entry.sha1.c_str(),
                present ? "yes" : "");
  }
  std::printf("models folder: %s\n", config.models_dir.c_str());
  return kExitOk;
}

int Pull(const ModelsOptions& options, const models::ModelStoreConfig& config,
         const CancelToken& cancel) {
  const models::ModelEntry* model = models::FindModel(options.name);
  if (model == nullptr) {
    return Fail(Status::NotFound("no Whisper model named \"" + options.name +
                                 "\"; `yt-lyrics models list` shows the names"));
  }
  ProgressBar bar(stderr, isatty(STDERR_FILENO) != 0);
  NullProgress silent;
  ProgressSink& sink = options.quiet ? static_cast<ProgressSink&>(silent) : bar;
  const std::string stage = "download " + model->name;
  net::HttpClient http;
  auto path = models::PullModel(
      *model, config, http,
      [&](std::int64_t done, std::int64_t total) {
        if (total > 0) sink.OnProgress(stage, static_cast<double>(done) / total);
      },
      &cancel);
  bar.Finish();
  if (!path.ok()) return Fail(path.status());
  std::cout << *path << "\n";
  if (!options.quiet) {
    std::cerr << "SHA-1 verified; use it with: yt-lyrics sync SOURCE --recognizer whisper --model "
              << *path << "\n";
  }
  return kExitOk;
}

int Verify(const models::ModelStoreConfig& config) {
  auto checks = models::VerifyModels(models::OfficialModels(), config);
  if (!checks.ok()) return Fail(checks.status());
  int present = 0, bad = 0;
  for (const models::ModelCheck& check : *checks) {
    if (!check.present) continue;
    ++present;
    bad += check.checksum_ok ? 0 : 1;
    std::cout << (check.checksum_ok ? "ok       " : "MISMATCH ") << check.path;
    if (!check.checksum_ok)
      std::cout << " (SHA-1 " << check.sha1 << ", expected " << check.model.sha1 << ")";
    std::cout << "\n";
  }
  if (present == 0) std::cout << "no models in " << config.models_dir << "\n";
  if (bad > 0) {
    return Fail(Status::InvalidInput(std::to_string(bad) +
                                     " model file(s) do not match their published SHA-1; "
                                     "delete them and run `yt-lyrics models pull NAME` again"));
  }
  return kExitOk;
}

}  // namespace

std::string DefaultModelsDir() {
  if (const char* data = std::getenv("XDG_DATA_HOME"); data != nullptr && *data != '\0') {
    return std::string(data) + "/yt-lyrics/models";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.local/share/yt-lyrics/models";
  }
  return "models";
}

int RunModels(const ModelsOptions& options, const CancelToken& cancel) {
  models::ModelStoreConfig config;
  config.models_dir = options.models_dir.empty() ? DefaultModelsDir() : options.models_dir;
  config.base_url = options.base_url;
  if (Status valid = config.Validate(); !valid.ok()) return Fail(valid);
  if (options.action == "list") return List(config);
  if (options.action == "pull") return Pull(options, config, cancel);
  if (options.action == "verify") return Verify(config);
  return Fail(Status::InvalidInput("unknown models action \"" + options.action +
                                   "\"; use list, pull NAME or verify"));
}

}  // namespace ytl::cli
