// HttpClient against the in-process Beast server on 127.0.0.1: buffered requests, errors naming
// the URL, time-outs, streams, multipart posts and resumable downloads.
#include "net/http_client.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "http/multipart.h"
#include "http/testing/test_server.h"

namespace ytl::net {
namespace {

using http::Request;
using http::Response;
using http::testing::TestServer;

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteAll(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A request with the given method and URL and the defaults otherwise (designated initialisers
// would warn about the fields left out under -Wextra).
HttpRequest Req(std::string url, std::string method = "GET") {
  HttpRequest request;
  request.url = std::move(url);
  request.method = std::move(method);
  return request;
}

http::SseEvent Event(std::string id, std::string data) {
  http::SseEvent event;
  event.id = std::move(id);
  event.data = std::move(data);
  return event;
}

FormFile File(std::string name, std::filesystem::path path, std::string content_type = "") {
  FormFile file;
  file.name = std::move(name);
  file.path = std::move(path);
  file.content_type = std::move(content_type);
  return file;
}

std::string Payload(std::size_t size) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 7919u) % 251u);
  return bytes;
}

class HttpClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ytl_net_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    payload_ = Payload(300000);
    WriteAll(dir_ / "model.bin", payload_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  http::Router Routes() {
    http::Router router;
    auto add = [&](const char* method, const char* path, http::Handler handler) {
      ASSERT_TRUE(router.Add(method, path, std::move(handler)).ok()) << path;
    };
    add("GET", "/echo", [](const Request& request) {
      return Response::Json(200, {{"ua", request.Header("user-agent").value_or("")},
                                  {"q", request.QueryParam("q").value_or("")},
                                  {"x", request.Header("x-test").value_or("")}});
    });
    add("POST", "/echo", [](const Request& request) {
      auto response = Response::Text(201, "got " + request.body);
      response.SetHeader("X-Custom", "Yes");
      return response;
    });
    add("GET", "/slow", [](const Request&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1500));
      return Response::Text(200, "late");
    });
    add("GET", "/events", [](const Request&) {
      return Response::EventStream([](std::shared_ptr<http::EventStream> stream) {
        for (int i = 0; i < 3; ++i) stream->Send(Event(std::to_string(i), "e"));
        stream->Close();
      });
    });
    add("GET", "/silent", [this](const Request&) {
      return Response::EventStream([this](std::shared_ptr<http::EventStream> stream) {
        stream->Send(Event("", "first"));
        held_ = stream;  // never closed: the client's idle limit must end it
      });
    });
    add("POST", "/form", [](const Request& request) {
      auto parts = http::ParseMultipart(request.Header("content-type").value_or(""), request.body);
      if (!parts.ok()) return Response::FromStatus(parts.status());
      nlohmann::json out;
      for (const auto& part : *parts) {
        out[part.name] = {{"filename", part.filename.value_or("")},
                          {"type", part.content_type},
                          {"size", part.data.size()},
                          {"text", part.filename ? "" : std::string(part.data)}};
      }
      return Response::Json(200, out);
    });
    add("GET", "/model.bin", [this](const Request&) {
      ++downloads_;
      return Response::File((dir_ / "model.bin").string(), "application/octet-stream");
    });
    add("GET", "/no-range.bin", [this](const Request&) {
      return Response::Text(200, payload_, "application/octet-stream");
    });
    return router;
  }

  std::string Url(const TestServer& server, std::string_view path) {
    return "http://127.0.0.1:" + std::to_string(server.port) + std::string(path);
  }

  std::filesystem::path dir_;
  std::string payload_;
  std::shared_ptr<http::EventStream> held_;
  int downloads_ = 0;
  HttpClient client_;
};

