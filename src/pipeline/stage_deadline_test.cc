#include "pipeline/stage_deadline.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace ytl {
namespace {

// A stage that works until its context is cancelled, checking every millisecond, or gives up
// after `give_up_s`.
Status SlowStage(const StageContext& ctx, double give_up_s) {
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < std::chrono::duration<double>(give_up_s)) {
    if (ctx.cancelled()) return Status::Cancelled("align: stopped");
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return Status::Ok();
}

TEST(StageDeadline, StopsAStageThatRunsPastItsLimitWithDeadlineExceeded) {
  NullProgress progress;
  const StageContext parent{&progress, nullptr};
  const auto start = std::chrono::steady_clock::now();
  StageDeadline deadline("align", 0.1, parent);
  const Status status = deadline.Explain(SlowStage(deadline.context(), 30));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_TRUE(deadline.expired());
  EXPECT_EQ(status.code(), Status::Code::kDeadlineExceeded);
  EXPECT_NE(status.message().find("align stage ran past its time limit of 0.1 s"),
            std::string::npos)
      << status.message();
  EXPECT_NE(status.message().find("--stage-time-limit"), std::string::npos);
}

TEST(StageDeadline, LeavesAStageThatFinishesInTimeAlone) {
  NullProgress progress;
  const StageContext parent{&progress, nullptr};
  StageDeadline deadline("vad", 30, parent);
  const Status status = deadline.Explain(SlowStage(deadline.context(), 0.05));
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_FALSE(deadline.expired());
  const Status failure = deadline.Explain(Status::InvalidInput("bad audio"));
  EXPECT_EQ(failure.code(), Status::Code::kInvalidInput);
}

TEST(StageDeadline, PassesTheCallersCancellationThrough) {
  NullProgress progress;
  CancelToken token;
  const StageContext parent{&progress, &token};
  StageDeadline deadline("separate", 0, parent);  // no limit
  std::thread canceller([&token] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    token.Cancel();
  });
  const Status status = deadline.Explain(SlowStage(deadline.context(), 30));
  canceller.join();
  EXPECT_EQ(status.code(), Status::Code::kCancelled) << status.ToString();
  EXPECT_FALSE(deadline.expired());
}

}  // namespace
}  // namespace ytl
