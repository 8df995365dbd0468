// Reading Job rows from libpqxx results (columns: store/job_columns.h).
#pragma once

#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "core/status.h"
#include "jobs/job.h"

namespace ytl::pg {

// A pqxx::row seen through the Text/Double/Int accessors ReadJobColumns
// wants.
class RowView {
 public:
  explicit RowView(const pqxx::row& row) : row_(row) {}
  std::string Text(int column) const { return row_[column].as<std::string>(); }
  double Double(int column) const { return row_[column].as<double>(); }
  std::int64_t Int(int column) const { return row_[column].as<std::int64_t>(); }

 private:
  const pqxx::row& row_;
};

// The job in the first row of `result`, or nullopt when it has none.
Result<std::optional<Job>> FirstJob(const pqxx::result& result);

}  // namespace ytl::pg
