// yt-lyrics: word-timed lyrics for a song. Wires the commands together.
#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>

#include "cli/bench_command.h"
#include "cli/exit_codes.h"
#include "cli/sync_command.h"

namespace {

// The one cancellation flag of the process, set by SIGINT/SIGTERM.
ytl::CancelToken g_cancel;

extern "C" void OnSignal(int signal_number) {
  g_cancel.Cancel();
  // A second Ctrl-C ends the process at once.
  std::signal(signal_number, SIG_DFL);
}

constexpr const char* kSyncExamples = R"(
Examples:
  yt-lyrics sync song.mp3 --lyrics song.txt
  yt-lyrics sync song.mp3 --lyrics song.txt --language fr --format elrc,json --output out/
  yt-lyrics sync 'https://www.youtube.com/watch?v=ID' --lyrics song.txt --format srt --output -
  cat song.txt | yt-lyrics sync song.m4a --lyrics - --format json --output -
  yt-lyrics sync song.mp3              # no lyrics: rough transcription

Exit codes: 0 ok, 1 internal error, 2 bad command line, 3 invalid input,
4 not found, 5 a tool or engine unavailable, 6 a limit was hit, 130 interrupted.)";

void AddSyncCommand(CLI::App& app, ytl::cli::SyncOptions& o) {
  CLI::App* sync = app.add_subcommand("sync", "Sync lyrics to a song: word-timed lyrics out");
  sync->footer(kSyncExamples);
  sync->add_option("SOURCE", o.source, "audio/video file, or an http(s) URL for yt-dlp")
      ->required();
  sync->add_option("--lyrics", o.lyrics_path, "lyric sheet (UTF-8 text), or - for stdin");
  sync->add_option("--language", o.language, "language of the lyrics (ISO 639-1)")
      ->capture_default_str();
  sync->add_option("--format", o.formats, "comma-separated: lrc,elrc,srt,vtt,ass,json")
      ->capture_default_str();
  sync->add_option("--output", o.output, "output folder, or - for stdout (one format)")
      ->capture_default_str();
  sync->add_option("--yt-dlp", o.yt_dlp_path, "yt-dlp binary for URLs")->capture_default_str();
  sync->add_option("--yt-dlp-timeout", o.yt_dlp_timeout_s, "download time limit, seconds")
      ->capture_default_str();
  sync->add_option("--max-duration", o.max_duration_s, "refuse longer audio, seconds")
      ->capture_default_str();
  sync->add_option("--separator", o.separator, "vocal isolation: dsp, none or demucs")
      ->capture_default_str();
  sync->add_flag("!--no-vad", o.use_vocal_activity,
                 "align over the whole song instead of the sung regions");
  sync->add_option("--model-dir", o.model_dir, "PocketSphinx en-us model folder");
  sync->add_option("--cache-dir", o.cache_dir,
                   "keep stage outputs here: a repeated sync (other lyrics, other formats) "
                   "reuses them");
  sync->add_flag("-q,--quiet", o.quiet, "no progress or notes on stderr");
}

void AddBenchCommand(CLI::App& app, ytl::cli::BenchOptions& o) {
  CLI::App* bench =
      app.add_subcommand("bench", "Score the sync engine on a JamendoLyrics-layout dataset");
  bench->footer(
      "\nExample:\n  yt-lyrics bench --dataset ../shared/data/jamendo-dev\n"
      "  yt-lyrics bench --dataset DIR -- --separator none   # ablation");
  bench->add_option("--dataset", o.dataset_dir, "dataset folder")->required();
  bench->add_option("--song", o.songs, "only this song (repeatable)");
  bench->add_option("--json", o.json_report, "also write the figures as JSON to this file");
  bench->add_option("SYNC_FLAGS", o.sync_flags, "flags for every sync, after --");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"yt-lyrics: word-timed lyrics for any song"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "yt-lyrics 0.1.0");
  ytl::cli::SyncOptions sync_options;
  ytl::cli::BenchOptions bench_options;
  AddSyncCommand(app, sync_options);
  AddBenchCommand(app, bench_options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : ytl::cli::kExitUsage;
  }
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  if (app.got_subcommand("sync")) return ytl::cli::RunSync(sync_options, g_cancel);
  return ytl::cli::RunBench(bench_options, g_cancel);
}
