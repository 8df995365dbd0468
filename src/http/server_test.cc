// The server over loopback: routing, errors, request ids, CORS, limits, timeouts, concurrency and
// shutdown.
#include "http/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <thread>

#include "http/testing/http_test_client.h"
#include "http/testing/test_server.h"

namespace ytl::http {
namespace {

using testing::Fetch;
using testing::SendRaw;
using testing::TestServer;
namespace net = boost::asio;

Router JobRoutes() {
  Router router;
  Status added = router.Add("GET", "/v1/jobs/{id}/lyrics.{format}", [](const Request& request) {
    return Response::Json(200, {{"id", request.Param("id")},
                                {"format", request.Param("format")},
                                {"route", request.route},
                                {"q", request.QueryParam("q").value_or("")},
                                {"path", request.path}});
  });
  EXPECT_TRUE(added.ok());
  EXPECT_TRUE(router
                  .Add("GET", "/v1/jobs/{id}",
                       [](const Request& request) {
                         return Response::FromStatus(Status::NotFound(
                             "job " + std::string(request.Param("id")) + " does not exist"));
                       })
                  .ok());
  EXPECT_TRUE(router
                  .Add("POST", "/v1/jobs",
                       [](const Request& request) {
                         return Response::Json(201, {{"bytes", request.body.size()}});
                       })
                  .ok());
  EXPECT_TRUE(router
                  .Add("GET", "/v1/jobs",
                       [](const Request&) { return Response::Json(200, nlohmann::json::array()); })
                  .ok());
  EXPECT_TRUE(router
                  .Add("GET", "/throw",
                       [](const Request&) -> Response { throw std::runtime_error("boom"); })
                  .ok());
  return router;
}

TEST(Server, RoutesWithDecodedParamsAndQuery) {
  TestServer server({}, JobRoutes());
  auto response = Fetch(server.port, "GET", "/v1/jobs/a%20b/lyrics.srt?q=x%2By+z");
  ASSERT_EQ(response.status, 200);
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["id"], "a b");
  EXPECT_EQ(body["format"], "srt");
  EXPECT_EQ(body["route"], "/v1/jobs/{id}/lyrics.{format}");
  EXPECT_EQ(body["q"], "x+y z");
  EXPECT_EQ(body["path"], "/v1/jobs/a b/lyrics.srt");
  EXPECT_EQ(response.Header("content-type"), "application/json");
}

TEST(Server, UnknownRouteIs404AndWrongMethodIs405WithAllow) {
  TestServer server({}, JobRoutes());
  auto missing = Fetch(server.port, "GET", "/nope");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(nlohmann::json::parse(missing.body)["error"]["code"], "route_not_found");
  auto wrong = Fetch(server.port, "DELETE", "/v1/jobs");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.Header("allow"), "GET, HEAD, POST");
  EXPECT_EQ(nlohmann::json::parse(wrong.body)["error"]["code"], "method_not_allowed");
}

TEST(Server, StatusErrorsAndHandlerExceptionsBecomeJsonErrors) {
  TestServer server({}, JobRoutes());
  auto missing = Fetch(server.port, "GET", "/v1/jobs/42");
  EXPECT_EQ(missing.status, 404);
  auto body = nlohmann::json::parse(missing.body);
  EXPECT_EQ(body["error"]["code"], "not_found");
  EXPECT_EQ(body["error"]["message"], "job 42 does not exist");
  EXPECT_EQ(Fetch(server.port, "GET", "/throw").status, 500);
  EXPECT_EQ(Fetch(server.port, "GET", "/v1/jobs").status, 200);
}

TEST(Server, EchoesSaneRequestIdsAndGeneratesOthers) {
  TestServer server({}, JobRoutes());
  auto echoed = Fetch(server.port, "GET", "/v1/jobs", {{"X-Request-Id", "client-id-1"}});
  EXPECT_EQ(echoed.Header("x-request-id"), "client-id-1");
  auto replaced = Fetch(server.port, "GET", "/nope", {{"X-Request-Id", "bad id <script>"}});
  EXPECT_EQ(replaced.Header("x-request-id").size(), 32u);
  EXPECT_NE(Fetch(server.port, "GET", "/v1/jobs").Header("x-request-id"),
            Fetch(server.port, "GET", "/v1/jobs").Header("x-request-id"));
}

