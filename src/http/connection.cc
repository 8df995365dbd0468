#include "http/connection.h"

#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <filesystem>
#include <sstream>

#include "http/byte_range.h"
#include "http/content_type.h"
#include "http/request_id.h"
#include "http/url.h"

namespace ytl::http {

namespace beast = boost::beast;
namespace net = boost::asio;
namespace bhttp = boost::beast::http;

namespace {

constexpr std::size_t kFileChunkBytes = 64 * 1024;

std::chrono::steady_clock::duration Seconds(double s) {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(s));
}

// Status line and headers of a response whose body the connection writes itself.
std::string HeaderBlock(int status, const Response& response, bool keep_alive) {
  bhttp::response<bhttp::empty_body> message{static_cast<bhttp::status>(status), 11};
  for (const auto& [name, value] : response.headers) message.set(name, value);
  message.keep_alive(keep_alive);
  std::ostringstream out;
  out << message.base();
  return out.str();
}

std::string ChunkFrame(const std::string& bytes) {
  std::ostringstream out;
  out << std::hex << bytes.size() << "\r\n" << bytes << "\r\n";
  return out.str();
}

}  // namespace

Connection::Connection(net::ip::tcp::socket socket, std::shared_ptr<ServerContext> context)
    : context_(std::move(context)), stream_(std::move(socket)), heartbeat_(stream_.get_executor()) {
  beast::error_code ec;
  auto endpoint = stream_.socket().remote_endpoint(ec);
  if (!ec) remote_address_ = endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
}

Connection::~Connection() {
  SetIdle(false);
  if (event_stream_) event_stream_->MarkClosed();
  std::lock_guard<std::mutex> lock(context_->mu);
  context_->connections.erase(this);
}

void Connection::Start() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->ReadRequest(); });
}

void Connection::Abort() {
  net::post(stream_.get_executor(), [self = shared_from_this()] { self->Close(); });
}

void Connection::SetIdle(bool idle) {
  if (idle == idle_) return;
  idle_ = idle;
  context_->idle_connections += idle ? 1 : -1;
}

void Connection::Close() {
  SetIdle(false);
  if (closed_) return;
  closed_ = true;
  heartbeat_.cancel();
  beast::error_code ec;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
  stream_.close();
  if (event_stream_) event_stream_->MarkClosed();
  if (!logged_) FinishRequest(event_stream_ ? response_status_ : 499);
}

void Connection::ReadRequest() {
  if (closed_) return;
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(context_->config.max_header_bytes));
  parser_->body_limit(context_->config.max_body_bytes);
  if (buffer_.size() > 0) return ReadHeader();
  stream_.expires_after(Seconds(context_->config.idle_timeout_s));
  SetIdle(true);
  stream_.async_read_some(buffer_.prepare(4096),
                          [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                            self->SetIdle(false);
                            if (ec) return self->OnReadError(ec);
                            self->buffer_.commit(n);
                            self->ReadHeader();
                          });
}

void Connection::ReadHeader() {
  started_ = std::chrono::steady_clock::now();
  stream_.expires_after(Seconds(context_->config.request_timeout_s));
  bhttp::async_read_header(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnHeader(ec); });
}

void Connection::OnHeader(beast::error_code ec) {
  if (ec) return OnReadError(ec);
  const auto& header = parser_->get();
  auto expect = header.find(bhttp::field::expect);
  if (expect != header.end() && beast::iequals(expect->value(), "100-continue") &&
      !parser_->is_done()) {
    static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    net::async_write(stream_, net::buffer(kContinue),
                     [self = shared_from_this()](beast::error_code write_ec, std::size_t) {
                       if (write_ec) return self->Close();
                       self->ReadBody();
                     });
    return;
  }
  ReadBody();
}

void Connection::ReadBody() {
  bhttp::async_read(stream_, buffer_, *parser_,
                    [self = shared_from_this()](beast::error_code ec, std::size_t) {
                      if (ec) return self->OnReadError(ec);
                      self->Dispatch();
                    });
}

