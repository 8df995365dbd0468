#include "http/response.h"

#include <gtest/gtest.h>

#include "http/content_type.h"
#include "http/request_id.h"
#include "http/server_config.h"

namespace ytl::http {
namespace {

TEST(HttpStatusFor, MapsEveryStatusCode) {
  EXPECT_EQ(HttpStatusFor(Status::Ok()), 200);
  EXPECT_EQ(HttpStatusFor(Status::InvalidInput("x")), 400);
  EXPECT_EQ(HttpStatusFor(Status::NotFound("x")), 404);
  EXPECT_EQ(HttpStatusFor(Status::Unavailable("x")), 503);
  EXPECT_EQ(HttpStatusFor(Status::ResourceExhausted("x")), 413);
  EXPECT_EQ(HttpStatusFor(Status::ResourceExhausted("x"), 429), 429);
  EXPECT_EQ(HttpStatusFor(Status::DeadlineExceeded("x")), 504);
  EXPECT_EQ(HttpStatusFor(Status::Cancelled("x")), 409);
  EXPECT_EQ(HttpStatusFor(Status::Internal("x")), 500);
}

TEST(Response, FromStatusWritesTheJsonErrorShape) {
  Response response = Response::FromStatus(Status::NotFound("job 12 does not exist"));
  EXPECT_EQ(response.status, 404);
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["error"]["code"], "not_found");
  EXPECT_EQ(body["error"]["message"], "job 12 does not exist");
  EXPECT_EQ(response.headers.at(0).second, "application/json");
}

TEST(Response, ErrorBodySurvivesInvalidUtf8) {
  auto body = nlohmann::json::parse(ErrorBody("bad", std::string("caf\xff")));
  EXPECT_EQ(body["error"]["code"], "bad");
}

TEST(Response, SetHeaderReplacesCaseInsensitively) {
  Response response = Response::Text(200, "x");
  response.SetHeader("content-type", "text/csv");
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].second, "text/csv");
}

TEST(ContentTypeForPath, UsesTheExtension) {
  EXPECT_EQ(ContentTypeForPath("/a/b/song.SRT"), "application/x-subrip; charset=utf-8");
  EXPECT_EQ(ContentTypeForPath("x.json"), "application/json");
  EXPECT_EQ(ContentTypeForPath("dir.v1/noext"), "application/octet-stream");
}

TEST(RequestId, KeepsSaneIdsAndReplacesOthers) {
  EXPECT_EQ(ChooseRequestId("abc-123_x.y:z"), "abc-123_x.y:z");
  EXPECT_EQ(ChooseRequestId("has space").size(), 32u);
  EXPECT_EQ(ChooseRequestId(std::string(129, 'a')).size(), 32u);
  EXPECT_NE(NewRequestId(), NewRequestId());
}

TEST(ServerConfig, ValidateNamesTheBadField) {
  EXPECT_TRUE(ServerConfig{}.Validate().ok());
  ServerConfig config;
  config.port = 70000;
  EXPECT_NE(config.Validate().message().find("port"), std::string::npos);
  config = {};
  config.io_threads = 0;
  EXPECT_NE(config.Validate().message().find("io_threads"), std::string::npos);
  config = {};
  config.idle_timeout_s = 0;
  EXPECT_NE(config.Validate().message().find("idle_timeout_s"), std::string::npos);
  config = {};
  config.cors_allowed_origins = {"example.com"};
  EXPECT_NE(config.Validate().message().find("CORS"), std::string::npos);
}

}  // namespace
}  // namespace ytl::http
