// JobRoutes: submissions and uploads.
#include <nlohmann/json.hpp>

#include "api/audio_sniff.h"
#include "api/job_routes.h"
#include "api/job_view.h"
#include "api/submission.h"
#include "api/url_policy.h"
#include "audio/duration_probe.h"
#include "http/multipart.h"

namespace ytl::api {

using http::Request;
using http::Response;

Result<std::string> JobRoutes::StoreUpload(std::string_view bytes, const std::string& filename,
                                           Response* error) {
  if (bytes.size() > config_.max_upload_bytes) {
    *error =
        Response::Error(413, "resource_exhausted",
                        "the upload is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                            std::to_string(config_.max_upload_bytes));
    return Status::ResourceExhausted("upload too large");
  }
  if (!LooksLikeMedia(bytes)) {
    *error = Response::Error(415, "unsupported_media",
                             "the upload '" + filename +
                                 "' is not an audio or video file (mp3, m4a, wav, flac, ogg, "
                                 "opus, webm, mp4); send the song itself");
    return Status::InvalidInput("not media");
  }
  auto id = store_.PutUpload(bytes, filename);
  if (!id.ok()) {
    *error = Response::FromStatus(id.status());
    return id;
  }
  if (auto refused = CheckUploadAudio(*id, filename)) {
    *error = std::move(*refused);
    return Status::InvalidInput("upload refused");
  }
  return id;
}

std::optional<Response> JobRoutes::CheckUploadAudio(const std::string& upload_id,
                                                    const std::string& name) {
  auto path = store_.UploadPath(upload_id);
  if (!path.ok()) return Response::FromStatus(path.status());
  auto probe = ProbeDuration(*path);
  if (!probe.ok()) {
    return Response::Error(415, "unsupported_media",
                           "the upload '" + name +
                               "' is not audio FFmpeg can read; send an mp3, m4a, wav, flac, "
                               "ogg, opus, webm or mp4 file");
  }
  // A length guessed from the bitrate can be far off: the decoder checks those exactly.
  if (!probe->from_bitrate && probe->duration_s > config_.max_duration_s) {
    return Response::Error(422, "resource_exhausted",
                           "the upload '" + name + "' is " +
                               std::to_string(static_cast<long>(probe->duration_s)) +
                               " s long; this server syncs songs up to " +
                               std::to_string(static_cast<long>(config_.max_duration_s)) +
                               " s (--max-duration); submit a shorter song");
  }
  return std::nullopt;
}

Response JobRoutes::Upload(const Request& request) {
  if (state_.draining.load()) {
    return Response::Error(503, "unavailable", "the server is shutting down; retry shortly");
  }
  std::string_view bytes = request.body;
  std::string filename = "audio";
  const std::string type(request.Header("Content-Type").value_or(""));
  if (type.starts_with("multipart/form-data")) {
    http::MultipartLimits limits;
    limits.max_part_bytes = config_.max_upload_bytes;
    auto parts = http::ParseMultipart(type, request.body, limits);
    if (!parts.ok()) return Response::FromStatus(parts.status());
    bool found = false;
    for (const auto& part : *parts) {
      if (part.name != "audio") continue;
      bytes = part.data;
      filename = part.filename.value_or("audio");
      found = true;
    }
    if (!found) return Response::Error(400, "invalid_input", "the form has no \"audio\" file");
  }
  Response error;
  auto id = StoreUpload(bytes, filename, &error);
  if (!id.ok()) return error;
  return Response::Json(201, {{"upload_id", *id}, {"bytes", bytes.size()}});
}

Response JobRoutes::Submit(const Request& request) {
  if (state_.draining.load()) {
    return Response::Error(503, "unavailable",
                           "the server is shutting down and takes no new jobs; retry shortly");
  }
  Submission submission;
  if (auto error = ParseSubmission(request, config_, &submission)) {
    return Response::Error(error->http_status, http::ErrorCodeFor(error->status.code()),
                           error->status.message());
  }
  JobRequest& job_request = submission.request;
  const std::string client = ClientQuota::ClientOf(request.remote_address);
  if (submission.audio) {
    Response error;
    auto id = StoreUpload(*submission.audio, submission.audio_filename, &error);
    if (!id.ok()) return error;
    job_request.upload_id = *id;
    return Enqueue(job_request, client);
  }
  if (!job_request.upload_id.empty()) {
    if (!store_.UploadPath(job_request.upload_id).ok()) {
      return Response::Error(404, "not_found",
                             "no upload has id '" + job_request.upload_id +
                                 "'; upload the song with POST /v1/uploads first");
    }
    if (auto refused = CheckUploadAudio(job_request.upload_id, job_request.upload_id)) {
      return *refused;
    }
    return Enqueue(job_request, client);
  }
  if (auto host = UrlHost(job_request.url); !host.ok()) {
    return Response::Error(422, "url_refused", host.status().message());
  }
  if (config_.allow_private_urls) return Enqueue(job_request, client);
  // The SSRF check waits on DNS: it runs on the resolver pool while this I/O thread moves on.
  return Response::Deferred([this, job_request, client](http::ResponseCompleter complete) {
    url_checks_->Check(job_request.url, config_.allow_private_urls,
                       [this, job_request, client, complete](Status url_ok) {
                         complete(url_ok.ok()
                                      ? Enqueue(job_request, client)
                                      : Response::Error(422, "url_refused", url_ok.message()));
                       });
  });
}

Response JobRoutes::Enqueue(const JobRequest& job_request, const std::string& client) {
  if (!quota_.HasRoom(client)) {
    return Response::Error(429, "too_many_jobs",
                           "you already have " + std::to_string(quota_.limit()) +
                               " jobs queued or running; wait for one to finish");
  }
  auto created = store_.CreateJob(job_request, DedupKey(job_request));
  if (!created.ok()) return Response::FromStatus(created.status());
  nlohmann::json body = JobToJson(created->job);
  body["existing"] = created->existing;
  if (!created->existing) {
    quota_.Add(client, created->job.id);
    if (state_.job_queued) state_.job_queued();
  }
  Response response = Response::Json(created->existing ? 200 : 202, body);
  response.SetHeader("Location", "/v1/jobs/" + created->job.id);
  return response;
}

}  // namespace ytl::api
