// Transaction: a scoped SQLite transaction that rolls back unless committed.
#pragma once

#include "core/status.h"
#include "store/sqlite/sqlite_connection.h"

namespace ytl::sqlite {

class Transaction {
 public:
  // BEGIN IMMEDIATE: takes the write lock now (waiting up to the busy
  // timeout), so the transaction never fails half-way on a lock upgrade.
  static Result<Transaction> BeginWrite(Connection& connection);
  // BEGIN DEFERRED: a consistent snapshot for several reads.
  static Result<Transaction> BeginRead(Connection& connection);

  Transaction(Transaction&& other) noexcept : connection_(other.connection_) {
    other.connection_ = nullptr;
  }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  Status Commit();

 private:
  explicit Transaction(Connection* connection) : connection_(connection) {}
  Connection* connection_;  // null once committed or rolled back
};

}  // namespace ytl::sqlite
