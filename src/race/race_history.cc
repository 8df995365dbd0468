#include "race/race_history.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

namespace ytl::race {
namespace {

using nlohmann::json;

constexpr std::pair<Outcome, std::string_view> kOutcomeNames[] = {
    {Outcome::kSucceeded, "succeeded"},
    {Outcome::kFailed, "failed"},
    {Outcome::kUnreachable, "unreachable"},
    {Outcome::kStalled, "stalled"},
    {Outcome::kCancelled, "cancelled"}};

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

std::string_view OutcomeName(Outcome outcome) {
  for (const auto& [value, name] : kOutcomeNames) {
    if (value == outcome) return name;
  }
  return "failed";
}

std::optional<Outcome> ParseOutcome(std::string_view name) {
  for (const auto& [value, known] : kOutcomeNames) {
    if (known == name) return value;
  }
  return std::nullopt;
}

std::string DurationBucket(double duration_s) {
  if (!std::isfinite(duration_s) || duration_s < 0) return "unknown length";
  if (duration_s < 60) return "under 1 min";
  if (duration_s < 240) return "1-4 min";
  if (duration_s < 480) return "4-8 min";
  return "8 min and over";
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  const double rank = std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(values.size() - 1);
  const auto low = static_cast<std::size_t>(std::floor(rank));
  const auto high = static_cast<std::size_t>(std::ceil(rank));
  return values[low] + (values[high] - values[low]) * (rank - static_cast<double>(low));
}

BackendStats Summarize(const std::vector<RaceRecord>& records, std::string_view backend,
                       const std::optional<std::string>& bucket) {
  BackendStats stats;
  std::vector<double> times;
  for (const RaceRecord& r : records) {
    if (r.backend != backend || r.outcome == Outcome::kCancelled) continue;
    if (bucket && r.bucket != *bucket) continue;
    ++stats.runs;
    if (r.outcome != Outcome::kSucceeded) continue;
    ++stats.successes;
    if (r.total_s >= 0) times.push_back(r.total_s);
  }
  stats.success_rate = stats.runs > 0 ? static_cast<double>(stats.successes) / stats.runs : kNaN;
  stats.median_s = Percentile(times, 50);
  stats.p90_s = Percentile(times, 90);
  return stats;
}

std::filesystem::path DefaultHistoryPath() {
  const char* state = std::getenv("XDG_STATE_HOME");
  std::filesystem::path root;
  if (state != nullptr && *state == '/') {
    root = state;
  } else {
    const char* home = std::getenv("HOME");
    root = std::filesystem::path(home != nullptr ? home : ".") / ".local" / "state";
  }
  return root / "yt-lyrics" / "race-history.json";
}

Result<std::vector<RaceRecord>> LoadHistory(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::vector<RaceRecord>{};
  std::ostringstream text;
  text << in.rdbuf();
  const json doc = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  const std::string fix = "; delete it or pass another --history file";
  if (!doc.is_array()) {
    return Status::InvalidInput("race history " + path.string() + " is not a JSON array" + fix);
  }
  std::vector<RaceRecord> records;
  for (const json& item : doc) {
    const auto outcome = ParseOutcome(item.value("outcome", ""));
    if (!item.is_object() || !item.contains("backend") || !outcome) {
      return Status::InvalidInput("race history " + path.string() + " has a record without " +
                                  "a backend or a known outcome" + fix);
    }
    RaceRecord r;
    r.backend = item.value("backend", "");
    r.outcome = *outcome;
    r.total_s = item.contains("total_s") && item["total_s"].is_number()
                    ? item["total_s"].get<double>()
                    : -1;
    r.bucket = item.value("bucket", "unknown length");
    r.at_ms = item.value("at_ms", std::int64_t{0});
    records.push_back(std::move(r));
  }
  return records;
}

Status SaveHistory(const std::filesystem::path& path, const std::vector<RaceRecord>& records) {
  json doc = json::array();
  const std::size_t first = records.size() > kMaxRecords ? records.size() - kMaxRecords : 0;
  for (std::size_t i = first; i < records.size(); ++i) {
    const RaceRecord& r = records[i];
    doc.push_back({{"backend", r.backend},
                   {"outcome", OutcomeName(r.outcome)},
                   {"total_s", r.total_s >= 0 ? json(r.total_s) : json(nullptr)},
                   {"bucket", r.bucket},
                   {"at_ms", r.at_ms}});
  }
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  const std::filesystem::path temp = path.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << doc.dump(1) << '\n';
    if (!out.flush()) {
      return Status::Unavailable("cannot write the race history " + temp.string() +
                                 "; check the folder's permissions or pass --history");
    }
  }
  std::filesystem::rename(temp, path, error);
  if (error) {
    return Status::Unavailable("cannot replace the race history " + path.string() + ": " +
                               error.message());
  }
  return Status::Ok();
}

}  // namespace ytl::race
