// yt-lyrics: word-timed lyrics for a song. Wires the commands together.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include "cli/bench_command.h"
#include "cli/exit_codes.h"
#include "cli/models_command.h"
#include "cli/race_command.h"
#include "cli/serve_command.h"
#include "cli/setting_sources.h"
#include "cli/store_command.h"
#include "cli/sync_command.h"
#include "cli/worker_command.h"

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
  yt-lyrics sync song.mp3              # no lyrics: LRCLIB, else rough transcription

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
  sync->add_option("--stage-time-limit", o.stage_time_limit_s,
                   "stop a stage (decode, separate, vad, align) running longer; seconds, 0: none")
      ->check(ytl::cli::ZeroOrMore())
      ->capture_default_str();
  sync->add_option("--separator", o.separator, "vocal isolation: dsp, none or demucs")
      ->capture_default_str();
  sync->add_option("--content", o.content,
                   "singing, or speech (talks, podcasts): the aligner's phone durations")
      ->check(CLI::IsMember({"singing", "speech"}))
      ->capture_default_str();
  sync->add_flag("!--no-vad", o.use_vocal_activity,
                 "align over the whole song instead of the sung regions");
  sync->add_option("--model-dir", o.model_dir, "PocketSphinx en-us model folder");
  sync->add_option("--cache-dir", o.cache_dir,
                   "keep stage outputs here: a repeated sync (other lyrics, other formats) "
                   "reuses them");
  sync->add_flag("-q,--quiet", o.quiet, "no progress or notes on stderr");
  // Without --lyrics: find them on LRCLIB, else transcribe.
  sync->add_option("--artist", o.artist, "the song's artist, for the lyrics lookup");
  sync->add_option("--title", o.title, "the song's title, for the lyrics lookup");
  sync->add_flag("!--no-lrclib", o.use_lrclib, "do not look lyrics up on LRCLIB; transcribe");
  sync->add_option("--lrclib-url", o.lrclib_url, "LRCLIB server (or a mirror)")
      ->envname("YT_LYRICS_LRCLIB_URL")
      ->capture_default_str();
  sync->add_option("--lrclib-timeout", o.lrclib_timeout_s, "LRCLIB time limit, seconds")
      ->capture_default_str();
  sync->add_option("--recognizer", o.recognizer, "transcription engine: sphinx or whisper")
      ->capture_default_str();
  sync->add_option("--model", o.whisper_model, "ggml Whisper model file for --recognizer whisper");
}

void AddModelsCommand(CLI::App& app, ytl::cli::ModelsOptions& o) {
  CLI::App* models =
      app.add_subcommand("models", "List, download and verify Whisper models (ggml)");
  models->add_option("ACTION", o.action, "list, pull or verify")
      ->required()
      ->check(CLI::IsMember({"list", "pull", "verify"}));
  models->add_option("NAME", o.name, "pull: the model, e.g. base.en (see models list)");
  models->add_option("--models-dir", o.models_dir, "models folder (default: ~/.local/share/...)")
      ->envname("YT_LYRICS_MODELS_DIR");
  models->add_option("--base-url", o.base_url, "server folder holding the model files")
      ->envname("YT_LYRICS_MODELS_URL")
      ->capture_default_str();
  models->add_flag("-q,--quiet", o.quiet, "no progress bar");
}

void AddBenchCommand(CLI::App& app, ytl::cli::BenchOptions& o) {
  CLI::App* bench =
      app.add_subcommand("bench", "Score the sync engine on a JamendoLyrics-layout dataset");
  bench->footer(
      "\nExample:\n  yt-lyrics bench --dataset ../shared/data/jamendo-dev\n"
      "  yt-lyrics bench --dataset DIR -- --separator none   # ablation\n"
      "  yt-lyrics bench --dataset DIR --keep out/ && bench/onset_bias.py DIR out/");
  bench->add_option("--dataset", o.dataset_dir, "dataset folder")->required();
  bench->add_option("--song", o.songs, "only this song (repeatable)");
  bench->add_option("--json", o.json_report, "also write the figures as JSON to this file");
  bench->add_option("--keep", o.keep_dir,
                    "keep each song's sync output (JSON) in DIR/<song>/, e.g. for "
                    "bench/onset_bias.py");
  bench->add_option("SYNC_FLAGS", o.sync_flags, "flags for every sync, after --");
}

