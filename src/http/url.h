// Request-target helpers: split a target into path and query, percent-decode, parse a query.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ytl::http {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Decodes %XX escapes; when `plus_is_space` ("application/x-www-form-urlencoded" query values)
// '+' becomes ' '. Returns nullopt on a truncated or non-hex escape.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// Splits "a=1&b=x%20y&flag" into decoded pairs ("flag" gets an empty value), in order.
// Returns nullopt when any name or value has a malformed escape.
std::optional<QueryParams> ParseQuery(std::string_view query);

// Splits an origin-form target "/p/a?q" into {"/p/a", "q"}; the query is empty when absent.
std::pair<std::string_view, std::string_view> SplitTarget(std::string_view target);

}  // namespace ytl::http
