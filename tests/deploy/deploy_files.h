// Readers for the deployment files (Dockerfile, fly.toml) that the deploy tests check: just
// enough parsing to see what a container platform would run, not a full Dockerfile or TOML parser.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace ytl::testing {

// One Dockerfile instruction with its continuation lines joined.
struct DockerInstruction {
  std::string keyword;  // upper case: FROM, RUN, ENV, CMD, ...
  std::string args;     // the rest of the instruction, trimmed
  int line = 0;         // 1-based line where it starts
};

struct DockerStage {
  std::string base_image;                       // FROM's image, e.g. "debian:bookworm-slim"
  std::vector<DockerInstruction> instructions;  // after the FROM
};

struct Dockerfile {
  std::vector<DockerStage> stages;
  // The final stage's ENV values (KEY=VALUE pairs; later ones win).
  std::map<std::string, std::string> FinalEnv() const;
  // The final stage's last instruction named `keyword`, or nullptr.
  const DockerInstruction* FinalInstruction(const std::string& keyword) const;
};

Result<std::string> ReadTextFile(const std::string& path);
Result<Dockerfile> ParseDockerfile(const std::string& text);

// Parses an exec-form instruction's JSON array (CMD ["a", "b"]); an error for shell form.
Result<std::vector<std::string>> ExecFormArgs(const DockerInstruction& instruction);

// The Debian packages a stage's RUN instructions install with `apt-get install`, in order
// (options dropped; `-t RELEASE`'s argument too; "name/release" becomes "name").
std::vector<std::string> AptInstalledPackages(const DockerStage& stage);

// The packages listed in scripts/install-deps.sh's `packages=( ... )` array (comments dropped).
std::vector<std::string> InstallDepsPackages(const std::string& script);

// fly.toml as "table.key" -> raw value (quotes removed from plain strings); keys before any
// table header have no prefix. Array tables ([[a.b]]) get an index: "a.b[0].key".
std::map<std::string, std::string> ScanToml(const std::string& text);

}  // namespace ytl::testing
