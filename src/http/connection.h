// One accepted HTTP/1.1 connection (internal to http/): reads requests with limits and timeouts,
// routes them, writes buffered, file and event-stream responses, keeps alive. Every operation runs
// on the connection's strand.
#pragma once

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/request.h"
#include "http/response.h"
#include "http/server_context.h"
#include "http/sse.h"

namespace ytl::http {

class Connection : public SseTransport, public std::enable_shared_from_this<Connection> {
 public:
  Connection(boost::asio::ip::tcp::socket socket, std::shared_ptr<ServerContext> context);
  ~Connection() override;

  // Begins reading requests. Call once, right after construction, from any thread.
  void Start();
  // Closes the socket from any thread; pending operations fail and the connection ends.
  void Abort();
  // SseTransport: queues stream bytes from any thread.
  void Post(std::string bytes, bool end) override;

 private:
  using FilePtr = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

  void ReadRequest();
  void ReadHeader();
  void OnHeader(boost::beast::error_code ec);
  void ReadBody();
  void OnReadError(boost::beast::error_code ec);
  void Dispatch();
  Response Route(const std::string& raw_path, bool target_ok);
  // Adds the CORS and request-id headers and sends.
  void Respond(Response response);
  void Send(Response response);
  // Hands a completer to the deferred response's start; its answer comes back on the strand.
  void StartDeferred(Response response);
  void SendBuffered(Response response);
  void SendFile(Response response);
  void WriteFileChunk();
  void OpenEventStream(Response response);
  void QueueStreamBytes(std::string bytes, bool end);
  void WriteNextStreamItem();
  void ArmHeartbeat();
  void WatchForDisconnect();
  // Access-logs the current request once.
  void FinishRequest(int status);
  void AfterResponse(boost::beast::error_code ec);
  void Close();

  std::shared_ptr<ServerContext> context_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  std::string remote_address_;
  bool closed_ = false;
  bool idle_ = false;  // counted in ServerContext::idle_connections
  void SetIdle(bool idle);

  // The request being served.
  Request request_;
  bool keep_alive_ = false;
  int response_status_ = 0;
  bool logged_ = true;
  std::uint64_t bytes_sent_ = 0;
  std::chrono::steady_clock::time_point started_;

  // File responses.
  FilePtr file_{nullptr, &std::fclose};
  std::uint64_t file_remaining_ = 0;
  std::vector<char> chunk_;

  // Event-stream responses.
  std::shared_ptr<EventStream> event_stream_;
  std::deque<std::pair<std::string, bool>> outbox_;  // framed bytes, is-last
  bool writing_ = false;
  boost::asio::steady_timer heartbeat_;
  char disconnect_probe_[256];
};

}  // namespace ytl::http
