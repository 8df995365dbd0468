// Downloading a URL's audio with yt-dlp.
#pragma once

#include <string>
#include <vector>

#include "core/progress.h"
#include "core/status.h"
#include "sources/source.h"
#include "sources/subprocess.h"

namespace ytl {

// The yt-dlp argument vector for `request` (argv[0] is request.yt_dlp_path):
// one video, best audio-only format, progress on separate lines, the info JSON
// and the final file path printed on stdout, the file saved as
// <work_dir>/audio.<ext>, and the URL after "--".
std::vector<std::string> YtDlpArgv(const SourceRequest& request);

// Runs yt-dlp for request.source (a URL) and returns the downloaded file.
// Preconditions: request.Validate() is OK and request.work_dir exists.
Result<ResolvedSource> DownloadWithYtDlp(const SourceRequest& request, const ProcessRunner& runner,
                                         const StageContext& ctx);

}  // namespace ytl
