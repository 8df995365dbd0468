// ytl-make-song: writes a synthetic song, its lyric sheet and its true word
// onsets, for the bundled example and for end-to-end tests.
//
//   ytl-make-song OUT_DIR [--voice en] [--pitch 50] [--speed 150] [--lyrics FILE]
//
// Writes OUT_DIR/song.wav, OUT_DIR/song.txt and OUT_DIR/truth.csv (index,word,onset_s).
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "tests/support/synthetic_song.h"

namespace {

const char* kDefaultLyrics[] = {
    "the city lights are calling me tonight",     "i walk along the river in the rain",
    "every window holds a story of its own",      "and every story has a song to sing",
    "so hold my hand and never let me go",        "we will be dancing till the morning comes",
    "the stars are falling softly on the street", "and all the world is singing with us now",
};

int Fail(const std::string& message) {
  std::cerr << "ytl-make-song: " << message << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0) {
    std::cerr << "usage: ytl-make-song OUT_DIR [--voice en] [--pitch 50] [--speed 150] "
                 "[--lyrics FILE]\n";
    return argc < 2 ? 2 : 0;
  }
  ytl::testing::SyntheticSongSpec spec;
  const std::filesystem::path out_dir = argv[1];
  std::string lyrics_file;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--voice")
      spec.voice = value;
    else if (flag == "--pitch")
      spec.pitch = std::atoi(value.c_str());
    else if (flag == "--speed")
      spec.speed_wpm = std::atoi(value.c_str());
    else if (flag == "--lyrics")
      lyrics_file = value;
    else
      return Fail("unknown flag " + flag + "; see --help");
  }
  if (lyrics_file.empty()) {
    spec.lines.assign(std::begin(kDefaultLyrics), std::end(kDefaultLyrics));
  } else {
    std::ifstream in(lyrics_file);
    if (!in) return Fail(lyrics_file + ": cannot read");
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) spec.lines.push_back(line);
    }
  }
  auto song = ytl::testing::MakeSyntheticSong(spec);
  if (!song.ok()) return Fail(song.status().ToString());
  std::filesystem::create_directories(out_dir);
  if (auto s = ytl::testing::WriteWav((out_dir / "song.wav").string(), song->mix); !s.ok()) {
    return Fail(s.ToString());
  }
  std::ofstream(out_dir / "song.txt") << song->lyrics_text;
  std::ofstream truth(out_dir / "truth.csv");
  truth << "index,word,onset_s\n";
  for (const auto& word : song->words)
    truth << word.index << "," << word.text << "," << word.onset_s << "\n";
  std::cout << "wrote " << (out_dir / "song.wav").string() << " (" << song->mix.duration_s()
            << " s, " << song->words.size() << " words)\n";
  return 0;
}
