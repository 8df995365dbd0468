#include "tests/deploy/deploy_files.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

namespace ytl::testing {
namespace {

std::string Trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  const auto end = s.find_last_not_of(" \t\r");
  return s.substr(begin, end - begin + 1);
}

std::string Unquote(const std::string& s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    return s.substr(1, s.size() - 2);
  }
  return s;
}

// Splits the text into instructions: comments and blank lines dropped, "\" continuations joined.
std::vector<DockerInstruction> Instructions(const std::string& text) {
  std::vector<DockerInstruction> out;
  std::istringstream in(text);
  std::string line;
  std::string pending;
  int number = 0;
  int start = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    if (pending.empty()) start = number;
    const bool continues = trimmed.back() == '\\';
    if (continues) trimmed.pop_back();
    pending += (pending.empty() ? "" : " ") + Trim(trimmed);
    if (continues) continue;
    const auto space = pending.find_first_of(" \t");
    DockerInstruction instruction;
    instruction.keyword = pending.substr(0, space);
    std::transform(instruction.keyword.begin(), instruction.keyword.end(),
                   instruction.keyword.begin(), [](unsigned char c) { return std::toupper(c); });
    instruction.args = space == std::string::npos ? "" : Trim(pending.substr(space));
    instruction.line = start;
    out.push_back(std::move(instruction));
    pending.clear();
  }
  return out;
}

}  // namespace

Result<std::string> ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path + "; run the test from the source tree");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<Dockerfile> ParseDockerfile(const std::string& text) {
  Dockerfile file;
  for (auto& instruction : Instructions(text)) {
    if (instruction.keyword == "FROM") {
      std::istringstream words(instruction.args);
      std::string image;
      words >> image;
      while (image.rfind("--", 0) == 0) words >> image;  // --platform=...
      file.stages.push_back({image, {}});
    } else if (file.stages.empty()) {
      if (instruction.keyword != "ARG") {
        return Status::InvalidInput("Dockerfile line " + std::to_string(instruction.line) + ": " +
                                    instruction.keyword + " before the first FROM");
      }
    } else {
      file.stages.back().instructions.push_back(std::move(instruction));
    }
  }
  if (file.stages.empty()) return Status::InvalidInput("Dockerfile has no FROM instruction");
  return file;
}

std::map<std::string, std::string> Dockerfile::FinalEnv() const {
  std::map<std::string, std::string> env;
  for (const auto& instruction : stages.back().instructions) {
    if (instruction.keyword != "ENV") continue;
    std::istringstream words(instruction.args);
    std::string word;
    std::vector<std::string> all;
    while (words >> word) all.push_back(word);
    if (!all.empty() && all[0].find('=') == std::string::npos) {  // legacy "ENV KEY value"
      std::string value;
      for (size_t i = 1; i < all.size(); ++i) value += (i > 1 ? " " : "") + all[i];
      env[all[0]] = Unquote(value);
      continue;
    }
    for (const auto& pair : all) {
      const auto eq = pair.find('=');
      if (eq != std::string::npos) env[pair.substr(0, eq)] = Unquote(pair.substr(eq + 1));
    }
  }
  return env;
}

const DockerInstruction* Dockerfile::FinalInstruction(const std::string& keyword) const {
  const DockerInstruction* found = nullptr;
  for (const auto& instruction : stages.back().instructions) {
    if (instruction.keyword == keyword) found = &instruction;
  }
  return found;
}

Result<std::vector<std::string>> ExecFormArgs(const DockerInstruction& instruction) {
  const auto json = nlohmann::json::parse(instruction.args, nullptr, false);
  const std::string where =
      instruction.keyword + " on Dockerfile line " + std::to_string(instruction.line);
  if (!json.is_array() || json.empty()) {
    return Status::InvalidInput(where + " is not exec form; write it as a JSON array, e.g. " +
                                "[\"yt-lyrics\", \"serve\"], so the server runs as PID 1");
  }
  std::vector<std::string> args;
  for (const auto& item : json) {
    if (!item.is_string()) return Status::InvalidInput(where + " has a non-string element");
    args.push_back(item.get<std::string>());
  }
  return args;
}

std::vector<std::string> AptInstalledPackages(const DockerStage& stage) {
  std::vector<std::string> packages;
  for (const DockerInstruction& run : stage.instructions) {
    if (run.keyword != "RUN") continue;
    std::istringstream words(run.args);
    std::string word, previous, before_previous;
    bool installing = false;
    while (words >> word) {
      const bool ends_command = word.back() == ';';  // "pkg;" ends the command after pkg
      if (ends_command) word.pop_back();
      if (word == "&&" || word.empty() || word == "|" || word == "||") {
        installing = false;
      } else if (installing && word == "-t") {
        words >> word;  // the target release
      } else if (installing && word.front() != '-') {
        packages.push_back(word.substr(0, word.find('/')));
      } else if (word == "install" && (previous == "apt-get" || before_previous == "apt-get")) {
        installing = true;
      }
      if (ends_command) installing = false;
      before_previous = std::exchange(previous, word);
    }
  }
  return packages;
}

std::vector<std::string> InstallDepsPackages(const std::string& script) {
  std::vector<std::string> packages;
  std::istringstream in(script);
  std::string line;
  bool listing = false;
  while (std::getline(in, line)) {
    line = Trim(line.substr(0, line.find('#')));
    if (!listing) {
      listing = line == "packages=(";
      continue;
    }
    if (line == ")") break;
    std::istringstream words(line);
    for (std::string word; words >> word;) packages.push_back(word);
  }
  return packages;
}

std::map<std::string, std::string> ScanToml(const std::string& text) {
  std::map<std::string, std::string> values;
  std::map<std::string, int> array_counts;
  std::string prefix;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    if (line.rfind("[[", 0) == 0) {
      const std::string name = Trim(line.substr(2, line.find("]]") - 2));
      prefix = name + "[" + std::to_string(array_counts[name]++) + "].";
    } else if (line.front() == '[') {
      prefix = Trim(line.substr(1, line.find(']') - 1)) + ".";
    } else if (const auto eq = line.find('='); eq != std::string::npos) {
      std::string value = Trim(line.substr(eq + 1));
      if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
        value = value.substr(1, value.find(value.front(), 1) - 1);  // a string; drop any comment
      } else {
        value = Trim(value.substr(0, value.find('#')));
      }
      values[prefix + Trim(line.substr(0, eq))] = value;
    }
  }
  return values;
}

}  // namespace ytl::testing
