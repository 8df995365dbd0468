#include "api/submission.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "core/content_hash.h"
#include "export/format.h"
#include "http/json_depth.h"
#include "http/multipart.h"
#include "lyrics/utf8.h"

namespace ytl::api {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

SubmissionError Bad(std::string message) { return {400, Status::InvalidInput(std::move(message))}; }

// Checks a comma-separated format list and stores the names.
std::optional<SubmissionError> SetFormats(std::string_view list, JobRequest* request) {
  if (list.empty()) return std::nullopt;
  auto formats = ParseFormats(list);
  if (!formats.ok()) return SubmissionError{400, formats.status()};
  for (Format format : *formats) request->formats.emplace_back(FormatName(format));
  return std::nullopt;
}

std::optional<SubmissionError> CheckCommon(const Submission& s, const ApiConfig& config) {
  const JobRequest& r = s.request;
  if (r.lyrics && r.lyrics->size() > config.max_lyrics_bytes) {
    return SubmissionError{
        413, Status::ResourceExhausted("lyrics are " + std::to_string(r.lyrics->size()) +
                                       " bytes; the limit is " +
                                       std::to_string(config.max_lyrics_bytes) + "; shorten them")};
  }
  // JSON strings are UTF-8 by the parser's check; form fields are raw bytes, and the dedup key
  // and the store write them as JSON (found by fuzz/job_submission_fuzzer: a crash).
  const std::pair<const char*, std::string_view> fields[] = {
      {"url", r.url},
      {"upload_id", r.upload_id},
      {"language", r.language},
      {"lyrics", r.lyrics ? std::string_view(*r.lyrics) : std::string_view()}};
  for (const auto& [field, text] : fields) {
    if (auto at = FindInvalidUtf8(text)) {
      return Bad(std::string("field \"") + field + "\" is not valid UTF-8 at byte " +
                 std::to_string(*at) + "; send it as UTF-8 text");
    }
  }
  const int sources = !r.url.empty() + !r.upload_id.empty() + s.audio.has_value();
  if (sources != 1) {
    return Bad("give exactly one of \"url\", \"upload_id\" or an \"audio\" file (got " +
               std::to_string(sources) + ")");
  }
  if (r.language.empty() || r.language.size() > 16) {
    return Bad("\"language\" must be an ISO 639-1 code such as \"en\"");
  }
  return std::nullopt;
}

// A job request is one object holding at most one array ("formats"): anything nested deeper is
// refused before the parser builds it.
constexpr std::size_t kMaxJsonDepth = 8;

// The largest JSON body: the lyrics limit with every byte escaped ("\u00XX"), plus room for the
// other fields.
std::size_t MaxJsonBodyBytes(const ApiConfig& config) {
  return config.max_lyrics_bytes * 6 + (64u << 10);
}

std::optional<SubmissionError> ParseJson(std::string_view body, const ApiConfig& config,
                                         Submission* out) {
  if (body.size() > MaxJsonBodyBytes(config)) {
    return SubmissionError{
        413, Status::ResourceExhausted("the JSON body is " + std::to_string(body.size()) +
                                       " bytes; the limit is " +
                                       std::to_string(MaxJsonBodyBytes(config)) +
                                       " (set by the lyrics limit); shorten the lyrics")};
  }
  if (http::JsonNestingDepth(body, kMaxJsonDepth) > kMaxJsonDepth) {
    return Bad("the JSON body nests arrays or objects more than " + std::to_string(kMaxJsonDepth) +
               " levels deep; send one flat object such as {\"url\": ..., \"formats\": [...]}");
  }
  nlohmann::json json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return Bad("the body is not a JSON object; send {\"url\": ...} or {\"upload_id\": ...}");
  }
  JobRequest& r = out->request;
  for (const auto& [key, value] : json.items()) {
    if (key == "formats") {
      std::string list;
      if (value.is_array()) {
        for (const auto& item : value) {
          if (!item.is_string()) return Bad("\"formats\" must hold strings such as \"lrc\"");
          list += (list.empty() ? "" : ",") + item.get<std::string>();
        }
      } else if (value.is_string()) {
        list = value.get<std::string>();
      } else {
        return Bad("\"formats\" must be an array of names such as [\"lrc\", \"srt\"]");
      }
      if (auto error = SetFormats(list, &r)) return error;
      continue;
    }
    if (!value.is_string() && !(key == "lyrics" && value.is_null())) {
      return Bad("field \"" + key + "\" must be a string");
    }
    if (key == "url") {
      r.url = value.get<std::string>();
    } else if (key == "upload_id") {
      r.upload_id = value.get<std::string>();
    } else if (key == "lyrics") {
      if (value.is_string()) r.lyrics = value.get<std::string>();
    } else if (key == "language") {
      r.language = value.get<std::string>();
    } else {
      return Bad("unknown field \"" + key +
                 "\"; the fields are url, upload_id, lyrics, language, formats");
    }
  }
  return std::nullopt;
}

