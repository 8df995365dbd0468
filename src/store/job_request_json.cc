#include "store/job_request_json.h"

#include <nlohmann/json.hpp>

namespace ytl {
namespace {

Status BadField(std::string_view field) {
  return Status::InvalidInput("job request JSON has a missing or mistyped \"" + std::string(field) +
                              "\" field; write it with JobRequestToJson");
}

}  // namespace

std::string JobRequestToJson(const JobRequest& request) {
  nlohmann::json json = {{"url", request.url},
                         {"upload_id", request.upload_id},
                         {"language", request.language},
                         {"formats", request.formats}};
  if (request.lyrics.has_value()) json["lyrics"] = *request.lyrics;
  return json.dump();
}

Result<JobRequest> JobRequestFromJson(std::string_view text) {
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    return Status::InvalidInput("job request is not a JSON object; write it with JobRequestToJson");
  }
  JobRequest request;
  for (auto [field, target] :
       {std::pair{"url", &request.url}, std::pair{"upload_id", &request.upload_id},
        std::pair{"language", &request.language}}) {
    auto it = json.find(field);
    if (it == json.end() || !it->is_string()) return BadField(field);
    *target = it->get<std::string>();
  }
  if (auto it = json.find("lyrics"); it != json.end()) {
    if (!it->is_string()) return BadField("lyrics");
    request.lyrics = it->get<std::string>();
  }
  auto formats = json.find("formats");
  if (formats == json.end() || !formats->is_array()) return BadField("formats");
  for (const auto& format : *formats) {
    if (!format.is_string()) return BadField("formats");
    request.formats.push_back(format.get<std::string>());
  }
  return request;
}

}  // namespace ytl
