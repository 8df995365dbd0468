#include "race/job_api_client.h"

#include <nlohmann/json.hpp>

namespace ytl::race {
namespace {

using nlohmann::json;

JobSnapshot SnapshotOf(const json& job) {
  JobSnapshot s;
  s.id = job.value("id", "");
  s.state = job.value("state", "");
  s.stage =
      job.contains("stage") && job["stage"].is_string() ? job["stage"].get<std::string>() : "";
  s.progress =
      job.contains("progress") && job["progress"].is_number() ? job["progress"].get<double>() : 0.0;
  if (job.contains("error") && job["error"].is_object()) {
    s.error = job["error"].value("message", "");
  } else if (job.contains("error") && job["error"].is_string()) {
    s.error = job["error"].get<std::string>();
  }
  return s;
}

Result<JobSnapshot> ParseJob(const std::string& body, const std::string& what) {
  const json job = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!job.is_object() || !job.contains("id")) {
    return Status::Internal(what + " answered something that is not a job: " + body.substr(0, 200));
  }
  return SnapshotOf(job);
}

}  // namespace

bool IsUnreachable(const Status& status) {
  return status.code() == Status::Code::kUnavailable ||
         status.code() == Status::Code::kDeadlineExceeded;
}

JobApiClient::JobApiClient(const net::HttpClient& http, std::string base_url, std::string api_key)
    : http_(http), base_url_(std::move(base_url)), api_key_(std::move(api_key)) {}

net::HttpRequest JobApiClient::Request(const std::string& method, const std::string& path) const {
  net::HttpRequest request;
  request.method = method;
  request.url = base_url_ + path;
  request.headers.emplace_back("Accept", "application/json");
  if (!api_key_.empty()) request.headers.emplace_back("Authorization", "Bearer " + api_key_);
  request.connect_timeout_s = 5;
  return request;
}

Result<std::string> JobApiClient::Checked(const Result<net::HttpResponse>& response,
                                          const std::string& what) const {
  if (!response.ok()) return response.status();
  if (response->status >= 200 && response->status < 300) return response->body;
  const json body = json::parse(response->body, nullptr, /*allow_exceptions=*/false);
  std::string message = body.is_object() && body.contains("error") && body["error"].is_object()
                            ? body["error"].value("message", "")
                            : "";
  if (message.empty()) message = "HTTP " + std::to_string(response->status);
  const std::string text = what + " answered " + std::to_string(response->status) + ": " + message;
  return response->status < 500 ? Status::InvalidInput(text) : Status::Internal(text);
}

Result<JobSnapshot> JobApiClient::Submit(const JobRequest& job) const {
  const std::string what = "POST " + base_url_ + "/v1/jobs";
  net::HttpRequest request = Request("POST", "/v1/jobs");
  request.timeout_s = 600;  // an upload of a long song over a slow link
  Result<net::HttpResponse> response = Status::Internal("not sent");
  if (!job.audio_file.empty()) {
    std::vector<net::FormField> fields;
    if (!job.lyrics.empty()) fields.push_back({"lyrics", job.lyrics});
    if (!job.language.empty()) fields.push_back({"language", job.language});
    response = http_.PostForm(request, fields, net::FormFile{"audio", job.audio_file, "", ""});
  } else {
    json body = {{"url", job.url}};
    if (!job.lyrics.empty()) body["lyrics"] = job.lyrics;
    if (!job.language.empty()) body["language"] = job.language;
    request.headers.emplace_back("Content-Type", "application/json");
    request.body = body.dump();
    response = http_.Send(request);
  }
  auto body = Checked(response, what);
  if (!body.ok()) return body.status();
  return ParseJob(*body, what);
}

Result<JobSnapshot> JobApiClient::Get(const std::string& job_id) const {
  const std::string path = "/v1/jobs/" + net::UrlEncode(job_id);
  auto body = Checked(http_.Send(Request("GET", path)), "GET " + base_url_ + path);
  if (!body.ok()) return body.status();
  return ParseJob(*body, "GET " + base_url_ + path);
}

Status JobApiClient::Cancel(const std::string& job_id) const {
  const std::string path = "/v1/jobs/" + net::UrlEncode(job_id);
  auto body = Checked(http_.Send(Request("DELETE", path)), "DELETE " + base_url_ + path);
  return body.ok() ? Status::Ok() : body.status();
}

Result<std::string> JobApiClient::Lyrics(const std::string& job_id,
                                         const std::string& format) const {
  const std::string path = "/v1/jobs/" + net::UrlEncode(job_id) + "/lyrics." + format;
  return Checked(http_.Send(Request("GET", path)), "GET " + base_url_ + path);
}

}  // namespace ytl::race
