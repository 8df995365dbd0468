// `yt-lyrics race` against real `yt-lyrics serve` backends on loopback: a plain one, one slowed
// with --fault-delay-ms, one failing with --fault-fail-at, and a port where nothing listens.
// The fast backend wins, its lyrics are written, the others' outcomes and the agreement are
// printed, history is kept, and smart mode then starts the fast backend alone.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/exit_codes.h"
#include "sources/subprocess.h"
#include "tests/serve_test_fixture.h"

namespace ytl::testing {
namespace {

namespace fs = std::filesystem;

// A loopback port nobody listens on (bound, then released).
int RefusedPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t size = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size);
  close(fd);
  return ntohs(addr.sin_port);
}

std::string Url(int port) { return "http://127.0.0.1:" + std::to_string(port); }

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The report line of `backend`.
std::string LineOf(const std::string& report, const std::string& backend) {
  std::istringstream lines(report);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("  " + backend + " ") == 0) return line;
  }
  return "";
}

class RaceCli : public ServeTest {
 protected:
  void SetUp() override {
    ServeTest::SetUp();
    std::ofstream(dir_ + "/song.wav", std::ios::binary) << song_bytes_;
    std::ofstream(dir_ + "/song.txt", std::ios::binary) << lyrics_;
    fs::create_directories(dir_ + "/out");
  }

  ProcessResult Race(std::vector<std::string> args,
                     const std::string& lyrics_file = "song.txt") const {
    args.insert(args.begin(), {YTL_CLI_PATH, "race"});
    args.insert(args.end(), {dir_ + "/song.wav", "--lyrics", dir_ + "/" + lyrics_file, "--history",
                             dir_ + "/history.json", "--output", dir_ + "/out", "--quiet"});
    RunOptions options;
    options.timeout_s = 300;
    auto result = PosixProcessRunner().Run(args, options);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? *result : ProcessResult{};
  }
};

