// What is known about the song beyond its timings, for format headers.
#pragma once

#include <string>

namespace ytl {

// Each field may be empty (unknown); writers then leave its header tag out.
struct SongInfo {
  std::string title;   // LRC [ti:], ASS "Title:"
  std::string artist;  // LRC [ar:]
  std::string album;   // LRC [al:]
};

}  // namespace ytl
