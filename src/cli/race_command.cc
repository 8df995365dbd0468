#include "cli/race_command.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/exit_codes.h"
#include "cli/output_writer.h"
#include "export/format.h"
#include "race/onset_agreement.h"
#include "race/race_history.h"
#include "race/race_runner.h"
#include "sources/source.h"

namespace ytl::cli {
namespace {

namespace fs = std::filesystem;
using race::EntryState;
using race::RaceEntry;

int Fail(const Status& status) {
  std::cerr << "yt-lyrics race: " << status.message() << "\n";
  return ExitCodeFor(status);
}

// "http://host:port/prefix" without a trailing slash; InvalidInput for anything not http(s).
Result<std::string> NormalizeBackend(std::string url) {
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    return Status::InvalidInput(
        "--backend '" + url + "' is not an http(s) URL; write it like https://lyrics.example.com");
  }
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

Result<race::JobRequest> BuildJob(const RaceOptions& o) {
  race::JobRequest job;
  job.language = o.language;
  if (LooksLikeUrl(o.source)) {
    job.url = o.source;
  } else if (fs::is_regular_file(o.source)) {
    job.audio_file = o.source;
  } else {
    return Status::NotFound("song " + o.source + ": no such file; give a file or an http(s) URL");
  }
  if (o.lyrics_path.empty()) return job;
  std::ostringstream text;
  if (o.lyrics_path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(o.lyrics_path, std::ios::binary);
    if (!in || fs::is_directory(o.lyrics_path)) {
      return Status::NotFound("lyrics file " + o.lyrics_path + " cannot be read; check the path");
    }
    text << in.rdbuf();
  }
  job.lyrics = text.str();
  return job;
}

std::string Seconds(const std::optional<double>& s) {
  return s ? fmt::format("{:.1f} s", *s) : std::string("-");
}

// One line per backend: outcome, time to first progress, total time, reason.
void PrintOutcomes(std::ostream& out, const race::RaceState& state) {
  for (const RaceEntry& e : state.entries()) {
    const bool won = state.winner() && *state.winner() == e.backend;
    out << fmt::format("  {:<32} {:<11} first progress {:>7}  total {:>7}{}{}\n", e.backend,
                       race::EntryStateName(e.state), Seconds(e.first_progress_s),
                       Seconds(e.total_s), won ? "  WINNER" : "",
                       e.reason.empty() ? "" : "  (" + e.reason + ")");
  }
}

void PrintAgreement(std::ostream& out, const std::string& other, const race::OnsetAgreement& a) {
  if (a.paired_words == 0) {
    out << "agreement with " << other << ": no words in common with the winner\n";
    return;
  }
  out << fmt::format(
      "agreement with {}: mean onset difference {:.3f} s, max {:.3f} s over {} words; {} "
      "line(s) differ by more than {} s\n",
      other, a.mean_s, a.max_s, a.paired_words, a.disagreeing_lines, race::kDisagreeS);
  for (const race::LineAgreement& line : a.lines) {
    if (line.disagrees) out << fmt::format("    {:.3f} s  {}\n", line.max_s, line.text);
  }
}

// Writes the winner's lyrics in every format: files <stem>.<extension> in the output folder, or
// the one format to stdout.
Status WriteWinner(const race::JobApiClient& client, const std::string& job_id,
                   const std::vector<Format>& formats, const RaceOptions& o, std::ostream& report) {
  for (const Format format : formats) {
    auto text = client.Lyrics(job_id, std::string(FormatName(format)));
    if (!text.ok()) return text.status();
    if (o.output == "-") {
      std::cout << *text;
      continue;
    }
    const fs::path path =
        fs::path(o.output) / (OutputStemFor(o.source) + "." + std::string(Extension(format)));
    YTL_RETURN_IF_ERROR(WriteFileAtomically(path, *text));
    report << "  wrote " << path.string() << "\n";
  }
  return Status::Ok();
}

void RecordHistory(const fs::path& path, std::vector<race::RaceRecord> history,
                   const race::RaceState& state, double duration_s, std::int64_t at_ms) {
  for (const RaceEntry& e : state.entries()) {
    if (!e.started_at_s) continue;
    const auto outcome = race::ParseOutcome(race::EntryStateName(e.state));
    history.push_back({e.backend, outcome.value_or(race::Outcome::kFailed), e.total_s.value_or(-1),
                       race::DurationBucket(duration_s), at_ms});
  }
  if (Status saved = race::SaveHistory(path, history); !saved.ok()) {
    std::cerr << "yt-lyrics race: " << saved.message() << "\n";
  }
}

}  // namespace

int RunRace(const RaceOptions& o, const CancelToken& cancel) {
  std::vector<std::string> backends;
  for (const std::string& b : o.backends) {
    auto url = NormalizeBackend(b);
    if (!url.ok()) return Fail(url.status());
    if (std::find(backends.begin(), backends.end(), *url) == backends.end())
      backends.push_back(*url);
  }
  auto mode = race::ParseRaceMode(o.mode);
  if (!mode.ok()) return Fail(mode.status());
  auto formats = ParseFormats(o.formats);
  if (!formats.ok()) return Fail(formats.status());
  if (o.output == "-" && formats->size() != 1) {
    return Fail(Status::InvalidInput("--output - writes one format; pick one with --format"));
  }
  auto job = BuildJob(o);
  if (!job.ok()) return Fail(job.status());
  const fs::path history_path =
      o.history_path.empty() ? race::DefaultHistoryPath() : fs::path(o.history_path);
  auto history = race::LoadHistory(history_path);
  if (!history.ok()) return Fail(history.status());
  auto plan = race::PlanRace(*mode, backends, *history, std::nullopt);
  if (!plan.ok()) return Fail(plan.status());
  race::RaceRunConfig config;
  config.stall_s = o.stall_timeout_s;
  config.cancel_losers = o.cancel_losers;
  config.api_key = o.api_key;
  if (Status valid = config.Validate(); !valid.ok()) return Fail(valid);

  std::ostream& report = o.output == "-" ? std::cerr : std::cout;
  const auto at_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
  const net::HttpClient http;
  race::RaceRunner runner(http, *plan, *job, config);
  const race::RaceState state = runner.Run(cancel, [&](const RaceEntry& e) {
    if (o.quiet) return;
    std::cerr << "[" << e.backend << "] "
              << (e.reason.empty() ? std::string(race::EntryStateName(e.state)) : e.reason)
              << (e.stage.empty() || !e.reason.empty() ? "" : " " + e.stage) << "\n";
  });
  if (cancel.cancelled()) return Fail(Status::Cancelled("interrupted; the jobs were cancelled"));

  report << "race (" << race::RaceModeName(*mode) << "):\n";
  PrintOutcomes(report, state);
  report << state.Summary() << "\n";
  double duration_s = NAN;
  if (!state.winner()) {
    RecordHistory(history_path, *history, state, duration_s, at_ms);
    return Fail(Status::Unavailable("no backend succeeded; see the outcomes above"));
  }
  const RaceEntry& winner = *state.Find(*state.winner());
  const race::JobApiClient winner_client(http, winner.backend, o.api_key);
  auto winner_json = winner_client.Lyrics(winner.job_id, "json");
  if (!winner_json.ok()) return Fail(winner_json.status());
  const auto winner_lyrics = nlohmann::json::parse(*winner_json, nullptr, false);
  if (winner_lyrics.is_object()) duration_s = winner_lyrics.value("duration_s", NAN);
  for (const RaceEntry& e : state.entries()) {
    if (e.state != EntryState::kSucceeded || e.backend == winner.backend) continue;
    auto other = race::JobApiClient(http, e.backend, o.api_key).Lyrics(e.job_id, "json");
    if (!other.ok()) {
      report << "agreement with " << e.backend << ": " << other.status().message() << "\n";
      continue;
    }
    PrintAgreement(
        report, e.backend,
        race::CompareOnsets(winner_lyrics, nlohmann::json::parse(*other, nullptr, false)));
  }
  RecordHistory(history_path, *history, state, duration_s, at_ms);
  if (Status written = WriteWinner(winner_client, winner.job_id, *formats, o, report);
      !written.ok()) {
    return Fail(written);
  }
  return kExitOk;
}

}  // namespace ytl::cli
