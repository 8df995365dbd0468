#include "cli/progress_bar.h"

#include <algorithm>

namespace ytl::cli {

ProgressBar::ProgressBar(std::FILE* out, bool interactive) : out_(out), interactive_(interactive) {}

ProgressBar::~ProgressBar() { Finish(); }

void ProgressBar::OnProgress(std::string_view stage, double fraction) {
  std::lock_guard<std::mutex> lock(mu_);
  fraction = std::clamp(fraction, 0.0, 1.0);
  if (stage != stage_) {
    if (!stage_.empty()) {
      Draw(1.0);
      std::fputc('\n', out_);
    }
    stage_ = stage;
    last_step_ = -1;
    stage_start_ = std::chrono::steady_clock::now();
  }
  Draw(fraction);
}

void ProgressBar::Finish(bool completed) {
  std::lock_guard<std::mutex> lock(mu_);
  if (stage_.empty()) return;
  if (completed) {
    Draw(1.0);
    std::fputc('\n', out_);
  } else if (interactive_) {
    std::fputc('\n', out_);  // plain lines already end with one below 100%
  }
  std::fflush(out_);
  stage_.clear();
}

void ProgressBar::Draw(double fraction) {
  const double elapsed_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - stage_start_).count();
  if (interactive_) {
    const int percent = static_cast<int>(fraction * 100);
    if (percent == last_step_) return;
    last_step_ = percent;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth);
    std::fprintf(out_, "\r%-9s [%s%s] %3d%% %6.1fs", stage_.c_str(),
                 std::string(filled, '#').c_str(), std::string(kWidth - filled, '.').c_str(),
                 percent, elapsed_s);
  } else {
    const int quarter = static_cast<int>(fraction * 4);
    if (quarter == last_step_) return;
    last_step_ = quarter;
    std::fprintf(out_, "%s: %d%% (%.1f s)%s", stage_.c_str(), quarter * 25, elapsed_s,
                 quarter == 4 ? "" : "\n");
  }
  std::fflush(out_);
}

}  // namespace ytl::cli
