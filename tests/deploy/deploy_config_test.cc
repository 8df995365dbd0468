// Static checks of the deployment files: the Dockerfile's essentials (Debian 12 stages, exec-form
// CMD, non-root USER, HEALTHCHECK, EXPOSE, no secrets) and that railway.json and fly.toml agree
// with it (same start command, shutdown deadlines longer than the server's grace period).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "tests/deploy/deploy_files.h"

namespace ytl::testing {
namespace {

const std::string kRoot = YTL_SOURCE_DIR;
constexpr double kDefaultGracePeriodS = 25;  // `serve --grace-period` default

std::string MustRead(const std::string& name) {
  auto text = ReadTextFile(kRoot + "/" + name);
  EXPECT_TRUE(text.ok()) << text.status().ToString();
  return text.ok() ? *text : "";
}

Dockerfile MustParseDockerfile() {
  auto file = ParseDockerfile(MustRead("Dockerfile"));
  EXPECT_TRUE(file.ok()) << file.status().ToString();
  return file.ok() ? *file : Dockerfile{{{"", {}}}};
}

std::string Joined(const std::vector<std::string>& args) {
  std::string out;
  for (const auto& arg : args) out += (out.empty() ? "" : " ") + arg;
  return out;
}

// The grace period the container runs with: its ENV, else the server's default.
double ContainerGracePeriodS(const Dockerfile& file) {
  const auto env = file.FinalEnv();
  const auto it = env.find("YT_LYRICS_GRACE_PERIOD");
  return it == env.end() ? kDefaultGracePeriodS : std::stod(it->second);
}

TEST(DeployFiles, ParserJoinsContinuationsAndReadsEnvPairs) {
  auto file = ParseDockerfile(
      "# comment\nFROM a AS b\nFROM --platform=x c\nENV A=1 \\\n    B=\"two\"\nCMD [\"x\", "
      "\"y\"]\n");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  ASSERT_EQ(file->stages.size(), 2u);
  EXPECT_EQ(file->stages[1].base_image, "c");
  EXPECT_EQ(file->FinalEnv(), (std::map<std::string, std::string>{{"A", "1"}, {"B", "two"}}));
  auto cmd = ExecFormArgs(*file->FinalInstruction("CMD"));
  ASSERT_TRUE(cmd.ok());
  EXPECT_EQ(Joined(*cmd), "x y");
  EXPECT_FALSE(ExecFormArgs({"CMD", "x y", 1}).ok());
  EXPECT_FALSE(ParseDockerfile("RUN true\n").ok());
}

TEST(DeployFiles, TomlScanReadsTablesArrayTablesAndComments) {
  const auto toml =
      ScanToml("a = 1 # c\n[t]\n  k = \"v\" # c\n[[t.x]]\np = '/a'\n[[t.x]]\np = 2\n");
  EXPECT_EQ(toml.at("a"), "1");
  EXPECT_EQ(toml.at("t.k"), "v");
  EXPECT_EQ(toml.at("t.x[0].p"), "/a");
  EXPECT_EQ(toml.at("t.x[1].p"), "2");
}

TEST(DeployFiles, AptPackagesAndInstallDepsListsAreRead) {
  auto file = ParseDockerfile(
      "FROM debian:bookworm-slim\n"
      "RUN apt-get update \\\n && DEBIAN_FRONTEND=noninteractive apt-get install -y \\\n"
      "      --no-install-recommends a b \\\n      c && rm -rf /x\n"
      "RUN apt-get -y install -t bookworm-backports d/bookworm-backports; echo e\n");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(AptInstalledPackages(file->stages[0]), (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(InstallDepsPackages("x=1\npackages=(\n  a b  # c d\n  e\n)\nf=(g)\n"),
            (std::vector<std::string>{"a", "b", "e"}));
}

// The -dev packages scripts/install-deps.sh installs for building yt-lyrics itself (not those
// only its tests, benchmarks and fuzzers use) must be in the image's build stage too, or the
// image builds without a feature (PostgreSQL) or not at all (libcurl).
TEST(Dockerfile, BuildStageInstallsEveryBuildDependency) {
  const std::set<std::string> test_only = {"libgtest-dev", "libgmock-dev", "libbenchmark-dev",
                                           "libclang-rt-14-dev"};
  const auto file = MustParseDockerfile();
  const auto build_packages = AptInstalledPackages(file.stages.front());
  const std::set<std::string> in_build(build_packages.begin(), build_packages.end());
  const auto wanted = InstallDepsPackages(MustRead("scripts/install-deps.sh"));
  ASSERT_GT(wanted.size(), 10u) << "scripts/install-deps.sh lists no packages=( ... )";
  for (const std::string& package : wanted) {
    const bool dev = package.size() > 4 && package.ends_with("-dev");
    if (dev && !test_only.count(package)) {
      EXPECT_TRUE(in_build.count(package))
          << package << " is in scripts/install-deps.sh but not in the Dockerfile's build stage";
    }
  }
}

TEST(Dockerfile, IsMultiStageOnDebianBookworm) {
  const auto file = MustParseDockerfile();
  EXPECT_GE(file.stages.size(), 2u) << "build and runtime stages expected";
  for (const auto& stage : file.stages) {
    EXPECT_EQ(stage.base_image.rfind("debian:bookworm", 0), 0u)
        << "stage FROM " << stage.base_image << " is not Debian 12 (debian:bookworm-slim)";
  }
}

TEST(Dockerfile, FinalStageRunsTheServerInExecFormAsNonRoot) {
  const auto file = MustParseDockerfile();
  const auto* cmd = file.FinalInstruction("CMD");
  ASSERT_NE(cmd, nullptr) << "the final stage has no CMD";
  auto args = ExecFormArgs(*cmd);
  ASSERT_TRUE(args.ok()) << args.status().ToString();
  ASSERT_GE(args->size(), 2u);
  EXPECT_EQ((*args)[0], "yt-lyrics");
  EXPECT_EQ((*args)[1], "serve");
  if (const auto* entrypoint = file.FinalInstruction("ENTRYPOINT")) {
    EXPECT_TRUE(ExecFormArgs(*entrypoint).ok()) << "ENTRYPOINT must be exec form too";
  }
  const auto* user = file.FinalInstruction("USER");
  ASSERT_NE(user, nullptr) << "the final stage runs as root; add a USER";
  const std::string name = user->args.substr(0, user->args.find(':'));
  EXPECT_NE(name, "root");
  EXPECT_NE(name, "0");
}

TEST(Dockerfile, HasHealthcheckExposeAndPortEnv) {
  const auto file = MustParseDockerfile();
  const auto* health = file.FinalInstruction("HEALTHCHECK");
  ASSERT_NE(health, nullptr) << "add a HEALTHCHECK hitting /health";
  EXPECT_NE(health->args.find("/health"), std::string::npos) << health->args;
  const auto* expose = file.FinalInstruction("EXPOSE");
  ASSERT_NE(expose, nullptr);
  const auto env = file.FinalEnv();
  ASSERT_TRUE(env.count("PORT")) << "ENV PORT=8080 expected";
  EXPECT_EQ(expose->args.substr(0, expose->args.find('/')), env.at("PORT"));
  EXPECT_EQ(env.count("YT_LYRICS_LISTEN"), 0u) << "YT_LYRICS_LISTEN would override PORT";
  ASSERT_TRUE(env.count("YT_LYRICS_DATA_DIR"));
  const auto* volume = file.FinalInstruction("VOLUME");
  ASSERT_NE(volume, nullptr);
  EXPECT_NE(volume->args.find(env.at("YT_LYRICS_DATA_DIR")), std::string::npos);
}

TEST(Dockerfile, CarriesNoSecrets) {
  const std::regex assignment(R"(([A-Za-z_]*(KEY|TOKEN|PASSWORD|SECRET)S?)\s*=\s*\S)",
                              std::regex::icase);
  std::istringstream lines(MustRead("Dockerfile"));
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    EXPECT_FALSE(std::regex_search(line, assignment))
        << "Dockerfile line " << number << " sets a secret-looking value: " << line
        << "; pass secrets as platform secrets at run time";
  }
  const std::regex secret_name("(KEY|TOKEN|PASSWORD|SECRET)", std::regex::icase);
  for (const auto& stage : MustParseDockerfile().stages) {
    for (const auto& instruction : stage.instructions) {
      if (instruction.keyword != "ARG" && instruction.keyword != "ENV") continue;
      EXPECT_FALSE(std::regex_search(instruction.args, secret_name))
          << instruction.keyword << " on line " << instruction.line << " names a secret";
    }
  }
}

TEST(Dockerignore, ExcludesBuildTreesModulesAndGit) {
  const std::string text = MustRead(".dockerignore");
  for (const char* entry : {"build*/", "node_modules/", ".git"}) {
    EXPECT_NE(text.find(entry), std::string::npos) << ".dockerignore lacks " << entry;
  }
}

TEST(RailwayJson, StartsTheSameCommandAndDrainsLongerThanTheGracePeriod) {
  const auto json = nlohmann::json::parse(MustRead("railway.json"), nullptr, false);
  ASSERT_TRUE(json.is_object()) << "railway.json is not valid JSON";
  EXPECT_EQ(json.value("$schema", ""), "https://railway.com/railway.schema.json");
  EXPECT_EQ(json["build"].value("builder", ""), "DOCKERFILE");
  const auto& deploy = json["deploy"];
  ASSERT_TRUE(deploy.is_object());
  const auto file = MustParseDockerfile();
  auto cmd = ExecFormArgs(*file.FinalInstruction("CMD"));
  ASSERT_TRUE(cmd.ok());
  EXPECT_EQ(deploy.value("startCommand", ""), Joined(*cmd));
  const std::set<std::string> paths = {"/ready", "/health"};
  EXPECT_TRUE(paths.count(deploy.value("healthcheckPath", "")));
  EXPECT_GT(deploy.value("healthcheckTimeout", 0), 0);
  EXPECT_EQ(deploy.value("restartPolicyType", ""), "ON_FAILURE");
  EXPECT_GT(deploy.value("restartPolicyMaxRetries", 0), 0);
  EXPECT_GT(deploy.value("drainingSeconds", 0.0), ContainerGracePeriodS(file))
      << "Railway sends SIGKILL drainingSeconds after SIGTERM";
}

TEST(FlyToml, ChecksHealthAndReadinessAndOutwaitsTheGracePeriod) {
  const auto toml = ScanToml(MustRead("fly.toml"));
  const auto get = [&](const std::string& key) {
    const auto it = toml.find(key);
    EXPECT_NE(it, toml.end()) << "fly.toml lacks " << key;
    return it == toml.end() ? std::string() : it->second;
  };
  EXPECT_FALSE(get("app").empty());
  EXPECT_EQ(get("build.dockerfile"), "Dockerfile");
  EXPECT_EQ(get("kill_signal"), "SIGTERM");
  const auto file = MustParseDockerfile();
  double grace_s = ContainerGracePeriodS(file);
  if (toml.count("env.YT_LYRICS_GRACE_PERIOD"))
    grace_s = std::stod(get("env.YT_LYRICS_GRACE_PERIOD"));
  EXPECT_GT(std::stod(get("kill_timeout")), grace_s) << "Fly sends SIGKILL after kill_timeout";
  EXPECT_EQ(get("env.YT_LYRICS_DATA_DIR"), "/data");
  EXPECT_EQ(get("mounts.destination"), "/data");
  EXPECT_EQ(get("http_service.internal_port"), file.FinalEnv()["PORT"]);
  EXPECT_GE(std::stoi(get("http_service.min_machines_running")), 1);
  std::set<std::string> check_paths;
  for (int i = 0; toml.count("http_service.checks[" + std::to_string(i) + "].path"); ++i) {
    check_paths.insert(toml.at("http_service.checks[" + std::to_string(i) + "].path"));
  }
  EXPECT_TRUE(check_paths.count("/health")) << "add an [[http_service.checks]] on /health";
  EXPECT_TRUE(check_paths.count("/ready")) << "add an [[http_service.checks]] on /ready";
}

}  // namespace
}  // namespace ytl::testing
