// Reading yt-dlp's console output: progress lines and error messages.
#pragma once

#include <optional>
#include <string_view>

#include "core/status.h"
#include "sources/subprocess.h"

namespace ytl {

// The fraction in [0, 1] from a "[download]  42.3% of ..." line; nullopt for
// any other line.
std::optional<double> ParseDownloadProgress(std::string_view line);

// Turns a failed yt-dlp run (non-zero exit) on `url` into a Status with a
// clear message: known failures (HTTP 403/404/429, unavailable, private,
// age-restricted, bot check, unsupported URL, network) get their own code and
// advice; anything else quotes yt-dlp's last ERROR line.
Status YtDlpFailureStatus(const ProcessResult& result, std::string_view url);

}  // namespace ytl
