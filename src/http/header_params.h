// Parses header values of the form `token; key=value; key="quoted \"value\""` (Content-Type,
// Content-Disposition).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace ytl::http {

struct HeaderValue {
  std::string token;                                       // lower-cased: "multipart/form-data"
  std::map<std::string, std::string, std::less<>> params;  // keys lower-cased, values unquoted
};

// Returns nullopt on an unterminated quoted string, a parameter without '=' or a repeated
// parameter.
std::optional<HeaderValue> ParseHeaderValue(std::string_view text);

}  // namespace ytl::http
