// The JobStore contract on PostgreSQL, plus what only this store does:
// concurrent migrations, chunked deduplicated blobs, events across store
// objects (LISTEN/NOTIFY), reconnection.
#include "store/postgres/pg_job_store.h"

#include <condition_variable>
#include <future>
#include <thread>

#include "store/job_store_contract_test.h"
#include "store/job_store_test_macros.h"
#include "store/postgres/pg_connection_pool.h"
#include "store/postgres/pg_schema.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/pg_test_database.h"

namespace ytl {
namespace {

using pg::PgTestDatabase;

PgStoreConfig TestConfig(const std::string& url) {
  PgStoreConfig config;
  config.url = url;
  return config;
}

class PgBackend : public JobStoreTestBackend {
 public:
  Result<std::unique_ptr<JobStore>> Open(const Clock* clock) override {
    return OpenPgJobStore(TestConfig(database_.url()), clock);
  }
  bool usable() const { return !database_.url().empty(); }

 private:
  PgTestDatabase database_;
};

INSTANTIATE_TEST_SUITE_P(
    Postgres, JobStoreContractTest,
    ::testing::Values(JobStoreContractParam{"Postgres",
                                            []() -> std::unique_ptr<JobStoreTestBackend> {
                                              auto backend = std::make_unique<PgBackend>();
                                              if (!backend->usable()) return nullptr;
                                              return backend;
                                            }}),
    [](const ::testing::TestParamInfo<JobStoreContractParam>& info) { return info.param.name; });

class PgJobStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (database_.url().empty()) GTEST_SKIP() << database_.error();
  }
  PgTestDatabase database_;
};

TEST_F(PgJobStoreTest, ProcessesStartingAtOnceMigrateOnce) {
  std::vector<std::thread> threads;
  std::vector<Status> opened(6);
  for (size_t i = 0; i < opened.size(); ++i) {
    threads.emplace_back(
        [&, i] { opened[i] = OpenPgJobStore(TestConfig(database_.url())).status(); });
  }
  for (std::thread& thread : threads) thread.join();
  for (const Status& status : opened) EXPECT_TRUE(status.ok()) << status.ToString();
  YTL_ASSERT_OK_AND_ASSIGN(int again, MigratePgStore(TestConfig(database_.url())));
  EXPECT_EQ(again, 0);
  YTL_ASSERT_OK_AND_ASSIGN(PgStoreStatus status, ReadPgStoreStatus(TestConfig(database_.url())));
  EXPECT_EQ(status.schema_version, pg::LatestSchemaVersion());
  EXPECT_EQ(status.latest_schema_version, pg::LatestSchemaVersion());
}

TEST_F(PgJobStoreTest, BlobsAreChunkedAndEqualChunksStoredOnce) {
  YTL_ASSERT_OK_AND_ASSIGN(auto store, OpenPgJobStore(TestConfig(database_.url())));
  std::string big(3 * (1 << 20) + 17, 'x');  // four chunks, three of them equal
  for (size_t i = 0; i < big.size(); i += 4096) big[i] = static_cast<char>('a' + (i >> 20));
  YTL_ASSERT_OK(store->PutArtifact("big-1", big));
  YTL_ASSERT_OK(store->PutArtifact("big-2", big));  // same bytes, another key
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<std::string> back, store->GetArtifact("big-2"));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, big);
  YTL_ASSERT_OK_AND_ASSIGN(PgStoreStatus status, ReadPgStoreStatus(TestConfig(database_.url())));
  EXPECT_EQ(status.chunk_count, 4);  // not 8
  YTL_ASSERT_OK(store->PutArtifact("empty", ""));
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<std::string> empty, store->GetArtifact("empty"));
  EXPECT_EQ(empty, std::optional<std::string>(""));
}

TEST_F(PgJobStoreTest, AnotherStoreObjectHearsEventsThroughNotify) {
  YTL_ASSERT_OK_AND_ASSIGN(auto writer, OpenPgJobStore(TestConfig(database_.url())));
  YTL_ASSERT_OK_AND_ASSIGN(auto reader, OpenPgJobStore(TestConfig(database_.url())));
  JobRequest request;
  request.url = "https://example.com/a";
  YTL_ASSERT_OK_AND_ASSIGN(CreateOutcome created, writer->CreateJob(request, ""));
  std::mutex mutex;
  std::condition_variable heard_cv;
  std::int64_t heard_seq = 0;
  EventSubscription subscription = reader->Subscribe([&](const std::string& id, std::int64_t seq) {
    if (id != created.job.id) return;
    std::lock_guard lock(mutex);
    heard_seq = seq;
    heard_cv.notify_all();
  });
  std::int64_t seq = 0;
  // The listener connects in the background; append until it hears an appended event. It may
  // also hear the creation's own event (seq 1) when it was up before that committed.
  std::unique_lock lock(mutex);
  for (int i = 0; i < 50 && heard_seq < 2; ++i) {
    lock.unlock();
    YTL_ASSERT_OK_AND_ASSIGN(seq, writer->AppendEvent(created.job.id, "stage", "{}"));
    lock.lock();
    heard_cv.wait_for(lock, std::chrono::milliseconds(100), [&] { return heard_seq >= 2; });
  }
  EXPECT_GT(heard_seq, 1);
  EXPECT_LE(heard_seq, seq);
}

