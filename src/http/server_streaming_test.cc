// The server over loopback: Server-Sent Events, file responses with Range, multipart uploads.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "http/multipart.h"
#include "http/server.h"
#include "http/testing/http_test_client.h"
#include "http/testing/test_server.h"

namespace ytl::http {
namespace {

using testing::Fetch;
using testing::SseClient;
using testing::TestServer;

// Hands streams opened by the handler to the test thread.
struct StreamBox {
  std::mutex mu;
  std::condition_variable cv;
  std::shared_ptr<EventStream> stream;
  bool closed = false;

  std::shared_ptr<EventStream> Wait() {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait_for(lock, std::chrono::seconds(5), [&] { return stream != nullptr; });
    return stream;
  }
  bool WaitClosed() {
    std::unique_lock<std::mutex> lock(mu);
    return cv.wait_for(lock, std::chrono::seconds(5), [&] { return closed; });
  }
};

Router EventRoutes(StreamBox* box) {
  Router router;
  EXPECT_TRUE(router
                  .Add("GET", "/v1/jobs/{id}/events",
                       [box](const Request&) {
                         return Response::EventStream([box](std::shared_ptr<EventStream> stream) {
                           stream->OnClose([box] {
                             std::lock_guard<std::mutex> lock(box->mu);
                             box->closed = true;
                             box->cv.notify_all();
                           });
                           std::lock_guard<std::mutex> lock(box->mu);
                           box->stream = std::move(stream);
                           box->cv.notify_all();
                         });
                       })
                  .ok());
  return router;
}

TEST(ServerEvents, DeliversEventsInOrderWithMultiLineDataAndLastEventId) {
  StreamBox box;
  TestServer server({}, EventRoutes(&box));
  SseClient client(server.port, "/v1/jobs/1/events", {{"Last-Event-ID", "41"}});
  ASSERT_EQ(client.status(), 200);
  EXPECT_NE(client.raw_headers().find("text/event-stream"), std::string::npos);
  EXPECT_NE(client.raw_headers().find("X-Request-Id"), std::string::npos);
  auto stream = box.Wait();
  ASSERT_TRUE(stream);
  EXPECT_EQ(stream->last_event_id(), "41");
  std::thread producer([stream] {  // pushes from a thread that is not an I/O thread
    for (int i = 42; i < 52; ++i) {
      stream->Send({std::to_string(i), "progress", "line one\nline " + std::to_string(i), 0});
    }
  });
  for (int i = 42; i < 52; ++i) {
    EXPECT_EQ(client.NextBlock(), "id: " + std::to_string(i) +
                                      "\nevent: progress\ndata: line one\ndata: line " +
                                      std::to_string(i) + "\n\n");
  }
  producer.join();
  stream->Close();
  EXPECT_EQ(client.NextBlock(), "");
  EXPECT_TRUE(client.ended());
}

TEST(ServerEvents, SendsHeartbeatsWhileIdle) {
  StreamBox box;
  ServerConfig config;
  config.sse_heartbeat_s = 0.1;
  TestServer server(config, EventRoutes(&box));
  SseClient client(server.port, "/v1/jobs/1/events");
  ASSERT_EQ(client.status(), 200);
  EXPECT_EQ(client.NextBlock(), ": heartbeat\n\n");
  EXPECT_EQ(client.NextBlock(), ": heartbeat\n\n");
}

TEST(ServerEvents, DetectsClientDisconnect) {
  StreamBox box;
  TestServer server({}, EventRoutes(&box));
  SseClient client(server.port, "/v1/jobs/1/events");
  auto stream = box.Wait();
  ASSERT_TRUE(stream);
  EXPECT_FALSE(stream->closed());
  client.Disconnect();
  EXPECT_TRUE(box.WaitClosed());
  EXPECT_TRUE(stream->closed());
  EXPECT_FALSE(stream->Send({"", "", "nobody listens", 0}));
}

TEST(ServerEvents, StopClosesOpenStreams) {
  StreamBox box;
  TestServer server({}, EventRoutes(&box));
  SseClient client(server.port, "/v1/jobs/1/events");
  auto stream = box.Wait();
  ASSERT_TRUE(stream);
  server.server->Stop();
  EXPECT_TRUE(box.WaitClosed());
  EXPECT_FALSE(stream->Send({"", "", "after stop", 0}));
  EXPECT_EQ(client.NextBlock(), "");
}

class ServerFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() / ("ytl_http_files_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    for (int i = 0; i < 200000; ++i) content_.push_back(static_cast<char>('a' + i % 26));
    std::ofstream(dir_ / "song.srt", std::ios::binary) << content_;
    Router router;
    ASSERT_TRUE(router
                    .Add("GET", "/files/{name}",
                         [this](const Request& request) {
                           return Response::File(
                               (dir_ / std::string(request.Param("name"))).string());
                         })
                    .ok());
    server_ = std::make_unique<TestServer>(ServerConfig{}, std::move(router));
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(dir_);
  }
  testing::ClientResponse Get(const std::string& range) {
    testing::Headers headers;
    if (!range.empty()) headers.emplace_back("Range", range);
    return Fetch(server_->port, "GET", "/files/song.srt", headers);
  }

