#include "api/api_key_check.h"

#include <string_view>

namespace ytl::api {
namespace {

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ (b.empty() ? 0 : b[i % b.size()]));
  }
  return diff == 0;
}

}  // namespace

std::optional<http::Response> CheckApiKey(const http::Request& request,
                                          const std::vector<std::string>& keys) {
  if (keys.empty()) return std::nullopt;
  const std::string_view header = request.Header("Authorization").value_or("");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.size() > kBearer.size() &&
      http::EqualsIgnoreCase(header.substr(0, kBearer.size()), kBearer)) {
    const std::string_view token = header.substr(kBearer.size());
    bool match = false;
    for (const std::string& key : keys) match |= ConstantTimeEquals(token, key);
    if (match) return std::nullopt;
  }
  http::Response response = http::Response::Error(
      401, "unauthorized",
      header.empty() ? "this server needs an API key; send Authorization: Bearer <key>"
                     : "the API key is not valid; check the key you were given");
  response.SetHeader("WWW-Authenticate", "Bearer");
  return response;
}

}  // namespace ytl::api
