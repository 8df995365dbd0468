#include "api/job_routes.h"

#include <charconv>

#include "api/api_key_check.h"
#include "api/job_view.h"
#include "export/format.h"
#include "export/json_reader.h"

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
                     EventRelay& relay)
    : store_(store),
      config_(config),
      state_(state),
      relay_(relay),
      quota_(store, config.max_active_jobs_per_client) {}

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
    auto handler = [this, method](const Request& request) {
      if (auto refused = CheckApiKey(request, config_.api_keys)) return *refused;
      return (this->*method)(request);
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
  return Response::Json(200, JobToJson(*job));
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
  if (job->request.upload_id.empty()) {
    return Response::Error(404, "not_found",
                           "job " + id +
                               " was submitted by URL and its audio is not kept; "
                               "play it from " +
                               job->request.url);
  }
  auto path = store_.UploadPath(job->request.upload_id);
  if (!path.ok()) return Response::FromStatus(path.status());
  return Response::File(*path);
}

}  // namespace ytl::api
