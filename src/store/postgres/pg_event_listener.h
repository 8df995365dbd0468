// pg::EventListener: a thread that LISTENs on its own PostgreSQL connection
// for the NOTIFYs every PgJobStore sends when it appends events, and feeds
// them to an EventHub, so subscribers hear commits made on other nodes.
//
// Reconnects (every reconnect_interval) after the connection breaks, e.g. a
// database restart; notifications sent meanwhile are lost, which the
// JobStore::Subscribe contract allows (waiters also re-read on a timeout).
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "store/event_hub.h"

namespace ytl::pg {

// The channel PgJobStore NOTIFYs on.
inline constexpr const char* kEventChannel = "ytl_job_events";

// The payload of one notification: "<instance>|<job id>|<seq>".
std::string EventPayload(const std::string& instance_id, const std::string& job_id,
                         std::int64_t seq);

class EventListener {
 public:
  // Starts the thread. Notifications whose instance is `own_instance_id`
  // are skipped (the store notified its hub directly).
  EventListener(std::string url, std::string own_instance_id, std::shared_ptr<EventHub> hub);
  ~EventListener();  // stops and joins the thread within ~a poll interval
  EventListener(const EventListener&) = delete;
  EventListener& operator=(const EventListener&) = delete;

  // True while the LISTEN connection is up.
  bool listening() const { return listening_.load(); }

 private:
  void Loop();
  void Deliver(const std::string& payload);

  std::string url_;
  std::string own_instance_id_;
  std::shared_ptr<EventHub> hub_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> listening_{false};
  std::thread thread_;
};

}  // namespace ytl::pg
