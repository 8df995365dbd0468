// RacePlan: which backends a race uses, in which order, and when each next one joins.
//   race:   every backend at once; the first success wins.
//   smart:  the historically fastest healthy backend first; the next joins ("hedge") when the
//           latest started has not finished within its p90 time, or at once when it drops out.
//   single: the first backend only.
// The same rules as the racing page (web/race_routing.js).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "race/race_history.h"

namespace ytl::race {

enum class RaceMode { kRace, kSmart, kSingle };

// "race" | "smart" | "single"; InvalidInput names the choices otherwise.
Result<RaceMode> ParseRaceMode(std::string_view name);
std::string_view RaceModeName(RaceMode mode);

// A backend whose success rate is below this over at least kMinRunsForHealth runs is unhealthy:
// smart routing tries it after every healthy one.
inline constexpr double kHealthySuccessRate = 0.5;
inline constexpr int kMinRunsForHealth = 2;

struct PlannedBackend {
  std::string backend;
  double hedge_s = 0;  // seconds before the next backend joins (infinity: never)
  std::string why;     // the reason for its place, for people
};

struct RacePlan {
  RaceMode mode = RaceMode::kRace;
  std::vector<PlannedBackend> order;  // backends used, in order
  std::size_t start_at_once = 0;      // how many start at the beginning
};

// Plans a race over `backends` (normalised URLs, in the user's order). `bucket` is the song's
// duration bucket when known. InvalidInput when `backends` is empty.
Result<RacePlan> PlanRace(RaceMode mode, const std::vector<std::string>& backends,
                          const std::vector<RaceRecord>& history,
                          const std::optional<std::string>& bucket, double default_hedge_s = 60);

}  // namespace ytl::race
