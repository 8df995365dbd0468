// Where `yt-lyrics serve` takes each setting from, in this order of precedence: a command-line
// flag, then its environment variable (YT_LYRICS_*; PORT for the listening port), then the
// [serve] table of the --config TOML file, then the built-in default.
//
// CLI11 on its own lets the file beat the environment; EnvFirstConfig drops the file's value of
// every setting whose environment variable is set, so that a platform's environment overrides a
// file baked into an image.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace ytl::cli {

class EnvFirstConfig : public CLI::ConfigTOML {
 public:
  // `command` is the subcommand whose table the file holds (serve); it must outlive the config.
  explicit EnvFirstConfig(const CLI::App* command) : command_(command) {}

  std::vector<CLI::ConfigItem> from_config(std::istream& input) const override;

 private:
  const CLI::App* command_;
};

// For a parse error of `command`'s options, a hint naming where the bad value came from: ""
// when the flag was on the command line (CLI11's message names it), else " (from environment
// variable NAME=VALUE)" or " (from the [serve] table of the --config file)". `args` are the
// command-line arguments.
std::string BadValueSource(const CLI::App& command, const std::string& message,
                           const std::vector<std::string>& args);

// Validators for numeric settings whose CLI11 message reads "--flag: must be ..., got 'VALUE'".
CLI::Validator AboveZero();
CLI::Validator ZeroOrMore();

// The --listen value for the PORT environment variable as container platforms set it
// ("0.0.0.0:PORT"); "" when PORT is unset or empty. Sets `error` when PORT is not a port number.
std::string ListenFromPort(std::string* error);

}  // namespace ytl::cli
