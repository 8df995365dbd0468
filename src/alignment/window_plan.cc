#include "alignment/window_plan.h"

#include <algorithm>
#include <cmath>

namespace ytl {
namespace {

// Index of the stretch that contains `t_s`, or the nearest one.
int NearestStretch(const std::vector<TimeStretch>& stretches, double t_s) {
  int best = 0;
  double best_d = INFINITY;
  for (std::size_t i = 0; i < stretches.size(); ++i) {
    const double d = t_s < stretches[i].start_s ? stretches[i].start_s - t_s
                     : t_s > stretches[i].end_s ? t_s - stretches[i].end_s
                                                : 0.0;
    if (d < best_d) best_d = d, best = static_cast<int>(i);
  }
  return best;
}

// Mid time of the placed words of a line; NaN when none was placed.
double LineMid(const std::vector<WordPlacement>& coarse, std::size_t first, std::size_t last) {
  double lo = INFINITY, hi = -INFINITY;
  for (std::size_t i = first; i < last && i < coarse.size(); ++i) {
    if (!coarse[i].placed) continue;
    lo = std::min(lo, coarse[i].start_s);
    hi = std::max(hi, coarse[i].end_s);
  }
  return lo <= hi ? 0.5 * (lo + hi) : NAN;
}

}  // namespace

std::vector<TimeStretch> VoicedStretches(const VocalActivity& activity, double duration_s,
                                         double min_gap_s) {
  std::vector<TimeStretch> out;
  for (const VoicedRegion& r : activity.regions) {
    if (!out.empty() && r.start_s - out.back().end_s < min_gap_s) {
      out.back().end_s = std::max(out.back().end_s, r.end_s);
    } else {
      out.push_back({r.start_s, r.end_s});
    }
  }
  if (out.empty()) out.push_back({0.0, duration_s});
  return out;
}

std::vector<WordWindow> ProportionalWindows(const std::vector<int>& phones,
                                            const std::vector<TimeStretch>& stretches,
                                            double duration_s, double slack_s) {
  double sung_s = 0;
  for (const TimeStretch& s : stretches) sung_s += std::max(0.0, s.end_s - s.start_s);
  double total = 0;
  for (int p : phones) total += std::max(p, 1);
  // The time at which a fraction `f` of the sung time has passed.
  const auto at = [&](double f) {
    double left = f * sung_s;
    for (const TimeStretch& s : stretches) {
      const double length = std::max(0.0, s.end_s - s.start_s);
      if (left <= length) return s.start_s + left;
      left -= length;
    }
    return stretches.empty() ? f * duration_s : stretches.back().end_s;
  };
  std::vector<WordWindow> windows;
  windows.reserve(phones.size());
  double before = 0;
  for (int p : phones) {
    const double after = before + std::max(p, 1);
    windows.push_back({std::max(0.0, at(before / total) - slack_s),
                       std::min(duration_s, at(after / total) + slack_s), std::nullopt});
    before = after;
  }
  return windows;
}

std::vector<WindowSpan> AssignLines(const LyricSheet& sheet,
                                    const std::vector<WordPlacement>& coarse,
                                    const std::vector<TimeStretch>& stretches) {
  std::vector<WindowSpan> windows;
  std::size_t word = 0;
  int current = 0;
  for (const LyricLine& line : sheet.lines) {
    const std::size_t first = word;
    word += line.words.size();
    if (line.words.empty()) continue;
    const double mid = LineMid(coarse, first, word);
    // Stretches only move forward, so a misplaced line cannot reorder windows.
    const int s = std::isnan(mid) ? current : std::max(current, NearestStretch(stretches, mid));
    if (windows.empty() || s != current) {
      windows.push_back({first, word, stretches[s].start_s, stretches[s].end_s});
      current = s;
    }
    WindowSpan& w = windows.back();
    w.last_word = word;
    for (std::size_t i = first; i < word && i < coarse.size(); ++i) {
      if (!coarse[i].placed) continue;
      w.start_s = std::min(w.start_s, coarse[i].start_s);
      w.end_s = std::max(w.end_s, coarse[i].end_s);
    }
  }
  return windows;
}

}  // namespace ytl
