// The image's runtime stage must install the Debian package of every shared library the
// server binary links: a library missing there is only found when the container starts
// ("error while loading shared libraries"), and no Docker engine runs here to find it sooner.
// The binary built here is read with readelf and ldd, and dpkg names each library's package.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "sources/subprocess.h"
#include "tests/deploy/deploy_files.h"

namespace ytl::testing {
namespace {

// In debian:bookworm-slim already (apt itself needs them).
const std::set<std::string> kBaseImagePackages = {"libc6", "libgcc-s1", "libstdc++6"};

// A sanitizer build's runtimes: instrumentation of the test build, not the image's binary.
bool IsSanitizerRuntime(const std::string& soname) {
  for (const char* prefix : {"libasan.", "libubsan.", "libtsan.", "liblsan."}) {
    if (soname.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

Result<std::string> Output(const std::vector<std::string>& argv) {
  auto run = PosixProcessRunner().Run(argv, {});
  if (!run.ok()) return run.status();
  if (run->exit_code != 0) {
    return Status::Unavailable(argv[0] + " exited with " + std::to_string(run->exit_code) + ": " +
                               run->stderr_text);
  }
  return run->stdout_text;
}

// soname -> resolved path, from ldd's "libx.so.1 => /lib/.../libx.so.1 (0x...)" lines.
std::map<std::string, std::string> Resolved(const std::string& ldd) {
  std::map<std::string, std::string> paths;
  std::istringstream lines(ldd);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string soname, arrow, path;
    if (words >> soname >> arrow >> path && arrow == "=>") paths[soname] = path;
  }
  return paths;
}

// The package owning `path` ("libcurl4:amd64: /usr/lib/..." -> "libcurl4"); with merged /usr,
// dpkg knows /lib/x paths as /usr/lib/x.
std::string OwningPackage(const std::string& path) {
  for (const std::string& candidate : {path, "/usr" + path}) {
    auto owner = Output({"dpkg", "-S", candidate});
    if (owner.ok()) return owner->substr(0, owner->find_first_of(":\n"));
  }
  return "";
}

TEST(DockerRuntimeStage, InstallsThePackageOfEveryLibraryTheServerLinks) {
  auto needed = Output({"readelf", "-d", YTL_CLI_PATH});
  auto ldd = Output({"ldd", YTL_CLI_PATH});
  if (!needed.ok() || !ldd.ok() || !Output({"dpkg", "--version"}).ok()) {
    GTEST_SKIP() << "readelf, ldd and dpkg are needed (Debian binutils, libc-bin, dpkg)";
  }
  auto text = ReadTextFile(std::string(YTL_SOURCE_DIR) + "/Dockerfile");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  auto file = ParseDockerfile(*text);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  const auto listed = AptInstalledPackages(file->stages.back());
  const std::set<std::string> runtime(listed.begin(), listed.end());
  const auto paths = Resolved(*ldd);

  int checked = 0;
  std::istringstream lines(*needed);
  for (std::string line; std::getline(lines, line);) {
    const auto open = line.find("Shared library: [");
    if (open == std::string::npos) continue;
    const std::string soname = line.substr(open + 17, line.find(']', open) - open - 17);
    if (IsSanitizerRuntime(soname)) continue;
    ASSERT_TRUE(paths.count(soname)) << soname << " is not resolved by ldd";
    const std::string package = OwningPackage(paths.at(soname));
    ASSERT_FALSE(package.empty()) << "no Debian package owns " << paths.at(soname);
    ++checked;
    if (kBaseImagePackages.count(package)) continue;
    EXPECT_TRUE(runtime.count(package))
        << "yt-lyrics links " << soname << " from the Debian package " << package
        << ", which the Dockerfile's runtime stage does not install";
  }
  EXPECT_GT(checked, 5) << "readelf found too few libraries in " << YTL_CLI_PATH;
}

}  // namespace
}  // namespace ytl::testing
