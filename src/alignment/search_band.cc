#include "alignment/search_band.h"

#include <algorithm>
#include <cmath>

namespace ytl {
namespace {

// The hints that are usable: inside the song and not earlier than the one
// before. nullopt entries stay nullopt.
std::vector<std::optional<double>> OrderedHints(const LyricSheet& sheet, double duration_s) {
  std::vector<std::optional<double>> hints;
  double last = 0;
  for (const LyricLine& line : sheet.lines) {
    std::optional<double> h = line.start_hint_s;
    if (h && (*h < last || *h > duration_s || *h < 0)) h.reset();
    if (h) last = *h;
    hints.push_back(h);
  }
  return hints;
}

}  // namespace

std::optional<std::vector<WordWindow>> WindowsFromHints(const LyricSheet& sheet, double duration_s,
                                                        const HintBandConfig& config) {
  const std::vector<std::optional<double>> hints = OrderedHints(sheet, duration_s);
  if (std::none_of(hints.begin(), hints.end(), [](const auto& h) { return h.has_value(); })) {
    return std::nullopt;
  }
  const std::size_t n = hints.size();
  // Earliest start: the latest hint at or before the line; latest end: the
  // first hint after it.
  std::vector<double> earliest(n, 0.0), latest(n, duration_s);
  double floor_s = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (hints[i]) floor_s = std::max(0.0, *hints[i] - config.before_s);
    earliest[i] = floor_s;
  }
  double ceil_s = duration_s;
  for (std::size_t i = n; i-- > 0;) {
    latest[i] = ceil_s;
    if (hints[i]) ceil_s = std::min(duration_s, *hints[i] + config.after_s);
  }
  std::vector<WordWindow> windows;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t w = 0; w < sheet.lines[i].words.size(); ++w) {
      WordWindow window{earliest[i], std::max(earliest[i], latest[i]), std::nullopt};
      if (w == 0 && hints[i])
        window.first_phone_end_s = *hints[i] + config.after_s + config.first_phone_s;
      windows.push_back(window);
    }
  }
  return windows;
}

std::vector<FrameRange> NodeFrameRanges(const AlignmentGraph& graph,
                                        const std::vector<WordWindow>& windows, double offset_s,
                                        double frame_s, int frames) {
  const int last_frame = std::max(0, frames - 1);
  auto to_frame = [&](double s) {
    return std::clamp(static_cast<int>(std::floor((s - offset_s) / frame_s + 1e-9)), 0, last_frame);
  };
  const int words = static_cast<int>(windows.size());
  std::vector<FrameRange> ranges(graph.nodes.size(), FrameRange{0, last_frame});
  for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
    const GraphNode& node = graph.nodes[n];
    const int k = node.word;
    if (k < 0 || words == 0) continue;
    if (node.kind == SegmentKind::kWord && node.n_states > 0 && k < words) {
      ranges[n] = {to_frame(windows[k].start_s), to_frame(windows[k].end_s)};
      continue;
    }
    // Silence and garbage (and null nodes) between word k-1 and word k.
    const double from_s = k > 0 ? windows[std::min(k, words) - 1].start_s : 0.0;
    const int to = k < words ? to_frame(windows[k].end_s) : last_frame;
    ranges[n] = {to_frame(from_s), to};
  }
  // A word's first phones are the emitting nodes its entry (a null node
  // starting the word's segment) leads to.
  for (const GraphNode& node : graph.nodes) {
    if (node.n_states > 0 || node.segment < 0) continue;
    const GraphSegment& seg = graph.segments[node.segment];
    if (seg.kind != SegmentKind::kWord || seg.word < 0 || seg.word >= words) continue;
    const std::optional<double>& by_s = windows[seg.word].first_phone_end_s;
    if (!by_s) continue;
    for (const GraphArc& arc : node.next) {
      if (graph.nodes[arc.to].n_states == 0) continue;
      FrameRange& r = ranges[arc.to];
      r.last = std::max(r.first, std::min(r.last, to_frame(*by_s)));
    }
  }
  return ranges;
}

}  // namespace ytl
