#include "http/multipart.h"

#include "http/header_params.h"
#include "http/request.h"

namespace ytl::http {
namespace {

constexpr std::size_t kMaxBoundaryChars = 70;  // RFC 2046

Status ParsePartHeaders(std::string_view block, std::size_t index, MultipartPart* part) {
  bool has_disposition = false;
  part->content_type = "text/plain";
  while (!block.empty()) {
    const std::size_t eol = block.find("\r\n");
    const std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 2);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      return Status::InvalidInput("multipart part " + std::to_string(index) +
                                  " has a header line without ':'; send 'Name: value' lines");
    }
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = line.substr(colon + 1);
    if (EqualsIgnoreCase(name, "Content-Disposition")) {
      auto parsed = ParseHeaderValue(value);
      // name="" names no field, like no name at all (found by fuzz/multipart_fuzzer).
      if (!parsed || parsed->token != "form-data" || parsed->params["name"].empty()) {
        return Status::InvalidInput("multipart part " + std::to_string(index) +
                                    " needs 'Content-Disposition: form-data; name=\"...\"'");
      }
      part->name = parsed->params["name"];
      if (auto it = parsed->params.find("filename"); it != parsed->params.end()) {
        part->filename = it->second;
      }
      has_disposition = true;
    } else if (EqualsIgnoreCase(name, "Content-Type")) {
      auto parsed = ParseHeaderValue(value);
      if (parsed && !parsed->token.empty()) part->content_type = parsed->token;
    }
  }
  if (!has_disposition) {
    return Status::InvalidInput("multipart part " + std::to_string(index) +
                                " has no Content-Disposition header");
  }
  return Status::Ok();
}

}  // namespace

Result<std::string> MultipartBoundary(std::string_view content_type) {
  auto parsed = ParseHeaderValue(content_type);
  if (!parsed || parsed->token != "multipart/form-data") {
    return Status::InvalidInput("Content-Type '" + std::string(content_type) +
                                "' is not multipart/form-data; send the form as multipart");
  }
  auto it = parsed->params.find("boundary");
  if (it == parsed->params.end() || it->second.empty() || it->second.size() > kMaxBoundaryChars) {
    return Status::InvalidInput("Content-Type '" + std::string(content_type) +
                                "' needs a boundary= parameter of 1 to 70 characters");
  }
  return it->second;
}

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view content_type,
                                                  std::string_view body,
                                                  const MultipartLimits& limits) {
  auto boundary = MultipartBoundary(content_type);
  if (!boundary.ok()) return boundary.status();
  const std::string delimiter = "--" + *boundary;
  const std::string next_delimiter = "\r\n" + delimiter;

  std::size_t pos = body.starts_with(delimiter) ? 0 : body.find(next_delimiter);
  if (pos == std::string_view::npos) {
    return Status::InvalidInput("multipart body has no boundary line '" + delimiter + "'");
  }
  if (pos != 0) pos += 2;
  std::vector<MultipartPart> parts;
  while (true) {
    std::size_t p = pos + delimiter.size();
    if (body.substr(p, 2) == "--") return parts;  // the closing delimiter
    while (p < body.size() && (body[p] == ' ' || body[p] == '\t')) ++p;
    if (body.substr(p, 2) != "\r\n") {
      return Status::InvalidInput("multipart boundary line at byte " + std::to_string(pos) +
                                  " is not followed by CRLF; the body may be truncated");
    }
    p += 2;
    if (parts.size() == limits.max_parts) {
      return Status::ResourceExhausted("multipart body has more than " +
                                       std::to_string(limits.max_parts) + " parts; send fewer");
    }
    const std::size_t header_end = body.substr(p, 2) == "\r\n" ? p : body.find("\r\n\r\n", p);
    if (header_end == std::string_view::npos || header_end - p > limits.max_part_header_bytes) {
      return Status::InvalidInput("multipart part " + std::to_string(parts.size()) +
                                  " has no end of headers within " +
                                  std::to_string(limits.max_part_header_bytes) + " bytes");
    }
    MultipartPart part;
    YTL_RETURN_IF_ERROR(ParsePartHeaders(body.substr(p, header_end - p), parts.size(), &part));
    const std::size_t data_begin = header_end + (header_end == p ? 2 : 4);
    const std::size_t data_end = body.find(next_delimiter, data_begin);
    if (data_end == std::string_view::npos) {
      return Status::InvalidInput("multipart part '" + part.name +
                                  "' is not followed by a boundary; the body is truncated");
    }
    if (data_end - data_begin > limits.max_part_bytes) {
      return Status::ResourceExhausted("multipart part '" + part.name + "' is larger than " +
                                       std::to_string(limits.max_part_bytes) + " bytes");
    }
    part.data = body.substr(data_begin, data_end - data_begin);
    parts.push_back(std::move(part));
    pos = data_end + 2;
  }
}

}  // namespace ytl::http
