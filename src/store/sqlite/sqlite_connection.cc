#include "store/sqlite/sqlite_connection.h"

namespace ytl::sqlite {

Result<Connection> Connection::Open(const std::string& path, int busy_timeout_ms,
                                    const std::string& synchronous) {
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  DbPtr db(raw);  // owns the handle even when the open failed
  if (rc != SQLITE_OK) return SqliteError(db.get(), rc, "opening database " + path);
  sqlite3_extended_result_codes(db.get(), 1);
  sqlite3_busy_timeout(db.get(), busy_timeout_ms);
  Connection connection(std::move(db), path);
  // journal_mode returns a row; Exec discards it. WAL lets readers work while
  // one writer commits, and lets several processes share the file.
  YTL_RETURN_IF_ERROR(
      connection.Exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
                      "PRAGMA synchronous=" +
                      synchronous + ";"));
  return connection;
}

Status Connection::Exec(const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string detail = error != nullptr ? error : "";
  sqlite3_free(error);
  return SqliteError(db_.get(), rc,
                     "running \"" + sql.substr(0, 80) + "\" on " + path_ +
                         (detail.empty() ? "" : " (" + detail + ")"));
}

Result<Statement> Connection::Prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v3(db_.get(), sql.c_str(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    StmtPtr stmt(raw);
    if (rc != SQLITE_OK) return SqliteError(db_.get(), rc, "preparing \"" + sql + "\"");
    it = statements_.emplace(sql, std::move(stmt)).first;
  }
  return Statement(db_.get(), it->second.get());
}

}  // namespace ytl::sqlite
