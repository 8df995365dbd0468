// The SSRF check of song URLs runs on its own threads: a slow DNS neither blocks the HTTP I/O
// thread (other clients, /health) nor a submission past its time limit.
#include "api/url_check_pool.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "api/job_routes.h"
#include "api/ops_routes.h"
#include "http/testing/http_test_client.h"
#include "http/testing/test_server.h"
#include "store/sqlite/sqlite_job_store.h"

namespace ytl::api {
namespace {

using namespace std::chrono_literals;

// Answers `address` for every host once released; until then each lookup blocks.
class GatedResolver : public HostResolver {
 public:
  explicit GatedResolver(std::string address) : address_(std::move(address)) {}
  Result<std::vector<std::string>> Resolve(const std::string&) const override {
    std::unique_lock lock(mu_);
    ++waiting_;
    changed_.notify_all();
    changed_.wait(lock, [this] { return open_; });
    return std::vector<std::string>{address_};
  }
  void Open() {
    std::lock_guard lock(mu_);
    open_ = true;
    changed_.notify_all();
  }
  bool WaitForLookup(std::chrono::seconds timeout) const {
    std::unique_lock lock(mu_);
    return changed_.wait_for(lock, timeout, [this] { return waiting_ > 0; });
  }

 private:
  const std::string address_;
  mutable std::mutex mu_;
  mutable std::condition_variable changed_;
  mutable int waiting_ = 0;
  bool open_ = false;
};

Status CheckNow(UrlCheckPool& pool, const std::string& url) {
  std::promise<Status> answer;
  pool.Check(url, false, [&answer](Status status) { answer.set_value(std::move(status)); });
  return answer.get_future().get();
}

TEST(UrlCheckPool, RefusesHostsThatResolveToPrivateAddresses) {
  GatedResolver metadata("169.254.169.254");
  metadata.Open();
  UrlCheckPool pool(metadata, 2, 5);
  Status refused = CheckNow(pool, "http://songs.example/a.mp3");
  EXPECT_EQ(refused.code(), Status::Code::kInvalidInput);
  EXPECT_NE(refused.message().find("169.254.169.254"), std::string::npos) << refused.message();
  GatedResolver public_host("93.184.216.34");
  public_host.Open();
  UrlCheckPool other(public_host, 1, 5);
  EXPECT_TRUE(CheckNow(other, "https://songs.example/a.mp3").ok());
}

TEST(UrlCheckPool, AnswersAStuckLookupAtItsTimeLimit) {
  GatedResolver stuck("93.184.216.34");
  {
    UrlCheckPool pool(stuck, 1, 0.2);
    const auto started = std::chrono::steady_clock::now();
    Status late = CheckNow(pool, "https://slow-dns.example/song");
    EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
    EXPECT_EQ(late.code(), Status::Code::kInvalidInput);
    EXPECT_NE(late.message().find("did not resolve within"), std::string::npos) << late.message();
    stuck.Open();  // lets the pool's thread finish so the pool can stop
  }
}

TEST(JobRoutesUrlCheck, SlowDnsLeavesTheIoThreadFreeForOtherClients) {
  char tmpl[] = "/tmp/ytl_url_check_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  SqliteStoreConfig store_config;
  store_config.data_dir = tmpl;
  auto store = SqliteJobStore::Open(store_config);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  GatedResolver dns("93.184.216.34");
  ApiConfig config;
  config.url_resolve_timeout_s = 30;
  ServiceState state;
  Metrics metrics;
  EventRelay relay(**store, 1.0);
  {
    JobRoutes routes(**store, config, state, relay, &dns);
    http::Router router;
    std::vector<std::pair<std::string, std::string>> registered;
    ASSERT_TRUE(routes.Register(router, &registered).ok());
    ASSERT_TRUE(RegisterOpsRoutes(router, **store, state, metrics, relay, &registered).ok());
    http::ServerConfig server_config;
    server_config.io_threads = 1;  // one blocked handler would stall every client
    http::testing::TestServer server(server_config, std::move(router));

    auto submitted = std::async(std::launch::async, [&] {
      return http::testing::Fetch(server.port, "POST", "/v1/jobs",
                                  {{"Content-Type", "application/json"}},
                                  R"({"url": "https://songs.example/watch?v=1"})");
    });
    ASSERT_TRUE(dns.WaitForLookup(10s)) << "the submission never reached the resolver";
    const auto started = std::chrono::steady_clock::now();
    const auto health = http::testing::Fetch(server.port, "GET", "/health");
    EXPECT_EQ(health.status, 200) << health.body;
    EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
    EXPECT_EQ(submitted.wait_for(0s), std::future_status::timeout) << "answered before DNS did";

    dns.Open();
    const auto answer = submitted.get();
    EXPECT_EQ(answer.status, 202) << answer.body;
    EXPECT_FALSE(answer.Header("x-request-id").empty());
    const auto job = nlohmann::json::parse(answer.body, nullptr, false);
    ASSERT_TRUE(job.is_object()) << answer.body;
    EXPECT_TRUE((*store)->GetJob(job["id"].get<std::string>()).ok());
    server.server->Stop();
  }
  std::filesystem::remove_all(tmpl);
}

}  // namespace
}  // namespace ytl::api
