#include "store/postgres/pg_event_listener.h"

#include <chrono>
#include <pqxx/pqxx>

#include "store/postgres/pg_connection_pool.h"

namespace ytl::pg {
namespace {

constexpr auto kReconnectInterval = std::chrono::milliseconds(500);
constexpr long kPollMicroseconds = 200'000;

class Receiver : public pqxx::notification_receiver {
 public:
  Receiver(pqxx::connection& connection, std::function<void(const std::string&)> deliver)
      : pqxx::notification_receiver(connection, kEventChannel), deliver_(std::move(deliver)) {}
  void operator()(const std::string& payload, int) override { deliver_(payload); }

 private:
  std::function<void(const std::string&)> deliver_;
};

}  // namespace

std::string EventPayload(const std::string& instance_id, const std::string& job_id,
                         std::int64_t seq) {
  return instance_id + "|" + job_id + "|" + std::to_string(seq);
}

EventListener::EventListener(std::string url, std::string own_instance_id,
                             std::shared_ptr<EventHub> hub)
    : url_(std::move(url)), own_instance_id_(std::move(own_instance_id)), hub_(std::move(hub)) {
  thread_ = std::thread([this] { Loop(); });
}

EventListener::~EventListener() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

void EventListener::Deliver(const std::string& payload) {
  const auto first = payload.find('|');
  const auto last = payload.rfind('|');
  if (first == std::string::npos || last == first) return;
  if (payload.compare(0, first, own_instance_id_) == 0) return;
  std::int64_t seq = 0;
  try {
    seq = std::stoll(payload.substr(last + 1));
  } catch (const std::exception&) {
    return;
  }
  hub_->Notify(payload.substr(first + 1, last - first - 1), seq);
}

void EventListener::Loop() {
  while (!stop_) {
    try {
      Result<std::unique_ptr<pqxx::connection>> connection = Connect(url_, 5);
      if (connection.ok()) {
        Receiver receiver(**connection, [this](const std::string& payload) { Deliver(payload); });
        listening_ = true;
        while (!stop_) (*connection)->await_notification(0, kPollMicroseconds);
      }
    } catch (const std::exception&) {
      // The connection broke; reconnect below.
    }
    listening_ = false;
    for (auto waited = std::chrono::milliseconds(0); waited < kReconnectInterval && !stop_;
         waited += std::chrono::milliseconds(50)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}

}  // namespace ytl::pg
