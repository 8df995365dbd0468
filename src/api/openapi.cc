#include "api/openapi.h"

#include <string>

namespace ytl::api {
namespace {

using nlohmann::json;

json Ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }

json JsonResponse(const std::string& description, const std::string& schema) {
  return {{"description", description},
          {"content", {{"application/json", {{"schema", Ref(schema)}}}}}};
}

json ErrorResponse(const std::string& description) { return JsonResponse(description, "Error"); }

json IdParam() {
  return {{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}};
}

json Schemas() {
  json error = {
      {"type", "object"},
      {"properties",
       {{"error",
         {{"type", "object"},
          {"properties", {{"code", {{"type", "string"}}}, {"message", {{"type", "string"}}}}}}}}}};
  json job = {
      {"type", "object"},
      {"properties",
       {{"id", {{"type", "string"}}},
        {"state",
         {{"type", "string"}, {"enum", {"queued", "running", "succeeded", "failed", "cancelled"}}}},
        {"stage", {{"type", "string"}}},
        {"progress", {{"type", "number"}, {"minimum", 0}, {"maximum", 1}}},
        {"stage_timings_s", {{"type", "object"}, {"additionalProperties", {{"type", "number"}}}}},
        {"error", Ref("Error")},
        {"existing", {{"type", "boolean"}}},
        {"links", {{"type", "object"}}}}}};
  json submit = {{"type", "object"},
                 {"properties",
                  {{"url", {{"type", "string"}, {"format", "uri"}}},
                   {"upload_id", {{"type", "string"}}},
                   {"lyrics", {{"type", "string"}}},
                   {"language", {{"type", "string"}, {"default", "en"}}},
                   {"formats", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}};
  json form = submit;
  form["properties"]["audio"] = {{"type", "string"}, {"format", "binary"}};
  form["properties"]["formats"] = {{"type", "string"}, {"description", "comma-separated"}};
  json page = {{"type", "object"},
               {"properties",
                {{"jobs", {{"type", "array"}, {"items", Ref("Job")}}},
                 {"next_cursor", {{"type", "string"}, {"nullable", true}}}}}};
  return {{"Error", error},
          {"Job", job},
          {"SubmitJson", submit},
          {"SubmitForm", form},
          {"JobPage", page}};
}

json JobPaths() {
  json submit_body = {{"required", true},
                      {"content",
                       {{"application/json", {{"schema", Ref("SubmitJson")}}},
                        {"multipart/form-data", {{"schema", Ref("SubmitForm")}}}}}};
  json paths;
  paths["/v1/jobs"]["post"] = {
      {"summary", "Submit a song (URL, upload id, or multipart audio file) and optional lyrics"},
      {"requestBody", submit_body},
      {"responses",
       {{"202", JsonResponse("queued", "Job")},
        {"200", JsonResponse("an identical job already exists", "Job")},
        {"400", ErrorResponse("malformed request")},
        {"401", ErrorResponse("API key missing or wrong")},
        {"413", ErrorResponse("upload or lyrics too large")},
        {"415", ErrorResponse("unsupported content type or not an audio file")},
        {"422", ErrorResponse("URL refused, or an uploaded song longer than the server's "
                              "duration limit (--max-duration); a URL's song is checked after "
                              "its download: that job fails with error code "
                              "resource_exhausted")},
        {"429", ErrorResponse("too many jobs queued by this client")},
        {"503", ErrorResponse("shutting down")}}}};
  paths["/v1/jobs"]["get"] = {
      {"summary", "List jobs, newest first"},
      {"parameters",
       {{{"name", "state"}, {"in", "query"}, {"schema", {{"type", "string"}}}},
        {{"name", "limit"}, {"in", "query"}, {"schema", {{"type", "integer"}}}},
        {{"name", "cursor"}, {"in", "query"}, {"schema", {{"type", "string"}}}}}},
      {"responses", {{"200", JsonResponse("a page of jobs", "JobPage")}}}};
  paths["/v1/jobs/{id}"]["get"] = {
      {"summary", "A job's state, stage, progress, timings and error"},
      {"parameters", {IdParam()}},
      {"responses", {{"200", JsonResponse("the job", "Job")}, {"404", ErrorResponse("unknown")}}}};
  paths["/v1/jobs/{id}"]["delete"] = {
      {"summary", "Cancel a job"},
      {"parameters", {IdParam()}},
      {"responses",
       {{"202", JsonResponse("cancelled or cancel requested", "Job")},
        {"404", ErrorResponse("unknown")},
        {"409", ErrorResponse("already finished")}}}};
  paths["/v1/jobs/{id}/events"]["get"] = {
      {"summary", "Server-Sent Events: state, stage and progress; resumes with Last-Event-ID"},
      {"parameters",
       {IdParam(),
        {{"name", "Last-Event-ID"}, {"in", "header"}, {"schema", {{"type", "string"}}}}}},
      {"responses",
       {{"200",
         {{"description", "event stream"}, {"content", {{"text/event-stream", json::object()}}}}},
        {"404", ErrorResponse("unknown")}}}};
  paths["/v1/jobs/{id}/lyrics.{format}"]["get"] = {
      {"summary", "The word-timed lyrics in one format"},
      {"parameters",
       {IdParam(),
        {{"name", "format"},
         {"in", "path"},
         {"required", true},
         {"schema",
          {{"type", "string"}, {"enum", {"json", "lrc", "elrc", "srt", "vtt", "ass"}}}}}}},
      {"responses",
       {{"200", {{"description", "the lyrics file"}}},
        {"404", ErrorResponse("unknown job or format")},
        {"409", ErrorResponse("not finished")},
        {"422", ErrorResponse("the job failed")}}}};
  paths["/v1/jobs/{id}/audio"]["get"] = {
      {"summary",
       "The job's song for playback (its upload, or a URL job's download), with Range "
       "requests and the Content-Type of its container"},
      {"parameters", {IdParam()}},
      {"responses",
       {{"200", {{"description", "audio"}}},
        {"206", {{"description", "partial audio"}}},
        {"404", ErrorResponse("unknown job, or a URL job that ended before its download")},
        {"409", ErrorResponse("a URL job that has not downloaded its song yet")}}}};
  paths["/v1/uploads"]["post"] = {
      {"summary", "Upload a song once (raw body or multipart field audio); returns upload_id"},
      {"responses",
       {{"201", {{"description", "stored"}}},
        {"413", ErrorResponse("too large")},
        {"415", ErrorResponse("not audio")},
        {"422", ErrorResponse("longer than the server's duration limit (--max-duration)")}}}};
  return paths;
}

}  // namespace

json OpenApiDocument() {
  json paths = JobPaths();
  const auto simple = [](const char* summary, const char* type) {
    return json{
        {"summary", summary},
        {"responses", {{"200", {{"description", "OK"}, {"content", {{type, json::object()}}}}}}}};
  };
  paths["/health"]["get"] = simple("Liveness", "application/json");
  paths["/ready"]["get"] =
      simple("Readiness: store writable, workers alive, not draining", "application/json");
  paths["/ready"]["get"]["responses"]["503"] = ErrorResponse("not ready");
  paths["/metrics"]["get"] = simple("Prometheus metrics", "text/plain");
  paths["/openapi.json"]["get"] = simple("This document", "application/json");
  paths["/v1/config"]["get"] = simple(
      "Settings for the web pages: race_backends, the racing page's preset backend URLs "
      "(serve --race-backends)",
      "application/json");
  paths["/"]["get"] = simple("The web page", "text/html");
  paths["/{asset}"]["get"] =
      simple("A file of the web page (ES module, style sheet)", "application/octet-stream");
  paths["/{asset}"]["get"]["parameters"] = {
      {{"name", "asset"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}}};
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "yt-lyrics job API"},
            {"version", "1"},
            {"description", "Word-timed lyrics for songs, as durable jobs."}}},
          {"components",
           {{"schemas", Schemas()},
            {"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}},
          {"paths", paths}};
}

}  // namespace ytl::api