// A process stopped inside a transaction (SIGSTOP, a frozen VM) holds what it
// wrote there locked. Another node writing the same key must not wait for it
// beyond the idle-in-transaction limit: the server ends the stalled session,
// and the stalled call, once it wakes, fails instead of committing.
TEST_F(PgJobStoreTest, AStalledTransactionIsEndedSoOthersWritingTheSameRowsGoOn) {
  constexpr int kIdleMs = 300;
  pg::ConnectionPool setup(database_.url(), 1, 5, kIdleMs);
  YTL_ASSERT_OK(setup.Run([](pqxx::connection& connection) {
    pqxx::work tx(connection);
    tx.exec("CREATE TABLE stall_probe (key TEXT PRIMARY KEY, writer TEXT)");
    tx.commit();
    return Status::Ok();
  }));
  std::promise<void> wrote;
  std::promise<void> other_done;
  std::shared_future<void> other_done_future = other_done.get_future().share();
  bool stall_ran_out = false;
  int stalled_attempts = 0;
  Status stalled_status;
  std::thread stalled([&] {
    pg::ConnectionPool pool(database_.url(), 1, 5, kIdleMs);
    stalled_status = pool.Run([&](pqxx::connection& connection) {
      pqxx::work tx(connection);
      tx.exec("INSERT INTO stall_probe VALUES ('k', 'stalled') ON CONFLICT DO NOTHING");
      if (++stalled_attempts == 1) {
        wrote.set_value();
        stall_ran_out =
            other_done_future.wait_for(std::chrono::seconds(20)) == std::future_status::timeout;
      }
      tx.commit();
      return Status::Ok();
    });
  });
  wrote.get_future().wait();
  pg::ConnectionPool other(database_.url(), 1, 5, kIdleMs);
  const Status other_status = other.Run([](pqxx::connection& connection) {
    pqxx::work tx(connection);
    tx.exec("INSERT INTO stall_probe VALUES ('k', 'other') ON CONFLICT DO NOTHING");
    tx.commit();
    return Status::Ok();
  });
  other_done.set_value();
  stalled.join();
  EXPECT_TRUE(other_status.ok()) << other_status.ToString();
  EXPECT_FALSE(stall_ran_out) << "the other writer waited for the stalled transaction";
  EXPECT_EQ(stalled_status.code(), Status::Code::kUnavailable) << stalled_status.ToString();
  EXPECT_EQ(stalled_attempts, 1);
  std::string writer;
  YTL_ASSERT_OK(setup.Run([&](pqxx::connection& connection) {
    pqxx::read_transaction tx(connection);
    writer = tx.exec1("SELECT writer FROM stall_probe WHERE key = 'k'")[0].as<std::string>();
    return Status::Ok();
  }));
  EXPECT_EQ(writer, "other");
}

TEST(PgStoreConfig, ValidateNamesTheBadFieldAndUrlsAreRedacted) {
  PgStoreConfig config;
  EXPECT_NE(config.Validate().message().find("url"), std::string::npos);
  config.url = "postgres://a@b/c";
  config.pool_size = 0;
  EXPECT_NE(config.Validate().message().find("pool_size"), std::string::npos);
  EXPECT_EQ(RedactedUrl("postgres://user:secret@host:5432/db"), "postgres://user:***@host:5432/db");
  EXPECT_EQ(RedactedUrl("host=h password=secret dbname=d"), "host=h password=*** dbname=d");
  EXPECT_EQ(pg::WithDatabase("postgres://u@h:1/postgres?sslmode=disable", "x"),
            "postgres://u@h:1/x?sslmode=disable");
}

TEST(PgStoreConfig, AnUnreachableServerIsUnavailableWithTheUrl) {
  PgStoreConfig config = TestConfig("postgres://nobody:pw@127.0.0.1:1/none");
  config.connect_timeout_s = 1;
  Result<std::unique_ptr<JobStore>> store = OpenPgJobStore(config);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kUnavailable);
  EXPECT_NE(store.status().message().find("127.0.0.1:1"), std::string::npos);
  EXPECT_EQ(store.status().message().find("pw@"), std::string::npos);
}

}  // namespace
}  // namespace ytl
