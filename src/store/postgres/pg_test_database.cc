#include "store/postgres/pg_test_database.h"

#include <cstdlib>
#include <pqxx/pqxx>
#include <random>

namespace ytl::pg {

std::string NoTestServerMessage() {
  return std::string(kTestPostgresUrlEnv) +
         " is not set: no PostgreSQL server to test against; run scripts/test.sh, or "
         "eval \"$(scripts/postgres-test-server.sh start)\" first";
}

std::string WithDatabase(const std::string& url, const std::string& database) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url + " dbname=" + database;
  const auto query = url.find('?', scheme);
  const auto path = url.find('/', scheme + 3);
  const auto host_end = std::min(path, query);
  std::string rebuilt = url.substr(0, host_end) + "/" + database;
  if (query != std::string::npos) rebuilt += url.substr(query);
  return rebuilt;
}

PgTestDatabase::PgTestDatabase() {
  const char* url = std::getenv(kTestPostgresUrlEnv);
  if (url == nullptr || *url == '\0') {
    error_ = NoTestServerMessage();
    return;
  }
  admin_url_ = url;
  std::random_device random;
  name_ = "ytl_test_" + std::to_string(random()) + std::to_string(random() % 100000);
  try {
    pqxx::connection admin(admin_url_);
    pqxx::nontransaction tx(admin);
    tx.exec("CREATE DATABASE " + name_);
    url_ = WithDatabase(admin_url_, name_);
  } catch (const std::exception& error) {
    error_ = std::string("cannot create a scratch database on ") + kTestPostgresUrlEnv + ": " +
             error.what();
  }
}

PgTestDatabase::~PgTestDatabase() {
  if (url_.empty()) return;
  try {
    pqxx::connection admin(admin_url_);
    pqxx::nontransaction tx(admin);
    tx.exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // Left behind in a scratch server; harmless.
  }
}

}  // namespace ytl::pg
