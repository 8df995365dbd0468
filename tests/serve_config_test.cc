// `yt-lyrics serve` settings end to end: every setting from its environment variable, PORT as
// container platforms set it, a --config TOML [serve] table, the precedence flag > environment >
// file > default, and bad values refused with exit code 2 naming where they came from.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "tests/serve_process.h"

namespace ytl::testing {
namespace {

using Env = std::vector<std::pair<std::string, std::string>>;

// A loopback port that was free a moment ago.
int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  socklen_t size = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  close(fd);
  return ntohs(address.sin_port);
}

class ServeConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/ytl_serve_config_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  std::unique_ptr<ServeProcess> Start(std::vector<std::string> args, Env env) {
    auto server = std::make_unique<ServeProcess>(YTL_CLI_PATH, ServeLaunch{std::move(args), env},
                                                 dir_ + "/server.log");
    EXPECT_TRUE(server->started()) << server->Log();
    return server;
  }

  // The "settings" line the server logged at startup.
  static nlohmann::json Settings(const ServeProcess& server) {
    const std::string log = server.Log();
    const auto at = log.find("\"event\":\"settings\"");
    if (at == std::string::npos) return nullptr;
    const auto begin = log.rfind('\n', at) == std::string::npos ? 0 : log.rfind('\n', at) + 1;
    auto line =
        nlohmann::json::parse(log.substr(begin, log.find('\n', at) - begin), nullptr, false);
    return line.is_object() ? line["settings"] : nlohmann::json(nullptr);
  }

  // Runs the binary to its end (it must fail before serving); exit code and output.
  std::pair<int, std::string> RunToExit(const std::vector<std::string>& args, const Env& env) {
    std::string command = "env";
    for (const auto& [name, value] : env) command += " '" + name + "=" + value + "'";
    command += std::string(" '") + YTL_CLI_PATH + "'";
    for (const auto& arg : args) command += " '" + arg + "'";
    command += " 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string output;
    char buffer[4096];
    while (std::size_t n = fread(buffer, 1, sizeof(buffer), pipe.get())) output.append(buffer, n);
    const int status = pclose(pipe.release());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
  }

  std::string WriteFile(const std::string& name, const std::string& text) {
    std::ofstream(dir_ + "/" + name) << text;
    return dir_ + "/" + name;
  }

  std::string dir_;
};

TEST_F(ServeConfigTest, EverySettingComesFromItsEnvironmentVariable) {
  const Env env = {{"YT_LYRICS_LISTEN", "127.0.0.1:0"},
                   {"PORT", "1"},  // YT_LYRICS_LISTEN wins over PORT
                   {"YT_LYRICS_DATA_DIR", dir_ + "/env-data"},
                   {"YT_LYRICS_WORKERS", "2"},
                   {"YT_LYRICS_IO_THREADS", "3"},
                   {"YT_LYRICS_GRACE_PERIOD", "7.5"},
                   {"YT_LYRICS_CORS_ORIGINS", "https://a.example,https://b.example"},
                   {"YT_LYRICS_API_KEYS", "k1,k2"},
                   {"YT_LYRICS_ALLOW_PRIVATE_URLS", "1"},
                   {"YT_LYRICS_MAX_UPLOAD_MB", "5"},
                   {"YT_LYRICS_MAX_LYRICS_KB", "9"},
                   {"YT_LYRICS_MAX_DURATION", "123"},
                   {"YT_LYRICS_MAX_JOBS_PER_CLIENT", "4"},
                   {"YT_LYRICS_YT_DLP", "/bin/true"},
                   {"YT_LYRICS_YT_DLP_TIMEOUT", "33"},
                   {"YT_LYRICS_SEPARATOR", "none"},
                   {"YT_LYRICS_MODEL_DIR", "/usr/share/pocketsphinx/model/en-us"},
                   {"YT_LYRICS_LRCLIB_URL", "http://127.0.0.1:9"},
                   {"YT_LYRICS_RECOGNIZER", "sphinx"},
                   {"YT_LYRICS_WHISPER_MODEL", dir_ + "/ggml-none.bin"},
                   {"YT_LYRICS_RACE_BACKENDS", "http://a.example:1,http://b.example:2"},
                   {"YT_LYRICS_FAULT_DELAY_MS", "1"},
                   {"YT_LYRICS_FAULT_FAIL_AT", "align"}};
  auto server = Start({"serve"}, env);
  ASSERT_TRUE(server->started());
  const nlohmann::json settings = Settings(*server);
  ASSERT_TRUE(settings.is_object()) << server->Log();
  const nlohmann::json expected = {{"listen", "127.0.0.1:0"},
                                   {"data_dir", dir_ + "/env-data"},
                                   {"workers", 2},
                                   {"io_threads", 3},
                                   {"grace_period_s", 7.5},
                                   {"cors_origins", {"https://a.example", "https://b.example"}},
                                   {"api_keys", 2},
                                   {"allow_private_urls", true},
                                   {"max_upload_mb", 5.0},
                                   {"max_lyrics_kb", 9.0},
                                   {"max_duration_s", 123.0},
                                   {"max_jobs_per_client", 4},
                                   {"yt_dlp_path", "/bin/true"},
                                   {"yt_dlp_timeout_s", 33.0},
                                   {"separator", "none"},
                                   {"model_dir", "/usr/share/pocketsphinx/model/en-us"},
                                   {"lrclib_url", "http://127.0.0.1:9"},
                                   {"recognizer", "sphinx"},
                                   {"whisper_model", dir_ + "/ggml-none.bin"},
                                   {"race_backends", {"http://a.example:1", "http://b.example:2"}},
                                   {"store", ""},
                                   {"fault_delay_ms", 1},
                                   {"fault_fail_at", "align"}};
  for (const auto& [key, value] : expected.items()) {
    EXPECT_EQ(settings[key], value) << key << " in " << settings.dump();
  }
  // And they take effect.
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/env-data/jobs.db"));
  EXPECT_EQ(server->Call("GET", "/v1/jobs").status, 401);
  const auto listed = server->Call(
      "GET", "/v1/jobs", "", {{"Authorization", "Bearer k2"}, {"Origin", "https://b.example"}});
  EXPECT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.Header("access-control-allow-origin"), "https://b.example");
  EXPECT_EQ(server->Stop(SIGTERM), 0);
}

