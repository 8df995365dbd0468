// Statement: a borrowed, bound use of a cached prepared statement.
//
// Obtained from Connection::Prepare; resets the statement and clears its
// bindings when it goes out of scope, so the cache can hand it out again.
// Not thread-safe (it belongs to its connection's thread of use).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "store/sqlite/sqlite_handle.h"

namespace ytl::sqlite {

// The Status for a failed SQLite call `what` that returned `rc`.
Status SqliteError(sqlite3* db, int rc, std::string_view what);

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQL "?1". Errors surface from Step/Run.
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view text);
  Statement& BindNull(int index);

  // Advances to the next row: true when a row is ready, false when done.
  Result<bool> Step();
  // Steps to completion, for statements that return no rows.
  Status Run();

  // Columns are 0-based.
  std::int64_t Int(int column) const;
  double Double(int column) const;
  std::string Text(int column) const;
  bool IsNull(int column) const;

 private:
  void NoteBind(int rc, int index);

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int bind_rc_ = SQLITE_OK;
  int bind_index_ = 0;
};

}  // namespace ytl::sqlite
