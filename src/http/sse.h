// Server-Sent Events: the event wire format and the stream a handler pushes events into.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace ytl::http {

// One event. Empty `id` / `event` are omitted; `retry_ms` > 0 emits "retry:".
struct SseEvent {
  std::string id;     // becomes the client's Last-Event-ID; must not contain newlines
  std::string event;  // event type; "message" when empty
  std::string data;   // any text; each line ("\n", "\r\n" or "\r") becomes one "data:" line
  int retry_ms = 0;   // reconnection delay hint for the client
};

// Wire text for `event`, ending with the blank line that dispatches it. Newlines in id/event are
// replaced by spaces so they cannot inject fields.
std::string FormatSseEvent(const SseEvent& event);

// A comment line (": text\n\n"); clients ignore it, proxies see traffic.
std::string FormatSseComment(std::string_view text);

// Where an EventStream's bytes go; implemented by the server's connection.
class SseTransport {
 public:
  virtual ~SseTransport() = default;
  // Queues `bytes` (already SSE-formatted) for the client; `end` finishes the response.
  // Called with the stream's lock held; must not block and must not call back into the stream.
  virtual void Post(std::string bytes, bool end) = 0;
};

// An open event stream to one client. Shared between the handler (which may keep it anywhere and
// push from any thread) and the server connection. Thread-safe.
class EventStream {
 public:
  EventStream(std::string last_event_id, std::weak_ptr<SseTransport> transport);

  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;

  // Queues an event; returns false (and drops it) once the stream is closed.
  bool Send(const SseEvent& event);
  // Queues a comment line; returns false once closed.
  bool SendComment(std::string_view text);
  // Ends the response cleanly; the client sees end of stream. Idempotent.
  void Close();
  // True once the client disconnected, Close() was called, or the server stopped.
  bool closed() const;
  // The request's Last-Event-ID header ("" when absent), to resume after that event.
  const std::string& last_event_id() const { return last_event_id_; }
  // Runs `callback` once when the stream closes for any reason (immediately, on this thread, if
  // already closed). Runs on an I/O thread or on the thread calling Server::Stop(); keep it quick
  // and do not call Send() from it.
  void OnClose(std::function<void()> callback);

  // Marks the stream closed without writing (client gone, server stopping) and runs the close
  // callbacks. Called by the server.
  void MarkClosed();

 private:
  bool Post(std::string bytes, bool end);

  const std::string last_event_id_;
  mutable std::mutex mu_;
  std::weak_ptr<SseTransport> transport_;        // guarded by mu_
  bool closed_ = false;                          // guarded by mu_
  std::vector<std::function<void()>> on_close_;  // guarded by mu_
};

}  // namespace ytl::http