TEST_F(ServeConfigTest, PortMeansListenOnEveryInterface) {
  const int port = FreePort();
  auto server = Start({"serve", "--workers", "1"},
                      {{"PORT", std::to_string(port)}, {"YT_LYRICS_DATA_DIR", dir_ + "/d"}});
  ASSERT_TRUE(server->started());
  EXPECT_NE(server->Log().find("listening on 0.0.0.0:" + std::to_string(port)), std::string::npos)
      << server->Log();
  EXPECT_EQ(server->port(), port);
  EXPECT_EQ(server->Call("GET", "/health").status, 200);
  EXPECT_EQ(server->Stop(SIGTERM), 0);
}

TEST_F(ServeConfigTest, ConfigFileServeTableWithFlagOverEnvironmentOverFile) {
  const int port = FreePort();
  const std::string file = WriteFile("yt-lyrics.toml",
                                     "[serve]\n"
                                     "listen = \"127.0.0.1:1\"\n"  // PORT (environment) wins
                                     "data-dir = \"" +
                                         dir_ +
                                         "/file-data\"\n"
                                         "workers = 3\n"
                                         "max-duration = 99\n"
                                         "max-lyrics-kb = 11\n"
                                         "cors-origin = [\"https://file.example\"]\n");
  auto server = Start({"serve", "--config", file, "--max-duration", "44"},
                      {{"PORT", std::to_string(port)},
                       {"YT_LYRICS_WORKERS", "1"},
                       {"YT_LYRICS_MAX_DURATION", "55"}});
  ASSERT_TRUE(server->started());
  const nlohmann::json settings = Settings(*server);
  ASSERT_TRUE(settings.is_object()) << server->Log();
  EXPECT_EQ(settings["listen"], "0.0.0.0:" + std::to_string(port));  // environment over file
  EXPECT_EQ(settings["workers"], 1);                                 // environment over file
  EXPECT_EQ(settings["max_duration_s"], 44.0);                       // flag over environment
  EXPECT_EQ(settings["max_lyrics_kb"], 11.0);                        // file over default
  EXPECT_EQ(settings["data_dir"], dir_ + "/file-data");
  EXPECT_EQ(settings["cors_origins"], nlohmann::json({"https://file.example"}));
  EXPECT_EQ(settings["max_upload_mb"], 200.0);  // default
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/file-data/jobs.db"));
  EXPECT_EQ(server->Stop(SIGTERM), 0);
}

TEST_F(ServeConfigTest, BadValuesExitTwoNamingTheirSource) {
  const std::string data = dir_ + "/never";
  const auto expect_usage_error = [&](const std::vector<std::string>& args, const Env& env,
                                      const std::string& named) {
    const auto [code, output] = RunToExit(args, env);
    EXPECT_EQ(code, 2) << output;
    EXPECT_NE(output.find(named), std::string::npos) << "no '" << named << "' in: " << output;
  };
  expect_usage_error({"serve", "--data-dir", data}, {{"YT_LYRICS_WORKERS", "many"}},
                     "YT_LYRICS_WORKERS=many");
  expect_usage_error({"serve", "--data-dir", data}, {{"YT_LYRICS_MAX_DURATION", "-5"}},
                     "YT_LYRICS_MAX_DURATION=-5");
  expect_usage_error({"serve", "--data-dir", data}, {{"YT_LYRICS_YT_DLP_TIMEOUT", "0"}},
                     "YT_LYRICS_YT_DLP_TIMEOUT=0");
  expect_usage_error({"serve", "--data-dir", data}, {{"PORT", "http"}}, "PORT='http'");
  expect_usage_error({"serve", "--data-dir", data, "--max-upload-mb", "0"}, {}, "--max-upload-mb");
  const std::string file = WriteFile("bad.toml", "[serve]\nio-threads = 0\n");
  expect_usage_error({"serve", "--config", file, "--data-dir", data}, {}, "--config file");
  EXPECT_FALSE(std::filesystem::exists(data)) << "a refused start created the data dir";
}

}  // namespace
}  // namespace ytl::testing