TEST(Server, LogsOneJsonLinePerRequestAndFeedsTheObserver) {
  std::mutex mu;
  std::vector<AccessRecord> records;
  TestServer server({}, JobRoutes(), [&](const AccessRecord& record) {
    std::lock_guard<std::mutex> lock(mu);
    records.push_back(record);
  });
  Fetch(server.port, "GET", "/v1/jobs/7/lyrics.lrc", {{"X-Request-Id", "log-me"}});
  std::string line;
  std::istringstream lines(server.Log());
  while (std::getline(lines, line)) {
    if (line.find("log-me") != std::string::npos) break;
  }
  auto logged = nlohmann::json::parse(line);
  EXPECT_EQ(logged["method"], "GET");
  EXPECT_EQ(logged["route"], "/v1/jobs/{id}/lyrics.{format}");
  EXPECT_EQ(logged["status"], 200);
  EXPECT_GT(logged["bytes_out"].get<int>(), 0);
  EXPECT_GE(logged["duration_ms"].get<double>(), 0.0);
  std::lock_guard<std::mutex> lock(mu);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].route, "/v1/jobs/{id}/lyrics.{format}");
}

TEST(Server, CorsPreflightAndResponseHeaders) {
  ServerConfig config;
  config.cors_allowed_origins = {"https://app.example"};
  TestServer server(config, JobRoutes());
  auto preflight = Fetch(server.port, "OPTIONS", "/v1/jobs",
                         {{"Origin", "https://app.example"},
                          {"Access-Control-Request-Method", "POST"},
                          {"Access-Control-Request-Headers", "content-type"}});
  EXPECT_EQ(preflight.status, 204);
  EXPECT_EQ(preflight.Header("access-control-allow-origin"), "https://app.example");
  EXPECT_EQ(preflight.Header("access-control-allow-methods"), "GET, HEAD, POST");
  EXPECT_EQ(preflight.Header("access-control-allow-headers"), "content-type");
  auto denied =
      Fetch(server.port, "OPTIONS", "/v1/jobs",
            {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "GET"}});
  EXPECT_EQ(denied.status, 403);
  auto simple = Fetch(server.port, "GET", "/v1/jobs", {{"Origin", "https://app.example"}});
  EXPECT_EQ(simple.Header("access-control-allow-origin"), "https://app.example");
  EXPECT_NE(simple.Header("access-control-expose-headers").find("X-Request-Id"), std::string::npos);
  auto other = Fetch(server.port, "GET", "/v1/jobs", {{"Origin", "https://evil.example"}});
  EXPECT_EQ(other.Header("access-control-allow-origin"), "");
}

TEST(Server, WildcardCorsAllowsAnyOrigin) {
  ServerConfig config;
  config.cors_allowed_origins = {"*"};
  TestServer server(config, JobRoutes());
  auto response = Fetch(server.port, "GET", "/v1/jobs", {{"Origin", "http://localhost:3000"}});
  EXPECT_EQ(response.Header("access-control-allow-origin"), "*");
}

TEST(Server, OversizedHeadersAre431AndServerStaysUp) {
  ServerConfig config;
  config.max_header_bytes = 2048;
  TestServer server(config, JobRoutes());
  auto response = Fetch(server.port, "GET", "/v1/jobs", {{"X-Big", std::string(4096, 'a')}});
  EXPECT_EQ(response.status, 431);
  EXPECT_EQ(nlohmann::json::parse(response.body)["error"]["code"], "header_too_large");
  EXPECT_EQ(Fetch(server.port, "GET", "/v1/jobs").status, 200);
}

TEST(Server, BodyOverLimitIs413FromContentLengthAndFromChunks) {
  ServerConfig config;
  config.max_body_bytes = 1000;
  TestServer server(config, JobRoutes());
  // Only headers are sent: the limit is checked before any body byte is read.
  auto declared = testing::ParseRawResponse(SendRaw(
      server.port, "POST /v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\n"));
  EXPECT_EQ(declared.status, 413);
  std::string chunked = "POST /v1/jobs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) chunked += "200\r\n" + std::string(512, 'z') + "\r\n";
  chunked += "0\r\n\r\n";
  EXPECT_EQ(testing::ParseRawResponse(SendRaw(server.port, chunked)).status, 413);
  auto accepted = Fetch(server.port, "POST", "/v1/jobs", {}, std::string(1000, 'y'));
  EXPECT_EQ(accepted.status, 201);
  EXPECT_EQ(nlohmann::json::parse(accepted.body)["bytes"], 1000);
}

TEST(Server, MalformedRequestsAre400AndServerStaysUp) {
  TestServer server({}, JobRoutes());
  for (const char* raw : {"GARBAGE\r\n\r\n", "GET /v1/jobs HTTP/9.9\r\n\r\n",
                          "GET /v1/jobs HTTP/1.1\r\nBad Header\r\n\r\n",
                          "POST /v1/jobs HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
                          "GET /v1/jobs/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"}) {
    EXPECT_EQ(testing::ParseRawResponse(SendRaw(server.port, raw)).status, 400) << raw;
  }
  EXPECT_EQ(Fetch(server.port, "GET", "/v1/jobs").status, 200);
}

