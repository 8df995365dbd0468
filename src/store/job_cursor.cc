#include "store/job_cursor.h"

#include <charconv>
#include <limits>

namespace ytl {
namespace {
constexpr std::string_view kPrefix = "c1.";
}  // namespace

std::string EncodeJobCursor(std::int64_t position) {
  char digits[32];
  auto [end, ec] = std::to_chars(digits, digits + sizeof(digits), position, 36);
  return std::string(kPrefix) + std::string(digits, end);
}

Result<std::int64_t> DecodeJobCursor(const std::string& cursor) {
  auto invalid = [&] {
    return Status::InvalidInput("list cursor \"" + cursor.substr(0, 40) +
                                "\" was not issued by this server; pass next_cursor from the "
                                "previous page, or no cursor for the first page");
  };
  if (!std::string_view(cursor).starts_with(kPrefix)) return invalid();
  const char* begin = cursor.data() + kPrefix.size();
  const char* end = cursor.data() + cursor.size();
  std::int64_t position = 0;
  auto [ptr, ec] = std::from_chars(begin, end, position, 36);
  if (ec != std::errc() || ptr != end || begin == end || position <= 0) return invalid();
  return position;
}

Result<std::int64_t> ListStartPosition(const std::string& cursor) {
  if (cursor.empty()) return std::numeric_limits<std::int64_t>::max();
  return DecodeJobCursor(cursor);
}

}  // namespace ytl
