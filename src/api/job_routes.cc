#include "api/job_routes.h"

#include <charconv>
#include <fstream>

#include "api/api_key_check.h"
#include "api/audio_sniff.h"
#include "api/job_view.h"
#include "export/format.h"
#include "export/json_reader.h"
#include "jobs/job_audio.h"

namespace ytl::api {
namespace {

using http::Request;
using http::Response;

Response NotFoundJob(std::string_view id) {
  return Response::Error(404, "not_found",
                         "no job has id '" + std::string(id) + "'; list jobs with GET /v1/jobs");
}

std::optional<std::int64_t> ParseInt(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string_view ContentTypeFor(Format format) {
  switch (format) {
    case Format::kJson:
      return "application/json; charset=utf-8";
    case Format::kSrt:
      return "application/x-subrip; charset=utf-8";
    case Format::kVtt:
      return "text/vtt; charset=utf-8";
    default:
      return "text/plain; charset=utf-8";
  }
}

}  // namespace

JobRoutes::JobRoutes(JobStore& store, const ApiConfig& config, ServiceState& state,
                     EventRelay& relay, const HostResolver* resolver)
    : store_(store),
      config_(config),
      state_(state),
      relay_(relay),
      quota_(store, config.max_active_jobs_per_client),
      system_resolver_(resolver == nullptr ? MakeSystemHostResolver() : nullptr),
      url_checks_(std::make_unique<UrlCheckPool>(resolver ? *resolver : *system_resolver_,
                                                 config.url_resolver_threads,
                                                 config.url_resolve_timeout_s)) {}

Status JobRoutes::Register(http::Router& router,
                           std::vector<std::pair<std::string, std::string>>* registered) {
  using Method = Response (JobRoutes::*)(const Request&);
  const std::pair<std::pair<const char*, const char*>, Method> routes[] = {
      {{"POST", "/v1/jobs"}, &JobRoutes::Submit},
      {{"GET", "/v1/jobs"}, &JobRoutes::List},
      {{"GET", "/v1/jobs/{id}"}, &JobRoutes::Get},
      {{"DELETE", "/v1/jobs/{id}"}, &JobRoutes::Cancel},
      {{"GET", "/v1/jobs/{id}/events"}, &JobRoutes::Events},
      {{"GET", "/v1/jobs/{id}/lyrics.{format}"}, &JobRoutes::Lyrics},
      {{"GET", "/v1/jobs/{id}/audio"}, &JobRoutes::Audio},
      {{"POST", "/v1/uploads"}, &JobRoutes::Upload},
  };
  for (const auto& [route, method] : routes) {
    // An init-capture: clang before 16 cannot capture a structured binding by name.
    auto handler = [this, handle = method](const Request& request) {
      if (auto refused = CheckApiKey(request, config_.api_keys)) return *refused;
      return (this->*handle)(request);
    };
    YTL_RETURN_IF_ERROR(router.Add(route.first, route.second, handler));
    registered->emplace_back(route.first, route.second);
  }
  return Status::Ok();
}

Response JobRoutes::Get(const Request& request) {
  auto job = store_.GetJob(std::string(request.Param("id")));
  if (!job.ok()) {
    if (job.status().code() == Status::Code::kNotFound) return NotFoundJob(request.Param("id"));
    return Response::FromStatus(job.status());
  }
  std::string result;  // where the lyrics came from is in the result when the job had none
  if (job->state == JobState::kSucceeded && !job->request.lyrics) {
    auto stored = store_.GetResult(job->id);
    if (stored.ok() && stored->has_value()) result = std::move(**stored);
  }
  return Response::Json(200, JobToJson(*job, result));
}

Response JobRoutes::List(const Request& request) {
  std::optional<JobState> state;
  if (auto name = request.QueryParam("state"); name && !name->empty()) {
    state = ParseJobState(*name);
    if (!state) {
      return Response::Error(400, "invalid_input",
                             "state '" + std::string(*name) +
                                 "' is unknown; use queued, running, succeeded, failed or "
                                 "cancelled");
    }
  }
  std::int64_t limit = 50;
  if (auto text = request.QueryParam("limit")) {
    auto parsed = ParseInt(*text);
    if (!parsed || *parsed < 1 || *parsed > kMaxPageSize) {
      return Response::Error(
          400, "invalid_input",
          "limit must be a whole number from 1 to " + std::to_string(kMaxPageSize));
    }
    limit = *parsed;
  }
  auto page = store_.ListJobs(state, static_cast<int>(limit),
                              std::string(request.QueryParam("cursor").value_or("")));
  if (!page.ok()) return Response::FromStatus(page.status());
  nlohmann::json jobs = nlohmann::json::array();
  for (const Job& job : page->jobs) jobs.push_back(JobToJson(job));
  nlohmann::json body = {{"jobs", jobs}};
  body["next_cursor"] =
      page->next_cursor.empty() ? nlohmann::json(nullptr) : nlohmann::json(page->next_cursor);
  return Response::Json(200, body);
}

Response JobRoutes::Cancel(const Request& request) {
  const std::string id(request.Param("id"));
  Status cancelled = store_.RequestCancel(id);
  if (cancelled.code() == Status::Code::kNotFound) return NotFoundJob(id);
  if (cancelled.code() == Status::Code::kInvalidInput) {
    return Response::Error(409, "conflict", cancelled.message());
  }
  if (!cancelled.ok()) return Response::FromStatus(cancelled);
  auto job = store_.GetJob(id);
  if (!job.ok()) return Response::FromStatus(job.status());
  return Response::Json(202, JobToJson(*job));
}

Response JobRoutes::Events(const Request& request) {
  const std::string id(request.Param("id"));
  auto job = store_.GetJob(id);
  if (!job.ok()) {
    return job.status().code() == Status::Code::kNotFound ? NotFoundJob(id)
                                                          : Response::FromStatus(job.status());
  }
  std::int64_t after = 0;
  const auto resume = request.Header("Last-Event-ID");
  const auto from = resume ? resume : request.QueryParam("after");
  if (from && !from->empty()) {
    auto parsed = ParseInt(*from);
    if (!parsed || *parsed < 0) {
      return Response::Error(400, "invalid_input",
                             "Last-Event-ID must be an event id this server sent (a number)");
    }
    after = *parsed;
  }
  return Response::EventStream([this, id, after](std::shared_ptr<http::EventStream> stream) {
    relay_.Add(id, after, std::move(stream));
  });
}

Response JobRoutes::Lyrics(const Request& request) {
  const std::string id(request.Param("id"));
  auto format = ParseFormats(request.Param("format"));
  if (!format.ok() || format->size() != 1) {
    return Response::Error(404, "not_found",
                           "format '" + std::string(request.Param("format")) +
                               "' is unknown; use json, lrc, elrc, srt, vtt or ass");
  }
  auto job = store_.GetJob(id);
  if (!job.ok()) {
    return job.status().code() == Status::Code::kNotFound ? NotFoundJob(id)
                                                          : Response::FromStatus(job.status());
  }
  if (job->state == JobState::kFailed) {
    return Response::Error(422, job->error_code.empty() ? "job_failed" : job->error_code,
                           "the job failed: " + job->error_message);
  }
  if (job->state != JobState::kSucceeded) {
    return Response::Error(409, "not_ready",
                           "the job is " + std::string(JobStateName(job->state)) +
                               "; wait for it to succeed (GET /v1/jobs/" + id + "/events)");
  }
  auto result = store_.GetResult(id);
  if (!result.ok() || !result->has_value()) {
    return Response::Error(500, "internal", "the job succeeded but its result is missing");
  }
  auto alignment = ParseAlignmentJson(**result);
  if (!alignment.ok()) return Response::FromStatus(alignment.status());
  Response response = Response::Text(200, Export(*alignment, format->front()),
                                     std::string(ContentTypeFor(format->front())));
  response.SetHeader("Content-Disposition", "inline; filename=\"" + id + "." +
                                                std::string(Extension(format->front())) + "\"");
  return response;
}

Response JobRoutes::Audio(const Request& request) {
  const std::string id(request.Param("id"));
  auto job = store_.GetJob(id);
  if (!job.ok()) {
    return job.status().code() == Status::Code::kNotFound ? NotFoundJob(id)
                                                          : Response::FromStatus(job.status());
  }
  auto upload_id = JobAudioUploadId(store_, *job);
  if (!upload_id.ok()) return Response::FromStatus(upload_id.status());
  if (!upload_id->has_value() && IsFinalState(job->state)) {
    return Response::Error(404, "not_found",
                           "job " + id + " has no audio: it was " +
                               std::string(JobStateName(job->state)) +
                               " before its song was downloaded");
  }
  if (!upload_id->has_value()) {
    return Response::Error(409, "not_ready",
                           "job " + id + " has not downloaded its song yet; wait for its " +
                               "\"download\" stage (GET /v1/jobs/" + id + "/events)");
  }
  auto path = store_.UploadPath(**upload_id);
  if (!path.ok()) return Response::FromStatus(path.status());
  char head[16] = {};
  std::ifstream in(*path, std::ios::binary);
  in.read(head, sizeof(head));
  const std::string_view type = MediaContentType(std::string_view(head, in.gcount()));
  return Response::File(*path, type.empty() ? "application/octet-stream" : std::string(type));
}

}  // namespace ytl::api