TEST_F(HttpClientTest, SendsGetWithUserAgentHeadersAndQuery) {
  TestServer server({}, Routes());
  HttpRequest request = Req(Url(server, "/echo?" + QueryString({{"q", "a b&c"}})));
  request.headers = {{"X-Test", "1"}};
  auto response = client_.Send(request);
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->Header("Content-Type"), "application/json");
  auto body = nlohmann::json::parse(response->body);
  EXPECT_EQ(body["ua"].get<std::string>().rfind("yt-lyrics/", 0), 0u);
  EXPECT_EQ(body["q"], "a b&c");
  EXPECT_EQ(body["x"], "1");
}

TEST_F(HttpClientTest, PostsBodyAndLowerCasesResponseHeaderNames) {
  TestServer server({}, Routes());
  HttpRequest request = Req(Url(server, "/echo"), "POST");
  request.body = "hello";
  auto response = client_.Send(request);
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 201);
  EXPECT_EQ(response->body, "got hello");
  bool found = false;
  for (const auto& [name, value] : response->headers) found |= name == "x-custom";
  EXPECT_TRUE(found);
}

TEST_F(HttpClientTest, HttpErrorStatusIsAResponseNotAnError) {
  TestServer server({}, Routes());
  auto response = client_.Send(Req(Url(server, "/missing")));
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 404);
}

TEST_F(HttpClientTest, RefusedConnectionIsUnavailableNamingTheUrl) {
  int port = 0;
  {
    TestServer server({}, Routes());
    port = server.port;
  }
  std::string url = "http://127.0.0.1:" + std::to_string(port) + "/echo";
  auto response = client_.Send(Req(url));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.status().code(), Status::Code::kUnavailable);
  EXPECT_NE(response.status().message().find(url), std::string::npos);
}

TEST_F(HttpClientTest, NonHttpUrlIsInvalidInput) {
  auto response = client_.Send(Req("file:///etc/passwd"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.status().code(), Status::Code::kInvalidInput);
}

TEST_F(HttpClientTest, SlowServerHitsTheTimeLimit) {
  TestServer server({}, Routes());
  auto start = std::chrono::steady_clock::now();
  HttpRequest request = Req(Url(server, "/slow"));
  request.timeout_s = 0.3;
  auto response = client_.Send(request);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.status().code(), Status::Code::kDeadlineExceeded);
  EXPECT_NE(response.status().message().find("/slow"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1400));
}

TEST_F(HttpClientTest, CancelledTokenStopsTheRequest) {
  TestServer server({}, Routes());
  CancelToken cancel;
  cancel.Cancel();
  HttpRequest request = Req(Url(server, "/slow"));
  request.cancel = &cancel;
  auto response = client_.Send(request);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.status().code(), Status::Code::kCancelled);
}

TEST_F(HttpClientTest, StreamsEventsChunkByChunk) {
  TestServer server({}, Routes());
  std::string received;
  int status_seen = 0;
  auto response = client_.Stream(Req(Url(server, "/events")),
                                 [&](const HttpResponse& head, std::string_view chunk) {
                                   status_seen = head.status;
                                   received.append(chunk);
                                   return true;
                                 });
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(status_seen, 200);
  EXPECT_EQ(response->Header("content-type").value_or("").rfind("text/event-stream", 0), 0u);
  EXPECT_NE(received.find("id: 2\ndata: e\n\n"), std::string::npos) << received;
}

TEST_F(HttpClientTest, CallbackReturningFalseStopsTheStreamWithoutError) {
  TestServer server({}, Routes());
  int chunks = 0;
  auto response =
      client_.Stream(Req(Url(server, "/silent")), [&](const HttpResponse&, std::string_view) {
        ++chunks;
        return false;
      });
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(chunks, 1);
}

