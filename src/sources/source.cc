#include "sources/source.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "sources/yt_dlp_download.h"

namespace ytl {
namespace {

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

Result<ResolvedSource> ResolveLocalFile(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return Status::NotFound(path + ": no such file; check the path, or give an http(s) URL");
  }
  if (S_ISDIR(st.st_mode)) {
    return Status::InvalidInput(path + ": is a directory; give an audio or video file inside it");
  }
  if (::access(path.c_str(), R_OK) != 0) {
    return Status::InvalidInput(path +
                                ": cannot be read (permission denied); check its permissions");
  }
  ResolvedSource resolved;
  resolved.audio_path = path;
  resolved.display_name = std::filesystem::path(path).filename().string();
  resolved.is_url = false;
  return resolved;
}

}  // namespace

bool LooksLikeUrl(std::string_view source) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (StartsWithNoCase(source, scheme) && source.size() > scheme.size()) return true;
  }
  return false;
}

Status SourceRequest::Validate() const {
  if (source.empty()) {
    return Status::InvalidInput("no source given; pass an audio/video file or an http(s) URL");
  }
  if (!LooksLikeUrl(source)) return Status::Ok();
  if (yt_dlp_path.empty()) {
    return Status::InvalidInput("SourceRequest.yt_dlp_path is empty; pass --yt-dlp PATH");
  }
  if (!std::isfinite(yt_dlp_timeout_s) || yt_dlp_timeout_s <= 0) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", yt_dlp_timeout_s);
    return Status::InvalidInput(std::string("SourceRequest.yt_dlp_timeout_s must be > 0, got ") +
                                buf);
  }
  if (yt_dlp_max_output_bytes == 0) {
    return Status::InvalidInput("SourceRequest.yt_dlp_max_output_bytes must be > 0");
  }
  struct stat st {};
  if (work_dir.empty() || ::stat(work_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return Status::InvalidInput("SourceRequest.work_dir '" + work_dir +
                                "' is not an existing directory; create a temporary directory "
                                "for downloads first");
  }
  return Status::Ok();
}

Result<ResolvedSource> ResolveSource(const SourceRequest& request, const ProcessRunner& runner,
                                     const StageContext& ctx) {
  YTL_RETURN_IF_ERROR(request.Validate());
  if (!LooksLikeUrl(request.source)) return ResolveLocalFile(request.source);
  return DownloadWithYtDlp(request, runner, ctx);
}

}  // namespace ytl
