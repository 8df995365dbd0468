#include "http/testing/http_test_client.h"

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <cctype>

namespace ytl::http::testing {

namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

void Connect(tcp::socket& socket, int port) {
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), static_cast<uint16_t>(port)));
}

std::string DecodeChunked(const std::string& body) {
  std::string out;
  std::size_t pos = 0;
  while (pos < body.size()) {
    const std::size_t eol = body.find("\r\n", pos);
    if (eol == std::string::npos) break;
    const std::size_t size = std::stoul(body.substr(pos, eol - pos), nullptr, 16);
    if (size == 0) break;
    out += body.substr(eol + 2, size);
    pos = eol + 2 + size + 2;
  }
  return out;
}

}  // namespace

std::string ClientResponse::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

ClientResponse ParseRawResponse(const std::string& raw) {
  ClientResponse response;
  const std::size_t end = raw.find("\r\n\r\n");
  if (end == std::string::npos || raw.size() < 12) return response;
  response.status = std::stoi(raw.substr(9, 3));
  std::size_t pos = raw.find("\r\n") + 2;
  while (pos < end) {
    const std::size_t eol = raw.find("\r\n", pos);
    const std::string line = raw.substr(pos, eol - pos);
    const std::size_t colon = line.find(':');
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    response.headers[Lower(line.substr(0, colon))] = value;
    pos = eol + 2;
  }
  response.body = raw.substr(end + 4);
  if (Lower(response.Header("transfer-encoding")) == "chunked") {
    response.body = DecodeChunked(response.body);
  }
  return response;
}

std::string SendRaw(int port, const std::string& bytes) {
  net::io_context ioc;
  tcp::socket socket(ioc);
  boost::system::error_code ec;
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), static_cast<uint16_t>(port)),
                 ec);
  if (ec) return "";
  net::write(socket, net::buffer(bytes), ec);
  std::string raw;
  char buffer[4096];
  while (true) {
    const std::size_t n = socket.read_some(net::buffer(buffer), ec);
    if (ec) break;
    raw.append(buffer, n);
  }
  return raw;
}

ClientResponse Fetch(int port, const std::string& method, const std::string& target,
                     const Headers& headers, const std::string& body) {
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  request += "Connection: close\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT") {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  return ParseRawResponse(SendRaw(port, request));
}

SseClient::SseClient(int port, const std::string& target, const Headers& headers) {
  Connect(socket_, port);
  std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  request += "\r\n";
  net::write(socket_, net::buffer(request));
  while (raw_.find("\r\n\r\n") == std::string::npos) {
    if (!ReadMore()) return;
  }
  const std::size_t end = raw_.find("\r\n\r\n");
  raw_headers_ = raw_.substr(0, end + 4);
  raw_.erase(0, end + 4);
  status_ = std::stoi(raw_headers_.substr(9, 3));
}

bool SseClient::ReadMore() {
  char buffer[4096];
  boost::system::error_code ec;
  const std::size_t n = socket_.read_some(net::buffer(buffer), ec);
  if (ec) {
    ended_ = true;
    return false;
  }
  raw_.append(buffer, n);
  return true;
}

bool SseClient::DecodeChunks() {
  while (true) {
    const std::size_t eol = raw_.find("\r\n");
    if (eol == std::string::npos) return true;
    const std::size_t size = std::stoul(raw_.substr(0, eol), nullptr, 16);
    if (size == 0) {
      ended_ = true;
      return false;
    }
    if (raw_.size() < eol + 2 + size + 2) return true;
    decoded_ += raw_.substr(eol + 2, size);
    raw_.erase(0, eol + 2 + size + 2);
  }
}

std::string SseClient::NextBlock() {
  while (true) {
    DecodeChunks();
    const std::size_t end = decoded_.find("\n\n");
    if (end != std::string::npos) {
      std::string block = decoded_.substr(0, end + 2);
      decoded_.erase(0, end + 2);
      return block;
    }
    if (ended_ || !ReadMore()) return "";
  }
}

void SseClient::Disconnect() {
  boost::system::error_code ec;
  socket_.shutdown(tcp::socket::shutdown_both, ec);
  socket_.close(ec);
}

}  // namespace ytl::http::testing
