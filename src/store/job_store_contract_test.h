// The JobStore contract: one GoogleTest suite every JobStore implementation
// runs. An implementation's test supplies a backend and instantiates it:
//
//   INSTANTIATE_TEST_SUITE_P(Sqlite, JobStoreContractTest,
//       ::testing::Values(JobStoreContractParam{"Sqlite", MakeSqliteBackend}),
//       [](const auto& info) { return info.param.name; });
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "store/clock.h"
#include "store/job_store.h"

namespace ytl {

// Fresh, empty backing data (a temp data dir, a scratch database) for one
// test. Each Open call returns a new store object over the same data, as
// another process would see it; the data lives as long as the backend.
class JobStoreTestBackend {
 public:
  virtual ~JobStoreTestBackend() = default;
  virtual Result<std::unique_ptr<JobStore>> Open(const Clock* clock) = 0;
};

struct JobStoreContractParam {
  std::string name;  // test name suffix: letters and digits only
  // nullptr when the backend cannot run here: the tests skip.
  std::function<std::unique_ptr<JobStoreTestBackend>()> make_backend;
};

// Names the backend in test output instead of dumping the struct's bytes.
inline void PrintTo(const JobStoreContractParam& param, std::ostream* out) { *out << param.name; }

class JobStoreContractTest : public ::testing::TestWithParam<JobStoreContractParam> {
 protected:
  void SetUp() override;

  // Another store object over the same data ("a second process").
  std::unique_ptr<JobStore> OpenAnother();
  // Drops store_ without any shutdown step and opens it again ("a crash").
  void Reopen();
  // Creates a queued job for `url`; fails the test on error.
  Job CreateUrlJob(const std::string& url, const std::string& dedup_key = "");
  // Creates and claims a job for `worker_id`.
  Job CreateAndClaim(const std::string& url, const std::string& worker_id);

  ManualClock clock_;
  std::unique_ptr<JobStoreTestBackend> backend_;
  std::unique_ptr<JobStore> store_;
};

}  // namespace ytl
