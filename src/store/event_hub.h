// EventHub: process-local fan-out of "job X has new events" notifications.
//
// Stores call Notify after a commit that appended events; SSE handlers
// Subscribe and then re-read the store. The SQLite store notifies only
// listeners in its own process; a PostgreSQL store feeds its hub from
// LISTEN/NOTIFY so listeners on every node hear every commit.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace ytl {

// Called with the job id and the seq of the newest event appended by one
// commit. Runs on the committing thread, after the commit, with no store
// lock held: it may call store methods, but must be quick (signal a
// condition variable, post to an event loop) and must not destroy its own
// EventSubscription.
using EventListener = std::function<void(const std::string& job_id, std::int64_t seq)>;

class EventHub;

// Keeps a listener registered; destroying (or Reset) unregisters it, after
// which the listener is never called again and no call is still running.
// Move-only. May outlive the store that issued it.
class EventSubscription {
 public:
  EventSubscription() = default;
  EventSubscription(std::weak_ptr<EventHub> hub, std::uint64_t id)
      : hub_(std::move(hub)), id_(id) {}
  EventSubscription(EventSubscription&& other) noexcept { *this = std::move(other); }
  EventSubscription& operator=(EventSubscription&& other) noexcept;
  EventSubscription(const EventSubscription&) = delete;
  EventSubscription& operator=(const EventSubscription&) = delete;
  ~EventSubscription() { Reset(); }

  void Reset();

 private:
  std::weak_ptr<EventHub> hub_;
  std::uint64_t id_ = 0;
};

// Thread-safe. Owned through a shared_ptr so subscriptions can outlive it.
class EventHub : public std::enable_shared_from_this<EventHub> {
 public:
  EventSubscription Subscribe(EventListener listener);
  void Notify(const std::string& job_id, std::int64_t seq);

 private:
  friend class EventSubscription;
  struct Entry {
    std::mutex calling;  // held while the listener runs; taken by Unsubscribe
    bool active = true;
    EventListener listener;
  };
  void Unsubscribe(std::uint64_t id);

  std::mutex mutex_;
  std::uint64_t next_id_ = 1;
  std::map<std::uint64_t, std::shared_ptr<Entry>> entries_;
};

}  // namespace ytl
