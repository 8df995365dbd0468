// The OpenAPI 3 description of the HTTP API, served at /openapi.json.
#pragma once

#include <nlohmann/json.hpp>

namespace ytl::api {

// The document: every route the server registers, with parameters, bodies and responses.
nlohmann::json OpenApiDocument();

}  // namespace ytl::api
