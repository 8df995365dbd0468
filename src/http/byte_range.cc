#include "http/byte_range.h"

#include <charconv>
#include <optional>

namespace ytl::http {
namespace {

std::optional<std::uint64_t> ParseNumber(std::string_view text) {
  std::uint64_t value = 0;
  if (text.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

ByteRangeDecision DecideByteRange(std::string_view range_header, std::uint64_t size) {
  ByteRangeDecision full;
  std::string_view spec = Trim(range_header);
  if (!spec.starts_with("bytes=")) return full;
  spec = Trim(spec.substr(6));
  if (spec.find(',') != std::string_view::npos) return full;
  const std::size_t dash = spec.find('-');
  if (dash == std::string_view::npos) return full;
  const std::string_view first_text = Trim(spec.substr(0, dash));
  const std::string_view last_text = Trim(spec.substr(dash + 1));
  ByteRangeDecision decision;
  decision.kind = ByteRangeDecision::Kind::kPartial;
  if (first_text.empty()) {  // suffix range: the last n bytes
    auto n = ParseNumber(last_text);
    if (!n) return full;
    if (*n == 0 || size == 0) return {ByteRangeDecision::Kind::kUnsatisfiable, 0, 0};
    decision.first = *n >= size ? 0 : size - *n;
    decision.last = size - 1;
    return decision;
  }
  auto first = ParseNumber(first_text);
  if (!first) return full;
  std::uint64_t last = size == 0 ? 0 : size - 1;
  if (!last_text.empty()) {
    auto parsed = ParseNumber(last_text);
    if (!parsed || *parsed < *first) return full;
    if (*parsed < last) last = *parsed;
  }
  if (*first >= size) return {ByteRangeDecision::Kind::kUnsatisfiable, 0, 0};
  decision.first = *first;
  decision.last = last;
  return decision;
}

std::string ContentRangeHeader(const ByteRangeDecision& decision, std::uint64_t size) {
  if (decision.kind != ByteRangeDecision::Kind::kPartial) {
    return "bytes */" + std::to_string(size);
  }
  return "bytes " + std::to_string(decision.first) + "-" + std::to_string(decision.last) + "/" +
         std::to_string(size);
}

}  // namespace ytl::http
