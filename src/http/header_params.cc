#include "http/header_params.h"

#include <cctype>

namespace ytl::http {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Reads a quoted string starting at text[0] == '"'; advances `text` past it.
std::optional<std::string> ReadQuoted(std::string_view& text) {
  std::string out;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      out.push_back(text[++i]);
    } else if (text[i] == '"') {
      text.remove_prefix(i + 1);
      return out;
    } else {
      out.push_back(text[i]);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<HeaderValue> ParseHeaderValue(std::string_view text) {
  HeaderValue value;
  std::size_t semi = text.find(';');
  value.token = Lower(Trim(text.substr(0, semi)));
  text = semi == std::string_view::npos ? std::string_view() : text.substr(semi + 1);
  while (!(text = Trim(text)).empty()) {
    const std::size_t eq = text.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    std::string key = Lower(Trim(text.substr(0, eq)));
    text = Trim(text.substr(eq + 1));
    std::string param;
    if (!text.empty() && text.front() == '"') {
      auto quoted = ReadQuoted(text);
      if (!quoted) return std::nullopt;
      param = std::move(*quoted);
      text = Trim(text);
      if (!text.empty() && text.front() != ';') return std::nullopt;
    } else {
      semi = text.find(';');
      param = std::string(Trim(text.substr(0, semi)));
      text = semi == std::string_view::npos ? std::string_view() : text.substr(semi);
    }
    if (!text.empty()) text.remove_prefix(1);  // the ';'
    // A repeated parameter is ambiguous (which name, which boundary?).
    if (!value.params.emplace(std::move(key), std::move(param)).second) return std::nullopt;
  }
  return value;
}

}  // namespace ytl::http
