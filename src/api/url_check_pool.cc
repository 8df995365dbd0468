#include "api/url_check_pool.h"

#include <atomic>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <memory>

#include "api/url_policy.h"

namespace ytl::api {
namespace {

// The one call of a check's `done`, taken by whichever finishes first: the lookup or its timer.
struct PendingCheck {
  std::function<void(Status)> done;
  std::atomic<bool> answered{false};
  std::unique_ptr<boost::asio::steady_timer> timer;

  void Answer(Status status) {
    if (answered.exchange(true)) return;
    done(std::move(status));
  }
};

}  // namespace

UrlCheckPool::UrlCheckPool(const HostResolver& resolver, int threads, double timeout_s)
    : resolver_(resolver),
      timeout_s_(timeout_s),
      lookups_(static_cast<std::size_t>(threads < 1 ? 1 : threads)),
      timers_work_(boost::asio::make_work_guard(timers_)),
      timer_thread_([this] { timers_.run(); }) {}

UrlCheckPool::~UrlCheckPool() {
  timers_work_.reset();
  timers_.stop();
  timer_thread_.join();
  lookups_.join();
}

void UrlCheckPool::Check(std::string url, bool allow_private, std::function<void(Status)> done) {
  auto pending = std::make_shared<PendingCheck>();
  pending->done = std::move(done);
  pending->timer = std::make_unique<boost::asio::steady_timer>(
      timers_, std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                   std::chrono::duration<double>(timeout_s_)));
  pending->timer->async_wait([pending, url, timeout_s = timeout_s_](boost::system::error_code ec) {
    if (ec) return;  // cancelled: the lookup answered
    pending->Answer(Status::InvalidInput("the host of URL '" + url + "' did not resolve within " +
                                         std::to_string(static_cast<int>(timeout_s)) +
                                         " s; check the link or retry later"));
  });
  boost::asio::post(lookups_, [this, pending, url = std::move(url), allow_private] {
    if (pending->answered.load()) return;  // timed out while queued
    Status checked = CheckSongUrl(url, allow_private, resolver_);
    boost::asio::post(timers_, [pending] { pending->timer->cancel(); });
    pending->Answer(std::move(checked));
  });
}

}  // namespace ytl::api
