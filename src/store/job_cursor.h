// Opaque ListJobs cursors: a job's position in the store's creation order.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"

namespace ytl {

// The cursor for "jobs created before `position`". `position` > 0.
std::string EncodeJobCursor(std::int64_t position);

// The position inside a cursor from EncodeJobCursor; InvalidInput for any
// other text.
Result<std::int64_t> DecodeJobCursor(const std::string& cursor);

// What ListJobs implementations start from: the position a cursor names,
// or the largest position for "" (the first page).
Result<std::int64_t> ListStartPosition(const std::string& cursor);

}  // namespace ytl
