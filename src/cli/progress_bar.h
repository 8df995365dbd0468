// ProgressBar: shows stage progress on stderr.
//
// On a terminal it redraws one line per stage ("align    [#####.....]  48%");
// otherwise it prints a plain line when a stage starts, at every quarter, and
// when it ends, so logs stay readable. Thread-safe.
#pragma once

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

#include "core/progress.h"

namespace ytl::cli {

class ProgressBar : public ProgressSink {
 public:
  // `out` is not owned and must outlive the bar; `interactive` selects the
  // redrawn bar (true) or plain lines (false).
  ProgressBar(std::FILE* out, bool interactive);
  ~ProgressBar() override;

  void OnProgress(std::string_view stage, double fraction) override;
  // Ends the current stage's line; called before other output is printed. `completed`:
  // the stage is drawn done; false (it failed or was interrupted) leaves it where it got.
  void Finish(bool completed = true);

 private:
  void Draw(double fraction);

  std::FILE* out_;
  bool interactive_;
  std::mutex mu_;
  std::string stage_;
  int last_step_ = -1;  // last printed percent (bar) or quarter (plain)
  std::chrono::steady_clock::time_point stage_start_;
};

}  // namespace ytl::cli