constexpr const char* kRaceExamples = R"(
Examples:
  yt-lyrics race --backend https://a.fly.dev --backend https://b.up.railway.app song.mp3 \
      --lyrics song.txt --format lrc,json --output out/
  yt-lyrics race --backend URL1 --backend URL2 --mode smart 'https://youtu.be/ID' --lyrics song.txt

History (for --mode smart) is kept in $XDG_STATE_HOME/yt-lyrics/race-history.json
(~/.local/state/... when unset). Exit 0 when a backend won, 5 when none succeeded.)";

void AddRaceCommand(CLI::App& app, ytl::cli::RaceOptions& o) {
  CLI::App* race = app.add_subcommand(
      "race", "Send a song to several yt-lyrics servers; the first to finish wins");
  race->footer(kRaceExamples);
  race->add_option("SOURCE", o.source, "audio/video file (uploaded) or an http(s) URL")->required();
  race->add_option("--backend", o.backends, "base URL of a yt-lyrics server (repeatable)")
      ->required()
      ->allow_extra_args(false)
      ->take_all();  // one URL per --backend, so that SOURCE may follow it
  race->add_option("--lyrics", o.lyrics_path, "lyric sheet (UTF-8 text), or - for stdin");
  race->add_option("--language", o.language, "language of the lyrics")->capture_default_str();
  race->add_option("--mode", o.mode, "race (all at once), smart (fastest first) or single")
      ->capture_default_str();
  race->add_option("--format", o.formats, "comma-separated: lrc,elrc,srt,vtt,ass,json")
      ->capture_default_str();
  race->add_option("--output", o.output, "output folder, or - for stdout (one format)")
      ->capture_default_str();
  race->add_flag("--cancel-losers", o.cancel_losers, "cancel the other jobs once one wins");
  race->add_option("--stall-timeout", o.stall_timeout_s,
                   "seconds without progress before a backend drops out")
      ->capture_default_str();
  race->add_option("--history", o.history_path, "history file (default: in the state folder)");
  race->add_option("--api-key", o.api_key, "Bearer token sent to every backend")
      ->envname("YT_LYRICS_API_KEY");
  race->add_flag("-q,--quiet", o.quiet, "no live progress on stderr");
}

constexpr const char* kWorkerExamples = R"(
Every flag also reads an environment variable: YT_LYRICS_STORE, YT_LYRICS_WORKERS,
YT_LYRICS_LEASE, YT_LYRICS_HEARTBEAT, YT_LYRICS_MAX_ATTEMPTS, ...

Examples:
  yt-lyrics worker --store postgres://ytl@db:5432/ytl --workers 2
  yt-lyrics serve --store postgres://ytl@db:5432/ytl --workers 0   # an API-only node beside it)";

// The engine settings that serve and worker share; `opt` adds one flag with
// its environment variable.
template <typename AddOption, typename Options>
void AddEngineOptions(const AddOption& opt, Options& o) {
  opt("--separator", o.separator, "vocal isolation: dsp, none or demucs", "YT_LYRICS_SEPARATOR");
  opt("--model-dir", o.model_dir, "PocketSphinx en-us model folder", "YT_LYRICS_MODEL_DIR");
  opt("--lrclib-url", o.lrclib_url,
      "jobs without lyrics: look them up on this LRCLIB server first (e.g. https://lrclib.net)",
      "YT_LYRICS_LRCLIB_URL");
  opt("--recognizer", o.recognizer, "transcription engine: sphinx or whisper",
      "YT_LYRICS_RECOGNIZER");
  opt("--model", o.whisper_model, "ggml Whisper model file for --recognizer whisper",
      "YT_LYRICS_WHISPER_MODEL");
  opt("--stage-time-limit", o.stage_time_limit_s,
      "a job's stage (decode, separate, vad, align) running longer fails it; seconds, 0: none",
      "YT_LYRICS_STAGE_TIME_LIMIT")
      ->check(ytl::cli::ZeroOrMore());
}

