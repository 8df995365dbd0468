// The exit codes of the yt-lyrics command (documented in README.md).
#pragma once

#include "core/status.h"

namespace ytl::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitInternal = 1,      // a bug or an unexpected library failure
  kExitUsage = 2,         // bad command line
  kExitInvalidInput = 3,  // unreadable audio, bad lyrics
  kExitNotFound = 4,      // a file or URL that does not exist
  kExitUnavailable = 5,   // yt-dlp or an engine missing or failing
  kExitLimit = 6,         // a configured limit was hit (duration, size, time)
  kExitCancelled = 130,   // Ctrl-C (128 + SIGINT)
};

// Maps a Status to the exit code the README documents.
int ExitCodeFor(const Status& status);

}  // namespace ytl::cli
