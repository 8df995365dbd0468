// Maps a method and path to a handler. Patterns are "/"-separated segments; a segment is a literal
// or holds one "{name}" parameter with an optional literal prefix/suffix: "/v1/jobs/{id}",
// "/v1/jobs/{id}/lyrics.{format}". Parameter values are percent-decoded and never contain "/".
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "http/request.h"
#include "http/response.h"

namespace ytl::http {

// Builds the response for one request. Runs on an I/O thread: must be quick; hand long work to a
// worker pool the caller owns. Must not throw (a thrown exception becomes a 500).
using Handler = std::function<Response(const Request& request)>;

struct RouteMatch {
  enum class Outcome { kFound, kNotFound, kMethodNotAllowed };
  Outcome outcome = Outcome::kNotFound;
  const Handler* handler = nullptr;  // kFound; owned by the router
  std::string route;                 // kFound: the pattern, e.g. "/v1/jobs/{id}"
  std::map<std::string, std::string, std::less<>> params;  // kFound
  std::vector<std::string> allowed_methods;                // kMethodNotAllowed (and kFound): sorted
};

// Not thread-safe to modify; immutable once handed to a Server, then safe to read concurrently.
class Router {
 public:
  // Registers `handler` for `method` ("GET", "POST", ...) and `pattern`. Fails on a malformed
  // pattern or a duplicate method + pattern.
  Status Add(std::string_view method, std::string_view pattern, Handler handler);

  // Finds the route for `raw_path` (still percent-encoded). When several patterns match, the
  // one with the most literal characters wins ("/jobs/stats" over "/jobs/{id}"). HEAD falls back
  // to GET.
  RouteMatch Match(std::string_view method, std::string_view raw_path) const;

 private:
  struct Segment {
    std::string prefix;      // literal text (the whole segment when !has_param)
    std::string param_name;  // empty for a literal segment
    std::string suffix;
    bool has_param = false;
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    std::size_t literal_chars = 0;
    Handler handler;
  };

  static bool MatchSegments(const Route& route, const std::vector<std::string_view>& parts,
                            std::map<std::string, std::string, std::less<>>* params);

  std::vector<Route> routes_;
};

}  // namespace ytl::http
