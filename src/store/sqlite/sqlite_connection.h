// Connection: one SQLite connection with a cache of prepared statements.
//
// Not thread-safe: the owner serialises use (SqliteJobStore holds a mutex).
// Several connections, in this or other processes, may share one database
// file; WAL mode and the busy timeout let them take turns.
#pragma once

#include <map>
#include <string>

#include "core/status.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/sqlite/sqlite_statement.h"

namespace ytl::sqlite {

class Connection {
 public:
  // Opens (creating when missing) the database at `path`, sets the busy
  // timeout, WAL journal mode, foreign keys and `synchronous`
  // ("FULL" or "NORMAL").
  static Result<Connection> Open(const std::string& path, int busy_timeout_ms,
                                 const std::string& synchronous);

  // Runs SQL text without parameters (may hold several statements).
  Status Exec(const std::string& sql);

  // A prepared statement for `sql`, compiled once per connection.
  Result<Statement> Prepare(const std::string& sql);

  // Rows changed by the last INSERT, UPDATE or DELETE.
  int Changes() const { return sqlite3_changes(db_.get()); }

  const std::string& path() const { return path_; }

 private:
  Connection(DbPtr db, std::string path) : db_(std::move(db)), path_(std::move(path)) {}

  DbPtr db_;
  std::map<std::string, StmtPtr> statements_;  // after db_: finalized before the close
  std::string path_;
};

}  // namespace ytl::sqlite
