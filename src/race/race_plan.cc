#include "race/race_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ytl::race {
namespace {

struct Standing {
  std::string backend;
  std::size_t position = 0;
  bool healthy = true;
  double median_s = 0;
  double p90_s = 0;
  double success_rate = 0;
};

Standing StandingOf(const std::vector<RaceRecord>& history, const std::string& backend,
                    std::size_t position, const std::optional<std::string>& bucket) {
  const BackendStats in_bucket = Summarize(history, backend, bucket);
  const BackendStats overall = Summarize(history, backend);
  const BackendStats& timed = in_bucket.successes > 0 ? in_bucket : overall;
  const bool healthy =
      !(overall.runs >= kMinRunsForHealth && overall.success_rate < kHealthySuccessRate);
  return {backend, position, healthy, timed.median_s, timed.p90_s, overall.success_rate};
}

}  // namespace

Result<RaceMode> ParseRaceMode(std::string_view name) {
  if (name == "race") return RaceMode::kRace;
  if (name == "smart") return RaceMode::kSmart;
  if (name == "single") return RaceMode::kSingle;
  return Status::InvalidInput("--mode '" + std::string(name) +
                              "' is unknown; use race, smart or single");
}

std::string_view RaceModeName(RaceMode mode) {
  switch (mode) {
    case RaceMode::kRace:
      return "race";
    case RaceMode::kSmart:
      return "smart";
    case RaceMode::kSingle:
      return "single";
  }
  return "race";
}

Result<RacePlan> PlanRace(RaceMode mode, const std::vector<std::string>& backends,
                          const std::vector<RaceRecord>& history,
                          const std::optional<std::string>& bucket, double default_hedge_s) {
  if (backends.empty()) {
    return Status::InvalidInput("no backend to race; give at least one --backend URL");
  }
  constexpr double kNever = std::numeric_limits<double>::infinity();
  RacePlan plan;
  plan.mode = mode;
  switch (mode) {
    case RaceMode::kSingle:
      plan.order.push_back({backends.front(), kNever, "single: first in the list"});
      plan.start_at_once = 1;
      return plan;
    case RaceMode::kRace:
      for (const std::string& b : backends) plan.order.push_back({b, kNever, "race: all at once"});
      plan.start_at_once = backends.size();
      return plan;
    case RaceMode::kSmart:
      break;
  }
  std::vector<Standing> ranked;
  for (std::size_t i = 0; i < backends.size(); ++i) {
    ranked.push_back(StandingOf(history, backends[i], i, bucket));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Standing& x, const Standing& y) {
    if (x.healthy != y.healthy) return x.healthy;
    const bool xs = std::isfinite(x.median_s);
    const bool ys = std::isfinite(y.median_s);
    if (xs != ys) return xs;
    if (xs && x.median_s != y.median_s) return x.median_s < y.median_s;
    return x.position < y.position;
  });
  for (const Standing& s : ranked) {
    std::string why = !s.healthy ? fmt::format("unhealthy: {:.0f}% success", s.success_rate * 100)
                      : std::isfinite(s.median_s)
                          ? fmt::format("median {:.1f} s, p90 {:.1f} s", s.median_s, s.p90_s)
                          : std::string("no history yet");
    plan.order.push_back(
        {s.backend, std::isfinite(s.p90_s) ? s.p90_s : default_hedge_s, std::move(why)});
  }
  plan.start_at_once = 1;
  return plan;
}

}  // namespace ytl::race
