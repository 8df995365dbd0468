// RaceHistory: one record per backend per race, kept in a JSON file under the user's state
// folder, and the statistics smart routing uses: success rate, median and p90 total time per
// audio-duration bucket. The file has the same records as the racing page's localStorage
// (web/race_history.js), so both read alike.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ytl::race {

// How one backend's part in a race ended.
enum class Outcome { kSucceeded, kFailed, kUnreachable, kStalled, kCancelled };

std::string_view OutcomeName(Outcome outcome);  // "succeeded", "failed", ...
std::optional<Outcome> ParseOutcome(std::string_view name);

struct RaceRecord {
  std::string backend;  // normalised base URL
  Outcome outcome = Outcome::kFailed;
  double total_s = -1;     // submission to final state; < 0: unknown
  std::string bucket;      // DurationBucket() of the song
  std::int64_t at_ms = 0;  // when the race started, Unix ms
};

// The bucket name of a song lasting `duration_s` ("under 1 min", "1-4 min", "4-8 min",
// "8 min and over"; "unknown length" when negative or NaN).
std::string DurationBucket(double duration_s);

// The p-th percentile (0-100) with linear interpolation between closest ranks; NaN when empty.
double Percentile(std::vector<double> values, double p);

struct BackendStats {
  int runs = 0;  // records, cancelled ones left out
  int successes = 0;
  double success_rate = 0;  // NaN without runs
  double median_s = 0;      // of successful runs; NaN without any
  double p90_s = 0;
};

// Statistics of `backend` over `records`, only those of `bucket` when given.
BackendStats Summarize(const std::vector<RaceRecord>& records, std::string_view backend,
                       const std::optional<std::string>& bucket = std::nullopt);

// Records kept in the file; older ones are dropped first.
inline constexpr std::size_t kMaxRecords = 500;

// $XDG_STATE_HOME/yt-lyrics/race-history.json, or ~/.local/state/yt-lyrics/race-history.json.
std::filesystem::path DefaultHistoryPath();

// Reads the history file; a missing file is an empty history. InvalidInput names the file when
// it is not a JSON array of records.
Result<std::vector<RaceRecord>> LoadHistory(const std::filesystem::path& path);

// Writes the newest kMaxRecords records, creating the folder; written whole to a temporary
// file, then renamed.
Status SaveHistory(const std::filesystem::path& path, const std::vector<RaceRecord>& records);

}  // namespace ytl::race
