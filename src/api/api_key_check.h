// Bearer API keys on the /v1 routes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace ytl::api {

// nullopt when `keys` is empty (open API) or the request carries "Authorization: Bearer K" with
// K one of `keys` (compared in constant time); otherwise a 401 response with WWW-Authenticate.
std::optional<http::Response> CheckApiKey(const http::Request& request,
                                          const std::vector<std::string>& keys);

}  // namespace ytl::api