TEST_F(HttpClientTest, IdleStreamEndsAtTheIdleLimit) {
  TestServer server({}, Routes());
  auto start = std::chrono::steady_clock::now();
  HttpRequest request = Req(Url(server, "/silent"));
  request.timeout_s = 0;
  request.idle_timeout_s = 1;
  auto response =
      client_.Stream(request, [](const HttpResponse&, std::string_view) { return true; });
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.status().code(), Status::Code::kDeadlineExceeded);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST_F(HttpClientTest, PostsMultipartFieldsAndAFile) {
  TestServer server({}, Routes());
  WriteAll(dir_ / "song.mp3", "ID3-fake-audio");
  auto response =
      client_.PostForm(Req(Url(server, "/form")), {{"lyrics", "hello world"}, {"language", "en"}},
                       File("audio", dir_ / "song.mp3", "audio/mpeg"));
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  ASSERT_EQ(response->status, 200) << response->body;
  auto body = nlohmann::json::parse(response->body);
  EXPECT_EQ(body["lyrics"]["text"], "hello world");
  EXPECT_EQ(body["language"]["text"], "en");
  EXPECT_EQ(body["audio"]["filename"], "song.mp3");
  EXPECT_EQ(body["audio"]["type"], "audio/mpeg");
  EXPECT_EQ(body["audio"]["size"], 14);
}

TEST_F(HttpClientTest, MultipartWithMissingFileIsInvalidInput) {
  auto response =
      client_.PostForm(Req("http://127.0.0.1:1/form"), {}, File("audio", dir_ / "absent.mp3"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(response.status().message().find("absent.mp3"), std::string::npos);
}

TEST_F(HttpClientTest, DownloadsAWholeFileReportingProgress) {
  TestServer server({}, Routes());
  std::int64_t last_done = 0, last_total = 0;
  auto response = client_.Download(Req(Url(server, "/model.bin")), dir_ / "out.part",
                                   [&](std::int64_t done, std::int64_t total) {
                                     last_done = done;
                                     last_total = total;
                                   });
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(ReadAll(dir_ / "out.part"), payload_);
  EXPECT_EQ(last_done, static_cast<std::int64_t>(payload_.size()));
  EXPECT_EQ(last_total, static_cast<std::int64_t>(payload_.size()));
}

TEST_F(HttpClientTest, ResumesAPartialDownloadWithARangeRequest) {
  TestServer server({}, Routes());
  WriteAll(dir_ / "out.part", payload_.substr(0, 123456));
  std::int64_t first_done = -1;
  auto response = client_.Download(Req(Url(server, "/model.bin")), dir_ / "out.part",
                                   [&](std::int64_t done, std::int64_t) {
                                     if (first_done < 0) first_done = done;
                                   });
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 206);
  EXPECT_GT(first_done, 123456);
  EXPECT_EQ(ReadAll(dir_ / "out.part"), payload_);
}

TEST_F(HttpClientTest, ServerIgnoringRangeRestartsTheFile) {
  TestServer server({}, Routes());
  WriteAll(dir_ / "out.part", "stale bytes that must go");
  auto response = client_.Download(Req(Url(server, "/no-range.bin")), dir_ / "out.part");
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(ReadAll(dir_ / "out.part"), payload_);
}

TEST_F(HttpClientTest, CompleteFileAnswered416IsKept) {
  TestServer server({}, Routes());
  WriteAll(dir_ / "out.part", payload_);
  auto response = client_.Download(Req(Url(server, "/model.bin")), dir_ / "out.part");
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 416);
  EXPECT_EQ(ReadAll(dir_ / "out.part"), payload_);
}

TEST_F(HttpClientTest, MissingDownloadIsNotFoundAndLeavesTheFile) {
  TestServer server({}, Routes());
  WriteAll(dir_ / "out.part", "partial");
  auto response = client_.Download(Req(Url(server, "/absent.bin")), dir_ / "out.part");
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.status().code(), Status::Code::kNotFound);
  EXPECT_NE(response.status().message().find("/absent.bin"), std::string::npos);
  EXPECT_EQ(ReadAll(dir_ / "out.part"), "partial");
}

}  // namespace
}  // namespace ytl::net
