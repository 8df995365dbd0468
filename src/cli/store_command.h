// `yt-lyrics store migrate | status`: apply the job store's schema
// migrations, or show its schema version, jobs and leases.
#pragma once

#include <string>

namespace ytl::cli {

struct StoreCommandOptions {
  std::string action;  // "migrate" or "status"
  std::string store;   // sqlite:DIR or postgres://... (YT_LYRICS_STORE)
};

// Prints one JSON object to stdout; returns the exit code.
int RunStoreCommand(const StoreCommandOptions& options);

}  // namespace ytl::cli
