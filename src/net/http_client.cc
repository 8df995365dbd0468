#include "net/http_client.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <system_error>

#include "net/curl_handles.h"

namespace ytl::net {
namespace {

constexpr std::size_t kMaxBufferedBodyBytes = 256u * 1024 * 1024;
constexpr std::size_t kMaxErrorBodyBytes = 512;

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

// State shared with curl's callbacks during one transfer.
struct Transfer {
  HttpResponse head;
  // Receives body bytes; returns false to stop the transfer.
  std::function<bool(Transfer&, std::string_view)> sink;
  const CancelToken* cancel = nullptr;
  double idle_timeout_s = 0;  // 0: no idle limit
  std::chrono::steady_clock::time_point last_byte_at = std::chrono::steady_clock::now();
  bool idle_timed_out = false;
  bool cancelled = false;  // the CancelToken fired
  bool stopped_by_caller = false;
  Status sink_error;  // set by a sink that failed (disk full, body too large)
};

std::size_t OnHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    // A new response (after 100 Continue or a redirect): start over.
    transfer.head.headers.clear();
    std::size_t space = line.find(' ');
    transfer.head.status = space == std::string_view::npos
                               ? 0
                               : std::atoi(std::string(line.substr(space + 1, 3)).c_str());
    return line.size();
  }
  std::size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    transfer.head.headers.emplace_back(Lower(Trim(line.substr(0, colon))),
                                       std::string(Trim(line.substr(colon + 1))));
  }
  return line.size();
}

std::size_t OnBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  std::size_t bytes = size * count;
  transfer.last_byte_at = std::chrono::steady_clock::now();
  if (transfer.cancel != nullptr && transfer.cancel->cancelled()) {
    transfer.cancelled = true;
    return CURL_WRITEFUNC_ERROR;
  }
  if (!transfer.sink(transfer, std::string_view(data, bytes))) {
    if (transfer.sink_error.ok()) transfer.stopped_by_caller = true;
    return CURL_WRITEFUNC_ERROR;
  }
  return bytes;
}

int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto& transfer = *static_cast<Transfer*>(user);
  if (transfer.cancel != nullptr && transfer.cancel->cancelled()) return 1;
  if (transfer.idle_timeout_s > 0 && std::chrono::steady_clock::now() - transfer.last_byte_at >
                                         std::chrono::duration<double>(transfer.idle_timeout_s)) {
    transfer.idle_timed_out = true;
    return 1;
  }
  return 0;
}

// "2.5 s"
std::string Seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%g s", seconds);
  return text;
}

long Millis(double seconds) { return static_cast<long>(std::lround(seconds * 1000.0)); }

Status SetUpHandle(CURL* curl, const HttpRequest& request, const std::string& user_agent,
                   CurlHeaderList& headers, Transfer& transfer, char* error_buffer) {
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, Millis(request.timeout_s));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, Millis(request.connect_timeout_s));
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, OnProgress);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
  for (const auto& [name, value] : request.headers) {
    std::string line = name + ": " + value;
    if (!headers.Append(line.c_str())) return Status::Internal("out of memory building headers");
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
  if (request.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else if (request.method != "GET" || !request.body.empty()) {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
  }
  return Status::Ok();
}

Status TransferError(CURLcode code, const HttpRequest& request, const Transfer& transfer,
                     const char* error_buffer) {
  const std::string what = request.method + " " + request.url;
  const std::string detail = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
  if (!transfer.sink_error.ok()) return transfer.sink_error;
  if (transfer.cancelled) return Status::Cancelled(what + " was cancelled");
  if (transfer.idle_timed_out) {
    return Status::DeadlineExceeded(what + " sent nothing for " + Seconds(request.idle_timeout_s) +
                                    "; the server stalled, try again later");
  }
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return Status::DeadlineExceeded(what + " timed out after " + Seconds(request.timeout_s) +
                                      " (" + detail + "); try again later or raise the time limit");
    case CURLE_ABORTED_BY_CALLBACK:
      return Status::Cancelled(what + " was cancelled");
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      return Status::InvalidInput(what + ": not a valid http(s) URL (" + detail + ")");
    default:
      return Status::Unavailable(what + " failed: " + detail +
                                 "; check the address and the network connection");
  }
}

