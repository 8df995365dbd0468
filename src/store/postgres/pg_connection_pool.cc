#include "store/postgres/pg_connection_pool.h"

#include <chrono>
#include <thread>

#include "store/postgres/pg_store_config.h"

namespace ytl::pg {
namespace {

constexpr int kAttempts = 4;

std::string WithConnectTimeout(const std::string& url, int seconds) {
  const std::string option = "connect_timeout=" + std::to_string(seconds);
  if (url.starts_with("postgres://") || url.starts_with("postgresql://")) {
    return url + (url.find('?') == std::string::npos ? "?" : "&") + option;
  }
  return url + " " + option;
}

}  // namespace

Result<std::unique_ptr<pqxx::connection>> Connect(const std::string& url, int connect_timeout_s,
                                                  int idle_in_transaction_timeout_ms) {
  try {
    auto connection =
        std::make_unique<pqxx::connection>(WithConnectTimeout(url, connect_timeout_s));
    if (idle_in_transaction_timeout_ms > 0) {
      pqxx::nontransaction session(*connection);
      session.exec("SET idle_in_transaction_session_timeout = " +
                   std::to_string(idle_in_transaction_timeout_ms));
    }
    return connection;
  } catch (const std::exception& error) {
    return Status::Unavailable("cannot connect to PostgreSQL at " + RedactedUrl(url) + ": " +
                               error.what() +
                               "; check that the server runs and the URL, user and password");
  }
}

ConnectionPool::ConnectionPool(std::string url, int size, int connect_timeout_s,
                               int idle_in_transaction_timeout_ms)
    : url_(std::move(url)),
      size_(size),
      connect_timeout_s_(connect_timeout_s),
      idle_in_transaction_timeout_ms_(idle_in_transaction_timeout_ms) {}

Result<std::unique_ptr<pqxx::connection>> ConnectionPool::Take() {
  {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty() || open_ < size_; });
    if (!idle_.empty()) {
      std::unique_ptr<pqxx::connection> connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
    ++open_;
  }
  Result<std::unique_ptr<pqxx::connection>> connection =
      Connect(url_, connect_timeout_s_, idle_in_transaction_timeout_ms_);
  if (!connection.ok()) Give(nullptr);
  return connection;
}

void ConnectionPool::Give(std::unique_ptr<pqxx::connection> connection) {
  {
    std::lock_guard lock(mutex_);
    if (connection != nullptr && connection->is_open()) {
      idle_.push_back(std::move(connection));
    } else {
      --open_;
    }
  }
  available_.notify_one();
}

Status ConnectionPool::Run(const std::function<Status(pqxx::connection&)>& body) {
  Status last;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    if (attempt > 1) std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
    Result<std::unique_ptr<pqxx::connection>> connection = Take();
    if (!connection.ok()) {
      last = connection.status();
      continue;
    }
    std::unique_ptr<pqxx::connection> held = std::move(connection).value();
    try {
      Status status = body(*held);
      Give(std::move(held));
      return status;
    } catch (const pqxx::in_doubt_error& error) {
      Give(nullptr);
      return Status::Unavailable("the connection to PostgreSQL at " + RedactedUrl(url_) +
                                 " broke during a commit, which may or may not have happened: " +
                                 error.what() + "; read the job again before retrying");
    } catch (const pqxx::broken_connection& error) {
      Give(nullptr);
      last = Status::Unavailable("the connection to PostgreSQL at " + RedactedUrl(url_) +
                                 " broke: " + error.what() + "; check that the server runs");
    } catch (const pqxx::serialization_failure& error) {
      Give(std::move(held));
      last = Status::Unavailable(std::string("PostgreSQL kept reporting conflicts: ") +
                                 error.what() + "; retry the request");
    } catch (const pqxx::deadlock_detected& error) {
      Give(std::move(held));
      last = Status::Unavailable(std::string("PostgreSQL kept reporting deadlocks: ") +
                                 error.what() + "; retry the request");
    } catch (const pqxx::unique_violation& error) {
      Give(std::move(held));
      last = Status::Unavailable(std::string("PostgreSQL kept reporting duplicate keys: ") +
                                 error.what() + "; retry the request");
    } catch (const pqxx::sql_error& error) {
      Give(std::move(held));
      return Status::Internal(std::string("PostgreSQL refused a statement: ") + error.what() +
                              " (query: " + error.query().substr(0, 200) +
                              "); the database may have a schema this build does not know");
    } catch (const std::exception& error) {
      Give(nullptr);
      return Status::Internal(std::string("PostgreSQL call failed: ") + error.what());
    }
  }
  return last;
}

}  // namespace ytl::pg
