// PgTestDatabase: a scratch database for one test on the server named by
// YTL_TEST_POSTGRES_URL (scripts/postgres-test-server.sh), dropped at the end.
#pragma once

#include <string>

namespace ytl::pg {

// The environment variable tests read the server URL from.
inline constexpr const char* kTestPostgresUrlEnv = "YTL_TEST_POSTGRES_URL";

// The message a test skips with when the variable is unset.
std::string NoTestServerMessage();

class PgTestDatabase {
 public:
  // Creates a database with a fresh random name; url() is "" (and error()
  // says why) when YTL_TEST_POSTGRES_URL is unset or the server refused.
  PgTestDatabase();
  ~PgTestDatabase();  // drops the database, closing any connection left
  PgTestDatabase(const PgTestDatabase&) = delete;
  PgTestDatabase& operator=(const PgTestDatabase&) = delete;

  const std::string& url() const { return url_; }
  const std::string& error() const { return error_; }

 private:
  std::string admin_url_;
  std::string name_;
  std::string url_;
  std::string error_;
};

// `url` (postgres://user@host:port/db?params) with its database replaced.
std::string WithDatabase(const std::string& url, const std::string& database);

}  // namespace ytl::pg
