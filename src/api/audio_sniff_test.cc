#include "api/audio_sniff.h"

#include <gtest/gtest.h>

#include <string>

namespace ytl::api {
namespace {

TEST(AudioSniff, AcceptsCommonContainers) {
  EXPECT_TRUE(LooksLikeMedia(std::string("RIFF\x10\0\0\0WAVEfmt ", 16)));
  EXPECT_TRUE(LooksLikeMedia("ID3\x04"));
  EXPECT_TRUE(LooksLikeMedia("\xFF\xFB\x90\x00"));
  EXPECT_TRUE(LooksLikeMedia("fLaC...."));
  EXPECT_TRUE(LooksLikeMedia("OggS...."));
  EXPECT_TRUE(
      LooksLikeMedia(std::string("\0\0\0\x20"
                                 "ftypM4A ",
                                 12)));
  EXPECT_TRUE(LooksLikeMedia("\x1A\x45\xDF\xA3...."));
}

TEST(AudioSniff, RefusesTextAndImages) {
  EXPECT_FALSE(LooksLikeMedia("hello, these are lyrics"));
  EXPECT_FALSE(LooksLikeMedia("\x89PNG\r\n\x1a\n"));
  EXPECT_FALSE(LooksLikeMedia(""));
  EXPECT_FALSE(LooksLikeMedia("RIFF\x10\0\0\0WEBP"));
}

TEST(AudioSniff, NamesTheContentTypeToPlayWith) {
  EXPECT_EQ(MediaContentType(std::string("RIFF\x10\0\0\0WAVEfmt ", 16)), "audio/wav");
  EXPECT_EQ(MediaContentType("ID3\x04"), "audio/mpeg");
  EXPECT_EQ(MediaContentType("\xFF\xFB\x90\x00"), "audio/mpeg");
  EXPECT_EQ(MediaContentType("\xFF\xF1\x50\x80"), "audio/aac");
  EXPECT_EQ(MediaContentType("fLaC...."), "audio/flac");
  EXPECT_EQ(MediaContentType("OggS...."), "audio/ogg");
  EXPECT_EQ(MediaContentType(std::string("\0\0\0 ftypM4A ", 12)), "audio/mp4");
  EXPECT_EQ(MediaContentType("\x1A\x45\xDF\xA3...."), "video/webm");
  EXPECT_EQ(MediaContentType("plain text"), "");
}

}  // namespace
}  // namespace ytl::api
