#include "store/sqlite/sqlite_job_store.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "store/job_store_contract_test.h"
#include "store/job_store_test_macros.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_schema.h"

namespace ytl {
namespace {

// A temporary folder, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ytl-store-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code error;
    if (!path_.empty()) std::filesystem::remove_all(path_, error);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

SqliteStoreConfig TestConfig(const std::string& data_dir) {
  SqliteStoreConfig config;
  config.data_dir = data_dir;
  config.sync_every_commit = false;  // tests need crash safety, not power-loss safety
  return config;
}

class SqliteBackend : public JobStoreTestBackend {
 public:
  Result<std::unique_ptr<JobStore>> Open(const Clock* clock) override {
    Result<std::unique_ptr<SqliteJobStore>> store =
        SqliteJobStore::Open(TestConfig(dir_.path() + "/data"), clock);
    if (!store.ok()) return store.status();
    return std::unique_ptr<JobStore>(std::move(store).value());
  }

 private:
  TempDir dir_;
};

INSTANTIATE_TEST_SUITE_P(Sqlite, JobStoreContractTest,
                         ::testing::Values(JobStoreContractParam{
                             "Sqlite", [] { return std::make_unique<SqliteBackend>(); }}),
                         [](const ::testing::TestParamInfo<JobStoreContractParam>& info) {
                           return info.param.name;
                         });

TEST(SqliteStoreConfig, ValidateNamesTheBadField) {
  SqliteStoreConfig config;
  Status empty_dir = config.Validate();
  EXPECT_EQ(empty_dir.code(), Status::Code::kInvalidInput);
  EXPECT_NE(empty_dir.message().find("data_dir"), std::string::npos);
  config.data_dir = "/tmp/x";
  config.busy_timeout_ms = -1;
  Status bad_timeout = config.Validate();
  EXPECT_NE(bad_timeout.message().find("busy_timeout_ms"), std::string::npos);
  EXPECT_EQ(SqliteJobStore::Open(SqliteStoreConfig{}).status().code(), Status::Code::kInvalidInput);
}

TEST(SqliteJobStore, UsesWalAndRecordsTheSchemaVersion) {
  TempDir dir;
  { YTL_ASSERT_OK_AND_ASSIGN(auto store, SqliteJobStore::Open(TestConfig(dir.path()))); }
  YTL_ASSERT_OK_AND_ASSIGN(auto connection,
                           sqlite::Connection::Open(dir.path() + "/jobs.db", 1000, "NORMAL"));
  YTL_ASSERT_OK_AND_ASSIGN(auto mode, connection.Prepare("PRAGMA journal_mode"));
  YTL_ASSERT_OK_AND_ASSIGN(bool has_mode, mode.Step());
  ASSERT_TRUE(has_mode);
  EXPECT_EQ(mode.Text(0), "wal");
  YTL_ASSERT_OK_AND_ASSIGN(auto version, connection.Prepare("SELECT version FROM schema_version"));
  YTL_ASSERT_OK_AND_ASSIGN(bool has_version, version.Step());
  ASSERT_TRUE(has_version);
  EXPECT_EQ(version.Int(0), sqlite::LatestSchemaVersion());
}

TEST(SqliteJobStore, RefusesADatabaseFromANewerBuild) {
  TempDir dir;
  { YTL_ASSERT_OK_AND_ASSIGN(auto store, SqliteJobStore::Open(TestConfig(dir.path()))); }
  {
    YTL_ASSERT_OK_AND_ASSIGN(auto connection,
                             sqlite::Connection::Open(dir.path() + "/jobs.db", 1000, "NORMAL"));
    YTL_ASSERT_OK(connection.Exec("UPDATE schema_version SET version = 999"));
  }
  Result<std::unique_ptr<SqliteJobStore>> store = SqliteJobStore::Open(TestConfig(dir.path()));
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kUnavailable);
  EXPECT_NE(store.status().message().find("999"), std::string::npos);
}

TEST(SqliteJobStore, ReportsAnUnusableDataDir) {
  TempDir dir;
  const std::string file = dir.path() + "/not-a-dir";
  { std::ofstream(file) << "x"; }
  Result<std::unique_ptr<SqliteJobStore>> store = SqliteJobStore::Open(TestConfig(file));
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kUnavailable);
  EXPECT_NE(store.status().message().find(file), std::string::npos);
}

}  // namespace
}  // namespace ytl
