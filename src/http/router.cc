#include "http/router.h"

#include <algorithm>

#include "http/url.h"

namespace ytl::http {
namespace {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    const std::size_t slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

}  // namespace

Status Router::Add(std::string_view method, std::string_view pattern, Handler handler) {
  if (pattern.empty() || pattern.front() != '/') {
    return Status::InvalidInput("route pattern '" + std::string(pattern) + "' must start with '/'");
  }
  Route route{std::string(method), std::string(pattern), {}, 0, std::move(handler)};
  for (std::string_view part : SplitPath(pattern)) {
    Segment segment;
    const std::size_t open = part.find('{');
    const std::size_t close = part.find('}');
    if (open == std::string_view::npos && close == std::string_view::npos) {
      segment.prefix = std::string(part);
    } else if (open == std::string_view::npos || close == std::string_view::npos ||
               close < open + 2 || part.find('{', open + 1) != std::string_view::npos) {
      return Status::InvalidInput("route pattern '" + std::string(pattern) +
                                  "' has a bad segment '" + std::string(part) +
                                  "'; use one {name} per segment");
    } else {
      segment.has_param = true;
      segment.prefix = std::string(part.substr(0, open));
      segment.param_name = std::string(part.substr(open + 1, close - open - 1));
      segment.suffix = std::string(part.substr(close + 1));
    }
    route.literal_chars += segment.prefix.size() + segment.suffix.size();
    route.segments.push_back(std::move(segment));
  }
  for (const Route& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) {
      return Status::InvalidInput("route " + route.method + " " + route.pattern +
                                  " is registered twice");
    }
  }
  routes_.push_back(std::move(route));
  return Status::Ok();
}

bool Router::MatchSegments(const Route& route, const std::vector<std::string_view>& parts,
                           std::map<std::string, std::string, std::less<>>* params) {
  if (route.segments.size() != parts.size()) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const Segment& segment = route.segments[i];
    const std::string_view part = parts[i];
    if (!segment.has_param) {
      auto decoded = PercentDecode(part, false);
      if (!decoded || *decoded != segment.prefix) return false;
      continue;
    }
    if (part.size() <= segment.prefix.size() + segment.suffix.size() ||
        !part.starts_with(segment.prefix) || !part.ends_with(segment.suffix)) {
      return false;
    }
    auto value =
        PercentDecode(part.substr(segment.prefix.size(),
                                  part.size() - segment.prefix.size() - segment.suffix.size()),
                      false);
    if (!value) return false;
    (*params)[segment.param_name] = std::move(*value);
  }
  return true;
}

RouteMatch Router::Match(std::string_view method, std::string_view raw_path) const {
  const std::vector<std::string_view> parts = SplitPath(raw_path);
  RouteMatch match;
  const Route* best = nullptr;
  const Route* best_get = nullptr;
  std::map<std::string, std::string, std::less<>> best_params, get_params;
  for (const Route& route : routes_) {
    std::map<std::string, std::string, std::less<>> params;
    if (!MatchSegments(route, parts, &params)) continue;
    if (std::find(match.allowed_methods.begin(), match.allowed_methods.end(), route.method) ==
        match.allowed_methods.end()) {
      match.allowed_methods.push_back(route.method);
    }
    if (route.method == method && (!best || route.literal_chars > best->literal_chars)) {
      best = &route;
      best_params = std::move(params);
    } else if (route.method == "GET" &&
               (!best_get || route.literal_chars > best_get->literal_chars)) {
      best_get = &route;
      get_params = std::move(params);
    }
  }
  if (!best && method == "HEAD" && best_get) {
    best = best_get;
    best_params = std::move(get_params);
  }
  const auto& allowed = match.allowed_methods;
  if (std::find(allowed.begin(), allowed.end(), "GET") != allowed.end() &&
      std::find(allowed.begin(), allowed.end(), "HEAD") == allowed.end()) {
    match.allowed_methods.push_back("HEAD");
  }
  std::sort(match.allowed_methods.begin(), match.allowed_methods.end());
  if (best) {
    match.outcome = RouteMatch::Outcome::kFound;
    match.handler = &best->handler;
    match.route = best->pattern;
    match.params = std::move(best_params);
  } else if (!match.allowed_methods.empty()) {
    match.outcome = RouteMatch::Outcome::kMethodNotAllowed;
  }
  return match;
}

}  // namespace ytl::http
