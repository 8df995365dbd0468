#include "api/job_view.h"

#include <string>

namespace ytl::api {
namespace {

nlohmann::json Links(const Job& job) {
  const std::string base = "/v1/jobs/" + job.id;
  nlohmann::json lyrics = nlohmann::json::object();
  for (const char* format : {"json", "lrc", "elrc", "srt", "vtt", "ass"}) {
    lyrics[format] = base + "/lyrics." + format;
  }
  return {
      {"self", base}, {"events", base + "/events"}, {"audio", base + "/audio"}, {"lyrics", lyrics}};
}

// "lyrics_source" of a stored result, or "" when it has none or is not JSON.
std::string LyricsSourceOfResult(std::string_view result_json) {
  if (result_json.empty()) return "";
  const auto doc = nlohmann::json::parse(result_json, nullptr, false);
  if (!doc.is_object()) return "";
  const auto source = doc.find("lyrics_source");
  return source != doc.end() && source->is_string() ? source->get<std::string>() : "";
}

}  // namespace

nlohmann::json JobToJson(const Job& job, std::string_view result_json) {
  nlohmann::json request = {{"language", job.request.language},
                            {"formats", job.request.formats},
                            {"has_lyrics", job.request.lyrics.has_value()}};
  if (!job.request.url.empty()) request["url"] = job.request.url;
  if (!job.request.upload_id.empty()) request["upload_id"] = job.request.upload_id;
  nlohmann::json out = {{"id", job.id},
                        {"state", JobStateName(job.state)},
                        {"stage", job.stage},
                        {"progress", job.progress},
                        {"stage_timings_s", job.stage_timings_s},
                        {"request", request},
                        {"attempts", job.attempts},
                        {"cancel_requested", job.cancel_requested},
                        {"created_ms", job.created_ms},
                        {"updated_ms", job.updated_ms},
                        {"links", Links(job)}};
  if (job.finished_ms > 0) out["finished_ms"] = job.finished_ms;
  const std::string lyrics_source =
      job.request.lyrics ? std::string("user") : LyricsSourceOfResult(result_json);
  if (!lyrics_source.empty()) out["lyrics_source"] = lyrics_source;
  if (!job.error_code.empty() || !job.error_message.empty()) {
    out["error"] = {{"code", job.error_code}, {"message", job.error_message}};
  }
  return out;
}

}  // namespace ytl::api
