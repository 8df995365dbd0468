#include "web/assets.h"

#include <string>
#include <utility>
#include <vector>

#include "web/embedded_files.h"

namespace ytl::web {
namespace {

struct NamedAsset {
  std::string path;  // "/app.js"
  Asset asset;
};

std::vector<NamedAsset> BuildAssets() {
  std::vector<NamedAsset> assets;
  for (std::size_t i = 0; i < internal::kEmbeddedFileCount; ++i) {
    const internal::EmbeddedFile& file = internal::kEmbeddedFiles[i];
    assets.push_back({"/" + std::string(file.name), {ContentTypeFor(file.name), file.bytes}});
  }
  return assets;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view ContentTypeFor(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".webmanifest", "application/manifest+json"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const auto& [extension, type] : kTypes) {
    if (EndsWith(name, extension)) return type;
  }
  return "application/octet-stream";
}

const Asset* FindAsset(std::string_view path) {
  static const std::vector<NamedAsset> assets = BuildAssets();
  path = path.substr(0, path.find_first_of("?#"));
  if (path == "/") path = "/index.html";
  if (path == "/race") path = "/race.html";
  for (const NamedAsset& named : assets) {
    if (named.path == path) return &named.asset;
  }
  return nullptr;
}

}  // namespace ytl::web
