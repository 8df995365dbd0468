// A fake LRCLIB for tests: serves /api/get and /api/search from a list of track objects in
// LRCLIB's JSON, on the in-process HTTP server (http/testing/test_server.h).
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "http/router.h"

namespace ytl::testing {

// An LRCLIB track object.
inline nlohmann::json LrclibTrack(int id, std::string artist, std::string track, double duration_s,
                                  std::string synced, std::string plain,
                                  bool instrumental = false) {
  return {{"id", id},
          {"artistName", std::move(artist)},
          {"trackName", std::move(track)},
          {"albumName", "Album"},
          {"duration", duration_s},
          {"instrumental", instrumental},
          {"syncedLyrics", synced.empty() ? nlohmann::json() : nlohmann::json(synced)},
          {"plainLyrics", plain.empty() ? nlohmann::json() : nlohmann::json(plain)}};
}

class FakeLrclib {
 public:
  std::vector<nlohmann::json> tracks;  // what the service knows
  int fail_status = 0;                 // non-zero: every request answers this status
  std::string raw_body;                // non-empty: every request answers this body as JSON
  int delay_ms = 0;                    // wait before answering

  int requests() const { return requests_.load(); }
  std::string last_user_agent() const {
    std::lock_guard<std::mutex> lock(mu_);
    return last_user_agent_;
  }

  http::Router Routes() {
    http::Router router;
    (void)router.Add("GET", "/api/get", [this](const http::Request& r) { return Get(r); });
    (void)router.Add("GET", "/api/search", [this](const http::Request& r) { return Search(r); });
    return router;
  }

 private:
  static std::string Lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
  }

  std::optional<http::Response> Common(const http::Request& request) {
    ++requests_;
    {
      std::lock_guard<std::mutex> lock(mu_);
      last_user_agent_ = std::string(request.Header("user-agent").value_or(""));
    }
    if (delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    if (fail_status != 0) return http::Response::Text(fail_status, "upstream trouble");
    if (!raw_body.empty()) return http::Response::Text(200, raw_body, "application/json");
    return std::nullopt;
  }

  http::Response Get(const http::Request& request) {
    if (auto early = Common(request)) return *early;
    const std::string artist = Lower(request.QueryParam("artist_name").value_or(""));
    const std::string track = Lower(request.QueryParam("track_name").value_or(""));
    const double duration =
        std::atof(std::string(request.QueryParam("duration").value_or("0")).c_str());
    for (const auto& entry : tracks) {
      if (Lower(entry["artistName"].get<std::string>()) == artist &&
          Lower(entry["trackName"].get<std::string>()) == track &&
          std::abs(entry["duration"].get<double>() - duration) <= 2) {
        return http::Response::Json(200, entry);
      }
    }
    return http::Response::Json(
        404,
        {{"code", 404}, {"name", "TrackNotFound"}, {"message", "Failed to find specified track"}});
  }

  http::Response Search(const http::Request& request) {
    if (auto early = Common(request)) return *early;
    const std::string track = Lower(request.QueryParam("track_name").value_or(""));
    nlohmann::json found = nlohmann::json::array();
    for (const auto& entry : tracks) {
      if (Lower(entry["trackName"].get<std::string>()).find(track) != std::string::npos) {
        found.push_back(entry);
      }
    }
    return http::Response::Json(200, found);
  }

  std::atomic<int> requests_{0};
  mutable std::mutex mu_;
  std::string last_user_agent_;
};

}  // namespace ytl::testing
