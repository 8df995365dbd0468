// UrlCheckPool: runs the SSRF check of song URLs (CheckSongUrl, which waits on DNS) on its own
// threads with a time limit, so that a slow resolver never holds an HTTP I/O thread.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <functional>
#include <string>
#include <thread>

#include "api/host_resolver.h"
#include "core/status.h"

namespace ytl::api {

class UrlCheckPool {
 public:
  // `resolver` must outlive the pool. `threads` >= 1 lookups run at once, more wait in a queue;
  // a check that has not finished `timeout_s` after Check() was called answers InvalidInput.
  UrlCheckPool(const HostResolver& resolver, int threads, double timeout_s);
  // Waits for the lookups under way (a stuck getaddrinfo holds the destructor).
  ~UrlCheckPool();

  UrlCheckPool(const UrlCheckPool&) = delete;
  UrlCheckPool& operator=(const UrlCheckPool&) = delete;

  // Checks `url` (see CheckSongUrl) and calls `done` exactly once with the outcome, on a pool or
  // timer thread, never on the caller's. Thread-safe.
  void Check(std::string url, bool allow_private, std::function<void(Status)> done);

 private:
  const HostResolver& resolver_;
  const double timeout_s_;
  boost::asio::thread_pool lookups_;
  boost::asio::io_context timers_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> timers_work_;
  std::thread timer_thread_;
};

}  // namespace ytl::api