void AddWorkerCommand(CLI::App& app, ytl::cli::WorkerOptions& o) {
  CLI::App* worker = app.add_subcommand(
      "worker", "Run jobs from a shared job store (PostgreSQL), without an HTTP server");
  worker->footer(kWorkerExamples);
  const auto opt = [worker](const std::string& flag, auto& field, const std::string& help,
                            const std::string& env) {
    return worker->add_option(flag, field, help)->envname(env)->capture_default_str();
  };
  opt("--store", o.store, "job store: postgres://USER@HOST:PORT/DB or sqlite:DIR",
      "YT_LYRICS_STORE");
  opt("--workers", o.workers, "job threads in this process", "YT_LYRICS_WORKERS");
  opt("--worker-id", o.worker_id, "worker id prefix in the store (default: HOST-PID)",
      "YT_LYRICS_WORKER_ID");
  opt("--lease", o.lease_s, "seconds a job stays held without a heartbeat", "YT_LYRICS_LEASE");
  opt("--heartbeat", o.heartbeat_s, "seconds between lease renewals (0: a third of --lease)",
      "YT_LYRICS_HEARTBEAT");
  opt("--max-attempts", o.max_attempts, "claims a job gets before it fails",
      "YT_LYRICS_MAX_ATTEMPTS");
  opt("--retry-backoff", o.retry_backoff_s, "seconds before the first retry (doubles)",
      "YT_LYRICS_RETRY_BACKOFF");
  opt("--grace-period", o.grace_period_s, "seconds running jobs get to finish on SIGTERM",
      "YT_LYRICS_GRACE_PERIOD");
  opt("--scratch-dir", o.scratch_dir, "per-job scratch folders (default: in the temp dir)",
      "YT_LYRICS_SCRATCH_DIR");
  opt("--yt-dlp", o.yt_dlp_path, "yt-dlp binary for URLs", "YT_LYRICS_YT_DLP");
  opt("--yt-dlp-timeout", o.yt_dlp_timeout_s, "download time limit, seconds",
      "YT_LYRICS_YT_DLP_TIMEOUT");
  opt("--max-duration", o.max_duration_s, "longest song, seconds", "YT_LYRICS_MAX_DURATION");
  AddEngineOptions(opt, o);
  opt("--fault-delay-ms", o.fault_delay_ms, "tests: delay at the start of every stage",
      "YT_LYRICS_FAULT_DELAY_MS");
  opt("--fault-fail-at", o.fault_fail_at, "tests: every job fails at this stage",
      "YT_LYRICS_FAULT_FAIL_AT");
  opt("--fault-shift-ms", o.fault_shift_ms,
      "tests: the words of every second line come out this much later", "YT_LYRICS_FAULT_SHIFT_MS");
  opt("--fault-transient-attempts", o.fault_transient_attempts,
      "tests: attempts up to this number fail with a transient error",
      "YT_LYRICS_FAULT_TRANSIENT_ATTEMPTS");
}

void AddStoreCommand(CLI::App& app, ytl::cli::StoreCommandOptions& o) {
  CLI::App* store = app.add_subcommand("store", "Migrate the job store or show its state");
  store->footer(
      "\nExamples:\n  yt-lyrics store migrate --store postgres://ytl@db:5432/ytl\n"
      "  yt-lyrics store status --store postgres://ytl@db:5432/ytl");
  store->add_option("ACTION", o.action, "migrate or status")
      ->required()
      ->check(CLI::IsMember({"migrate", "status"}));
  store->add_option("--store", o.store, "sqlite:DIR or postgres://USER@HOST:PORT/DB")
      ->envname("YT_LYRICS_STORE");
}

