#include "store/event_hub.h"

#include <vector>

namespace ytl {

EventSubscription& EventSubscription::operator=(EventSubscription&& other) noexcept {
  if (this != &other) {
    Reset();
    hub_ = std::move(other.hub_);
    id_ = other.id_;
    other.id_ = 0;
  }
  return *this;
}

void EventSubscription::Reset() {
  if (id_ == 0) return;
  if (auto hub = hub_.lock()) hub->Unsubscribe(id_);
  hub_.reset();
  id_ = 0;
}

EventSubscription EventHub::Subscribe(EventListener listener) {
  auto entry = std::make_shared<Entry>();
  entry->listener = std::move(listener);
  std::lock_guard lock(mutex_);
  const std::uint64_t id = next_id_++;
  entries_.emplace(id, std::move(entry));
  return EventSubscription(weak_from_this(), id);
}

void EventHub::Notify(const std::string& job_id, std::int64_t seq) {
  std::vector<std::shared_ptr<Entry>> entries;
  {
    std::lock_guard lock(mutex_);
    entries.reserve(entries_.size());
    for (const auto& [id, entry] : entries_) entries.push_back(entry);
  }
  for (const auto& entry : entries) {
    std::lock_guard calling(entry->calling);
    if (entry->active) entry->listener(job_id, seq);
  }
}

void EventHub::Unsubscribe(std::uint64_t id) {
  std::shared_ptr<Entry> entry;
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(id);
    if (it == entries_.end()) return;
    entry = std::move(it->second);
    entries_.erase(it);
  }
  std::lock_guard calling(entry->calling);
  entry->active = false;
}

}  // namespace ytl
