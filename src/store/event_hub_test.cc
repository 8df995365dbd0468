#include "store/event_hub.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace ytl {
namespace {

TEST(EventHub, NotifiesEverySubscriberUntilItUnsubscribes) {
  auto hub = std::make_shared<EventHub>();
  int first = 0;
  int second = 0;
  EventSubscription a = hub->Subscribe([&](const std::string&, std::int64_t) { ++first; });
  EventSubscription b = hub->Subscribe([&](const std::string& id, std::int64_t seq) {
    EXPECT_EQ(id, "job_1");
    second += static_cast<int>(seq);
  });
  hub->Notify("job_1", 3);
  a.Reset();
  hub->Notify("job_1", 4);
  EXPECT_EQ(first, 1);
  EXPECT_EQ(second, 7);
}

TEST(EventHub, SubscriptionsMayOutliveTheHubAndMove) {
  EventSubscription kept;
  {
    auto hub = std::make_shared<EventHub>();
    int calls = 0;
    EventSubscription moved = hub->Subscribe([&](const std::string&, std::int64_t) { ++calls; });
    kept = std::move(moved);
    hub->Notify("j", 1);
    EXPECT_EQ(calls, 1);
    kept.Reset();
    hub->Notify("j", 2);
    EXPECT_EQ(calls, 1);
    kept = hub->Subscribe([](const std::string&, std::int64_t) {});
  }
  kept.Reset();  // the hub is gone: a no-op
}

TEST(EventHub, UnsubscribeWaitsForARunningListener) {
  auto hub = std::make_shared<EventHub>();
  std::atomic<bool> entered{false};
  std::atomic<bool> finished{false};
  EventSubscription subscription = hub->Subscribe([&](const std::string&, std::int64_t) {
    entered = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    finished = true;
  });
  std::thread notifier([&] { hub->Notify("j", 1); });
  while (!entered) std::this_thread::yield();
  subscription.Reset();
  EXPECT_TRUE(finished);  // Reset returned only after the call ended
  notifier.join();
}

}  // namespace
}  // namespace ytl
