// Every word of the JamendoLyrics dev songs gets an en-us pronunciation.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "lyrics/espeak_phonemizer.h"
#include "lyrics/espeak_pronouncer.h"
#include "lyrics/phone_mapper.h"

namespace ytl {
namespace {

namespace fs = std::filesystem;

const fs::path kJamendoDir = fs::path(YTL_SHARED_DATA_DIR) / "jamendo-dev";

struct Song {
  fs::path words_file;
  std::string language;  // ISO 639-1
};

std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream stream(line);
  for (std::string field; std::getline(stream, field, ',');) fields.push_back(field);
  return fields;
}

// Songs listed in JamendoLyrics.csv (columns "Filepath" and "Language").
std::vector<Song> ReadSongs() {
  static const std::map<std::string, std::string> kCodes = {
      {"English", "en"}, {"French", "fr"}, {"Spanish", "es"}, {"German", "de"}};
  std::ifstream csv(kJamendoDir / "JamendoLyrics.csv");
  std::string line;
  std::getline(csv, line);
  const std::vector<std::string> header = SplitCsvLine(line);
  const auto column = [&](std::string_view name) {
    return std::find(header.begin(), header.end(), name) - header.begin();
  };
  const std::size_t file_column = column("Filepath");
  const std::size_t language_column = column("Language");
  std::vector<Song> songs;
  while (std::getline(csv, line)) {
    const std::vector<std::string> fields = SplitCsvLine(line);
    if (fields.size() <= std::max(file_column, language_column)) continue;
    const std::string stem = fs::path(fields[file_column]).stem().string();
    const auto code = kCodes.find(fields[language_column]);
    songs.push_back({kJamendoDir / "lyrics" / (stem + ".words.txt"),
                     code != kCodes.end() ? code->second : fields[language_column]});
  }
  return songs;
}

TEST(JamendoPronunciation, EveryWordGetsValidEnUsPhones) {
  if (!fs::exists(kJamendoDir / "JamendoLyrics.csv")) {
    GTEST_SKIP() << kJamendoDir << "/JamendoLyrics.csv absent: evaluation data not installed";
  }
  const std::vector<Song> songs = ReadSongs();
  ASSERT_FALSE(songs.empty());
  Result<std::unique_ptr<EspeakPronouncer>> pronouncer = EspeakPronouncer::Create({});
  ASSERT_TRUE(pronouncer.ok()) << pronouncer.status().ToString();
  std::size_t words = 0;
  for (const Song& song : songs) {
    std::ifstream file(song.words_file);
    ASSERT_TRUE(file) << "cannot read " << song.words_file;
    for (std::string word; std::getline(file, word);) {
      if (word.empty()) continue;
      ++words;
      Result<std::vector<Phones>> alternatives = (*pronouncer)->Pronounce(word, song.language);
      ASSERT_TRUE(alternatives.ok()) << word << ": " << alternatives.status().ToString();
      ASSERT_FALSE(alternatives->empty()) << word;
      for (const Phones& phones : *alternatives) {
        ASSERT_FALSE(phones.empty()) << word;
        for (const std::string& phone : phones) {
          EXPECT_TRUE(IsCmuPhone(phone))
              << song.words_file.filename() << " " << word << ": " << phone;
        }
      }
    }
  }
  EXPECT_GT(words, 500u);
}

// Every IPA symbol espeak-ng uses for these songs is in a mapping table.
TEST(JamendoPronunciation, TablesCoverEverySymbolOfTheSongs) {
  if (!fs::exists(kJamendoDir / "JamendoLyrics.csv")) {
    GTEST_SKIP() << kJamendoDir << "/JamendoLyrics.csv absent: evaluation data not installed";
  }
  Result<std::unique_ptr<EspeakPhonemizer>> phonemizer = EspeakPhonemizer::Create({});
  ASSERT_TRUE(phonemizer.ok()) << phonemizer.status().ToString();
  std::size_t words = 0;
  for (const Song& song : ReadSongs()) {
    std::ifstream file(song.words_file);
    for (std::string word; std::getline(file, word);) {
      ++words;
      Result<std::vector<std::string>> ipa = (*phonemizer)->Phonemize(word, song.language);
      ASSERT_TRUE(ipa.ok()) << word << ": " << ipa.status().ToString();
      const IpaMapping mapping = MapIpaToCmu(*ipa, song.language);
      EXPECT_TRUE(mapping.fallback_symbols.empty())
          << song.language << " '" << word << "': no table entry for "
          << testing::PrintToString(mapping.fallback_symbols);
    }
  }
  EXPECT_GT(words, 500u);
}

}  // namespace
}  // namespace ytl
