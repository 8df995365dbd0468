#include "cli/bench_command.h"

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "bench/jamendo_dataset.h"
#include "cli/exit_codes.h"
#include "cli/output_writer.h"
#include "cli/temp_dir.h"

extern char** environ;

namespace ytl::cli {
namespace {

struct ChildRun {
  int exit_code = -1;
  double wall_s = 0;
  double peak_rss_mb = 0;
};

// Runs argv (no shell), waits, and measures its wall time and peak memory.
Result<ChildRun> RunMeasured(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
    return Status::Internal("cannot start " + args[0]);
  }
  int wstatus = 0;
  struct rusage usage {};
  while (wait4(pid, &wstatus, 0, &usage) < 0) {
    if (errno != EINTR) return Status::Internal("lost the child process " + args[0]);
  }
  ChildRun run;
  run.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.exit_code = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
  run.peak_rss_mb = usage.ru_maxrss / 1024.0;
  return run;
}

Result<std::vector<bench::ScoredWord>> ReadPredictedWords(const std::string& path,
                                                          double* duration_s) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": the sync wrote no JSON result");
  const nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
  if (json.is_discarded() || !json.contains("words")) {
    return Status::Internal(path + ": not a yt-lyrics JSON result");
  }
  *duration_s = json.value("duration_s", 0.0);
  std::vector<bench::ScoredWord> words;
  for (const auto& word : json["words"]) {
    words.push_back({word.value("text", ""), word.value("start_s", 0.0)});
  }
  return words;
}

struct SongFigures {
  std::string name;
  bench::OnsetScore score;
  double duration_s = 0;
  double wall_s = 0;
  double peak_rss_mb = 0;
};

void PrintRow(const SongFigures& f) {
  std::printf("%-34.34s %6zu %7.3f %7.3f %6.1f%% %7.3f %8.1f\n", f.name.c_str(),
              f.score.reference_words, f.score.mean_abs_error_s, f.score.median_abs_error_s,
              100 * f.score.within_300ms, f.duration_s > 0 ? f.wall_s / f.duration_s : 0.0,
              f.peak_rss_mb);
}

nlohmann::json ToJson(const SongFigures& f) {
  return {{"song", f.name},
          {"words", f.score.reference_words},
          {"aae_s", f.score.mean_abs_error_s},
          {"median_s", f.score.median_abs_error_s},
          {"within_300ms", f.score.within_300ms},
          {"duration_s", f.duration_s},
          {"wall_s", f.wall_s},
          {"real_time_factor", f.duration_s > 0 ? f.wall_s / f.duration_s : 0.0},
          {"peak_rss_mb", f.peak_rss_mb}};
}

}  // namespace

int RunBench(const BenchOptions& options, const CancelToken& cancel) {
  auto songs = bench::LoadJamendoDataset(options.dataset_dir);
  if (!songs.ok()) {
    std::cerr << "yt-lyrics bench: " << songs.status().message() << "\n";
    return ExitCodeFor(songs.status());
  }
  auto scratch = TempDir::Create();
  if (!scratch.ok()) {
    std::cerr << "yt-lyrics bench: " << scratch.status().message() << "\n";
    return ExitCodeFor(scratch.status());
  }
  if (!options.keep_dir.empty()) {
    std::error_code error;
    std::filesystem::create_directories(options.keep_dir, error);
    if (error || !std::filesystem::is_directory(options.keep_dir)) {
      std::cerr << "yt-lyrics bench: --keep " << options.keep_dir
                << " is not a folder and cannot be created (" << error.message()
                << "); give a writable folder\n";
      return kExitInvalidInput;
    }
  }
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  std::printf("%-34s %6s %7s %7s %7s %7s %8s\n", "song", "words", "AAE s", "med s", "<0.3s", "RTF",
              "peak MB");
  std::vector<SongFigures> all;
  for (const auto& song : *songs) {
    if (!options.songs.empty() &&
        std::find(options.songs.begin(), options.songs.end(), song.name) == options.songs.end()) {
      continue;
    }
    if (cancel.cancelled()) return kExitCancelled;
    const std::string out_dir = options.keep_dir.empty()
                                    ? scratch->path() + "/" + std::to_string(all.size())
                                    : options.keep_dir + "/" + song.name;
    std::vector<std::string> args = {
        self,          "sync",     song.audio_path, "--lyrics", song.lyrics_path, "--language",
        song.language, "--format", "json",          "--output", out_dir,          "--quiet"};
    args.insert(args.end(), options.sync_flags.begin(), options.sync_flags.end());
    auto run = RunMeasured(args);
    if (!run.ok() || run->exit_code != 0) {
      std::cerr << "yt-lyrics bench: sync of " << song.name << " failed (exit "
                << (run.ok() ? run->exit_code : -1) << ")\n";
      return run.ok() && run->exit_code == kExitCancelled ? kExitCancelled : kExitInternal;
    }
    SongFigures figures{song.name, {}, 0, run->wall_s, run->peak_rss_mb};
    const std::string stem = OutputStemFor(song.audio_path);
    auto predicted = ReadPredictedWords(out_dir + "/" + stem + ".json", &figures.duration_s);
    if (!predicted.ok()) {
      std::cerr << "yt-lyrics bench: " << predicted.status().message() << "\n";
      return kExitInternal;
    }
    figures.score = bench::ScoreOnsets(song.reference, *predicted);
    PrintRow(figures);
    all.push_back(std::move(figures));
  }
  std::vector<bench::OnsetScore> scores;
  SongFigures average{"AVERAGE", {}, 0, 0, 0};
  for (const auto& f : all) {
    scores.push_back(f.score);
    average.duration_s += f.duration_s;
    average.wall_s += f.wall_s;
    average.peak_rss_mb = std::max(average.peak_rss_mb, f.peak_rss_mb);
  }
  average.score = bench::AverageScores(scores);
  PrintRow(average);
  if (!options.json_report.empty()) {
    nlohmann::json report = {{"songs", nlohmann::json::array()}, {"average", ToJson(average)}};
    for (const auto& f : all) report["songs"].push_back(ToJson(f));
    std::ofstream(options.json_report) << report.dump(2) << "\n";
  }
  return kExitOk;
}

}  // namespace ytl::cli
