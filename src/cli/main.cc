// yt-lyrics: word-timed lyrics for a song. Wires the commands together.
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include "cli/bench_command.h"
#include "cli/exit_codes.h"
#include "cli/serve_command.h"
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

constexpr const char* kServeExamples = R"(
Every flag also reads an environment variable: YT_LYRICS_LISTEN, YT_LYRICS_DATA_DIR,
YT_LYRICS_WORKERS, YT_LYRICS_GRACE_PERIOD, YT_LYRICS_CORS_ORIGINS, YT_LYRICS_API_KEYS (comma-
separated), ...; `yt-lyrics --config FILE serve` reads them from a TOML [serve] table;
PORT (as container platforms set it) means --listen 0.0.0.0:$PORT.

Examples:
  yt-lyrics serve --listen 127.0.0.1:8080 --data-dir /var/lib/yt-lyrics
  YT_LYRICS_API_KEYS=secret1,secret2 yt-lyrics serve --cors-origin https://app.example)";

CLI::App* AddServeCommand(CLI::App& app, ytl::cli::ServeOptions& o) {
  CLI::App* serve = app.add_subcommand("serve", "Run the job server: HTTP API, workers, web page");
  serve->footer(kServeExamples);
  const auto opt = [serve](const std::string& flag, auto& field, const std::string& help,
                           const std::string& env) {
    return serve->add_option(flag, field, help)->envname(env)->capture_default_str();
  };
  opt("--listen", o.listen, "HOST:PORT to listen on (port 0: any free port)", "YT_LYRICS_LISTEN");
  opt("--data-dir", o.data_dir, "folder for the job store", "YT_LYRICS_DATA_DIR");
  opt("--workers", o.workers, "job worker threads (0: one per core)", "YT_LYRICS_WORKERS");
  opt("--io-threads", o.io_threads, "HTTP I/O threads", "YT_LYRICS_IO_THREADS");
  opt("--grace-period", o.grace_period_s, "seconds running jobs get to finish on SIGTERM",
      "YT_LYRICS_GRACE_PERIOD");
  opt("--cors-origin", o.cors_origins, "allowed browser origin (repeatable, * for any)",
      "YT_LYRICS_CORS_ORIGINS")
      ->delimiter(',');
  opt("--api-key", o.api_keys, "accepted Bearer token (repeatable); none: open API",
      "YT_LYRICS_API_KEYS")
      ->delimiter(',');
  serve
      ->add_flag("--allow-private-urls", o.allow_private_urls,
                 "let song URLs reach loopback/private hosts (SSRF guard off)")
      ->envname("YT_LYRICS_ALLOW_PRIVATE_URLS");
  opt("--max-upload-mb", o.max_upload_mb, "largest upload, MiB", "YT_LYRICS_MAX_UPLOAD_MB");
  opt("--max-lyrics-kb", o.max_lyrics_kb, "largest lyric sheet, KiB", "YT_LYRICS_MAX_LYRICS_KB");
  opt("--max-duration", o.max_duration_s, "longest song, seconds", "YT_LYRICS_MAX_DURATION");
  opt("--max-jobs-per-client", o.max_jobs_per_client, "queued or running jobs per client",
      "YT_LYRICS_MAX_JOBS_PER_CLIENT");
  opt("--yt-dlp", o.yt_dlp_path, "yt-dlp binary for URLs", "YT_LYRICS_YT_DLP");
  opt("--yt-dlp-timeout", o.yt_dlp_timeout_s, "download time limit, seconds",
      "YT_LYRICS_YT_DLP_TIMEOUT");
  opt("--separator", o.separator, "vocal isolation: dsp, none or demucs", "YT_LYRICS_SEPARATOR");
  opt("--model-dir", o.model_dir, "PocketSphinx en-us model folder", "YT_LYRICS_MODEL_DIR");
  opt("--fault-delay-ms", o.fault_delay_ms, "tests: delay at the start of every stage",
      "YT_LYRICS_FAULT_DELAY_MS");
  opt("--fault-fail-at", o.fault_fail_at, "tests: every job fails at this stage",
      "YT_LYRICS_FAULT_FAIL_AT");
  return serve;
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
  app.set_config("--config", "", "settings file (TOML; serve's settings in a [serve] table)")
      ->envname("YT_LYRICS_CONFIG");
  ytl::cli::ServeOptions serve_options;
  CLI::App* serve = AddServeCommand(app, serve_options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : ytl::cli::kExitUsage;
  }
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  if (app.got_subcommand("serve")) {
    const char* port = std::getenv("PORT");
    if (serve->get_option("--listen")->count() == 0 && port != nullptr && *port != '\0') {
      serve_options.listen = std::string("0.0.0.0:") + port;
    }
    return ytl::cli::RunServe(serve_options, g_cancel);
  }
  if (app.got_subcommand("sync")) return ytl::cli::RunSync(sync_options, g_cancel);
  return ytl::cli::RunBench(bench_options, g_cancel);
}