constexpr const char* kServeExamples = R"(
Every flag also reads an environment variable: YT_LYRICS_LISTEN, YT_LYRICS_DATA_DIR,
YT_LYRICS_WORKERS, YT_LYRICS_GRACE_PERIOD, YT_LYRICS_CORS_ORIGINS, YT_LYRICS_API_KEYS (comma-
separated), ...; `yt-lyrics --config FILE serve` reads them from a TOML [serve] table;
PORT (as container platforms set it) means --listen 0.0.0.0:$PORT. Precedence: flag, then
environment variable (YT_LYRICS_LISTEN before PORT), then the config file, then the default.

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
  opt("--store", o.store,
      "job store: sqlite:DIR or postgres://USER@HOST:PORT/DB (default: "
      "sqlite in --data-dir)",
      "YT_LYRICS_STORE");
  opt("--workers", o.workers, "job worker threads (0: none, an API-only node)",
      "YT_LYRICS_WORKERS");
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
  AddEngineOptions(opt, o);
  opt("--fault-delay-ms", o.fault_delay_ms, "tests: delay at the start of every stage",
      "YT_LYRICS_FAULT_DELAY_MS");
  opt("--fault-fail-at", o.fault_fail_at, "tests: every job fails at this stage",
      "YT_LYRICS_FAULT_FAIL_AT");
  opt("--fault-shift-ms", o.fault_shift_ms,
      "tests: the words of every second line come out this much later", "YT_LYRICS_FAULT_SHIFT_MS");
  opt("--race-backends", o.race_backends,
      "backend URLs the racing page (/race) starts with (repeatable or comma-separated)",
      "YT_LYRICS_RACE_BACKENDS")
      ->delimiter(',');
  // Out-of-range values stop at the command line (exit 2), naming their source.
  for (const char* flag : {"--workers", "--grace-period", "--fault-delay-ms"}) {
    serve->get_option(flag)->check(ytl::cli::ZeroOrMore());
  }
  for (const char* flag : {"--io-threads", "--max-upload-mb", "--max-lyrics-kb", "--max-duration",
                           "--max-jobs-per-client", "--yt-dlp-timeout"}) {
    serve->get_option(flag)->check(ytl::cli::AboveZero());
  }
  serve->fallthrough();  // `serve --config FILE` reaches the top-level --config
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
  ytl::cli::ModelsOptions models_options;
  AddModelsCommand(app, models_options);
  AddBenchCommand(app, bench_options);
  ytl::cli::RaceOptions race_options;
  AddRaceCommand(app, race_options);
  ytl::cli::WorkerOptions worker_options;
  AddWorkerCommand(app, worker_options);
  ytl::cli::StoreCommandOptions store_options;
  AddStoreCommand(app, store_options);
  app.set_config("--config", "", "settings file (TOML; serve's settings in a [serve] table)")
      ->envname("YT_LYRICS_CONFIG");
  ytl::cli::ServeOptions serve_options;
  CLI::App* serve = AddServeCommand(app, serve_options);
  app.config_formatter(std::make_shared<ytl::cli::EnvFirstConfig>(serve));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (std::find(args.begin(), args.end(), "serve") != args.end() && e.get_exit_code() != 0) {
      if (const std::string source = ytl::cli::BadValueSource(*serve, e.what(), args);
          !source.empty()) {
        std::cerr << e.what() << source << "\nRun with --help for more information.\n";
        return ytl::cli::kExitUsage;
      }
    }
    const int code = app.exit(e);
    return code == 0 ? 0 : ytl::cli::kExitUsage;
  }
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  if (app.got_subcommand("serve")) {
    if (serve->get_option("--listen")->count() == 0) {
      std::string port_error;
      const std::string from_port = ytl::cli::ListenFromPort(&port_error);
      if (!port_error.empty()) {
        std::cerr << port_error << "\n";
        return ytl::cli::kExitUsage;
      }
      if (!from_port.empty()) serve_options.listen = from_port;
    }
    return ytl::cli::RunServe(serve_options, g_cancel);
  }
  if (app.got_subcommand("sync")) return ytl::cli::RunSync(sync_options, g_cancel);
  if (app.got_subcommand("models")) {
    if (models_options.action == "pull" && models_options.name.empty()) {
      std::cerr << "models pull needs a NAME (see `yt-lyrics models list`)\n";
      return ytl::cli::kExitUsage;
    }
    return ytl::cli::RunModels(models_options, g_cancel);
  }
  if (app.got_subcommand("race")) return ytl::cli::RunRace(race_options, g_cancel);
  if (app.got_subcommand("worker")) return ytl::cli::RunWorker(worker_options, g_cancel);
  if (app.got_subcommand("store")) return ytl::cli::RunStoreCommand(store_options);
  return ytl::cli::RunBench(bench_options, g_cancel);
}
