// Move-only owners for the SQLite C handles.
#pragma once

#include <sqlite3.h>

#include <memory>

namespace ytl::sqlite {

// sqlite3_close_v2 defers the close until every statement is finalized, so
// destruction order between connection and statements does not matter.
struct DbDeleter {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtDeleter {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

using DbPtr = std::unique_ptr<sqlite3, DbDeleter>;
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

}  // namespace ytl::sqlite
