#include "separation/testing/jamendo_songs.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ytl::testing {
namespace {

std::vector<AnnotatedWord> ReadWords(const std::filesystem::path& csv) {
  std::vector<AnnotatedWord> words;
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);  // header: word_start,word_end,line_end
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string start, end;
    if (!std::getline(fields, start, ',') || !std::getline(fields, end, ',')) continue;
    words.push_back({std::stod(start), std::stod(end)});
  }
  return words;
}

}  // namespace

std::vector<AnnotatedSong> LoadJamendoSongs(const std::string& dir) {
  std::vector<AnnotatedSong> songs;
  const std::filesystem::path root(dir);
  std::error_code error;
  if (!std::filesystem::is_directory(root / "mp3", error)) return songs;
  for (const auto& entry : std::filesystem::directory_iterator(root / "mp3", error)) {
    if (entry.path().extension() != ".mp3") continue;
    const std::string name = entry.path().stem().string();
    const std::filesystem::path csv = root / "annotations" / "words" / (name + ".csv");
    if (!std::filesystem::exists(csv)) continue;
    songs.push_back({name, entry.path().string(), ReadWords(csv)});
  }
  std::sort(songs.begin(), songs.end(),
            [](const AnnotatedSong& a, const AnnotatedSong& b) { return a.name < b.name; });
  return songs;
}

double VocalContrastDb(const std::vector<float>& samples, int sample_rate_hz,
                       const std::vector<AnnotatedWord>& words, double margin_s) {
  const double frame_s = 0.05;
  const std::size_t frame = static_cast<std::size_t>(frame_s * sample_rate_hz);
  double vocal = 0, instrumental = 0;
  std::size_t vocal_frames = 0, instrumental_frames = 0;
  for (std::size_t start = 0; start + frame <= samples.size(); start += frame) {
    const double t = (start + frame / 2.0) / sample_rate_hz;
    double distance = 1e9;
    for (const AnnotatedWord& w : words) {
      distance = std::min(distance, t < w.start_s ? w.start_s - t : std::max(0.0, t - w.end_s));
    }
    double energy = 0;
    for (std::size_t i = std::max<std::size_t>(start, 1); i < start + frame; ++i) {
      const double emphasised = samples[i] - 0.97 * samples[i - 1];
      energy += emphasised * emphasised;
    }
    if (distance == 0) {
      vocal += energy;
      ++vocal_frames;
    } else if (distance > margin_s) {
      instrumental += energy;
      ++instrumental_frames;
    }
  }
  if (vocal_frames == 0 || instrumental_frames == 0 || instrumental <= 0) return 0;
  return 10 * std::log10((vocal / vocal_frames) / (instrumental / instrumental_frames));
}

}  // namespace ytl::testing
