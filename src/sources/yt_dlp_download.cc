#include "sources/yt_dlp_download.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "sources/yt_dlp_messages.h"

namespace ytl {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kStage = "download";

std::string FormatSeconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

// Maps a failure to run yt-dlp at all (not a yt-dlp error) to advice.
Status RunFailureStatus(const Status& status, const SourceRequest& request) {
  const std::string& program = request.yt_dlp_path;
  switch (status.code()) {
    case Status::Code::kNotFound:
      return Status::Unavailable("yt-dlp not found at '" + program +
                                 "'; install it (apt install yt-dlp, or pipx install yt-dlp for a "
                                 "current one) or pass --yt-dlp PATH");
    case Status::Code::kCancelled:
      return Status::Cancelled("download of " + request.source + " cancelled");
    case Status::Code::kResourceExhausted:
      return Status::ResourceExhausted("yt-dlp printed more than " +
                                       std::to_string(request.yt_dlp_max_output_bytes) +
                                       " bytes while downloading " + request.source +
                                       " and was stopped; check that '" + program + "' is yt-dlp");
    case Status::Code::kUnavailable:
      return Status::Unavailable("cannot run yt-dlp at '" + program + "': " + status.message());
    default:
      return status;
  }
}

// The info JSON and the final file path that yt-dlp printed on stdout.
struct PrintedOutput {
  std::optional<MediaInfo> info;
  std::string file_path;
};

PrintedOutput ReadPrintedOutput(std::string_view text) {
  PrintedOutput out;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.starts_with("{")) {
      Result<MediaInfo> info = ParseMediaInfoJson(line);
      if (info.ok()) out.info = std::move(info).value();
    } else if (!line.empty() && !line.starts_with("[")) {
      out.file_path = std::string(line);
    }
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

bool IsLeftover(const std::string& name) {
  for (std::string_view suffix : {".part", ".ytdl", ".json", ".temp", ".jpg", ".webp", ".png"}) {
    if (name.ends_with(suffix)) return true;
  }
  return false;
}

// The printed path when it exists, else the first audio.* file in work_dir.
Result<std::string> FindDownloadedFile(const std::string& printed, const SourceRequest& request) {
  std::error_code ec;
  if (!printed.empty() && fs::is_regular_file(printed, ec)) return printed;
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(request.work_dir, ec)) {
    std::string name = entry.path().filename().string();
    if (entry.is_regular_file(ec) && name.starts_with("audio.") && !IsLeftover(name)) {
      found.push_back(entry.path().string());
    }
  }
  if (found.empty()) {
    return Status::Unavailable("yt-dlp finished on " + request.source +
                               " but left no audio file in " + request.work_dir +
                               "; run yt-dlp by hand on the URL to see what it saves");
  }
  std::sort(found.begin(), found.end());
  return found.front();
}

}  // namespace

std::vector<std::string> YtDlpArgv(const SourceRequest& request) {
  return {
      request.yt_dlp_path, "--no-playlist",  "--format",    "bestaudio/best", "--newline",
      "--progress",        "--no-simulate",  "--dump-json", "--print",        "after_move:filepath",
      "--paths",           request.work_dir, "--output",    "audio.%(ext)s",  "--",
      request.source};
}

Result<ResolvedSource> DownloadWithYtDlp(const SourceRequest& request, const ProcessRunner& runner,
                                         const StageContext& ctx) {
  double reported = -1;
  auto on_line = [&](std::string_view line) {
    std::optional<double> fraction = ParseDownloadProgress(line);
    if (fraction && *fraction > reported) {
      reported = *fraction;
      ctx.Report(kStage, *fraction);
    }
  };
  RunOptions options;
  options.timeout_s = request.yt_dlp_timeout_s;
  options.max_output_bytes = request.yt_dlp_max_output_bytes;
  options.cancel = ctx.cancel;
  options.on_stderr_line = on_line;
  options.on_stdout_line = on_line;

  ctx.Report(kStage, 0);
  Result<ProcessResult> run = runner.Run(YtDlpArgv(request), options);
  if (!run.ok()) return RunFailureStatus(run.status(), request);
  if (run->timed_out) {
    return Status::DeadlineExceeded("yt-dlp did not finish downloading " + request.source +
                                    " within the " + FormatSeconds(request.yt_dlp_timeout_s) +
                                    " s limit; check your network, or raise the yt-dlp time limit");
  }
  if (run->exit_code != 0) return YtDlpFailureStatus(*run, request.source);

  PrintedOutput printed = ReadPrintedOutput(run->stdout_text);
  Result<std::string> path = FindDownloadedFile(printed.file_path, request);
  if (!path.ok()) return path.status();
  if (reported < 1) ctx.Report(kStage, 1);

  ResolvedSource resolved;
  resolved.audio_path = std::move(path).value();
  resolved.is_url = true;
  resolved.info = std::move(printed.info);
  if (resolved.info) resolved.display_name = resolved.info->DisplayName();
  if (resolved.display_name.empty()) resolved.display_name = request.source;
  return resolved;
}

}  // namespace ytl
