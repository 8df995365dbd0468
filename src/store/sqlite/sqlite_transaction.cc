#include "store/sqlite/sqlite_transaction.h"

namespace ytl::sqlite {

Result<Transaction> Transaction::BeginWrite(Connection& connection) {
  YTL_RETURN_IF_ERROR(connection.Exec("BEGIN IMMEDIATE"));
  return Transaction(&connection);
}

Result<Transaction> Transaction::BeginRead(Connection& connection) {
  YTL_RETURN_IF_ERROR(connection.Exec("BEGIN DEFERRED"));
  return Transaction(&connection);
}

Transaction::~Transaction() {
  if (connection_ != nullptr) (void)connection_->Exec("ROLLBACK");
}

Status Transaction::Commit() {
  Connection* connection = connection_;
  connection_ = nullptr;
  Status status = connection->Exec("COMMIT");
  if (!status.ok()) (void)connection->Exec("ROLLBACK");
  return status;
}

}  // namespace ytl::sqlite
