// Where the song comes from: a local audio/video file, or an http(s) URL that
// yt-dlp downloads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/progress.h"
#include "core/status.h"
#include "sources/media_info.h"
#include "sources/subprocess.h"

namespace ytl {

// What the user gave as SOURCE, and how to fetch it.
struct SourceRequest {
  // A local file path, or an http(s) URL handed to yt-dlp.
  std::string source;
  // yt-dlp program: a name looked up on PATH, or a path.
  std::string yt_dlp_path = "yt-dlp";
  // Wall-clock limit for one yt-dlp run.
  double yt_dlp_timeout_s = 600;
  // Cap on what yt-dlp may print (stdout + stderr); the info JSON is part of it.
  std::size_t yt_dlp_max_output_bytes = 64u << 20;
  // Existing directory for downloads, owned (created and removed) by the
  // caller. Required for URLs only.
  std::string work_dir;

  // Names the field at fault and the fix.
  Status Validate() const;
};

// A source ready for decoding.
struct ResolvedSource {
  std::string audio_path;    // a local file: the user's, or the download in work_dir
  std::string display_name;  // for logs and titles: "Artist - Track", the title, or the file name
  bool is_url = false;
  std::optional<MediaInfo> info;  // present for URLs when yt-dlp printed its info JSON
};

// True for "http://..." and "https://..." (scheme case-insensitive) with
// something after the scheme.
bool LooksLikeUrl(std::string_view source);

// Local files pass through after an existence check (NotFound; InvalidInput
// for a directory or an unreadable file). URLs are downloaded by yt-dlp run
// through `runner` into request.work_dir, reporting stage "download" on `ctx`
// and stopping on its cancel token. Errors name the input and the next step.
Result<ResolvedSource> ResolveSource(const SourceRequest& request, const ProcessRunner& runner,
                                     const StageContext& ctx);

}  // namespace ytl
