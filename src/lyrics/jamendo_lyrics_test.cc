// Checks the parser against the JamendoLyrics word lists: each song's
// `<song>.txt` must give exactly the words of `<song>.words.txt`.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lyrics/lyric_sheet_parser.h"

namespace ytl {
namespace {

namespace fs = std::filesystem;

fs::path LyricsDir() {
  const char* from_env = std::getenv("YTL_SHARED_DATA_DIR");
  return fs::path(from_env ? from_env : YTL_SHARED_DATA_DIR) / "jamendo-dev" / "lyrics";
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The Language column of JamendoLyrics.csv for `song`, as an ISO 639-1 code.
std::string LanguageOf(const fs::path& csv, const std::string& song) {
  std::istringstream rows(ReadFile(csv));
  for (std::string row; std::getline(rows, row);) {
    if (row.find("," + song + ".mp3,") == std::string::npos) continue;
    if (row.find(",French,") != std::string::npos) return "fr";
    if (row.find(",Spanish,") != std::string::npos) return "es";
    if (row.find(",German,") != std::string::npos) return "de";
  }
  return "en";
}

TEST(JamendoLyrics, ParsedWordsEqualTheDatasetWordLists) {
  const fs::path dir = LyricsDir();
  if (!fs::is_directory(dir)) {
    GTEST_SKIP() << "JamendoLyrics data not found at " << dir
                 << "; set YTL_SHARED_DATA_DIR to the folder holding jamendo-dev/";
  }
  int songs = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".txt") || name.ends_with(".words.txt")) continue;
    const std::string song = name.substr(0, name.size() - 4);
    ParseOptions options;
    options.language = LanguageOf(dir.parent_path() / "JamendoLyrics.csv", song);
    const auto sheet = ParseLyricSheet(ReadFile(entry.path()), name, options);
    ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();

    std::istringstream expected_stream(ReadFile(dir / (song + ".words.txt")));
    std::vector<std::string> expected;
    for (std::string word; expected_stream >> word;) expected.push_back(word);
    std::vector<std::string> parsed;
    for (const LyricLine& line : sheet->lines) {
      for (const LyricWord& word : line.words) {
        parsed.push_back(word.text);
        EXPECT_FALSE(word.optional) << song << ": " << word.text;
        EXPECT_FALSE(word.spoken.empty()) << song << ": " << word.text;
      }
    }
    EXPECT_EQ(parsed, expected) << song << " (" << options.language << ")";
    EXPECT_GT(sheet->lines.back().section, 0) << song << ": blank lines should start sections";
    ++songs;
  }
  EXPECT_GE(songs, 5) << "expected at least the five JamendoLyrics dev songs in " << dir;
}

}  // namespace
}  // namespace ytl
