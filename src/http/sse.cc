#include "http/sse.h"

#include <utility>

namespace ytl::http {
namespace {

std::string SingleLine(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

void AppendDataLines(std::string_view data, std::string& out) {
  std::size_t start = 0;
  while (true) {
    std::size_t end = data.find_first_of("\r\n", start);
    out += "data: ";
    out += data.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    out += '\n';
    if (end == std::string_view::npos) return;
    start = end + ((data[end] == '\r' && end + 1 < data.size() && data[end + 1] == '\n') ? 2 : 1);
  }
}

}  // namespace

std::string FormatSseEvent(const SseEvent& event) {
  std::string out;
  out.reserve(event.data.size() + 64);
  if (!event.id.empty()) out += "id: " + SingleLine(event.id) + "\n";
  if (!event.event.empty()) out += "event: " + SingleLine(event.event) + "\n";
  if (event.retry_ms > 0) out += "retry: " + std::to_string(event.retry_ms) + "\n";
  AppendDataLines(event.data, out);
  out += '\n';
  return out;
}

std::string FormatSseComment(std::string_view text) { return ": " + SingleLine(text) + "\n\n"; }

EventStream::EventStream(std::string last_event_id, std::weak_ptr<SseTransport> transport)
    : last_event_id_(std::move(last_event_id)), transport_(std::move(transport)) {}

bool EventStream::Send(const SseEvent& event) { return Post(FormatSseEvent(event), false); }

bool EventStream::SendComment(std::string_view text) { return Post(FormatSseComment(text), false); }

void EventStream::Close() {
  Post(std::string(), true);
  MarkClosed();
}

bool EventStream::closed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return closed_;
}

void EventStream::OnClose(std::function<void()> callback) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!closed_) {
      on_close_.push_back(std::move(callback));
      return;
    }
  }
  callback();
}

void EventStream::MarkClosed() {
  std::vector<std::function<void()>> callbacks;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return;
    closed_ = true;
    transport_.reset();
    callbacks.swap(on_close_);
  }
  for (auto& callback : callbacks) callback();
}

bool EventStream::Post(std::string bytes, bool end) {
  // Declared before the lock so a last reference is released after unlocking: the connection's
  // destructor calls MarkClosed().
  std::shared_ptr<SseTransport> transport;
  std::lock_guard<std::mutex> lock(mu_);
  if (closed_) return false;
  transport = transport_.lock();
  if (!transport) return false;
  transport->Post(std::move(bytes), end);
  return true;
}

}  // namespace ytl::http
