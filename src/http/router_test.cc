#include "http/router.h"

#include <gtest/gtest.h>

namespace ytl::http {
namespace {

Handler Named(std::string name) {
  return [name](const Request&) { return Response::Text(200, name); };
}

std::string Call(const RouteMatch& match) {
  Request request;
  return (*match.handler)(request).body;
}

TEST(Router, MatchesParamsWithAffixesAndDecodesThem) {
  Router router;
  ASSERT_TRUE(router.Add("GET", "/v1/jobs/{id}/lyrics.{format}", Named("lyrics")).ok());
  RouteMatch match = router.Match("GET", "/v1/jobs/ab%20c/lyrics.lrc");
  ASSERT_EQ(match.outcome, RouteMatch::Outcome::kFound);
  EXPECT_EQ(match.route, "/v1/jobs/{id}/lyrics.{format}");
  EXPECT_EQ(match.params["id"], "ab c");
  EXPECT_EQ(match.params["format"], "lrc");
  EXPECT_EQ(router.Match("GET", "/v1/jobs/x/lyrics.").outcome, RouteMatch::Outcome::kNotFound);
  EXPECT_EQ(router.Match("GET", "/v1/jobs/x/words.lrc").outcome, RouteMatch::Outcome::kNotFound);
}

TEST(Router, ParamsNeverSpanSlashes) {
  Router router;
  ASSERT_TRUE(router.Add("GET", "/v1/jobs/{id}", Named("job")).ok());
  EXPECT_EQ(router.Match("GET", "/v1/jobs/a/b").outcome, RouteMatch::Outcome::kNotFound);
  RouteMatch match = router.Match("GET", "/v1/jobs/a%2Fb");
  ASSERT_EQ(match.outcome, RouteMatch::Outcome::kFound);
  EXPECT_EQ(match.params["id"], "a/b");
}

TEST(Router, LiteralRouteBeatsParameterRoute) {
  Router router;
  ASSERT_TRUE(router.Add("GET", "/v1/jobs/{id}", Named("job")).ok());
  ASSERT_TRUE(router.Add("GET", "/v1/jobs/stats", Named("stats")).ok());
  EXPECT_EQ(Call(router.Match("GET", "/v1/jobs/stats")), "stats");
  EXPECT_EQ(Call(router.Match("GET", "/v1/jobs/other")), "job");
}

TEST(Router, ReportsAllowedMethodsWhenMethodDoesNotMatch) {
  Router router;
  ASSERT_TRUE(router.Add("GET", "/v1/jobs", Named("list")).ok());
  ASSERT_TRUE(router.Add("POST", "/v1/jobs", Named("create")).ok());
  RouteMatch match = router.Match("DELETE", "/v1/jobs");
  EXPECT_EQ(match.outcome, RouteMatch::Outcome::kMethodNotAllowed);
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"GET", "HEAD", "POST"}));
  EXPECT_EQ(Call(router.Match("HEAD", "/v1/jobs")), "list");
}

TEST(Router, RejectsMalformedAndDuplicatePatterns) {
  Router router;
  EXPECT_FALSE(router.Add("GET", "v1/jobs", Named("x")).ok());
  EXPECT_FALSE(router.Add("GET", "/v1/{a}{b}", Named("x")).ok());
  EXPECT_FALSE(router.Add("GET", "/v1/{}", Named("x")).ok());
  EXPECT_FALSE(router.Add("GET", "/v1/{open", Named("x")).ok());
  ASSERT_TRUE(router.Add("GET", "/v1/jobs", Named("x")).ok());
  EXPECT_FALSE(router.Add("GET", "/v1/jobs", Named("y")).ok());
}

}  // namespace
}  // namespace ytl::http