TEST(Server, KeepAliveServesSeveralRequestsOnOneConnection) {
  TestServer server({}, JobRoutes());
  const std::string request = "GET /v1/jobs HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string raw = SendRaw(server.port, request + request +
                                                   "GET /v1/jobs HTTP/1.1\r\nHost: x\r\n"
                                                   "Connection: close\r\n\r\n");
  std::size_t count = 0;
  for (std::size_t pos = 0; (pos = raw.find("HTTP/1.1 200", pos)) != std::string::npos; ++pos) {
    ++count;
  }
  EXPECT_EQ(count, 3u);
}

TEST(Server, SlowClientDoesNotBlockOthersAndTimesOut) {
  ServerConfig config;
  config.io_threads = 1;
  config.request_timeout_s = 1.0;
  TestServer server(config, JobRoutes());
  net::io_context ioc;
  net::ip::tcp::socket slow(ioc);
  slow.connect({net::ip::make_address("127.0.0.1"), static_cast<uint16_t>(server.port)});
  const std::string partial = "GET /v1/jobs HTTP/1.1\r\nHost";
  std::thread trickle([&] {
    for (char c : partial) {
      boost::system::error_code ec;
      net::write(slow, net::buffer(&c, 1), ec);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Fetch(server.port, "GET", "/v1/jobs").status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(500));
  trickle.join();
  // The slow request never completes: the server closes it after request_timeout_s.
  char byte;
  boost::system::error_code ec;
  slow.read_some(net::buffer(&byte, 1), ec);
  EXPECT_TRUE(ec) << "expected the server to close the slow connection";
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
}

TEST(Server, IdleKeepAliveConnectionsAreClosed) {
  ServerConfig config;
  config.idle_timeout_s = 0.3;
  TestServer server(config, JobRoutes());
  const auto start = std::chrono::steady_clock::now();
  const std::string raw = SendRaw(server.port, "GET /v1/jobs HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(raw.find("HTTP/1.1 200"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(Server, ServesConcurrentClients) {
  TestServer server({}, JobRoutes());
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&, c] {
      for (int i = 0; i < 20; ++i) {
        auto response =
            Fetch(server.port, "GET",
                  "/v1/jobs/" + std::to_string(c) + "-" + std::to_string(i) + "/lyrics.lrc");
        if (response.status == 200 && nlohmann::json::parse(response.body)["id"] ==
                                          std::to_string(c) + "-" + std::to_string(i)) {
          ++ok;
        }
      }
    });
  }
  for (auto& client : clients) client.join();
  EXPECT_EQ(ok.load(), 160);
}

TEST(Server, StopAcceptingRefusesNewConnectionsThenStopCloses) {
  TestServer server({}, JobRoutes());
  net::io_context ioc;
  net::ip::tcp::socket kept(ioc);
  kept.connect({net::ip::make_address("127.0.0.1"), static_cast<uint16_t>(server.port)});
  // One keep-alive exchange first, so the connection is surely accepted before draining.
  const std::string request = "GET /v1/jobs HTTP/1.1\r\nHost: x\r\n\r\n";
  net::write(kept, net::buffer(request));
  std::string first;
  char byte;
  while (first.find("\r\n\r\n[]") == std::string::npos) {
    kept.read_some(net::buffer(&byte, 1));
    first.push_back(byte);
  }
  // Wait until the server has finished that response and waits for the next request (a
  // connection still finishing a response when draining starts is closed instead).
  for (int i = 0; i < 5000 && server.server->idle_connections() < 1; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_EQ(server.server->idle_connections(), 1);
  server.server->StopAccepting();
  EXPECT_EQ(Fetch(server.port, "GET", "/v1/jobs").status, 0);
  // A connection accepted before draining still gets its next answer, with Connection: close.
  net::write(kept, net::buffer(request));
  std::string raw;
  char buffer[1024];
  boost::system::error_code ec;
  while (!ec) raw.append(buffer, kept.read_some(net::buffer(buffer), ec));
  auto response = testing::ParseRawResponse(raw);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.Header("connection"), "close");
  server.server->Stop();
  server.server->Stop();
  EXPECT_EQ(server.server->open_connections(), 0u);
  EXPECT_EQ(server.server->idle_connections(), 0);
}

TEST(Server, StartFailsOnBadConfigOrBusyPort) {
  TestServer first({}, JobRoutes());
  ServerConfig busy;
  busy.host = "127.0.0.1";
  busy.port = first.port;
  Server second(busy, Router());
  EXPECT_EQ(second.Start().code(), Status::Code::kUnavailable);
  ServerConfig bad;
  bad.host = "not-an-ip";
  Server third(bad, Router());
  EXPECT_EQ(third.Start().code(), Status::Code::kInvalidInput);
}

}  // namespace
}  // namespace ytl::http
