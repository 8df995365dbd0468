// Request targets and query strings: SplitTarget, PercentDecode and ParseQuery on arbitrary
// bytes. A decoded query re-encoded with %XX escapes must decode to the same pairs.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "http/url.h"

namespace {

std::string EscapeAll(std::string_view text) {
  std::string out;
  char hex[4];
  for (unsigned char c : text) {
    std::snprintf(hex, sizeof hex, "%%%02X", c);
    out += hex;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view target(reinterpret_cast<const char*>(bytes), size);
  const auto [path, query] = ytl::http::SplitTarget(target);
  FUZZ_CHECK(path.size() + query.size() <= target.size(), "split grew the target");
  (void)ytl::http::PercentDecode(path, false);
  const auto params = ytl::http::ParseQuery(query);
  if (!params) return 0;
  std::string encoded;
  for (const auto& [name, value] : *params) {
    encoded += (encoded.empty() ? "" : "&") + EscapeAll(name) + "=" + EscapeAll(value);
  }
  const auto again = ytl::http::ParseQuery(encoded);
  FUZZ_CHECK(again.has_value(), "re-encoded query does not parse: %s", encoded.c_str());
  // Empty names may vanish ("&&"), so compare the pairs that have a name.
  std::size_t j = 0;
  for (const auto& [name, value] : *params) {
    if (name.empty() && value.empty()) continue;
    while (j < again->size() && (*again)[j].first.empty() && (*again)[j].second.empty()) ++j;
    FUZZ_CHECK(j < again->size(), "pair '%s' lost", name.c_str());
    FUZZ_CHECK((*again)[j].first == name && (*again)[j].second == value, "pair '%s' changed",
               name.c_str());
    ++j;
  }
  return 0;
}
