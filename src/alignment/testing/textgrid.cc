#include "alignment/testing/textgrid.h"

#include <fstream>

namespace ytl {
namespace {

// The values of a TextGrid, one per line: quoted strings unquoted, numbers
// as text; keys ("xmin = ") and headers ("item [1]:") dropped.
std::vector<std::string> Values(std::ifstream& in) {
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line.back() == ':') continue;
    if (const auto eq = line.find(" = "); eq != std::string::npos) line = line.substr(eq + 3);
    const auto first = line.find_first_not_of(' ');
    if (first == std::string::npos) continue;
    line = line.substr(first);
    if (line.size() >= 2 && line.front() == '"' && line.back() == '"') {
      line = line.substr(1, line.size() - 2);
    }
    out.push_back(line);
  }
  return out;
}

}  // namespace

Result<std::vector<TextGridInterval>> ReadTextGridTier(const std::string& path,
                                                       const std::string& tier_name) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("TextGrid " + path + " cannot be opened");
  const std::vector<std::string> v = Values(in);
  for (std::size_t i = 0; i + 4 < v.size(); ++i) {
    if (v[i] != "IntervalTier" || v[i + 1] != tier_name) continue;
    const int count = std::stoi(v[i + 4]);
    std::vector<TextGridInterval> out;
    std::size_t k = i + 5;
    for (int n = 0; n < count && k + 2 < v.size(); ++n, k += 3) {
      TextGridInterval iv{std::stod(v[k]), std::stod(v[k + 1]), v[k + 2]};
      if (!iv.text.empty()) out.push_back(iv);
    }
    return out;
  }
  return Status::InvalidInput("TextGrid " + path + " has no interval tier named " + tier_name);
}

}  // namespace ytl