std::optional<SubmissionError> ParseForm(std::string_view content_type, std::string_view body,
                                         const ApiConfig& config, Submission* out) {
  http::MultipartLimits limits;
  limits.max_part_bytes = config.max_upload_bytes;
  auto parts = http::ParseMultipart(content_type, body, limits);
  if (!parts.ok()) {
    const bool too_big = parts.status().code() == Status::Code::kResourceExhausted;
    return SubmissionError{too_big ? 413 : 400, parts.status()};
  }
  JobRequest& r = out->request;
  for (const http::MultipartPart& part : *parts) {
    if (part.name == "audio") {
      out->audio = part.data;
      out->audio_filename = part.filename.value_or("audio");
    } else if (part.name == "lyrics") {
      if (!part.data.empty()) r.lyrics = std::string(part.data);
    } else if (part.name == "language") {
      r.language = std::string(part.data);
    } else if (part.name == "url") {
      r.url = std::string(part.data);
    } else if (part.name == "upload_id") {
      r.upload_id = std::string(part.data);
    } else if (part.name == "formats") {
      if (auto error = SetFormats(part.data, &r)) return error;
    } else {
      return Bad("unknown form field \"" + part.name +
                 "\"; the fields are audio, url, upload_id, lyrics, language, formats");
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<SubmissionError> ParseSubmission(const http::Request& request,
                                               const ApiConfig& config, Submission* out) {
  const std::string type = Lower(request.Header("Content-Type").value_or(""));
  std::optional<SubmissionError> error;
  if (type.starts_with("application/json")) {
    error = ParseJson(request.body, config, out);
  } else if (type.starts_with("multipart/form-data")) {
    error = ParseForm(request.Header("Content-Type").value_or(""), request.body, config, out);
  } else {
    return SubmissionError{415, Status::InvalidInput("Content-Type '" + type +
                                                     "' is not supported; send application/json or "
                                                     "multipart/form-data")};
  }
  if (error) return error;
  if (out->audio && out->audio->size() > config.max_upload_bytes) {
    return SubmissionError{
        413, Status::ResourceExhausted("the upload is " + std::to_string(out->audio->size()) +
                                       " bytes; the limit is " +
                                       std::to_string(config.max_upload_bytes))};
  }
  return CheckCommon(*out, config);
}

std::string CanonicalSongUrl(std::string_view url) {
  std::string text(url.substr(0, url.find('#')));
  const auto scheme_end = text.find("://");
  if (scheme_end == std::string::npos) return text;
  const auto host_end = text.find_first_of("/?", scheme_end + 3);
  const std::string host = Lower(text.substr(scheme_end + 3, host_end - scheme_end - 3));
  const std::string tail = host_end == std::string::npos ? "" : text.substr(host_end);
  if (host.find("youtube.com") != std::string::npos) {
    const auto v = tail.find("v=");
    if (v != std::string::npos && (tail[v - 1] == '?' || tail[v - 1] == '&')) {
      return "youtube:" + tail.substr(v + 2, tail.find('&', v) - v - 2);
    }
  }
  if (host == "youtu.be" && tail.size() > 1) {
    return "youtube:" + tail.substr(1, tail.find_first_of("?/", 1) - 1);
  }
  return Lower(text.substr(0, scheme_end)) + "://" + host + tail;
}

std::string DedupKey(const JobRequest& request) {
  const std::string source = request.upload_id.empty() ? "url:" + CanonicalSongUrl(request.url)
                                                       : "upload:" + request.upload_id;
  nlohmann::json identity = {{"source", source},
                             {"lyrics", request.lyrics ? nlohmann::json(*request.lyrics) : nullptr},
                             {"language", request.language}};
  return Sha256Hex(identity.dump());
}

}  // namespace ytl::api
