// Move-only owners for the FFmpeg C handles used by the audio module.
//
// Each owner is a std::unique_ptr with a deleter that calls the matching
// FFmpeg free function, so handles are released on every return path.
// Not thread-safe: one owner is used by one thread at a time, as FFmpeg
// requires for the underlying contexts.
#pragma once

#include <memory>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
#include <libswresample/swresample.h>
}

namespace ytl::ffmpeg {

// For contexts opened with avformat_open_input().
struct FormatContextDeleter {
  void operator()(AVFormatContext* ctx) const { avformat_close_input(&ctx); }
};
struct CodecContextDeleter {
  void operator()(AVCodecContext* ctx) const { avcodec_free_context(&ctx); }
};
struct SwrContextDeleter {
  void operator()(SwrContext* ctx) const { swr_free(&ctx); }
};
struct FrameDeleter {
  void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
struct IoContextDeleter {
  void operator()(AVIOContext* io) const { avio_closep(&io); }
};
struct PacketDeleter {
  void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};

using FormatContextPtr = std::unique_ptr<AVFormatContext, FormatContextDeleter>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using SwrContextPtr = std::unique_ptr<SwrContext, SwrContextDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
// For contexts opened with avio_open().
using IoContextPtr = std::unique_ptr<AVIOContext, IoContextDeleter>;

// Clears a packet's payload on scope exit so the packet can be reused.
class PacketUnref {
 public:
  explicit PacketUnref(AVPacket* packet) : packet_(packet) {}
  ~PacketUnref() { av_packet_unref(packet_); }
  PacketUnref(const PacketUnref&) = delete;
  PacketUnref& operator=(const PacketUnref&) = delete;

 private:
  AVPacket* packet_;
};

}  // namespace ytl::ffmpeg
