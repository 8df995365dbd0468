#include "sources/yt_dlp_messages.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

namespace ytl {
namespace {

constexpr std::string_view kCookieAdvice =
    "pass cookies from a signed-in browser by adding --cookies-from-browser BROWSER (or "
    "--cookies FILE) to yt-dlp's config file ~/.config/yt-dlp/config";
constexpr std::size_t kMaxQuotedChars = 300;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t end = text.find_first_of("\r\n");
    std::string_view line = Trim(text.substr(0, end));
    if (!line.empty()) lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

// yt-dlp's last "ERROR:" line, else its last stderr line.
std::string_view LastErrorLine(const std::vector<std::string_view>& lines) {
  auto it = std::find_if(lines.rbegin(), lines.rend(),
                         [](std::string_view l) { return l.starts_with("ERROR:"); });
  if (it != lines.rend()) return *it;
  return lines.empty() ? std::string_view() : lines.back();
}

std::string Quote(std::string_view line) {
  if (line.size() <= kMaxQuotedChars) return std::string(line);
  return std::string(line.substr(0, kMaxQuotedChars)) + "...";
}

bool Contains(std::string_view text, std::string_view what) {
  return text.find(what) != std::string_view::npos;
}

// A yt-dlp failure recognised by text in its error line. The first match wins,
// so more specific entries come first. "{error}" in the advice is replaced by
// the quoted error line.
struct KnownFailure {
  std::vector<std::string_view> needles;
  Status::Code code;
  std::string advice;
};

const std::vector<KnownFailure>& KnownFailures() {
  const std::string cookies(kCookieAdvice);
  static const std::vector<KnownFailure> kFailures = {
      {{"HTTP Error 403"},
       Status::Code::kUnavailable,
       "the site refused the download (HTTP 403); update yt-dlp (yt-dlp -U, or pipx upgrade "
       "yt-dlp) or " +
           cookies},
      {{"HTTP Error 429"},
       Status::Code::kUnavailable,
       "the site is rate-limiting downloads (HTTP 429); wait a while, or " + cookies},
      {{"HTTP Error 404"},
       Status::Code::kNotFound,
       "the site says the page does not exist (HTTP 404); check the URL"},
      {{"Private video"},
       Status::Code::kUnavailable,
       "the video is private; use a public URL, or " + cookies +
           " of an account that may watch it"},
      {{"Sign in to confirm your age", "age-restricted"},
       Status::Code::kUnavailable,
       "the video is age-restricted; " + cookies},
      {{"not a bot"},
       Status::Code::kUnavailable,
       "the site asks to sign in to prove you are not a bot; " + cookies},
      {{"Video unavailable", "This video is unavailable"},
       Status::Code::kNotFound,
       "the video is unavailable (removed, blocked in your country, or never existed); check the "
       "URL or use another upload"},
      {{"Unsupported URL"},
       Status::Code::kInvalidInput,
       "yt-dlp does not support this URL; give a video page URL from a supported site, or a "
       "local file"},
      {{"Unable to download webpage", "Name or service not known",
        "Temporary failure in name resolution"},
       Status::Code::kUnavailable,
       "cannot reach the site ({error}); check your network connection"},
  };
  return kFailures;
}

Status MakeStatus(Status::Code code, std::string message) {
  switch (code) {
    case Status::Code::kNotFound:
      return Status::NotFound(std::move(message));
    case Status::Code::kInvalidInput:
      return Status::InvalidInput(std::move(message));
    default:
      return Status::Unavailable(std::move(message));
  }
}

}  // namespace

std::optional<double> ParseDownloadProgress(std::string_view line) {
  line = Trim(line);
  constexpr std::string_view kTag = "[download]";
  if (!line.starts_with(kTag)) return std::nullopt;
  line = Trim(line.substr(kTag.size()));
  double percent = 0;
  auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), percent);
  if (ec != std::errc() || end == line.data() + line.size() || *end != '%') return std::nullopt;
  return std::clamp(percent / 100.0, 0.0, 1.0);
}

Status YtDlpFailureStatus(const ProcessResult& result, std::string_view url_view) {
  const std::string url(url_view);
  std::string_view error = LastErrorLine(SplitLines(result.stderr_text));
  for (const KnownFailure& known : KnownFailures()) {
    bool matches = std::any_of(known.needles.begin(), known.needles.end(),
                               [&](std::string_view needle) { return Contains(error, needle); });
    if (!matches) continue;
    std::string advice = known.advice;
    std::size_t slot = advice.find("{error}");
    if (slot != std::string::npos) advice.replace(slot, 7, Quote(error));
    return MakeStatus(known.code, url + ": " + advice);
  }
  if (error.empty()) {
    return Status::Unavailable("yt-dlp failed on " + url + " with exit code " +
                               std::to_string(result.exit_code) +
                               " and no message; run it by hand with -v to see why");
  }
  return Status::Unavailable("yt-dlp failed on " + url + " (exit code " +
                             std::to_string(result.exit_code) + "): " + Quote(error) +
                             "; update yt-dlp (yt-dlp -U) or run it by hand with -v");
}

}  // namespace ytl
