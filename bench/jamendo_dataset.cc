#include "bench/jamendo_dataset.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace ytl::bench {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.push_back(field);
      field.clear();
    } else if (c != '\r') {
      field.push_back(c);
    }
  }
  fields.push_back(field);
  return fields;
}

// Filepath stem -> language code, from JamendoLyrics.csv when present.
std::map<std::string, std::string> ReadLanguages(const fs::path& csv_path) {
  std::map<std::string, std::string> languages;
  std::ifstream in(csv_path);
  std::string line;
  if (!std::getline(in, line)) return languages;
  const auto header = SplitCsvLine(line);
  const auto column = [&](const std::string& name) {
    return std::find(header.begin(), header.end(), name) - header.begin();
  };
  const auto path_col = column("Filepath"), language_col = column("Language");
  while (std::getline(in, line)) {
    const auto fields = SplitCsvLine(line);
    const auto needed = static_cast<std::size_t>(std::max(path_col, language_col));
    if (fields.size() <= needed) continue;
    languages[fs::path(fields[path_col]).stem().string()] = LanguageCode(fields[language_col]);
  }
  return languages;
}

Result<std::vector<ScoredWord>> ReadReference(const fs::path& words_txt, const fs::path& csv) {
  std::ifstream words_in(words_txt), csv_in(csv);
  if (!words_in) return Status::NotFound(words_txt.string() + ": missing; the dataset needs it");
  if (!csv_in) return Status::NotFound(csv.string() + ": missing; the dataset needs it");
  std::vector<ScoredWord> reference;
  std::string word, row;
  std::getline(csv_in, row);  // header
  while (std::getline(words_in, word)) {
    if (!word.empty() && word.back() == '\r') word.pop_back();
    if (word.empty()) continue;
    if (!std::getline(csv_in, row)) {
      return Status::InvalidInput(csv.string() + ": fewer rows than words in " +
                                  words_txt.string());
    }
    ScoredWord scored{word, 0};
    try {
      scored.onset_s = std::stod(SplitCsvLine(row).at(0));
    } catch (const std::exception&) {
      return Status::InvalidInput(csv.string() + ": bad row '" + row + "'");
    }
    reference.push_back(std::move(scored));
  }
  return reference;
}

}  // namespace

std::string LanguageCode(const std::string& name) {
  static const std::map<std::string, std::string> kCodes = {
      {"English", "en"}, {"French", "fr"},  {"Spanish", "es"},
      {"German", "de"},  {"Italian", "it"}, {"Portuguese", "pt"}};
  const auto it = kCodes.find(name);
  return it == kCodes.end() ? "en" : it->second;
}

Result<std::vector<DatasetSong>> LoadJamendoDataset(const std::string& dir) {
  const fs::path root(dir);
  std::error_code ec;
  if (!fs::is_directory(root / "mp3", ec)) {
    return Status::NotFound("dataset " + dir +
                            ": no mp3/ folder; give a folder in the JamendoLyrics layout");
  }
  const auto languages = ReadLanguages(root / "JamendoLyrics.csv");
  std::vector<DatasetSong> songs;
  for (const auto& entry : fs::directory_iterator(root / "mp3")) {
    if (entry.path().extension() != ".mp3") continue;
    DatasetSong song;
    song.name = entry.path().stem().string();
    song.audio_path = entry.path().string();
    song.lyrics_path = (root / "lyrics" / (song.name + ".txt")).string();
    const auto lang = languages.find(song.name);
    song.language = lang == languages.end() ? "en" : lang->second;
    auto reference = ReadReference(root / "lyrics" / (song.name + ".words.txt"),
                                   root / "annotations" / "words" / (song.name + ".csv"));
    if (!reference.ok()) return reference.status();
    song.reference = std::move(reference).value();
    songs.push_back(std::move(song));
  }
  if (songs.empty()) return Status::NotFound("dataset " + dir + ": no songs in mp3/");
  std::sort(songs.begin(), songs.end(),
            [](const DatasetSong& a, const DatasetSong& b) { return a.name < b.name; });
  return songs;
}

}  // namespace ytl::bench