  std::filesystem::path dir_;
  std::string content_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(ServerFiles, ServesTheWholeFileWithTypeFromExtension) {
  auto response = Get("");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, content_);
  EXPECT_EQ(response.Header("content-type"), "application/x-subrip; charset=utf-8");
  EXPECT_EQ(response.Header("accept-ranges"), "bytes");
  EXPECT_EQ(response.Header("content-length"), std::to_string(content_.size()));
}

TEST_F(ServerFiles, ServesEveryRangeForm) {
  auto closed = Get("bytes=100-70099");
  EXPECT_EQ(closed.status, 206);
  EXPECT_EQ(closed.Header("content-range"), "bytes 100-70099/200000");
  EXPECT_EQ(closed.body, content_.substr(100, 70000));
  auto open = Get("bytes=199990-");
  EXPECT_EQ(open.status, 206);
  EXPECT_EQ(open.body, content_.substr(199990));
  auto suffix = Get("bytes=-7");
  EXPECT_EQ(suffix.status, 206);
  EXPECT_EQ(suffix.Header("content-range"), "bytes 199993-199999/200000");
  EXPECT_EQ(suffix.body, content_.substr(199993));
}

TEST_F(ServerFiles, UnsatisfiableIs416AndMultipleRangesGetTheWholeFile) {
  auto beyond = Get("bytes=200000-");
  EXPECT_EQ(beyond.status, 416);
  EXPECT_EQ(beyond.Header("content-range"), "bytes */200000");
  auto multiple = Get("bytes=0-1,5-6");
  EXPECT_EQ(multiple.status, 200);
  EXPECT_EQ(multiple.body.size(), content_.size());
}

TEST_F(ServerFiles, MissingFileIs404AndHeadSendsNoBody) {
  auto missing = Fetch(server_->port, "GET", "/files/none.lrc");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(nlohmann::json::parse(missing.body)["error"]["code"], "not_found");
  auto head = Fetch(server_->port, "HEAD", "/files/song.srt");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("content-length"), "200000");
  EXPECT_EQ(head.body, "");
}

Router UploadRoutes() {
  Router router;
  EXPECT_TRUE(router
                  .Add("POST", "/v1/uploads",
                       [](const Request& request) {
                         MultipartLimits limits;
                         limits.max_parts = 3;
                         auto parts = ParseMultipart(request.Header("Content-Type").value_or(""),
                                                     request.body, limits);
                         if (!parts.ok()) return Response::FromStatus(parts.status());
                         nlohmann::json body = nlohmann::json::array();
                         for (const auto& part : *parts) {
                           body.push_back({{"name", part.name},
                                           {"filename", part.filename.value_or("")},
                                           {"size", part.data.size()}});
                         }
                         return Response::Json(200, body);
                       })
                  .ok());
  return router;
}

std::string Form(int files) {
  std::string body;
  for (int i = 0; i < files; ++i) {
    body += "--b0undary\r\nContent-Disposition: form-data; name=\"f" + std::to_string(i) +
            "\"; filename=\"s.wav\"\r\nContent-Type: audio/wav\r\n\r\n" +
            std::string(100 + i, 'x') + "\r\n";
  }
  return body + "--b0undary--\r\n";
}

TEST(ServerUploads, ParsesMultipartFilesAndRejectsBadForms) {
  TestServer server({}, UploadRoutes());
  const testing::Headers form_type = {{"Content-Type", "multipart/form-data; boundary=b0undary"}};
  auto ok = Fetch(server.port, "POST", "/v1/uploads", form_type, Form(2));
  ASSERT_EQ(ok.status, 200) << ok.body;
  auto parts = nlohmann::json::parse(ok.body);
  EXPECT_EQ(parts[1]["name"], "f1");
  EXPECT_EQ(parts[1]["filename"], "s.wav");
  EXPECT_EQ(parts[1]["size"], 101);
  auto too_many = Fetch(server.port, "POST", "/v1/uploads", form_type, Form(4));
  EXPECT_EQ(too_many.status, 413);
  EXPECT_EQ(nlohmann::json::parse(too_many.body)["error"]["code"], "resource_exhausted");
  auto truncated = Fetch(server.port, "POST", "/v1/uploads", form_type, Form(1).substr(0, 60));
  EXPECT_EQ(truncated.status, 400);
  auto not_form = Fetch(server.port, "POST", "/v1/uploads", {{"Content-Type", "text/plain"}}, "x");
  EXPECT_EQ(not_form.status, 400);
}

TEST(ServerUploads, AnswersExpectContinue) {
  TestServer server({}, UploadRoutes());
  const std::string body = Form(1);
  const std::string raw = testing::SendRaw(
      server.port,
      "POST /v1/uploads HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
      "Expect: 100-continue\r\nContent-Type: multipart/form-data; boundary=b0undary\r\n"
      "Content-Length: " +
          std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(raw.rfind("HTTP/1.1 100 Continue\r\n\r\n", 0), 0u);
  EXPECT_NE(raw.find("HTTP/1.1 200 OK"), std::string::npos);
}

}  // namespace
}  // namespace ytl::http
