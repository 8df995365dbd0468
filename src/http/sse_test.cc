#include "http/sse.h"

#include <gtest/gtest.h>

namespace ytl::http {
namespace {

TEST(FormatSseEvent, WritesFieldsAndSplitsEveryLineEnding) {
  SseEvent event{"7", "progress", "one\ntwo\r\nthree\rfour", 0};
  EXPECT_EQ(FormatSseEvent(event),
            "id: 7\nevent: progress\ndata: one\ndata: two\ndata: three\ndata: four\n\n");
}

TEST(FormatSseEvent, EmptyDataStillDispatchesAndFieldsCannotInjectLines) {
  EXPECT_EQ(FormatSseEvent({}), "data: \n\n");
  SseEvent event{"1\nevent: evil", "a\rb", "x", 3000};
  EXPECT_EQ(FormatSseEvent(event), "id: 1 event: evil\nevent: a b\nretry: 3000\ndata: x\n\n");
  EXPECT_EQ(FormatSseEvent({"", "", "trailing\n", 0}), "data: trailing\ndata: \n\n");
}

class RecordingTransport : public SseTransport {
 public:
  void Post(std::string bytes, bool end) override {
    text += bytes;
    ended |= end;
  }
  std::string text;
  bool ended = false;
};

TEST(EventStream, SendsUntilClosedAndRunsCloseCallbacksOnce) {
  auto transport = std::make_shared<RecordingTransport>();
  EventStream stream("41", transport);
  EXPECT_EQ(stream.last_event_id(), "41");
  int closes = 0;
  stream.OnClose([&] { ++closes; });
  EXPECT_TRUE(stream.Send({"42", "", "hi", 0}));
  stream.Close();
  EXPECT_TRUE(transport->ended);
  EXPECT_TRUE(stream.closed());
  EXPECT_FALSE(stream.Send({"43", "", "late", 0}));
  stream.MarkClosed();
  stream.OnClose([&] { ++closes; });  // already closed: runs at once
  EXPECT_EQ(closes, 2);
  EXPECT_EQ(transport->text, "id: 42\ndata: hi\n\n");
}

TEST(EventStream, SendFailsOnceTheTransportIsGone) {
  auto transport = std::make_shared<RecordingTransport>();
  EventStream stream("", transport);
  transport.reset();
  EXPECT_FALSE(stream.Send({"", "", "x", 0}));
}

}  // namespace
}  // namespace ytl::http
