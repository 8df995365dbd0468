// A small blocking HTTP client over loopback for the server tests.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ytl::http::testing {

struct ClientResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string Header(const std::string& lower_name) const;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

// One request on a fresh connection (Connection: close). Status 0 when the connection failed.
ClientResponse Fetch(int port, const std::string& method, const std::string& target,
                     const Headers& headers = {}, const std::string& body = "");

// Writes `bytes` on a fresh connection and returns everything read until the server closes.
std::string SendRaw(int port, const std::string& bytes);

// Parses a raw response (status line, headers, Content-Length or close-delimited body).
ClientResponse ParseRawResponse(const std::string& raw);

// Reads a Server-Sent Events response: headers, then one event block at a time (chunked).
class SseClient {
 public:
  // Connects and sends GET `target` with `headers`; reads the response headers.
  SseClient(int port, const std::string& target, const Headers& headers = {});
  int status() const { return status_; }
  const std::string& raw_headers() const { return raw_headers_; }
  // The next block up to and including the blank line; "" at end of stream or error.
  std::string NextBlock();
  // True when the server ended the stream (terminating chunk or close).
  bool ended() const { return ended_; }
  void Disconnect();

 private:
  bool ReadMore();
  bool DecodeChunks();

  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::socket socket_{ioc_};
  int status_ = 0;
  std::string raw_headers_;
  std::string raw_;      // undecoded bytes
  std::string decoded_;  // event-stream text
  bool ended_ = false;
};

}  // namespace ytl::http::testing
