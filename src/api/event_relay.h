// EventRelay: feeds open Server-Sent Events streams from the job store's event log.
//
// One thread serves every stream: it wakes on the store's notifications (Subscribe) and at least
// every poll interval (notifications are only a hint), re-reads EventsAfter for each stream and
// sends what is new, with the event seq as the SSE id. A stream ends after its job's final
// "state" event, or at once when the job is already final and nothing is left to send.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http/sse.h"
#include "store/job_store.h"

namespace ytl::api {

class EventRelay {
 public:
  // `store` must outlive the relay. Starts the relay thread.
  EventRelay(JobStore& store, double poll_interval_s);
  ~EventRelay();  // closes every stream and joins the thread

  EventRelay(const EventRelay&) = delete;
  EventRelay& operator=(const EventRelay&) = delete;

  // Streams the events of `job_id` after seq `after_seq` to `stream`. Thread-safe and quick.
  void Add(std::string job_id, std::int64_t after_seq, std::shared_ptr<http::EventStream> stream);

  // Number of streams being fed (for metrics).
  std::size_t open_streams() const;

 private:
  struct Follower {
    std::string job_id;
    std::int64_t after_seq = 0;
    std::shared_ptr<http::EventStream> stream;
  };

  void Loop();
  // Sends what is new; false when the follower is done (stream closed or job final).
  bool Pump(Follower& follower);
  // Sends every event after follower.after_seq; false after the final one or on an error.
  bool SendNew(Follower& follower);

  JobStore& store_;
  const double poll_interval_s_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::vector<Follower> followers_;  // guarded by mu_
  bool dirty_ = false;               // guarded by mu_
  bool stopping_ = false;            // guarded by mu_
  EventSubscription subscription_;
  std::thread thread_;
};

}  // namespace ytl::api
