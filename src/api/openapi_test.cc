// Every route the server registers is described in /openapi.json, and nothing else is.
#include "api/openapi.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "api/job_routes.h"
#include "api/ops_routes.h"
#include "store/sqlite/sqlite_job_store.h"

namespace ytl::api {
namespace {

TEST(OpenApi, DescribesExactlyTheRegisteredRoutes) {
  char tmpl[] = "/tmp/ytl_openapi_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  SqliteStoreConfig store_config;
  store_config.data_dir = tmpl;
  auto store = SqliteJobStore::Open(store_config);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ApiConfig config;
  ServiceState state;
  Metrics metrics;
  {
    EventRelay relay(**store, 1.0);
    JobRoutes routes(**store, config, state, relay);
    http::Router router;
    std::vector<std::pair<std::string, std::string>> registered;
    ASSERT_TRUE(routes.Register(router, &registered).ok());
    ASSERT_TRUE(RegisterOpsRoutes(router, **store, state, metrics, relay, &registered).ok());

    const nlohmann::json doc = OpenApiDocument();
    EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
    std::size_t described = 0;
    for (const auto& [path, item] : doc["paths"].items()) described += item.size();
    EXPECT_EQ(described, registered.size());
    for (const auto& [method, pattern] : registered) {
      std::string lower = method;
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      ASSERT_TRUE(doc["paths"].contains(pattern)) << pattern << " is not in the OpenAPI document";
      EXPECT_TRUE(doc["paths"][pattern].contains(lower)) << method << " " << pattern;
      // Path parameters of the pattern are declared.
      if (pattern.find('{') != std::string::npos) {
        EXPECT_TRUE(doc["paths"][pattern][lower].contains("parameters"))
            << method << " " << pattern;
      }
    }
  }
  std::filesystem::remove_all(tmpl);
}

}  // namespace
}  // namespace ytl::api