// Runs one transfer; `prepare` adds request-specific options to the handle.
Result<HttpResponse> Perform(const HttpRequest& request, const std::string& user_agent,
                             std::function<bool(Transfer&, std::string_view)> sink,
                             const std::function<Status(CURL*)>& prepare = nullptr) {
  InitCurlOnce();
  CurlEasy curl(curl_easy_init());
  if (!curl) return Status::Internal("curl_easy_init failed for " + request.url);
  Transfer transfer;
  transfer.sink = std::move(sink);
  transfer.cancel = request.cancel;
  transfer.idle_timeout_s = request.idle_timeout_s;
  CurlHeaderList headers;
  char error_buffer[CURL_ERROR_SIZE] = {};
  YTL_RETURN_IF_ERROR(
      SetUpHandle(curl.get(), request, user_agent, headers, transfer, error_buffer));
  if (prepare) YTL_RETURN_IF_ERROR(prepare(curl.get()));
  CURLcode code = curl_easy_perform(curl.get());
  if (code != CURLE_OK && !(code == CURLE_WRITE_ERROR && transfer.stopped_by_caller)) {
    return TransferError(code, request, transfer, error_buffer);
  }
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status != 0) transfer.head.status = static_cast<int>(status);
  return std::move(transfer.head);
}

// "bytes 100-199/1000" -> {100, 1000}; total is -1 for "*".
std::optional<std::pair<std::int64_t, std::int64_t>> ParseContentRange(std::string_view value) {
  if (!value.starts_with("bytes ")) return std::nullopt;
  value.remove_prefix(6);
  std::size_t dash = value.find('-');
  std::size_t slash = value.find('/');
  if (dash == std::string_view::npos || slash == std::string_view::npos) return std::nullopt;
  try {
    std::int64_t start = std::stoll(std::string(value.substr(0, dash)));
    std::string total(value.substr(slash + 1));
    return std::make_pair(start, total == "*" ? -1 : std::stoll(total));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::int64_t HeaderInt(const HttpResponse& head, std::string_view name) {
  auto value = head.Header(name);
  if (!value) return -1;
  try {
    return std::stoll(std::string(*value));
  } catch (const std::exception&) {
    return -1;
  }
}

// Writes a download body into a file, deciding on the first byte between append and restart.
class DownloadSink {
 public:
  DownloadSink(const HttpRequest& request, std::filesystem::path path, std::int64_t offset,
               const ProgressCallback& on_progress)
      : request_(request), path_(std::move(path)), offset_(offset), on_progress_(on_progress) {}

  bool Write(Transfer& transfer, std::string_view chunk) {
    if (!started_) {
      transfer.sink_error = Start(transfer.head);
      if (!transfer.sink_error.ok()) return false;
      started_ = true;
    }
    if (!ok_status_) {
      error_body_.append(
          chunk.substr(0, kMaxErrorBodyBytes - std::min(kMaxErrorBodyBytes, error_body_.size())));
      return true;
    }
    out_.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    if (!out_) {
      transfer.sink_error =
          Status::Unavailable("cannot write " + path_.string() + " while downloading " +
                              request_.url + "; check free disk space and permissions");
      return false;
    }
    done_ += static_cast<std::int64_t>(chunk.size());
    if (on_progress_) on_progress_(done_, total_);
    return true;
  }

  const std::string& error_body() const { return error_body_; }

 private:
  Status Start(const HttpResponse& head) {
    ok_status_ = head.status >= 200 && head.status < 300;
    if (!ok_status_) return Status::Ok();
    std::ios::openmode mode = std::ios::binary | std::ios::out;
    if (head.status == 206) {
      auto range = ParseContentRange(head.Header("content-range").value_or(""));
      if (!range || range->first != offset_) {
        return Status::Unavailable(request_.url + " answered a Range request for byte " +
                                   std::to_string(offset_) + " with another range; delete " +
                                   path_.string() + " and try again");
      }
      total_ = range->second;
      done_ = offset_;
      mode |= std::ios::app;
    } else {
      std::int64_t length = HeaderInt(head, "content-length");
      total_ = length;
      done_ = 0;
      mode |= std::ios::trunc;
    }
    out_.open(path_, mode);
    if (!out_) {
      return Status::Unavailable("cannot open " + path_.string() + " to download " + request_.url +
                                 "; check the folder exists and is writable");
    }
    return Status::Ok();
  }

  const HttpRequest& request_;
  std::filesystem::path path_;
  std::int64_t offset_ = 0;
  const ProgressCallback& on_progress_;
  bool started_ = false;
  bool ok_status_ = false;
  std::int64_t done_ = 0;
  std::int64_t total_ = -1;
  std::ofstream out_;
  std::string error_body_;
};

// Appends body bytes to `body`, up to kMaxBufferedBodyBytes.
std::function<bool(Transfer&, std::string_view)> BufferSink(const HttpRequest& request,
                                                            std::string& body) {
  return [&request, &body](Transfer& transfer, std::string_view chunk) {
    if (body.size() + chunk.size() > kMaxBufferedBodyBytes) {
      transfer.sink_error = Status::ResourceExhausted(
          request.method + " " + request.url + " answered more than 256 MiB; use a download");
      return false;
    }
    body.append(chunk);
    return true;
  };
}

Status HttpStatusError(const HttpRequest& request, int status, std::string_view body) {
  std::string message =
      request.method + " " + request.url + " answered HTTP " + std::to_string(status);
  if (!body.empty()) message += ": " + std::string(body.substr(0, kMaxErrorBodyBytes));
  if (status == 404) return Status::NotFound(message + "; check the URL");
  return Status::Unavailable(message + "; try again later");
}

}  // namespace

std::optional<std::string_view> HttpResponse::Header(std::string_view name) const {
  std::string lower = Lower(name);
  for (const auto& [key, value] : headers) {
    if (key == lower) return std::string_view(value);
  }
  return std::nullopt;
}

std::string DefaultUserAgent() {
  return std::string("yt-lyrics/") + YTL_VERSION + " (+https://github.com/yt-lyrics/yt-lyrics)";
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0f];
    }
  }
  return out;
}

