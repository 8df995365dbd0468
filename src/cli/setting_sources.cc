#include "cli/setting_sources.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>

namespace ytl::cli {
namespace {

bool EnvSet(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

// True when `message` names `flag` as a whole word ("--yt-dlp" is not in "--yt-dlp-timeout").
bool NamesFlag(const std::string& message, const std::string& flag) {
  for (auto at = message.find(flag); at != std::string::npos; at = message.find(flag, at + 1)) {
    const std::size_t end = at + flag.size();
    if (end == message.size() || !(std::isalnum(static_cast<unsigned char>(message[end])) ||
                                   message[end] == '-' || message[end] == '_')) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<CLI::ConfigItem> EnvFirstConfig::from_config(std::istream& input) const {
  std::vector<CLI::ConfigItem> items = CLI::ConfigTOML::from_config(input);
  std::erase_if(items, [this](const CLI::ConfigItem& item) {
    if (item.parents.empty() || item.parents.front() != command_->get_name()) return false;
    const CLI::Option* option = command_->get_option_no_throw("--" + item.name);
    if (option == nullptr) return false;
    if (EnvSet(option->get_envname().c_str())) return true;
    return item.name == "listen" && EnvSet("PORT");
  });
  return items;
}

std::string BadValueSource(const CLI::App& command, const std::string& message,
                           const std::vector<std::string>& args) {
  for (const CLI::Option* option : command.get_options()) {
    if (option->get_lnames().empty()) continue;
    const std::string flag = "--" + option->get_lnames().front();
    if (!NamesFlag(message, flag)) continue;
    const bool on_command_line = std::any_of(args.begin(), args.end(), [&](const std::string& a) {
      return a == flag || a.rfind(flag + "=", 0) == 0;
    });
    if (on_command_line) return "";
    const std::string env = option->get_envname();
    if (!env.empty() && EnvSet(env.c_str())) {
      return " (from environment variable " + env + "=" + std::getenv(env.c_str()) + ")";
    }
    return " (from the [serve] table of the --config file)";
  }
  return "";
}

namespace {

CLI::Validator NumberAtLeast(double floor, bool inclusive, const std::string& wanted,
                             const std::string& help) {
  return CLI::Validator(
      [floor, inclusive, wanted](std::string& text) -> std::string {
        double value = 0;
        const bool number = CLI::detail::lexical_cast(text, value);
        if (number && (inclusive ? value >= floor : value > floor)) return "";
        return "must be " + wanted + ", got '" + text + "'";
      },
      help);
}

}  // namespace

CLI::Validator AboveZero() { return NumberAtLeast(0, false, "a number above 0", "POSITIVE"); }
CLI::Validator ZeroOrMore() {
  return NumberAtLeast(0, true, "a number of 0 or more", "NONNEGATIVE");
}

std::string ListenFromPort(std::string* error) {
  const char* port = std::getenv("PORT");
  if (port == nullptr || *port == '\0') return "";
  const std::string text(port);
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1 || value > 65535) {
    *error = "environment variable PORT='" + text +
             "' is not a port number; set it to 1-65535 or unset it (--listen HOST:PORT)";
    return "";
  }
  return "0.0.0.0:" + text;
}

}  // namespace ytl::cli