void Connection::OnReadError(beast::error_code ec) {
  if (closed_) return;
  const bool request_started = parser_ && parser_->got_some();
  int status = 0;
  std::string code, message;
  if (ec == bhttp::error::header_limit) {
    status = 431, code = "header_too_large";
    message = "request headers exceed " + std::to_string(context_->config.max_header_bytes) +
              " bytes; send fewer or shorter headers";
  } else if (ec == bhttp::error::body_limit) {
    status = 413, code = "body_too_large";
    message = "request body exceeds " + std::to_string(context_->config.max_body_bytes) +
              " bytes; send a smaller file";
  } else if (ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
             ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
    status = 400, code = "bad_request";
    message = "malformed HTTP request: " + ec.message();
  }
  if (status == 0 || !request_started) return Close();
  request_ = Request();
  request_.method = std::string(parser_->get().method_string());
  request_.request_id = NewRequestId();
  request_.remote_address = remote_address_;
  keep_alive_ = false;
  logged_ = false;
  bytes_sent_ = 0;
  Response response = Response::Error(status, code, message);
  response.SetHeader("X-Request-Id", request_.request_id);
  SendBuffered(std::move(response));
}

void Connection::Dispatch() {
  auto message = parser_->release();
  request_ = Request();
  request_.method = std::string(message.method_string());
  request_.target = std::string(message.target());
  for (const auto& field : message) {
    request_.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  request_.body = std::move(message.body());
  request_.remote_address = remote_address_;
  request_.request_id = ChooseRequestId(request_.Header("X-Request-Id").value_or(""));
  keep_alive_ = message.keep_alive() && !context_->draining.load();
  logged_ = false;
  bytes_sent_ = 0;

  const auto [raw_path, raw_query] = SplitTarget(request_.target);
  auto path = PercentDecode(raw_path, false);
  auto query = ParseQuery(raw_query);
  const bool target_ok = !raw_path.empty() && raw_path.front() == '/' && path && query;
  if (path) request_.path = std::move(*path);
  if (query) request_.query = std::move(*query);
  Respond(Route(std::string(raw_path), target_ok));
}

void Connection::Respond(Response response) {
  context_->cors.Decorate(request_, &response);
  response.SetHeader("X-Request-Id", request_.request_id);
  Send(std::move(response));
}

void Connection::StartDeferred(Response response) {
  auto answered = std::make_shared<std::atomic<bool>>(false);
  ResponseCompleter complete = [self = shared_from_this(), answered](Response answer) {
    if (answered->exchange(true)) return;
    net::post(self->stream_.get_executor(), [self, answer = std::move(answer)]() mutable {
      if (self->closed_) return;
      if (answer.kind == Response::Kind::kDeferred) {
        answer = Response::Error(500, "internal",
                                 "the server failed on this request (nested "
                                 "deferred response); retry later");
      }
      self->Respond(std::move(answer));
    });
  };
  try {
    response.on_deferred(complete);
  } catch (const std::exception& e) {
    context_->logger->error("deferred handler for {} {} threw: {}", request_.method, request_.route,
                            e.what());
    complete(Response::Error(500, "internal", "the server failed on this request; retry later"));
  }
}

Response Connection::Route(const std::string& raw_path, bool target_ok) {
  if (!target_ok) {
    return Response::Error(
        400, "bad_request",
        "request target '" + request_.target + "' is not a valid path with an optional query");
  }
  RouteMatch match = context_->router.Match(request_.method, raw_path);
  if (match.outcome == RouteMatch::Outcome::kNotFound) {
    return Response::Error(404, "route_not_found", "no route for " + request_.path);
  }
  if (CorsPolicy::IsPreflight(request_)) {
    return context_->cors.Preflight(request_, match.allowed_methods);
  }
  std::string allow;
  for (const auto& method : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + method;
  if (match.outcome == RouteMatch::Outcome::kMethodNotAllowed) {
    Response response =
        Response::Error(405, "method_not_allowed",
                        request_.method + " is not allowed on " + request_.path + "; use " + allow);
    response.SetHeader("Allow", allow);
    return response;
  }
  request_.route = match.route;
  request_.params = std::move(match.params);
  try {
    return (*match.handler)(request_);
  } catch (const std::exception& e) {
    context_->logger->error("handler for {} {} threw: {}", request_.method, request_.route,
                            e.what());
  } catch (...) {
    context_->logger->error("handler for {} {} threw", request_.method, request_.route);
  }
  return Response::Error(500, "internal", "the server failed on this request; retry later");
}

void Connection::Send(Response response) {
  switch (response.kind) {
    case Response::Kind::kBuffered:
      return SendBuffered(std::move(response));
    case Response::Kind::kFile:
      return SendFile(std::move(response));
    case Response::Kind::kEventStream:
      return OpenEventStream(std::move(response));
    case Response::Kind::kDeferred:
      return StartDeferred(std::move(response));
  }
}

void Connection::SendBuffered(Response response) {
  auto message = std::make_shared<bhttp::response<bhttp::string_body>>(
      static_cast<bhttp::status>(response.status), 11);
  for (const auto& [name, value] : response.headers) message->set(name, value);
  message->body() = std::move(response.body);
  message->keep_alive(keep_alive_);
  message->prepare_payload();
  if (request_.method == "HEAD") message->body().clear();
  bytes_sent_ = message->body().size();
  response_status_ = response.status;
  stream_.expires_after(Seconds(context_->config.request_timeout_s));
  bhttp::async_write(stream_, *message,
                     [self = shared_from_this(), message](beast::error_code ec, std::size_t) {
                       self->FinishRequest(ec ? 499 : self->response_status_);
                       self->AfterResponse(ec);
                     });
}

void Connection::AfterResponse(beast::error_code ec) {
  if (ec || !keep_alive_ || context_->draining.load()) return Close();
  request_ = Request();
  ReadRequest();
}

void Connection::SendFile(Response response) {
  std::error_code fs_ec;
  const bool regular = std::filesystem::is_regular_file(response.file_path, fs_ec);
  const std::uint64_t size = regular ? std::filesystem::file_size(response.file_path, fs_ec) : 0;
  file_.reset(regular && !fs_ec ? std::fopen(response.file_path.c_str(), "rb") : nullptr);
  if (!file_) {
    Response missing = Response::Error(404, "not_found",
                                       "the file for " + request_.path + " does not exist (yet)");
    for (const char* name :
         {"X-Request-Id", "Access-Control-Allow-Origin", "Access-Control-Expose-Headers", "Vary"}) {
      for (const auto& [key, value] : response.headers) {
        if (EqualsIgnoreCase(key, name)) missing.SetHeader(key, value);
      }
    }
    return SendBuffered(std::move(missing));
  }
  const ByteRangeDecision range = DecideByteRange(request_.Header("Range").value_or(""), size);
  if (range.kind == ByteRangeDecision::Kind::kUnsatisfiable) {
    file_.reset();
    response.status = 416;
    response.kind = Response::Kind::kBuffered;
    response.body = ErrorBody("range_not_satisfiable", "the requested range is outside the " +
                                                           std::to_string(size) + "-byte file");
    response.SetHeader("Content-Type", "application/json");
    response.SetHeader("Content-Range", ContentRangeHeader(range, size));
    return SendBuffered(std::move(response));
  }
  bool has_type = false;
  for (const auto& [key, value] : response.headers)
    has_type |= EqualsIgnoreCase(key, "Content-Type");
  if (!has_type) response.SetHeader("Content-Type", ContentTypeForPath(response.file_path));
  response.SetHeader("Accept-Ranges", "bytes");
  file_remaining_ = size;
  if (range.kind == ByteRangeDecision::Kind::kPartial) {
    response.status = 206;
    response.SetHeader("Content-Range", ContentRangeHeader(range, size));
    file_remaining_ = range.last - range.first + 1;
    std::fseek(file_.get(), static_cast<long>(range.first), SEEK_SET);
  }
  response.SetHeader("Content-Length", std::to_string(file_remaining_));
  if (request_.method == "HEAD") file_remaining_ = 0;
  auto header = std::make_shared<std::string>(HeaderBlock(response.status, response, keep_alive_));
  response_status_ = response.status;
  stream_.expires_after(Seconds(context_->config.request_timeout_s));
  net::async_write(stream_, net::buffer(*header),
                   [self = shared_from_this(), header](beast::error_code ec, std::size_t) {
                     if (ec) {
                       self->FinishRequest(499);
                       return self->Close();
                     }
                     self->WriteFileChunk();
                   });
}

void Connection::WriteFileChunk() {
  if (file_remaining_ == 0) {
    file_.reset();
    FinishRequest(response_status_);
    return AfterResponse({});
  }
  chunk_.resize(
      static_cast<std::size_t>(std::min<std::uint64_t>(kFileChunkBytes, file_remaining_)));
  const std::size_t n = std::fread(chunk_.data(), 1, chunk_.size(), file_.get());
  if (n == 0) {  // the file shrank or failed under us: the response cannot be completed
    context_->logger->error("file read failed while serving {} ({} bytes left)", request_.path,
                            file_remaining_);
    FinishRequest(response_status_);
    return Close();
  }
  file_remaining_ -= n;
  stream_.expires_after(Seconds(context_->config.request_timeout_s));
  net::async_write(stream_, net::buffer(chunk_.data(), n),
                   [self = shared_from_this()](beast::error_code ec, std::size_t written) {
                     self->bytes_sent_ += written;
                     if (ec) {
                       self->FinishRequest(499);
                       return self->Close();
                     }
                     self->WriteFileChunk();
                   });
}

void Connection::OpenEventStream(Response response) {
  keep_alive_ = false;  // the connection ends with the stream
  response.SetHeader("Content-Type", "text/event-stream; charset=utf-8");
  response.SetHeader("Cache-Control", "no-cache");
  response.SetHeader("X-Accel-Buffering", "no");
  response.SetHeader("Transfer-Encoding", "chunked");
  response_status_ = response.status;
  outbox_.emplace_back(HeaderBlock(response.status, response, false), false);
  event_stream_ = std::make_shared<EventStream>(
      std::string(request_.Header("Last-Event-ID").value_or("")), weak_from_this());
  {
    std::lock_guard<std::mutex> lock(context_->mu);
    auto& streams = context_->streams;
    std::erase_if(streams, [](const auto& weak) { return weak.expired(); });
    streams.push_back(event_stream_);
  }
  WriteNextStreamItem();
  WatchForDisconnect();
  ArmHeartbeat();
  try {
    if (response.on_stream_open) response.on_stream_open(event_stream_);
  } catch (const std::exception& e) {
    context_->logger->error("event stream opener for {} threw: {}", request_.route, e.what());
    event_stream_->Close();
  }
}

void Connection::Post(std::string bytes, bool end) {
  net::post(stream_.get_executor(),
            [self = shared_from_this(), bytes = std::move(bytes), end]() mutable {
              self->QueueStreamBytes(std::move(bytes), end);
            });
}

void Connection::QueueStreamBytes(std::string bytes, bool end) {
  if (closed_) return;
  if (!bytes.empty()) {
    bytes_sent_ += bytes.size();
    outbox_.emplace_back(ChunkFrame(bytes), false);
  }
  if (end) outbox_.emplace_back("0\r\n\r\n", true);
  if (!writing_) WriteNextStreamItem();
}

void Connection::WriteNextStreamItem() {
  if (closed_ || outbox_.empty()) {
    writing_ = false;
    return;
  }
  writing_ = true;
  stream_.expires_after(Seconds(context_->config.request_timeout_s));
  net::async_write(stream_, net::buffer(outbox_.front().first),
                   [self = shared_from_this()](beast::error_code ec, std::size_t) {
                     if (self->closed_) return;
                     if (ec) return self->Close();
                     const bool last = self->outbox_.front().second;
                     self->outbox_.pop_front();
                     self->stream_.expires_never();
                     if (last) {
                       self->FinishRequest(self->response_status_);
                       return self->Close();
                     }
                     self->WriteNextStreamItem();
                   });
}

void Connection::ArmHeartbeat() {
  heartbeat_.expires_after(Seconds(context_->config.sse_heartbeat_s));
  heartbeat_.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (ec || self->closed_) return;
    self->QueueStreamBytes(FormatSseComment("heartbeat"), false);
    self->ArmHeartbeat();
  });
}

void Connection::WatchForDisconnect() {
  // A client of an event stream sends nothing; any read completion with an error means it left.
  stream_.socket().async_read_some(net::buffer(disconnect_probe_),
                                   [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                     if (self->closed_) return;
                                     if (ec) return self->Close();
                                     self->WatchForDisconnect();
                                   });
}

void Connection::FinishRequest(int status) {
  if (logged_) return;
  logged_ = true;
  AccessRecord record;
  record.method = request_.method;
  record.route = request_.route;
  record.path = request_.path;
  record.status = status;
  record.duration_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
          .count();
  record.request_id = request_.request_id;
  record.bytes_received = request_.body.size();
  record.bytes_sent = bytes_sent_;
  record.remote_address = remote_address_;
  context_->logger->info(FormatAccessLogLine(record));
  if (context_->observer) context_->observer(record);
}

}  // namespace ytl::http
