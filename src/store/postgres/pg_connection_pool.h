// pg::ConnectionPool: a few libpqxx connections to one database, shared by
// the threads of a PgJobStore.
//
// Connections open lazily and are dropped when they break, so the pool
// reconnects by itself after a database restart. No libpqxx exception
// leaves Run: every failure becomes a Status. Thread-safe.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "core/status.h"

namespace ytl::pg {

// Opens one connection, as a Status on failure (the message names the
// redacted URL and what to check). With `idle_in_transaction_timeout_ms` > 0
// the server ends the session when it waits that long for the next statement
// of an open transaction (PgStoreConfig::idle_in_transaction_timeout_ms).
Result<std::unique_ptr<pqxx::connection>> Connect(const std::string& url, int connect_timeout_s,
                                                  int idle_in_transaction_timeout_ms = 0);

class ConnectionPool {
 public:
  ConnectionPool(std::string url, int size, int connect_timeout_s,
                 int idle_in_transaction_timeout_ms = 0);

  // Runs `body` on a connection held for the call. `body` opens its own
  // transaction; it is run again (on a fresh connection) when the
  // connection broke before a commit was sent or when PostgreSQL reports a
  // serialization failure, deadlock or unique-key race, so it must have no
  // side effects outside the database. Exceptions become Status:
  // Unavailable for connection trouble, Internal for SQL errors.
  Status Run(const std::function<Status(pqxx::connection&)>& body);

  const std::string& url() const { return url_; }

 private:
  Result<std::unique_ptr<pqxx::connection>> Take();
  void Give(std::unique_ptr<pqxx::connection> connection);

  std::string url_;
  int size_;
  int connect_timeout_s_;
  int idle_in_transaction_timeout_ms_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  int open_ = 0;  // connections idle or lent out (<= size_)
};

}  // namespace ytl::pg