TEST_F(RaceCli, FastBackendWinsOthersDropOutOrAgreeThenSmartPicksTheFastOne) {
  auto fast = Start({}, "fast");
  auto slow = Start({"--fault-delay-ms", "3000"}, "slow");
  auto failing = Start({"--fault-fail-at", "vad"}, "failing");
  ASSERT_TRUE(fast->started() && slow->started() && failing->started());
  const std::string down = Url(RefusedPort());

  const ProcessResult raced =
      Race({"--backend", Url(slow->port()), "--backend", Url(fast->port()) + "/", "--backend",
            Url(failing->port()), "--backend", down, "--format", "lrc,json"});
  const std::string& report = raced.stdout_text;
  ASSERT_EQ(raced.exit_code, 0) << report << raced.stderr_text;
  EXPECT_NE(LineOf(report, Url(fast->port())).find("succeeded"), std::string::npos) << report;
  EXPECT_NE(LineOf(report, Url(fast->port())).find("WINNER"), std::string::npos) << report;
  EXPECT_NE(LineOf(report, Url(slow->port())).find("succeeded"), std::string::npos) << report;
  EXPECT_EQ(LineOf(report, Url(slow->port())).find("WINNER"), std::string::npos) << report;
  EXPECT_NE(LineOf(report, Url(failing->port())).find("fault injected at stage vad"),
            std::string::npos)
      << report;
  EXPECT_NE(LineOf(report, down).find("unreachable: "), std::string::npos) << report;
  EXPECT_NE(report.find("agreement with " + Url(slow->port()) + ": mean onset difference"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find(Url(fast->port()) + " won in"), std::string::npos) << report;

  const std::string lrc = ReadAll(dir_ + "/out/song.lrc");
  EXPECT_NE(lrc.find("["), std::string::npos) << "no LRC written";
  const auto json = nlohmann::json::parse(ReadAll(dir_ + "/out/song.json"), nullptr, false);
  ASSERT_TRUE(json.is_object());
  EXPECT_FALSE(json["words"].empty());

  const auto history = nlohmann::json::parse(ReadAll(dir_ + "/history.json"), nullptr, false);
  ASSERT_TRUE(history.is_array());
  ASSERT_EQ(history.size(), 4u);
  std::map<std::string, std::string> outcomes;
  for (const auto& r : history) outcomes[r["backend"]] = r["outcome"];
  EXPECT_EQ(outcomes[Url(fast->port())], "succeeded");
  EXPECT_EQ(outcomes[down], "unreachable");
  EXPECT_EQ(outcomes[Url(failing->port())], "failed");

  // Smart: the history says the fast backend is quicker, so it goes first, alone, and wins
  // (an identical job is answered at once); the slow one is never started.
  const ProcessResult smart = Race({"--mode", "smart", "--backend", Url(slow->port()), "--backend",
                                    Url(fast->port()), "--format", "lrc"});
  ASSERT_EQ(smart.exit_code, 0) << smart.stdout_text << smart.stderr_text;
  EXPECT_NE(LineOf(smart.stdout_text, Url(fast->port())).find("WINNER"), std::string::npos)
      << smart.stdout_text;
  EXPECT_NE(LineOf(smart.stdout_text, Url(slow->port())).find("skipped"), std::string::npos)
      << smart.stdout_text;
  EXPECT_LT(smart.stdout_text.find(Url(fast->port())), smart.stdout_text.find(Url(slow->port())))
      << "smart mode should list the fast backend first";

  // --cancel-losers: a new job (other lyrics) on both; the slow one is cancelled.
  std::string shouted = lyrics_;
  for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::ofstream(dir_ + "/shouted.txt", std::ios::binary) << shouted;
  const ProcessResult cancelling = Race({"--cancel-losers", "--backend", Url(slow->port()),
                                         "--backend", Url(fast->port()), "--format", "lrc"},
                                        "shouted.txt");
  ASSERT_EQ(cancelling.exit_code, 0) << cancelling.stdout_text << cancelling.stderr_text;
  EXPECT_NE(LineOf(cancelling.stdout_text, Url(fast->port())).find("WINNER"), std::string::npos)
      << cancelling.stdout_text;
  EXPECT_NE(LineOf(cancelling.stdout_text, Url(slow->port())).find("cancelled: "),
            std::string::npos)
      << cancelling.stdout_text;
  const auto jobs = JsonOf(slow->Call("GET", "/v1/jobs?limit=5"));
  ASSERT_TRUE(jobs.contains("jobs")) << jobs.dump();
  // The DELETE reached the slow server (whether the job stops before its end depends on where
  // it is: stages cached by the first race finish without a checkpoint).
  EXPECT_EQ(jobs["jobs"][0]["cancel_requested"], true) << jobs.dump();
}

TEST_F(RaceCli, NoReachableBackendExitsUnavailableNamingEachOne) {
  const std::string down = Url(RefusedPort());
  const ProcessResult raced = Race({"--backend", down});
  EXPECT_EQ(raced.exit_code, cli::kExitUnavailable) << raced.stdout_text << raced.stderr_text;
  EXPECT_NE(LineOf(raced.stdout_text, down).find("unreachable"), std::string::npos)
      << raced.stdout_text;
  EXPECT_NE(raced.stderr_text.find("no backend succeeded"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(dir_ + "/out"));
}

TEST_F(RaceCli, BadBackendUrlAndModeAreUsageErrors) {
  const ProcessResult bad_url = Race({"--backend", "lyrics.example.com"});
  EXPECT_EQ(bad_url.exit_code, cli::kExitInvalidInput);
  EXPECT_NE(bad_url.stderr_text.find("is not an http(s) URL"), std::string::npos);
  const ProcessResult bad_mode = Race({"--backend", "http://127.0.0.1:1", "--mode", "fastest"});
  EXPECT_NE(bad_mode.stderr_text.find("use race, smart or single"), std::string::npos);
}

}  // namespace
}  // namespace ytl::testing
