#include "cli/sync_command.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/engines.h"
#include "cli/exit_codes.h"
#include "cli/output_writer.h"
#include "cli/progress_bar.h"
#include "cli/temp_dir.h"
#include "export/format.h"
#include "pipeline/sync_pipeline.h"
#include "recognition/recognizer_factory.h"

namespace ytl::cli {
namespace {

int Fail(const Status& status) {
  std::cerr << "yt-lyrics: " << status.message() << "\n";
  return ExitCodeFor(status);
}

Result<std::string> ReadLyrics(const std::string& path) {
  std::ostringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
    return text.str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::InvalidInput("lyrics file " + path + " is a folder; give a UTF-8 text file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::NotFound("lyrics file " + path + ": no such file; check the path");
  }
  text << in.rdbuf();
  return text.str();
}

void PrintSummary(const Alignment& alignment, const std::vector<std::string>& written) {
  std::size_t interpolated = 0;
  for (const auto& word : alignment.words) interpolated += word.interpolated ? 1 : 0;
  std::cerr << "synced " << alignment.words.size() << " words in " << alignment.lines.size()
            << " lines";
  if (interpolated > 0) std::cerr << " (" << interpolated << " interpolated)";
  std::cerr << "\n";
  for (const auto& path : written) {
    if (path != "-") std::cerr << "  wrote " << path << "\n";
  }
}

}  // namespace

int RunSync(const SyncOptions& options, const CancelToken& cancel) {
  auto formats = ParseFormats(options.formats);
  if (!formats.ok()) return Fail(formats.status());
  if (options.output == "-" && formats->size() != 1) {
    return Fail(Status::InvalidInput(
        "--output - writes to stdout and takes exactly one --format; give one format or a folder"));
  }
  std::optional<std::string> lyrics;
  if (!options.lyrics_path.empty()) {
    auto text = ReadLyrics(options.lyrics_path);
    if (!text.ok()) return Fail(text.status());
    lyrics = std::move(text).value();
  } else if (!options.quiet && !options.use_lrclib) {
    std::cerr << "note: no --lyrics given, so the words will be recognised; recognition of "
                 "singing is rough, and the lyrics text gives far better results\n";
  } else if (!options.quiet) {
    std::cerr << "note: no --lyrics given: looking them up on LRCLIB, else recognising the "
                 "words; recognition of singing is rough, and the lyrics text gives far better "
                 "results\n";
  }

  EngineOptions engine_options;
  engine_options.separator = options.separator;
  engine_options.content = options.content;
  engine_options.model_dir = options.model_dir;
  engine_options.need_aligner = true;  // lyrics, found lyrics, or realigning a transcript
  engine_options.need_recognizer = !lyrics.has_value();
  engine_options.recognizer = options.recognizer;
  engine_options.whisper_model = options.whisper_model;
  engine_options.use_lrclib = !lyrics.has_value() && options.use_lrclib;
  engine_options.lrclib.base_url = options.lrclib_url;
  engine_options.lrclib.timeout_s = options.lrclib_timeout_s;
  if (!options.cache_dir.empty()) engine_options.lrclib.cache_dir = options.cache_dir + "/lrclib";
  auto engines = Engines::Build(engine_options);
  if (!engines.ok()) return Fail(engines.status());

  auto scratch = TempDir::Create();
  if (!scratch.ok()) return Fail(scratch.status());
  PipelineConfig config;
  config.decode.max_duration_s = options.max_duration_s;
  config.stage_time_limit_s = options.stage_time_limit_s;
  config.yt_dlp_path = options.yt_dlp_path;
  config.yt_dlp_timeout_s = options.yt_dlp_timeout_s;
  config.work_dir = scratch->path();
  config.separate_vocals = options.separator != "none";
  config.use_vocal_activity = options.use_vocal_activity;
  if (Status valid = config.Validate(); !valid.ok()) return Fail(valid);

  SyncRequest request;
  request.source = options.source;
  request.lyrics_text = std::move(lyrics);
  request.lyrics_name =
      options.lyrics_path == "-" ? "lyrics from stdin" : "lyrics file " + options.lyrics_path;
  request.language = options.language;
  request.song_hint.artist = options.artist;
  request.song_hint.title = options.title;
  std::vector<std::string> notes;
  request.notes = &notes;

  NullProgress silent;
  ProgressBar bar(stderr, isatty(STDERR_FILENO) != 0);
  StageContext ctx{options.quiet ? static_cast<ProgressSink*>(&silent) : &bar, &cancel};
  SyncEngines view = engines->View();
  std::optional<DirectoryStageCache> cache;
  if (!options.cache_dir.empty()) view.cache = &cache.emplace(options.cache_dir);
  SyncPipeline pipeline(config, view);
  auto alignment = pipeline.Run(request, ctx);
  bar.Finish(alignment.ok() && !cancel.cancelled());
  if (!options.quiet) {
    for (const std::string& note : notes) std::cerr << "note: " << note << "\n";
  }
  if (!alignment.ok()) return Fail(alignment.status());
  if (cancel.cancelled()) return Fail(Status::Cancelled("interrupted; nothing was written"));
  if (alignment->mode == SyncMode::kTranscribed && !options.quiet) {
    if (alignment->words.empty()) {
      std::cerr << "note: no words were recognised in the sung parts; pass --lyrics, or "
                   "transcribe with a larger Whisper model\n";
    } else {
      std::cerr << "note: these words were transcribed, not aligned to given lyrics; expect "
                   "errors, and pass --lyrics for accurate results\n";
    }
    if (options.recognizer == "sphinx") std::cerr << "note: " << WhisperAdvice() << "\n";
  }
  if (alignment->lyrics_source == "lrclib" && alignment->lines.empty() && !options.quiet) {
    std::cerr << "note: LRCLIB lists this song as an instrumental: there are no lyrics to sync\n";
  }
  auto written = WriteOutputs(*alignment, *formats, options.output, OutputStemFor(options.source));
  if (!written.ok()) return Fail(written.status());
  if (!options.quiet) PrintSummary(*alignment, *written);
  return kExitOk;
}

}  // namespace ytl::cli