std::string QueryString(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out += '&';
    out += UrlEncode(name) + "=" + UrlEncode(value);
  }
  return out;
}

HttpClient::HttpClient(std::string user_agent) : user_agent_(std::move(user_agent)) {
  InitCurlOnce();
}

Result<HttpResponse> HttpClient::Send(const HttpRequest& request) const {
  std::string body;
  auto response = Perform(request, user_agent_, BufferSink(request, body));
  if (!response.ok()) return response;
  response->body = std::move(body);
  return response;
}

Result<HttpResponse> HttpClient::Stream(const HttpRequest& request,
                                        const ChunkCallback& on_chunk) const {
  return Perform(request, user_agent_, [&](Transfer& transfer, std::string_view chunk) {
    return on_chunk(transfer.head, chunk);
  });
}

Result<HttpResponse> HttpClient::PostForm(const HttpRequest& request,
                                          const std::vector<FormField>& fields,
                                          const std::optional<FormFile>& file) const {
  if (file) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file->path, error)) {
      return Status::InvalidInput("cannot send " + file->path.string() + " to " + request.url +
                                  ": it is not a readable file");
    }
  }
  HttpRequest post = request;
  post.method = "POST";
  post.body.clear();
  std::string body;
  CurlMime mime;
  auto prepare = [&](CURL* curl) -> Status {
    mime.reset(curl_mime_init(curl));
    for (const FormField& field : fields) {
      curl_mimepart* part = curl_mime_addpart(mime.get());
      curl_mime_name(part, field.name.c_str());
      curl_mime_data(part, field.value.data(), field.value.size());
    }
    if (file) {
      curl_mimepart* part = curl_mime_addpart(mime.get());
      curl_mime_name(part, file->name.c_str());
      if (curl_mime_filedata(part, file->path.c_str()) != CURLE_OK) {
        return Status::InvalidInput("cannot read " + file->path.string() + " to send it");
      }
      std::string filename =
          file->filename.empty() ? file->path.filename().string() : file->filename;
      curl_mime_filename(part, filename.c_str());
      curl_mime_type(part, file->content_type.empty() ? "application/octet-stream"
                                                      : file->content_type.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime.get());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, nullptr);
    return Status::Ok();
  };
  auto response = Perform(post, user_agent_, BufferSink(post, body), prepare);
  if (!response.ok()) return response;
  response->body = std::move(body);
  return response;
}

Result<HttpResponse> HttpClient::Download(const HttpRequest& request,
                                          const std::filesystem::path& path,
                                          const ProgressCallback& on_progress) const {
  std::error_code error;
  std::int64_t offset = 0;
  if (std::filesystem::exists(path, error)) {
    offset = static_cast<std::int64_t>(std::filesystem::file_size(path, error));
    if (error) offset = 0;
  }
  HttpRequest get = request;
  get.method = "GET";
  get.body.clear();
  if (offset > 0) get.headers.emplace_back("Range", "bytes=" + std::to_string(offset) + "-");
  DownloadSink sink(get, path, offset, on_progress);
  auto response = Perform(get, user_agent_, [&](Transfer& transfer, std::string_view chunk) {
    return sink.Write(transfer, chunk);
  });
  if (!response.ok()) return response;
  if (response->status == 416 && offset > 0) {
    if (on_progress) on_progress(offset, offset);
    return response;
  }
  if (response->status < 200 || response->status >= 300) {
    return HttpStatusError(get, response->status, sink.error_body());
  }
  if (response->status == 204 || HeaderInt(*response, "content-length") == 0) {
    // An empty body never reaches the sink: create or truncate the file all the same.
    if (response->status != 206) std::ofstream(path, std::ios::binary | std::ios::trunc);
  }
  return response;
}

}  // namespace ytl::net
